/**
 * `npm run build`'s step beside Next (src/export/build.ts, `doneBefore`): the search index, made from
 * the content cache as soon as that is written, and written into the export as one
 * Pagefind bundle per language of the texts (`out/pagefind/ru/`, `…/ja/`, `…/en/`). Pagefind
 * stems Russian and English and segments Japanese; its browser script searches one language per
 * bundle, so each language has its own (see src/search/format.ts).
 *
 * The records come from the content cache, one document at a time: one record per block and
 * language (src/search/records.ts), not a crawl of the HTML. Pagefind would write one fragment file
 * per record; `maxFragments` bundles them instead, about one file per document and language, so
 * that an added document adds a few files rather than dozens. Only what the search page loads is
 * written: the script, its worker, the language's WebAssembly, metadata, index and fragments (none
 * of Pagefind's ready-made interfaces). Pagefind runs its own binary from node_modules and
 * downloads nothing. Fails, saying what went wrong, when a record or the index cannot be written.
 *
 * A language whose records are the same as in the step's last run (in an incremental build, every
 * language but those of the corrected texts) takes the bundle that run wrote, checked file by file
 * (`writeSearchIndex`); its state is kept in `.next/cache/reader/search-index.json`.
 *
 *   tsx src/export/search-index.ts [out] [--fresh]
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { close, createIndex, type IndexFile, type PagefindIndex } from 'pagefind';
import { cachePaths } from '../cache/catalog';
import { ContentCacheError, openContentCache } from '../cache/read';
import type { Language } from '../model/languages';
import { glossaryRecords, indexedLanguages, searchRecords, type SearchRecord } from '../search/records';
import { searchFolder } from '../search/format';
import { codeKey, fileIdentity, readStepState, stepCacheDir, writeStepState, type StepState } from './step-cache';

export interface LanguageIndexReport {
  records: number;
  files: number;
  bytes: number;
  /** Taken from the previous run: the language's records were the same (`writeSearchIndex`'s `state`). */
  reused: boolean;
}

export interface SearchIndexReport {
  documents: number;
  languages: Partial<Record<Language, LanguageIndexReport>>;
  /** Where the bundles were written: `<out>/pagefind`. */
  folder: string;
}

/** Indexing failed; the message says where and why. */
export class SearchIndexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SearchIndexError';
    this.stack = `${this.name}: ${this.message}`;
  }
}

/**
 * The files of a bundle the search page needs. Pagefind also writes its own search interfaces
 * (`pagefind-ui.js`, `pagefind-component-ui.js`, …) and the WebAssembly of "unknown" languages;
 * the site uses neither.
 */
export function isNeededFile(path: string, wasm: string): boolean {
  return (
    path === 'pagefind.js' ||
    path === 'pagefind-worker.js' ||
    path === 'pagefind-entry.json' ||
    path === `wasm.${wasm}.pagefind` ||
    /^pagefind\.[\w-]+\.pf_meta$/.test(path) ||
    /^(index|fragment|filter)\/[\w-]+\.pf_(index|fragment|filter)$/.test(path)
  );
}

/** A problem of the content cache, said as the search index's own: the build names the step that stopped. */
function cacheProblem(error: unknown): never {
  if (error instanceof ContentCacheError) throw new SearchIndexError(error.message);
  throw error;
}

function failures(what: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new SearchIndexError(`${what}: ${errors.join('; ')}`);
}

/** The WebAssembly a bundle's language searches with, as its `pagefind-entry.json` names it. */
function wasmOf(files: readonly IndexFile[], language: Language): string {
  const entry = files.find((file) => file.path === 'pagefind-entry.json');
  if (!entry) throw new SearchIndexError(`${language}: Pagefind wrote no pagefind-entry.json`);
  const parsed = JSON.parse(new TextDecoder().decode(entry.content)) as { languages?: Record<string, { wasm?: string | null }> };
  const found = parsed.languages?.[language];
  if (!found) throw new SearchIndexError(`${language}: Pagefind's entry has no index of this language (it has ${Object.keys(parsed.languages ?? {}).join(', ') || 'none'})`);
  return found.wasm ?? 'unknown';
}

