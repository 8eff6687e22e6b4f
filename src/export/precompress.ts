/**
 * A build step after the last one that writes into out/: writes a Brotli (`.br`) and a gzip (`.gz`)
 * copy next to each text file that is worth it, so that `npm start` (src/server/) and nginx
 * (`gzip_static`, `brotli_static`) send compressed bytes without compressing on every request.
 *
 * Which files: every HTML page, and the site-wide text files its pages load (CSS, JavaScript, JSON,
 * SVG, XML, …), from 1 kB up, and only when compression saves at least a tenth. Not the files of a
 * single document other than its pages (`cite.json` beside a reading page, the downloads under
 * `exports/`): a reader fetches those on request, rarely, and each would add two files per document.
 * So a document adds six files here: a `.br` and a `.gz` for each of its three reading pages.
 *
 *   tsx src/export/precompress.ts [out]
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { walk } from './walk';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Extensions of files that compress well. */
export const compressibleExtensions = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt', '.webmanifest', '.map']);

/** Below this size a compressed response saves nothing worth a file (it fits one packet either way). */
export const minBytes = 1024;

/** A variant is kept only when it is at most this fraction of the original. */
export const maxRatio = 0.9;

/** The encodings written, with their file suffix; the server offers them in this order of preference. */
export const encodings = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** Folders (relative to out/, `/`-separated) whose files are per-document downloads, fetched on request. */
export const onDemandFolders = ['exports/'];

/**
 * Brotli quality: the best (11) for files shared by the whole site, which are few; 6 for the pages of
 * each document, which grow with the archive. Measured on the reading page (72 kB): quality 11 gives
 * 13.2 kB in about 0.4 s, quality 6 gives 14.6 kB in about 0.02 s (gzip -9: 16.3 kB), so 3,000 pages
 * take seconds instead of twenty minutes of CPU.
 */
export const brotliQuality = { siteWide: 11, perDocument: 6 } as const;

/** Whether `path` (relative to out/, `/`-separated) belongs to one document (its pages and files). */
export const isPerDocument = (path: string) => /(^|\/)documents\/[^/]+\//.test(path) || onDemandFolders.some((folder) => path.startsWith(folder));

/**
 * Whether `path` (relative to out/, `/`-separated) gets compressed copies when it is large enough.
 * Pages always; other text files unless they belong to one document (under `…/documents/<slug>/`
 * or a download folder).
 */
export function shouldPrecompress(path: string): boolean {
  const extension = extname(path).toLowerCase();
  if (!compressibleExtensions.has(extension)) return false;
  if (extension === '.html') return true;
  return !isPerDocument(path);
}

export interface PrecompressReport {
  /** Files that got compressed copies. */
  files: number;
  /** Compressed copies written. */
  written: number;
  /** Files considered (right kind) but left alone: too small, or not compressible enough. */
  skipped: number;
  rawBytes: number;
  brotliBytes: number;
}

const isVariant = (path: string) => encodings.some(({ suffix }) => path.endsWith(suffix));

async function compress(data: Buffer, encoding: (typeof encodings)[number]['name'], quality: number): Promise<Buffer> {
  if (encoding === 'br') {
    return brotli(data, {
      params: { [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    });
  }
  return gzipAsync(data, { level: 9 });
}

/** Writes the compressed copies for every file of `out` that qualifies; removes stale ones of files that do not. */
export async function precompressExport(out: string, parallel = 4): Promise<PrecompressReport> {
  const report: PrecompressReport = { files: 0, written: 0, skipped: 0, rawBytes: 0, brotliBytes: 0 };
  const paths: string[] = [];
  for await (const path of walk(out)) if (!isVariant(path)) paths.push(path);

  const one = async (path: string) => {
    const address = relative(out, path).split(sep).join('/');
    const variants = encodings.map(({ name, suffix }) => ({ name, file: path + suffix }));
    const data = shouldPrecompress(address) ? await readFile(path) : undefined;
    const written: Array<{ file: string; bytes: Buffer }> = [];
    if (data && data.length >= minBytes) {
      for (const { name, file } of variants) {
        const bytes = await compress(data, name, isPerDocument(address) ? brotliQuality.perDocument : brotliQuality.siteWide);
        if (bytes.length <= data.length * maxRatio) written.push({ file, bytes });
      }
    }
    // A copy left by an earlier run must never outlive its original's content.
    for (const { file } of variants) if (!written.some((entry) => entry.file === file)) await rm(file, { force: true });
    if (!data) return;
    if (written.length === 0) {
      report.skipped++;
      return;
    }
    // Written after the original, so not older than it: the server sends no copy older than its original.
    for (const { file, bytes } of written) await writeFile(file, bytes);
    report.files++;
    report.written += written.length;
    report.rawBytes += data.length;
    report.brotliBytes += written.find(({ file }) => file.endsWith('.br'))?.bytes.length ?? data.length;
  };

  // A few at a time: zlib works on libuv's thread pool, so this uses the cores without holding every file in memory.
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < paths.length) await one(paths[next++]);
    }),
  );
  return report;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? join(process.cwd(), 'out');
  const started = performance.now();
  precompressExport(out).then(
    (report) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const saved = report.rawBytes ? Math.round((1 - report.brotliBytes / report.rawBytes) * 100) : 0;
      process.stdout.write(
        `precompress: ${report.written} compressed copies of ${report.files} files (Brotli ${saved} % smaller); ${report.skipped} small or incompressible files left as they are; ${seconds} s\n`,
      );
    },
    (error: unknown) => {
      process.stderr.write(`precompress: could not process ${out}: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
