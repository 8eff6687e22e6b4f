/**
 * Loads the content: the glossary, then each document with its language versions, one at a time, each
 * run through the pipeline and checked on its own; the glossary-wide rules come last. Every problem is
 * a message on the VFile it concerns. `streamContent` holds one document at a time (for the content
 * cache and the checker); `loadContent` and `loadEdition` keep them all (for tests and small tools).
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { formatReport } from '../check/format';
import { createEditionCheck } from '../check/rules';
import { createProcessor } from '../pipeline';
import { report } from '../pipeline/report';
import { parseGlossary, type LoadedGlossary } from './glossary';
import { isLanguage, languages, type Language } from './languages';
import { readContentFile } from './read';
import { slugPattern } from './schema';
import type { DocumentText, Edition, EditionDocument } from './types';

/** The document pipeline, made once with `createProcessor()` and shared by every file. */
export type Processor = ReturnType<typeof createProcessor>;

/** Path of the glossary, relative to the project root. */
const glossaryPath = 'content/glossary.yaml';

export interface LoadedContent {
  edition: Edition;
  /** Every file read, with its messages; files without messages included. */
  files: VFile[];
  glossary: LoadedGlossary;
  /** The VFile of each language version, by document slug. */
  documentFiles: Map<string, Partial<Record<Language, VFile>>>;
}

/** One document as loaded, with the files read for it. */
export interface LoadedDocument {
  document: EditionDocument;
  /** The VFile of each language version (also of one that could not be read or processed). */
  byLanguage: Partial<Record<Language, VFile>>;
  /**
   * Every file of the document's folder, in name order, with its messages, including files that are
   * not language versions. Their text and pipeline data are released once read: messages only.
   */
  files: VFile[];
}

/** The glossary as loaded, and its file with its messages. */
export interface LoadedGlossaryFile {
  glossary: LoadedGlossary;
  file: VFile;
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

/**
 * Reports an exception thrown while a file was processed: the content holds something no rule
 * foresaw. The file is named and the checker goes on; the message asks for the case to be reported.
 */
function reportFailure(file: VFile, error: unknown): void {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  report(file, 'error', `this file could not be processed (${reason.slice(0, 200)}); it holds something the reader cannot handle: simplify the markup, and report the case`, { line: 1, column: 1 }, 'unsupported-syntax');
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((info) => info.isDirectory(), () => false);
}

/**
 * Reads `content/glossary.yaml` and validates its entries. A missing file is an error on a file of
 * that name, so that it is reported like any other problem.
 */
export async function loadGlossary(root: string): Promise<LoadedGlossaryFile> {
  const read = await readContentFile(root, glossaryPath).catch(() => undefined);
  if (!read) {
    const file = new VFile({ path: glossaryPath, cwd: root });
    report(file, 'error', 'the glossary file is missing', { line: 1, column: 1 }, 'glossary-schema');
    return { glossary: { items: [], places: new Map(), loaded: false }, file };
  }
  let glossary: LoadedGlossary = { items: [], places: new Map(), loaded: false };
  try {
    if (read.ok) glossary = parseGlossary(read.file);
  } catch (error) {
    reportFailure(read.file, error);
  }
  return { glossary, file: read.file };
}

/** The folder names under `content/documents`, sorted: one per document, whether or not a valid slug. */
export async function listDocumentSlugs(root: string): Promise<string[]> {
  const documentsDir = join(root, 'content', 'documents');
  if (!(await isDirectory(documentsDir))) return [];
  const slugs: string[] = [];
  for (const name of (await readdir(documentsDir)).sort()) {
    if (await isDirectory(join(documentsDir, name))) slugs.push(name);
  }
  return slugs;
}

/**
 * Runs one language version through the pipeline. The file keeps its messages; its text and pipeline
 * data are released (the returned DocumentText holds what the site needs).
 */
async function loadText(processor: Processor, root: string, path: string, lang: Language): Promise<{ text?: DocumentText; file: VFile }> {
  const { file, ok } = await readContentFile(root, path);
  if (!ok) return { file };
  return { text: await processText(processor, file, lang), file };
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
 * document is not yet checked across its files (see `createEditionCheck`); problems of single files
 * are already messages on them.
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
    const { text, file } = await loadText(processor, root, path, lang);
    files.push(file);
    byLanguage[lang] = file;
    if (text) texts[lang] = text;
  }
  const first = Object.values(byLanguage)[0];
  if (!slugPattern.test(slug) && first) {
    report(first, 'error', `the folder name \`${slug}\` is not a valid slug: use lowercase ASCII letters, digits and inner hyphens`, { line: 1, column: 1 }, 'document-source');
  }
  const sources = languages.filter((lang) => texts[lang]?.frontMatter.role === 'source');
  const document: EditionDocument = { slug, source: sources[0] ?? languages.find((lang) => texts[lang]) ?? 'ru', texts };
  return { document, byLanguage, files };
}

