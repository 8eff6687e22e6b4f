/**
 * `npm run build`'s step after the finish step: the search index, written into the export as one
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
 *   tsx src/export/search-index.ts [out]
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { close, createIndex, type IndexFile, type PagefindIndex } from 'pagefind';
import { ContentCacheError, openContentCache } from '../cache/read';
import type { Language } from '../model/languages';
import { glossaryRecords, indexedLanguages, searchRecords, type SearchRecord } from '../search/records';
import { searchFolder } from '../search/format';

export interface LanguageIndexReport {
  records: number;
  files: number;
  bytes: number;
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
 * Writes the search index of the content cache under `root` into `out/pagefind/`, replacing any
 * index there. Returns what it wrote; throws a `SearchIndexError` when it cannot.
 */
export async function writeSearchIndex(root: string, out: string): Promise<SearchIndexReport> {
  // Each document is read once; the catalog is read once too (`keep`: without it, every document
  // read would read the catalog again, which made the index of 1,000 documents take minutes).
  const cache = openContentCache(root, { keep: true });
  const catalog = await cache.catalog().catch(cacheProblem);

  const indexes = new Map<Language, { index: PagefindIndex; records: number }>();
  const folder = join(out, searchFolder);
  const report: SearchIndexReport = { documents: catalog.documents.length, languages: {}, folder };
  try {
    for (const [language, documents] of indexedLanguages(catalog.documents)) {
      // About one fragment file per document and language, and one for the glossary.
      const { index, errors } = await createIndex({ maxFragments: documents + 1, writePlayground: false });
      failures(`Pagefind could not create the ${language} index`, errors);
      if (!index) throw new SearchIndexError(`Pagefind could not create the ${language} index`);
      indexes.set(language, { index, records: 0 });
    }
    const add = async (record: SearchRecord, source: string) => {
      const target = indexes.get(record.language);
      if (!target) throw new SearchIndexError(`${source}: a ${record.language} text that the catalog does not list`);
      const { errors } = await target.index.addCustomRecord(record);
      failures(`${source}: Pagefind refused the record ${record.language} ${record.url}`, errors);
      target.records++;
    };
    const glossary = await cache.glossaryIndex().catch(cacheProblem);
    for (const summary of catalog.documents) {
      const document = await cache.document(summary.slug).catch(cacheProblem);
      if (!document) throw new SearchIndexError(`${summary.slug}: the catalog lists a document the content cache does not hold`);
      // The languages' indexes at once, each record of a language after the one before: each index
      // gets its records in the same order every time (its bytes depend on it), and the three wait
      // for Pagefind together rather than in turn.
      const byLanguage = new Map<Language, SearchRecord[]>();
      for (const record of searchRecords(document, glossary)) {
        const records = byLanguage.get(record.language) ?? [];
        records.push(record);
        byLanguage.set(record.language, records);
      }
      await Promise.all(
        [...byLanguage.values()].map(async (records) => {
          for (const record of records) await add(record, summary.slug);
        }),
      );
    }
    // The glossary in the languages that have an index (a language no document has has none).
    for (const record of glossaryRecords(glossary.values())) {
      if (indexes.has(record.language)) await add(record, 'the glossary');
    }
    await rm(folder, { recursive: true, force: true });
    for (const [language, { index, records }] of indexes) {
      const { files, errors } = await index.getFiles();
      failures(`Pagefind could not build the ${language} index`, errors);
      const wasm = wasmOf(files, language);
      const kept = files.filter((file) => isNeededFile(file.path, wasm));
      for (const file of kept) {
        const path = join(folder, language, file.path);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, file.content);
      }
      report.languages[language] = { records, files: kept.length, bytes: kept.reduce((sum, file) => sum + file.content.byteLength, 0) };
    }
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
  const out = process.argv[2] ?? join(root, 'out');
  const started = performance.now();
  writeSearchIndex(root, out).then(
    (report) => {
      const parts = Object.entries(report.languages).map(([language, { records, files, bytes }]) => `${language} ${records} records, ${files} files, ${(bytes / 1024).toFixed(0)} kB`);
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
