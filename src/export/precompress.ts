/**
 * A build step after the last one that writes into out/: writes compressed copies next to the text
 * files worth it, a Brotli `.br` and a gzip `.gz`, so that `npm start` (src/server/) and nginx
 * (`gzip_static`, `brotli_static`) send compressed bytes without compressing on every request.
 *
 * Which files, and which copies (each copy is a file of the export, and the export's budget is 20
 * files per added document, held by tests/e2e/budget.spec.ts):
 * - site-wide text files (the library, glossary and 404 pages, CSS, JavaScript, JSON, SVG, XML, …):
 *   both copies, Brotli at its best (quality 11) up to 256 kB (`brotliQuality`): they are few, and
 *   every reader loads them;
 * - nothing of a document (its reading, edition, comparison and changelog pages, `cite.json`, the
 *   glossary files of its past editions, the downloads under `exports/`): a copy of each would add
 *   a file per page, six for a document in its first edition. They are compressed on request
 *   instead: `npm start` makes each copy once, Brotli at its best for a page, and keeps it in memory
 *   (src/server/compressed-copies.mjs), so Chromium gets the reading page as Brotli 11 (about a fifth
 *   smaller than gzip -9); nginx gzips them per request (security-headers.ts).
 * Always from 1 kB up, and only when the copy is at most nine tenths of the file.
 *
 *   tsx src/export/precompress.ts [out]
 */
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
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

/** The encodings a copy may have, with its file suffix. */
export const encodings = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
export type EncodingName = (typeof encodings)[number]['name'];

/** Folders (relative to out/, `/`-separated) whose files are per-document downloads, fetched on request. */
export const onDemandFolders = ['exports/'];

/** Whether `path` (relative to out/, `/`-separated) belongs to one document (its pages and files). */
export const isPerDocument = (path: string) => /(^|\/)documents\/[^/]+\//.test(path) || onDemandFolders.some((folder) => path.startsWith(folder));

/**
 * The compressed copies `path` (relative to out/, `/`-separated) gets when it is large enough: both
 * for site-wide text files, none for a document's files or anything else.
 */
export function encodingsFor(path: string): EncodingName[] {
  const extension = extname(path).toLowerCase();
  return compressibleExtensions.has(extension) && !isPerDocument(path) ? ['br', 'gzip'] : [];
}

export interface PrecompressReport {
  /** Files that got compressed copies. */
  files: number;
  /** Compressed copies written. */
  written: number;
  /** Files considered (right kind) but left alone: too small, or not compressible enough. */
  skipped: number;
  /** Files whose copies were already there, not older than they (taken from the previous build). */
  kept: number;
  rawBytes: number;
  /** The smallest copy of each file, summed. */
  compressedBytes: number;
}

const isVariant = (path: string) => encodings.some(({ suffix }) => path.endsWith(suffix));

/**
 * Brotli's quality for a file of `bytes`: its best (11) for the files most pages load, which are
 * small; 5 above `brotliBestUpTo`. Quality 11 compresses about 1 MB a second, and a large archive's
 * glossary and library pages, which list every mention and document, grow to megabytes: at 1,000
 * documents they took most of two minutes of the build. Quality 5 is some fifty times faster and a
 * tenth or so larger.
 */
export const brotliBestUpTo = 256 * 1024;
export const brotliQuality = (bytes: number) => (bytes <= brotliBestUpTo ? 11 : 5);

async function compress(data: Buffer, encoding: EncodingName): Promise<Buffer> {
  if (encoding === 'br') {
    return brotli(data, {
      params: { [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_QUALITY]: brotliQuality(data.length), [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    });
  }
  return gzipAsync(data, { level: 9 });
}

/**
 * Writes the compressed copies for every file of `out` that qualifies, but those whose copies are
 * already there and up to date; removes stale ones of files that do not.
 */
export async function precompressExport(out: string, parallel = 4): Promise<PrecompressReport> {
  const report: PrecompressReport = { files: 0, written: 0, skipped: 0, kept: 0, rawBytes: 0, compressedBytes: 0 };
  const paths: string[] = [];
  // The copies there are: most files have none, and asking the disk about each one's took seconds.
  const present = new Set<string>();
  for await (const path of walk(out)) {
    if (isVariant(path)) present.add(path);
    else paths.push(path);
  }

  const one = async (path: string) => {
    const address = relative(out, path).split(sep).join('/');
    const wanted = encodingsFor(address);
    // Copies an incremental build took from the previous build together with their original (hard
    // links, src/export/incremental.ts: the same bytes), each made from it and so not older than it.
    if (wanted.length > 0) {
      const original = await stat(path);
      const copies = (await Promise.all(encodings.filter(({ suffix }) => present.has(path + suffix)).map(({ suffix }) => stat(path + suffix).catch(() => undefined)))).filter((copy) => copy !== undefined);
      const linked = (file: { nlink: number }) => file.nlink > 1;
      if (copies.length > 0 && linked(original) && copies.every((copy) => linked(copy) && copy.mtimeMs >= original.mtimeMs)) {
        report.kept++;
        return;
      }
    }
    const data = wanted.length > 0 ? await readFile(path) : undefined;
    const written: Array<{ file: string; bytes: Buffer }> = [];
    if (data && data.length >= minBytes) {
      for (const { name, suffix } of encodings.filter(({ name }) => wanted.includes(name))) {
        const bytes = await compress(data, name);
        if (bytes.length <= data.length * maxRatio) written.push({ file: path + suffix, bytes });
      }
    }
    // A copy left by an earlier run must never outlive its original's content.
    for (const { suffix } of encodings) if (present.has(path + suffix) && !written.some((entry) => entry.file === path + suffix)) await rm(path + suffix, { force: true });
    if (!data) return;
    if (written.length === 0) {
      report.skipped++;
      return;
    }
    // Written after the original, so not older than it: the server sends no copy older than its original.
    // Renamed into place: a copy an incremental build linked from the previous build is replaced, never written into.
    for (const { file, bytes } of written) {
      await writeFile(`${file}.${process.pid}.tmp`, bytes);
      await rename(`${file}.${process.pid}.tmp`, file);
    }
    report.files++;
    report.written += written.length;
    report.rawBytes += data.length;
    report.compressedBytes += Math.min(...written.map(({ bytes }) => bytes.length));
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
      const saved = report.rawBytes ? Math.round((1 - report.compressedBytes / report.rawBytes) * 100) : 0;
      process.stdout.write(
        `precompress: ${report.written} compressed copies of ${report.files} files (${saved} % smaller); ${report.skipped} small or incompressible files left as they are${report.kept > 0 ? `; ${report.kept} files' copies taken from the previous build` : ''}; ${seconds} s\n`,
      );
    },
    (error: unknown) => {
      process.stderr.write(`precompress: could not process ${out}: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
