/**
 * Loads all content: the glossary and every document with its language versions, each run through
 * the pipeline, then checked across files. Every problem is a message on the VFile it concerns.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { formatReport } from '../check/format';
import { checkEdition } from '../check/rules';
import { createProcessor } from '../pipeline';
import { report } from '../pipeline/report';
import { parseGlossary, type LoadedGlossary } from './glossary';
import { isLanguage, languages, type Language } from './languages';
import { readContentFile } from './read';
import { slugPattern } from './schema';
import type { DocumentText, Edition, EditionDocument } from './types';

export interface LoadedContent {
  edition: Edition;
  /** Every file read, with its messages; files without messages included. */
  files: VFile[];
  glossary: LoadedGlossary;
  /** The VFile of each language version, by document slug. */
  documentFiles: Map<string, Partial<Record<Language, VFile>>>;
}

/** Content that has errors. `files` carry the messages; `report` is the compiler-style text. */
export class ContentError extends Error {
  constructor(
    readonly files: VFile[],
    readonly report: string,
  ) {
    super(`the content has errors:\n${report}`);
    this.name = 'ContentError';
  }
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((info) => info.isDirectory(), () => false);
}

type Processor = ReturnType<typeof createProcessor>;

async function loadText(
  processor: Processor,
  root: string,
  path: string,
  lang: Language,
  files: VFile[],
): Promise<{ text?: DocumentText; file: VFile }> {
  const { file, ok } = await readContentFile(root, path);
  files.push(file);
  if (!ok) return { file };
  file.data.lang = lang;
  await processor.process(file);
  const data = file.data;
  if (!data.frontMatter || !data.blocks) return { file };
  if (data.frontMatter.lang !== lang) {
    report(file, 'error', `the file is named \`${lang}.md\` but its front matter says \`lang: ${data.frontMatter.lang}\``, { line: 1, column: 1 }, 'lang-mismatch');
  }
  const text: DocumentText = {
    lang,
    path,
    frontMatter: data.frontMatter,
    blocks: data.blocks,
    notes: data.notes ?? [],
    mentions: data.mentions ?? [],
    anchors: data.anchors ?? [],
  };
  return { text, file };
}

/** Loads and checks everything under `root/content`. Never throws for a content problem. */
export async function loadContent(root: string = process.cwd()): Promise<LoadedContent> {
  const files: VFile[] = [];
  const documentFiles = new Map<string, Partial<Record<Language, VFile>>>();
  const documents: EditionDocument[] = [];
  // One processor for every file: plugins keep no state between files.
  const processor = createProcessor();

  const glossaryPath = 'content/glossary.yaml';
  let glossary: LoadedGlossary = { items: [], places: new Map(), loaded: false };
  const glossaryRead = await readContentFile(root, glossaryPath).catch(() => undefined);
  if (!glossaryRead) {
    const file = new VFile({ path: glossaryPath, cwd: root });
    report(file, 'error', 'the glossary file is missing', { line: 1, column: 1 }, 'glossary-schema');
    files.push(file);
  } else {
    files.push(glossaryRead.file);
    if (glossaryRead.ok) glossary = parseGlossary(glossaryRead.file);
  }

  const documentsDir = join(root, 'content', 'documents');
  const slugs = (await isDirectory(documentsDir)) ? (await readdir(documentsDir)).sort() : [];
  for (const slug of slugs) {
    const folder = `content/documents/${slug}`;
    if (!(await isDirectory(join(root, folder)))) continue;
    const names = (await readdir(join(root, folder))).sort();
    const byLanguage: Partial<Record<Language, VFile>> = {};
    const texts: Partial<Record<Language, DocumentText>> = {};
    for (const name of names) {
      const path = `${folder}/${name}`;
      const lang = name.replace(/\.md$/, '');
      if (!name.endsWith('.md') || !isLanguage(lang)) {
        const file = new VFile({ path, cwd: root });
        report(file, 'error', `a document folder holds only \`${languages.join('.md`, `')}.md\`; \`${name}\` is not one of them`, { line: 1, column: 1 }, 'lang-mismatch');
        files.push(file);
        continue;
      }
      const { text, file } = await loadText(processor, root, path, lang, files);
      byLanguage[lang] = file;
      if (text) texts[lang] = text;
    }
    documentFiles.set(slug, byLanguage);
    const first = Object.values(byLanguage)[0];
    if (!slugPattern.test(slug) && first) {
      report(first, 'error', `the folder name \`${slug}\` is not a valid slug: use lowercase ASCII letters, digits and inner hyphens`, { line: 1, column: 1 }, 'document-source');
    }
    const sources = languages.filter((lang) => texts[lang]?.frontMatter.role === 'source');
    documents.push({ slug, source: sources[0] ?? languages.find((lang) => texts[lang]) ?? 'ru', texts });
  }

  const edition: Edition = { documents, glossary: glossary.items };
  checkEdition({ edition, documentFiles, glossary, glossaryFile: files.find((file) => file.path === glossaryPath) });
  return { edition, files, glossary, documentFiles };
}

/** True when any message of the files is an error. */
export function hasErrors(files: readonly VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal === true));
}

/** Loads the edition for the site; throws ContentError when the content has errors. */
export async function loadEdition(root: string = process.cwd()): Promise<Edition> {
  const { edition, files } = await loadContent(root);
  if (hasErrors(files)) {
    throw new ContentError(files, formatReport(files));
  }
  return edition;
}
