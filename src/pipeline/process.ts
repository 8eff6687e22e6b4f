/**
 * Running the pipeline over content files: one language version (`processText`), or every file of a
 * document's folder (`loadDocument`). Problems of single files become messages on them; the rules
 * across files (src/rules/) come after, and the cache writer (src/cache/) runs both over all content.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { readContentFile } from '../content/read';
import { reportFailure } from '../content/report';
import { isLanguage, languages, type Language } from '../model/languages';
import { firstEditionOnly } from '../model/document';
import { slugPattern } from '../model/schema';
import type { ArchiveDocument, DocumentText } from '../model/types';
import { createProcessor } from './index';
import { report } from './report';

/** The document pipeline, made once with `createProcessor()` and shared by every file. */
export type Processor = ReturnType<typeof createProcessor>;

/** One document as loaded, with the files read for it. */
export interface LoadedDocument {
  document: ArchiveDocument;
  /** The VFile of each language version (also of one that could not be read or processed). */
  byLanguage: Partial<Record<Language, VFile>>;
  /**
   * Every file of the document's folder, in name order, with its messages, including files that are
   * not language versions. Their text and pipeline data are released once read: messages only.
   */
  files: VFile[];
}

/**
 * Runs a language version already read into `file` (its path relative to the project root) through
 * the pipeline, as `loadDocument` does for each file it reads: problems become messages on the file,
 * and the text and pipeline data are released. Undefined when the file's front matter or blocks could
 * not be read.
 */
export async function processText(processor: Processor, file: VFile, lang: Language): Promise<DocumentText | undefined> {
  const path = file.path;
  file.data.lang = lang;
  // Parse and run only: the model is on file.data, and nothing needs the file compiled to HTML.
  try {
    await processor.run(processor.parse(file), file);
  } catch (error) {
    // A fault no rule foresaw: one message on this file, and the other files are still checked.
    reportFailure(file, error);
    file.value = '';
    file.data = {};
    return undefined;
  }
  const { frontMatter, blocks, notes, mentions, anchors } = file.data;
  file.value = '';
  file.data = {};
  if (!frontMatter || !blocks) return undefined;
  if (frontMatter.lang !== lang) {
    report(file, 'error', `the file is named \`${lang}.md\` but its front matter says \`lang: ${frontMatter.lang}\``, { line: 1, column: 1 }, 'lang-mismatch');
  }
  return { lang, path, frontMatter, blocks, notes: notes ?? [], mentions: mentions ?? [], anchors: anchors ?? [] };
}

/**
 * Loads the document in `content/documents/<slug>`: each language version through `processor`. The
 * document is not yet checked across its files (see `createArchiveCheck` in src/rules/); problems of
 * single files are already messages on them.
 */
export async function loadDocument(processor: Processor, root: string, slug: string): Promise<LoadedDocument> {
  const folder = `content/documents/${slug}`;
  const names = (await readdir(join(root, folder))).sort();
  const files: VFile[] = [];
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
    const read = await readContentFile(root, path);
    files.push(read.file);
    byLanguage[lang] = read.file;
    const text = read.ok ? await processText(processor, read.file, lang) : undefined;
    if (text) texts[lang] = text;
  }
  const first = Object.values(byLanguage)[0];
  if (!slugPattern.test(slug) && first) {
    report(first, 'error', `the folder name \`${slug}\` is not a valid slug: use lowercase ASCII letters, digits and inner hyphens`, { line: 1, column: 1 }, 'document-source');
  }
  const sources = languages.filter((lang) => texts[lang]?.frontMatter.role === 'source');
  const document: ArchiveDocument = { slug, source: sources[0] ?? languages.find((lang) => texts[lang]) ?? 'ru', texts, editions: firstEditionOnly() };
  return { document, byLanguage, files };
}
