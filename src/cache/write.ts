/**
 * The content cache: the one step that runs the pipeline. It loads and checks every document once, one
 * at a time, and writes what the site reads (`.content/`, see `./catalog.ts`), so that no build worker
 * processes content and none holds more than a few documents.
 *
 * Nothing is written when the content has errors. Files are written into a staging folder first and
 * renamed into place only once every document has passed, documents, their past editions and the
 * mentions of each glossary entry before the catalog that lists them; documents, past editions and
 * entries' mentions that no longer exist are then removed.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { removePosition } from 'unist-util-remove-position';
import { cacheFormat, cachePaths, documentMentions, summarize } from './catalog';
import { hasErrors } from '../model/report';
import { checkContent, type ContentReport, type ReusedDocument } from './load';
import { documentKey, inputsKey, keepMessages, readReuseState, restoreMessages, type KeptDocument, type ReuseState } from './reuse';
import type { Catalog, DocumentMentions, DocumentSummary, ArchiveDocument, EntryDocumentMentions, EntryMentions, MentionCount } from '../model/types';

export interface ContentCacheResult extends ContentReport {
  /** True when the cache was written: the content has no error. */
  written: boolean;
  /** How many documents the cache holds (0 when nothing was written). */
  documents: number;
  /** Size of `catalog.json` in bytes (0 when nothing was written). */
  catalogBytes: number;
  /** How many documents were taken from the previous run unchanged (src/cache/reuse.ts). */
  reused: number;
}

export interface ContentCacheOptions {
  /** Run the pipeline and the rules on every document, reusing nothing of the previous run. */
  fresh?: boolean;
}

/** Staging folders are named `.staging-<pid>-<random>`, so that a later run can tell abandoned ones. */
const stagingPrefix = '.staging-';

/** True when a process with this id is running (a staging folder of it may still be in use). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/** Removes staging folders left by runs that were stopped before they finished. */
async function removeAbandonedStaging(folder: string): Promise<void> {
  for (const name of await readdir(folder)) {
    if (!name.startsWith(stagingPrefix)) continue;
    const pid = Number.parseInt(name.slice(stagingPrefix.length), 10);
    if (pid > 0 && pid !== process.pid && !isRunning(pid)) await rm(join(folder, name), { recursive: true, force: true });
  }
}

/** Drops the `position` of every hast node of the document (or past edition): the site never reads them, and they are most of its size. */
function withoutPositions<T extends Pick<ArchiveDocument, 'texts'>>(document: T): T {
  for (const text of Object.values(document.texts)) {
    for (const block of text.blocks) removePosition(block.element, { force: true });
    for (const note of text.notes) for (const child of note.children) removePosition(child, { force: true });
  }
  return document;
}

/** One document's mentions of an entry, with the document's title in each of its languages. */
function withTitles(mentions: DocumentMentions, summary: DocumentSummary): EntryDocumentMentions {
  const titles = Object.fromEntries(Object.values(summary.texts).flatMap((text) => (text.frontMatter.title === undefined ? [] : [[text.lang, text.frontMatter.title]])));
  return { slug: mentions.slug, source: summary.source, titles, blocks: mentions.blocks };
}

/** Moves the files `<name>.json` of `from`, one for each of `names`, into `to`. */
async function moveInto(from: string, to: string, names: ReadonlySet<string>): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const name of names) await rename(join(from, `${name}.json`), join(to, `${name}.json`));
}

/** Removes from `folder` every file whose name (without `.json`) is not in `keep`. */
async function removeStale(folder: string, keep: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(folder)) {
    if (!keep.has(name.replace(/\.json$/, ''))) await rm(join(folder, name), { force: true, recursive: true });
  }
}

/** Where the writer keeps what the next run may reuse (src/cache/reuse.ts). */
const reuseStatePath = (root: string) => join(cachePaths(root).folder, 'reuse.json');

/**
 * Checks the content under `root/content` and, when it has no error, writes `root/.content/`, taking
 * each document that has not changed since the previous run from it (unless `fresh`). Never throws for
 * a content problem: the result carries the report, as `npm run check` prints it.
 */