/**
 * What `writeSearchIndex` keeps for its next run (src/export/step-cache.ts): the hash of each
 * document's records per language, by the identity of its file in the content cache (a document the
 * content cache took from its previous run keeps its file), and, per language, the hash of every
 * record handed to Pagefind (`key`) with the bundle written from them: where, and each file's hash.
 */
interface SearchIndexState {
  code: string;
  /** Hash of the glossary the records were made with (a block's record carries the names it mentions). */
  glossary: string;
  documents: Record<string, { file: string; records: Partial<Record<Language, string>> }>;
  languages: Partial<Record<Language, { key: string; records: number; folder: string; files: Array<{ path: string; sha256: string }> }>>;
}

/**
 * A language's records as the last run that indexed it made them, by the hash of each document's
 * records (`recordsHash`): beside the state, `search-index.records.<language>.json`.
 */
interface KeptRecords {
  code: string;
  glossary: string;
  records: Record<string, SearchRecord[]>;
}

const recordsPath = (statePath: string, language: Language) => statePath.replace(/\.json$/, `.records.${language}.json`);

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The hash of a run of records, as they are handed to Pagefind. */
function recordsHash(records: readonly SearchRecord[]): string {
  const hash = createHash('sha256');
  for (const record of records) hash.update(`${JSON.stringify(record)}\n`);
  return hash.digest('hex');
}

/** A document's records by language, in the order Pagefind gets them. */
function byLanguage(records: readonly SearchRecord[]): Map<Language, SearchRecord[]> {
  const grouped = new Map<Language, SearchRecord[]>();
  for (const record of records) {
    const list = grouped.get(record.language);
    if (list) list.push(record);
    else grouped.set(record.language, [record]);
  }
  return grouped;
}

/** A previous bundle's files, each read back and checked against the hash written with it; undefined when one is missing or differs. */
async function previousBundle(kept: NonNullable<SearchIndexState['languages'][Language]>): Promise<IndexFile[] | undefined> {
  const files: IndexFile[] = [];
  for (const { path, sha256: expected } of kept.files) {
    const content = await readFile(join(kept.folder, path)).catch(() => undefined);
    if (!content || sha256(content) !== expected) return undefined;
    files.push({ path, content });
  }
  return files;
}

export interface SearchIndexOptions {
  /**
   * Where the step keeps what its next run may reuse (the CLI: `.next/cache/reader/search-index.json`);
   * without it, every language is indexed anew and nothing is kept.
   */
  state?: StepState;
}

/**
 * Writes the search index of the content cache under `root` into `out/pagefind/`, replacing any
 * index there. Returns what it wrote; throws a `SearchIndexError` when it cannot.
 *
 * Pagefind's service reads its requests in the order they are written and handles one at a time, so
 * the records are sent without waiting for each answer (a document's records, while the answers to
 * the one before come back): each index gets the same records in the same order as when each was
 * awaited, and the same bytes, without a round trip per record.
 *
 * With `state`, a language whose records are, hash for hash, those of the previous run is not
 * indexed again: the bundle written then is read back, checked against the hashes of its files, and
 * copied. Pagefind writes the same bytes for the same records in the same order (the unit tests check
 * it), so this is the bundle a new indexing would write. A word corrected in one English text
 * re-indexes English only.
 *
 * The languages are indexed one after the other, each written and dropped from Pagefind before the
 * next is opened: Pagefind then holds one language's index in memory rather than all of them (for
 * 1,000 generated documents, its process took 1.4 GB holding three). The documents are read once
 * per language indexed; Pagefind handles one request at a time anyway, so this costs little time.
 */
