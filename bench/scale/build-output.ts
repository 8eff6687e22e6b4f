/**
 * What a finished scratch build wrote: the check that it used its copy only (Next's recorded root, its
 * traces, the documents in out/), and the size of a folder of its output.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BenchError } from '../errors';

/** True when `path` is `dir` or inside it. */
function inside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The parsed JSON file, or undefined when it is missing or not JSON. */
function readJson<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Folders of out/ that hold one folder per document: out/documents and out/<lang>/documents. */
function documentFolders(outDir: string): string[] {
  const found: string[] = [];
  if (existsSync(join(outDir, 'documents'))) found.push(join(outDir, 'documents'));
  for (const entry of readdirSync(outDir, { withFileTypes: true })) {
    if (entry.isDirectory() && existsSync(join(outDir, entry.name, 'documents'))) found.push(join(outDir, entry.name, 'documents'));
  }
  return found;
}

/**
 * Checks that the build in `projectDir` used that copy only: Next's recorded project folder and
 * Turbopack root are the copy, every file its traces list is inside it, and out/ has a page folder for
 * exactly the generated documents (none of the checkout's own). Throws a BenchError otherwise.
 */
export function checkIsolation(projectDir: string, slugs: readonly string[]): void {
  const next = join(projectDir, '.next');
  const recorded = readJson<{ appDir?: string; config?: { turbopack?: { root?: string }; outputFileTracingRoot?: string } }>(join(next, 'required-server-files.json'));
  const roots = [recorded?.appDir, recorded?.config?.turbopack?.root, recorded?.config?.outputFileTracingRoot].filter((value): value is string => typeof value === 'string');
  const outsideRoot = roots.find((path) => !inside(projectDir, resolve(path)));
  if (outsideRoot) throw new BenchError(`the build in ${projectDir} took its project root from outside the copy: ${outsideRoot}`);
  for (const entry of existsSync(next) ? readdirSync(next) : []) {
    if (!entry.endsWith('.nft.json')) continue;
    const trace = readJson<{ files?: string[] }>(join(next, entry));
    const outside = (trace?.files ?? []).map((file) => resolve(next, file)).find((path) => !inside(projectDir, path));
    if (outside) throw new BenchError(`the build in ${projectDir} traced a file outside the copy: ${outside}`);
  }
  if (!existsSync(join(projectDir, 'out'))) throw new BenchError(`the build in ${projectDir} succeeded but wrote no out/`);
  const folders = documentFolders(join(projectDir, 'out'));
  if (folders.length === 0) throw new BenchError(`the build in ${projectDir} wrote no documents folder to out/`);
  const expected = [...slugs].sort().join('\n');
  for (const folder of folders) {
    const written = readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    if (written.join('\n') !== expected) {
      const stray = written.find((slug) => !slugs.includes(slug));
      const missing = slugs.find((slug) => !written.includes(slug));
      throw new BenchError(`${relative(projectDir, folder)}/ of the scratch build does not hold exactly the generated documents (${stray ? `has ${stray}` : `lacks ${missing}`})`);
    }
  }
}

/** Every file under `dir` (symbolic links counted as files, not followed), with the names of its folder. */
function* filesUnder(dir: string): Generator<{ path: string; name: string; siblings: ReadonlySet<string> }> {
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop() as string;
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    const siblings = new Set(entries.map((entry) => entry.name));
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) stack.push(path);
      else yield { path, name: entry.name, siblings };
    }
  }
}

/** Bytes and number of the files under `dir` (symbolic links counted as files, not followed). */
export function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const { path } of filesUnder(dir)) {
    bytes += lstatSync(path).size;
    files++;
  }
  return { bytes, files };
}

/**
 * The largest page of `out` as a server sends it gzipped: its `.gz` copy, or, for a page the build
 * wrote none for (small pages, and every document's pages: `npm start` and nginx compress those when
 * asked), the page gzipped here at zlib's default level. Undefined when there is no page. A page no
 * larger than the largest found so far is not compressed: its gzip can only be smaller.
 */
export function largestPage(out: string): { file: string; gzipBytes: number } | undefined {
  let largest: { file: string; gzipBytes: number } | undefined;
  for (const { path, name, siblings } of filesUnder(out)) {
    if (!name.endsWith('.html')) continue;
    let bytes: number;
    if (siblings.has(`${name}.gz`)) bytes = statSync(`${path}.gz`).size;
    else {
      const raw = statSync(path).size;
      if (largest && raw <= largest.gzipBytes) continue;
      bytes = gzipSync(readFileSync(path)).length;
    }
    if (!largest || bytes > largest.gzipBytes) largest = { file: relative(out, path), gzipBytes: bytes };
  }
  return largest;
}
