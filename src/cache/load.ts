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
 * A document checked before, whose files, glossary and code have not changed since (the content
 * cache's reuse, src/cache/write.ts): what its check found, without running it again.
 */
export interface ReusedDocument {
  /** Its files that have messages, with those messages. */
  files: VFile[];
  /** How many files it was read from. */
  fileCount: number;
  /** The glossary entries it mentions, for the glossary-wide rules. */
  mentioned: readonly string[];
}

export interface CheckOptions {
  /** Sees each document once it is checked, with the glossary entries it mentions. */
  onDocument?: (loaded: LoadedDocument, mentioned: ReadonlySet<string>) => void | Promise<void>;
  /** A document that need not be checked again (see `ReusedDocument`), or undefined: check it. */
  reuse?: (slug: string) => Promise<ReusedDocument | undefined>;
}

/**
 * Loads and checks the content under `root/content` one document at a time: each document is loaded,
 * checked, then handed to `onDocument` and let go; one that `reuse` gives is taken as it was checked.
 * Resolves, after the glossary-wide rules, with the glossary and its file (whose messages are only
 * complete then), and the files with messages and the number of files read. Never throws for a content
 * problem.
 */
async function streamContent(root: string, { onDocument, reuse }: CheckOptions): Promise<{ glossary: LoadedGlossaryFile; files: VFile[]; fileCount: number }> {
  const loadedGlossary = await loadGlossary(root);
  const check = createArchiveCheck(loadedGlossary.glossary, loadedGlossary.file);
  // One processor for every file: plugins keep no state between files.
  const processor = createProcessor();
  const files: VFile[] = [];
  let fileCount = 1;
  for (const slug of await listDocumentSlugs(root)) {
    const reused = await reuse?.(slug);
    if (reused) {
      check.mentioned(reused.mentioned);
      files.push(...reused.files);
      fileCount += reused.fileCount;
      continue;
    }
    const loaded = await loadDocument(processor, root, slug);
    const mentioned = check.document(loaded.document, loaded.byLanguage, loaded);
    files.push(...loaded.files.filter((file) => file.messages.length > 0));
    fileCount += loaded.files.length;
    await onDocument?.(loaded, mentioned);
  }
  check.finish();
  return { glossary: loadedGlossary, files, fileCount };
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
 * `options.onDocument`, if given, sees each document once it is checked. Never throws for a content problem.
 */
export async function checkContent(root: string, options: CheckOptions = {}): Promise<ContentReport> {
  const { glossary: { glossary, file: glossaryFile }, files: documentFiles, fileCount } = await streamContent(root, options);
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
  const result = await checkContent(root, {
    onDocument: ({ document, byLanguage }) => {
      documents.push(document);
      documentFiles.set(document.slug, byLanguage);
    },
  });
  return { ...result, archive: { documents, glossary: result.glossary.items }, documentFiles };
}

export type { LoadedDocument } from '../pipeline/process';
