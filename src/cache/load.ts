/**
 * The one pass over all content: the glossary, then each document with its language versions, one at
 * a time, each run through the pipeline (src/pipeline/process.ts) and checked on its own and across
 * its files (src/rules/); the glossary-wide rules come last. Every problem is a message on the VFile
 * it concerns. `checkContent` holds one document at a time (for the cache writer and `npm run check`);
 * `loadContent` keeps them all (for tests and small tools).
 */
import type { VFile } from 'vfile';
import { loadGlossary, type LoadedGlossary, type LoadedGlossaryFile } from '../content/glossary';
import { listDocumentSlugs } from '../content/read';
import { formatReport } from '../model/format';
import type { Language } from '../model/languages';
import { hasErrors } from '../model/report';
import type { Archive, ArchiveDocument } from '../model/types';
import { createProcessor } from '../pipeline';
import { loadDocument, type LoadedDocument } from '../pipeline/process';
import { createArchiveCheck } from '../rules';

/**
 * Loads and checks the content under `root/content` one document at a time: each document is loaded,
 * checked, then handed to `onDocument` and let go. Resolves, after the glossary-wide rules, with the
 * glossary and its file (whose messages are only complete then). Never throws for a content problem.
 */
async function streamContent(root: string, onDocument: (loaded: LoadedDocument) => void | Promise<void>): Promise<LoadedGlossaryFile> {
  const loadedGlossary = await loadGlossary(root);
  const check = createArchiveCheck(loadedGlossary.glossary, loadedGlossary.file);
  // One processor for every file: plugins keep no state between files.
  const processor = createProcessor();
  for (const slug of await listDocumentSlugs(root)) {
    const loaded = await loadDocument(processor, root, slug);
    check.document(loaded.document, loaded.byLanguage, loaded);
    await onDocument(loaded);
  }
  check.finish();
  return loadedGlossary;
}

/** The outcome of a check: the problems and how many files were read. */
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
 * Checks all content, one document at a time, keeping only the files that have messages.
 * `onDocument`, if given, sees each document once it is checked. Never throws for a content problem.
 */
export async function checkContent(root: string, onDocument?: (loaded: LoadedDocument) => void | Promise<void>): Promise<ContentReport> {
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

/** Everything under `root/content`, checked and kept in memory. */
export interface LoadedContent extends ContentReport {
  archive: Archive;
  /** The VFile of each language version, by document slug. */
  documentFiles: Map<string, Partial<Record<Language, VFile>>>;
}

/** Loads and checks everything under `root/content`, keeping every document. Never throws for a content problem. */
export async function loadContent(root: string): Promise<LoadedContent> {
  const documentFiles = new Map<string, Partial<Record<Language, VFile>>>();
  const documents: ArchiveDocument[] = [];
  const result = await checkContent(root, ({ document, byLanguage }) => {
    documents.push(document);
    documentFiles.set(document.slug, byLanguage);
  });
  return { ...result, archive: { documents, glossary: result.glossary.items }, documentFiles };
}

export type { LoadedDocument } from '../pipeline/process';