export async function writeContentCache(root: string, { fresh = false }: ContentCacheOptions = {}): Promise<ContentCacheResult> {
  const paths = cachePaths(root);
  const statePath = reuseStatePath(root);
  const inputs = await inputsKey(root);
  const previous = fresh ? undefined : await readReuseState(statePath);
  const usable = previous?.inputs === inputs ? previous : undefined;
  const state: ReuseState = { inputs, documents: {} };
  // Each document's folder is hashed before it is read, so that the key never names a later text.
  const keys = new Map<string, string>();
  /**
   * What the previous run kept of `slug`, when it may be reused: its summary and mentions with it, so
   * that its model is not read back (162 MB for 1,000 generated documents, 4 s of a correction).
   */
  const reusable = async (slug: string): Promise<KeptDocument | undefined> => {
    const key = await documentKey(root, slug);
    keys.set(slug, key);
    const kept = usable?.documents[slug];
    if (!kept || key !== kept.key || !kept.summary || !Array.isArray(kept.mentions) || !existsSync(paths.document(slug)) || (kept.past && !existsSync(paths.documentEditions(slug)))) return undefined;
    return kept;
  };
  // Set when this run made the folder: a run that writes nothing then leaves nothing behind.
  const created = await mkdir(paths.folder, { recursive: true });
  await removeAbandonedStaging(paths.folder);
  const staging = await mkdtemp(join(paths.folder, `${stagingPrefix}${process.pid}-`));
  let written = false;
  try {
    const summaries: DocumentSummary[] = [];
    const mentions = new Map<string, EntryDocumentMentions[]>();
    const stagedDocuments = join(staging, 'documents');
    const stagedMentions = join(staging, 'mentions');
    const stagedEditions = join(staging, 'editions');
    await mkdir(stagedDocuments);
    await mkdir(stagedMentions);
    await mkdir(stagedEditions);
    // Slugs of the documents that have past editions: each has a folder of them.
    const withPast = new Set<string>();
    // The documents written anew (the others stay as the previous run wrote them).
    const staged = new Set<string>();
    const add = ({ summary, mentions: inDocuments }: Pick<KeptDocument, 'summary' | 'mentions'>) => {
      summaries.push(summary);
      for (const [ref, inDocument] of inDocuments) {
        const list = mentions.get(ref) ?? [];
        list.push(withTitles(inDocument, summary));
        mentions.set(ref, list);
      }
    };
    const result = await checkContent(root, {
      reuse: async (slug): Promise<ReusedDocument | undefined> => {
        const kept = await reusable(slug);
        if (!kept) return undefined;
        add(kept);
        state.documents[slug] = kept;
        if (kept.past) withPast.add(slug);
        return { files: restoreMessages(kept.messages), fileCount: kept.fileCount, mentioned: kept.mentioned };
      },
      onDocument: async ({ document, files, past }, mentioned) => {
        // A document with errors is reported, not written; its model may be incomplete.
        if (hasErrors(files)) return;
        staged.add(document.slug);
        const key = keys.get(document.slug) ?? (await documentKey(root, document.slug));
        // The summary shares the document's trees, whose positions go below: the catalog and the state are written after.
        const kept: KeptDocument = { key, fileCount: files.length, messages: keepMessages(files), mentioned: [...mentioned].sort(), past: past.length > 0, summary: summarize(document), mentions: [...documentMentions(document)] };
        add(kept);
        state.documents[document.slug] = kept;
        await writeFile(join(stagedDocuments, `${document.slug}.json`), JSON.stringify(withoutPositions(document)));
        if (past.length === 0) return;
        withPast.add(document.slug);
        await mkdir(join(stagedEditions, document.slug));
        for (const { edition } of past) await writeFile(join(stagedEditions, document.slug, `${edition.number}.json`), JSON.stringify(withoutPositions(edition)));
      },
    });
    if (result.failed) return { ...result, written: false, documents: 0, catalogBytes: 0, reused: 0 };

    const counts: Record<string, MentionCount> = {};
    for (const [entry, documents] of mentions) {
      const file: EntryMentions = { entry, documents };
      await writeFile(join(stagedMentions, `${entry}.json`), JSON.stringify(file));
      counts[entry] = { mentions: documents.reduce((sum, { blocks }) => sum + blocks.length, 0), documents: documents.length };
    }
    const catalog: Catalog = { format: cacheFormat, glossary: result.glossary.items, documents: summaries, mentions: counts };
    const catalogText = JSON.stringify(catalog);
    await writeFile(join(staging, 'catalog.json'), catalogText);

    const slugs = new Set(summaries.map((summary) => summary.slug));
    const entries = new Set(mentions.keys());
    // From here on the cache's files change: until the new state is written, none may be reused.
    await rm(statePath, { force: true });
    await moveInto(stagedDocuments, paths.documents, staged);
    await moveInto(stagedMentions, paths.mentions, entries);
    if (withPast.size > 0) await mkdir(paths.editions, { recursive: true });
    for (const slug of withPast) {
      if (!staged.has(slug)) continue;
      // A document's past editions are replaced as a whole: no edition of an earlier run stays behind.
      await rm(paths.documentEditions(slug), { recursive: true, force: true });
      await rename(join(stagedEditions, slug), paths.documentEditions(slug));
    }
    await rename(join(staging, 'catalog.json'), paths.catalog);
    await removeStale(paths.documents, slugs);
    await removeStale(paths.mentions, entries);
    // The folder of past editions exists only while some document has one.
    if (withPast.size > 0) await removeStale(paths.editions, withPast);
    else await rm(paths.editions, { recursive: true, force: true });
    await writeFile(join(staging, 'reuse.json'), JSON.stringify(state));
    await rename(join(staging, 'reuse.json'), statePath);
    written = true;
    const reused = summaries.length - staged.size;
    return { ...result, written, documents: summaries.length, catalogBytes: Buffer.byteLength(catalogText), reused };
  } finally {
    await rm(staging, { recursive: true, force: true });
    if (created && !written) await rm(paths.folder, { recursive: true, force: true });
  }
}
