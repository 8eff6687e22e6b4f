/**
 * The static export under test: builds it when asked or missing, finds the reader page, and copies
 * out/ into bench/results/site so that a rebuild running in the same checkout cannot change the files
 * halfway through a measurement.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, realpath, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BenchError } from './errors';

/** The reader page the targets are about. */
export const preferredReaderPath = '/en/documents/2019-05-30-japan-russia-2plus2/';

export interface SiteSnapshot {
  /** Copy of out/ that is served and measured. */
  dir: string;
  /** When the build wrote the export's pages (modification time of out/index.html, ISO 8601). */
  builtAt: string | undefined;
}

/** Runs `npm run build` when out/ has no index.html or when `force` is set. */
export function ensureBuilt(root: string, force: boolean): void {
  const out = join(root, 'out');
  if (!force && existsSync(join(out, 'index.html'))) return;
  console.log(force ? 'Rebuilding the site (npm run build)…' : 'out/ is missing: building the site (npm run build)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.error) throw new BenchError(`could not start \`npm run build\`: ${build.error.message}`);
  if (build.status !== 0) throw new BenchError(`\`npm run build\` failed (exit ${build.status ?? build.signal}); see its output above`);
  if (!existsSync(join(out, 'index.html'))) throw new BenchError('`npm run build` succeeded but out/index.html is missing');
}

/** The modification time of out/index.html: it changes when a build rewrites the export. */
async function stampOf(outDir: string): Promise<number | undefined> {
  return stat(join(outDir, 'index.html')).then((info) => info.mtimeMs, () => undefined);
}

/** Script and stylesheet addresses of a page, to check that a copy is complete. */
function assetsOf(html: string): string[] {
  const found = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="(\/(?!\/)[^"?#]+\.(?:js|css))/g)].map((match) => match[1]);
  return [...new Set(found)];
}

/**
 * Copies out/ to `dest`, retrying while a concurrent build is rewriting it (the copy is complete when
 * every script and stylesheet the reader page names is in it and out/index.html did not change).
 */
export async function snapshotSite(root: string, dest: string, readerPath: string): Promise<SiteSnapshot> {
  const out = join(root, 'out');
  for (let attempt = 1; attempt <= 5; attempt++) {
    const before = await stampOf(out);
    await rm(dest, { recursive: true, force: true });
    await mkdir(dest, { recursive: true });
    // Timestamps kept: the server sends a precompressed copy only when it is not older than its file.
    // out/ is a link to the published build (src/export/build.ts): copy what it leads to.
    await cp(await realpath(out).catch(() => out), dest, { recursive: true, preserveTimestamps: true });
    const after = await stampOf(out);
    const page = await readFile(join(dest, readerPath, 'index.html'), 'utf8').catch(() => undefined);
    const complete = page !== undefined && assetsOf(page).every((asset) => existsSync(join(dest, asset)));
    if (before === after && complete) {
      return { dir: dest, builtAt: after === undefined ? undefined : new Date(after).toISOString() };
    }
    if (page === undefined && before === after) break;
    console.log(`out/ changed while it was being copied (a build is running?); retrying in 10 s (${attempt}/5)…`);
    await new Promise((resolve) => setTimeout(resolve, 10_000));
  }
  throw new BenchError(`could not take a consistent copy of out/ with ${readerPath}index.html in it`);
}

/**
 * The address of the reader page: `wanted` when out/ has it, else (unless `exact`) the first
 * out/<lang>/documents/<slug>/index.html (English first).
 */
export async function findReaderPath(root: string, wanted: string, exact: boolean): Promise<string> {
  const out = join(root, 'out');
  if (existsSync(join(out, wanted, 'index.html'))) return wanted;
  if (exact) throw new BenchError(`out${wanted}index.html does not exist`);
  const candidates: string[] = [];
  const langs = (await readdir(out, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  for (const lang of langs) {
    const documents = join(out, lang, 'documents');
    const slugs = await readdir(documents, { withFileTypes: true }).catch(() => []);
    for (const slug of slugs) {
      if (slug.isDirectory() && existsSync(join(documents, slug.name, 'index.html'))) candidates.push(`/${lang}/documents/${slug.name}/`);
    }
  }
  candidates.sort((a, b) => Number(b.startsWith('/en/')) - Number(a.startsWith('/en/')) || a.localeCompare(b));
  if (candidates.length === 0) throw new BenchError(`out/ has no reader page: neither out${wanted}index.html nor any out/*/documents/*/index.html`);
  console.log(`note: out${wanted}index.html does not exist; measuring ${candidates[0]} instead`);
  return candidates[0];
}

/** The document slug in a reader address (`/en/documents/<slug>/`). */
export function slugOf(readerPath: string): string | undefined {
  return /\/documents\/([^/]+)\//.exec(readerPath)?.[1];
}