export async function writeSearchIndex(root: string, out: string, { state }: SearchIndexOptions = {}): Promise<SearchIndexReport> {
  // Each document is read once per pass; the catalog is read once (`keep`: without it, every
  // document read would read the catalog again, which made the index of 1,000 documents take minutes).
  const cache = openContentCache(root, { keep: true });
  const catalog = await cache.catalog().catch(cacheProblem);
  const glossary = await cache.glossaryIndex().catch(cacheProblem);
  const counts = indexedLanguages(catalog.documents);
  const folder = join(out, searchFolder);
  const report: SearchIndexReport = { documents: catalog.documents.length, languages: {}, folder };

  const code = state === undefined ? '' : await codeKey();
  const glossaryKey = sha256(JSON.stringify([...glossary]));
  const kept = state === undefined ? undefined : await readStepState<SearchIndexState>(state, code);
  const previous = kept?.glossary === glossaryKey ? kept : undefined;
  const next: SearchIndexState = { code, glossary: glossaryKey, documents: {}, languages: {} };

  const indexes = new Map<Language, { index: PagefindIndex; records: number }>();
  const open = async (language: Language) => {
    // About one fragment file per document and language, and one for the glossary.
    const { index, errors } = await createIndex({ maxFragments: (counts.get(language) ?? 0) + 1, writePlayground: false });
    failures(`Pagefind could not create the ${language} index`, errors);
    if (!index) throw new SearchIndexError(`Pagefind could not create the ${language} index`);
    indexes.set(language, { index, records: 0 });
  };
  /** Sends the records to their languages' indexes, in order, without waiting: resolves when all are in. */
  const send = (records: readonly SearchRecord[], source: string): Promise<unknown> => {
    const sent = records.map(async (record) => {
      const target = indexes.get(record.language);
      if (!target) throw new SearchIndexError(`${source}: a ${record.language} text that the catalog does not list`);
      target.records++;
      const { errors } = await target.index.addCustomRecord(record);
      failures(`${source}: Pagefind refused the record ${record.language} ${record.url}`, errors);
    });
    const all = Promise.all(sent);
    // Awaited later; a failure is not unhandled meanwhile (nor when an earlier one stops the step).
    all.catch(() => undefined);
    return all;
  };
  /**
   * Each language's records, by the hash of a document's records in it (`recordsHash`): those this
   * run made, and those the last run kept (`recordsPath`), so that a language indexed again takes the
   * unchanged documents' records without reading them (reading 1,000 documents back took 5 s of a
   * correction's index).
   */
  const made = new Map<string, SearchRecord[]>();
  const keptRecords = new Map<Language, Promise<Map<string, SearchRecord[]>>>();
  const storedRecords = (language: Language) => {
    let found = keptRecords.get(language);
    if (!found) {
      found = (async () => {
        if (!state || !previous) return new Map<string, SearchRecord[]>();
        const stored = await readStepState<KeptRecords>({ path: recordsPath(state.path, language) }, code);
        return new Map(stored?.glossary === glossaryKey ? Object.entries(stored.records) : []);
      })();
      keptRecords.set(language, found);
    }
    return found;
  };
  /** The records of `indexed` of a document whose records hash to `perLanguage`, if all are known; undefined otherwise. */
  const knownRecords = async (indexed: ReadonlySet<Language>, perLanguage: Partial<Record<Language, string>>) => {
    const records: SearchRecord[] = [];
    for (const language of indexed) {
      const hash = perLanguage[language];
      if (hash === undefined) continue;
      const found = made.get(hash) ?? (await storedRecords(language)).get(hash);
      if (!found) return undefined;
      records.push(...found);
    }
    return records;
  };
  /** The records of the language indexed in the current pass, by hash: written for the next run once indexed. */
  const passRecords = new Map<string, SearchRecord[]>();
  /**
   * One pass over the documents in the catalog's order: the records of the languages in `indexed`
   * go to their indexes, and, in the first pass (`hashes`), every language's hash grows. A document
   * the previous run knew by the same file is read only when its records in an indexed language are
   * not kept.
   */
  const pass = async (indexed: ReadonlySet<Language>, hashes?: Map<Language, ReturnType<typeof createHash>>) => {
    let waiting: Promise<unknown> = Promise.resolve();
    passRecords.clear();
    for (const summary of catalog.documents) {
      let file = '';
      let perLanguage: Partial<Record<Language, string>> | undefined;
      if (hashes) {
        // No file: reading the document fails below, saying so.
        const stats = state ? statSync(cachePaths(root).document(summary.slug), { bigint: true, throwIfNoEntry: false }) : undefined;
        file = stats ? fileIdentity(stats) : '';
        const known = previous?.documents[summary.slug];
        if (known && file !== '' && known.file === file) perLanguage = known.records;
      } else {
        perLanguage = next.documents[summary.slug]?.records;
      }
      let records = perLanguage ? await knownRecords(indexed, perLanguage) : undefined;
      if (!records || !perLanguage) {
        const document = await cache.document(summary.slug).catch(cacheProblem);
        if (!document) throw new SearchIndexError(`${summary.slug}: the catalog lists a document the content cache does not hold`);
        const grouped = byLanguage(searchRecords(document, glossary));
        perLanguage = {};
        for (const [language, each] of grouped) {
          const hash = recordsHash(each);
          perLanguage[language] = hash;
          // Kept for the later passes of an incremental run (few documents read); a first or fresh
          // run reads every document once per language rather than hold all their records.
          if (previous) made.set(hash, each);
        }
        records = [...grouped].flatMap(([language, each]) => (indexed.has(language) || !counts.has(language) ? each : []));
      }
      for (const language of indexed) {
        const hash = perLanguage[language];
        if (hash !== undefined) passRecords.set(hash, records.filter((record) => record.language === language));
      }
      const sending = send(records, summary.slug);
      // This document's records go out while the answers to the one before come back.
      await waiting;
      waiting = sending;
      if (hashes) {
        next.documents[summary.slug] = { file, records: perLanguage };
        for (const [language, hash] of hashes) hash.update(`${summary.slug}\0${perLanguage[language] ?? '-'}\n`);
      }
    }
    await waiting;
    // The glossary in the languages that have an index (a language no document has has none).
    const entries = byLanguage(glossaryRecords(glossary.values()).filter((record) => counts.has(record.language)));
    for (const [language, hash] of hashes ?? []) hash.update(`glossary\0${recordsHash(entries.get(language) ?? [])}\n`);
    await send([...entries].flatMap(([language, records]) => (indexed.has(language) ? records : [])), 'the glossary');
  };

  try {
    // Any index there is replaced: a language's folder as its bundle is written (it may be the one a
    // language takes its bundle from), anything else now.
    for (const name of await readdir(folder).catch(() => [] as string[])) {
      if (!counts.has(name as Language)) await rm(join(folder, name), { recursive: true, force: true });
    }
    /** Writes a language's bundle into the folder: the one just indexed (then dropped from Pagefind's memory), or `files` reused. */
    const write = async (language: Language, reusedFiles?: IndexFile[]) => {
      let files = reusedFiles;
      let records = previous?.languages[language]?.records ?? 0;
      if (!files) {
        const built = indexes.get(language);
        if (!built) throw new SearchIndexError(`${language}: no index was built`);
        const { files: written, errors } = await built.index.getFiles();
        failures(`Pagefind could not build the ${language} index`, errors);
        const wasm = wasmOf(written, language);
        files = written.filter((file) => isNeededFile(file.path, wasm));
        records = built.records;
        await built.index.deleteIndex();
        indexes.delete(language);
      }
      await rm(join(folder, language), { recursive: true, force: true });
      for (const file of files) {
        const path = join(folder, language, file.path);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, file.content);
      }
      report.languages[language] = { records, files: files.length, bytes: files.reduce((sum, file) => sum + file.content.byteLength, 0), reused: reusedFiles !== undefined };
      next.languages[language] = { key: keys.get(language) ?? '', records, folder: join(folder, language), files: files.map((file) => ({ path: file.path, sha256: sha256(file.content) })) };
    };
    /**
     * One language at a time: its index is built, written and dropped before the next is opened, so
     * that Pagefind holds one language's index in memory, not all three (1.4 GB for 1,000 documents).
     */
    const indexEach = async (indexed: ReadonlySet<Language>, hashes?: Map<Language, ReturnType<typeof createHash>>) => {
      for (const language of indexed) {
        await open(language);
        // The first pass also hashes every language's records (the only pass that does).
        await pass(new Set([language]), hashes);
        if (hashes) digest(hashes);
        hashes = undefined;
        await write(language);
        keptRecords.delete(language);
        const keptForNext: KeptRecords = { code, glossary: glossaryKey, records: Object.fromEntries(passRecords) };
        if (state) await writeStepState(recordsPath(state.path, language), keptForNext);
      }
    };
    /** Each language's hash of all its records, known once the first pass is over. */
    const keys = new Map<Language, string>();
    const digest = (hashes: Map<Language, ReturnType<typeof createHash>>) => {
      for (const [language, hash] of hashes) keys.set(language, hash.digest('hex'));
    };

    // The languages with a bundle of the previous run are indexed only if their records changed.
    const candidates = new Set([...counts.keys()].filter((language) => previous?.languages[language] !== undefined));
    const first = new Set([...counts.keys()].filter((language) => !candidates.has(language)));
    const hashes = new Map([...counts].map(([language, documents]) => [language, createHash('sha256').update(`${documents} documents\n`)]));
    if (first.size > 0) await indexEach(first, hashes);
    else {
      await pass(new Set(), hashes);
      digest(hashes);
    }
    const reused = new Map<Language, IndexFile[]>();
    for (const language of candidates) {
      const before = previous?.languages[language];
      const files = before && before.key === keys.get(language) ? await previousBundle(before) : undefined;
      if (files) reused.set(language, files);
    }
    for (const [language, files] of reused) await write(language, files);
    await indexEach(new Set([...candidates].filter((language) => !reused.has(language))));
    // In the order of the languages, whichever way each was made.
    const inOrder = <T>(byLanguage: Partial<Record<Language, T>>): Partial<Record<Language, T>> => Object.fromEntries([...counts.keys()].flatMap((language) => (byLanguage[language] ? [[language, byLanguage[language]]] : [])));
    report.languages = inOrder(report.languages);
    next.languages = inOrder(next.languages);
    if (state !== undefined) await writeStepState(state.path, next);
    return report;
  } catch (error) {
    if (error instanceof SearchIndexError) throw error;
    throw new SearchIndexError(`Pagefind failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    // Stops Pagefind's binary; the process would otherwise wait for it.
    await close().catch(() => null);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.cwd();
  // --fresh (`npm run build -- --clean`): every language is indexed anew.
  const out = process.argv.slice(2).find((arg) => arg !== '--fresh') ?? join(root, 'out');
  const started = performance.now();
  writeSearchIndex(root, out, { state: { path: join(stepCacheDir(root), 'search-index.json'), fresh: process.argv.includes('--fresh') } }).then(
    (report) => {
      const parts = Object.entries(report.languages).map(([language, { records, files, bytes, reused }]) => `${language} ${records} records, ${files} files, ${(bytes / 1024).toFixed(0)} kB${reused ? ', the same records as the last run: its bundle reused' : ''}`);
      const files = Object.values(report.languages).reduce((sum, language) => sum + language.files, 0);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stdout.write(`search index: ${report.documents} document${report.documents === 1 ? '' : 's'} → ${relative(root, report.folder)}/ (${parts.join('; ')}): ${files} files, ${seconds} s\n`);
    },
    (error: unknown) => {
      process.stderr.write(`search index: ${error instanceof Error ? error.message : String(error)}\n`);
      process.stderr.write('search index: the site has no search without it; the build stops here\n');
      process.exitCode = 1;
    },
  );
}