/**
 * Loads and checks the content under `root/content` one document at a time: each document is loaded,
 * checked, then handed to `onDocument` and let go. Resolves, after the glossary-wide rules, with the
 * glossary and its file (whose messages are only complete then). Never throws for a content problem.
 */
export async function streamContent(
  root: string,
  onDocument: (loaded: LoadedDocument) => void | Promise<void>,
): Promise<LoadedGlossaryFile> {
  const loadedGlossary = await loadGlossary(root);
  const check = createEditionCheck(loadedGlossary.glossary, loadedGlossary.file);
  // One processor for every file: plugins keep no state between files.
  const processor = createProcessor();
  for (const slug of await listDocumentSlugs(root)) {
    const loaded = await loadDocument(processor, root, slug);
    check.document(loaded.document, loaded.byLanguage);
    await onDocument(loaded);
  }
  check.finish();
  return loadedGlossary;
}

/** The outcome of a streamed check: the problems and how many files were read. */
export interface ContentReport {
  /** The files that have messages (the glossary first, then in document order). */
  files: VFile[];
  /** How many files were read, with or without messages. */
  fileCount: number;
  /** True when any message is an error. */
  failed: boolean;
  /** The compiler-style report, as `npm run check` prints it. */
  report: string;
  /** The glossary's entries (those that passed validation) and where each ID is written. */
  glossary: LoadedGlossary;
}

/**
 * Checks all content, one document at a time (`streamContent`), keeping only the files that have
 * messages. `onDocument`, if given, sees each document once it is checked.
 */
export async function checkContent(
  root: string,
  onDocument?: (loaded: LoadedDocument) => void | Promise<void>,
): Promise<ContentReport> {
  const documentFiles: VFile[] = [];
  let fileCount = 1;
  const { glossary, file: glossaryFile } = await streamContent(root, async (loaded) => {
    fileCount += loaded.files.length;
    documentFiles.push(...loaded.files.filter((file) => file.messages.length > 0));
    await onDocument?.(loaded);
  });
  const files = glossaryFile.messages.length > 0 ? [glossaryFile, ...documentFiles] : documentFiles;
  return { files, fileCount, failed: hasErrors(files), report: formatReport(files, fileCount), glossary };
}

/** Loads and checks everything under `root/content`, keeping every document. Never throws for a content problem. */
export async function loadContent(root: string = process.cwd()): Promise<LoadedContent> {
  const documentFiles = new Map<string, Partial<Record<Language, VFile>>>();
  const documents: EditionDocument[] = [];
  const documentFileList: VFile[] = [];
  const { glossary, file: glossaryFile } = await streamContent(root, ({ document, byLanguage, files }) => {
    documents.push(document);
    documentFiles.set(document.slug, byLanguage);
    documentFileList.push(...files);
  });
  const edition: Edition = { documents, glossary: glossary.items };
  return { edition, files: [glossaryFile, ...documentFileList], glossary, documentFiles };
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
