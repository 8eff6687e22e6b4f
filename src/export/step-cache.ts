/**
 * What a build step keeps for the next run of the same step (the search index, the security headers),
 * so that an incremental build does not redo the work for what did not change. A step's state is one
 * JSON file under `.next/cache/reader/` (Next keeps `.next/cache/` across its builds; the folder is
 * gitignored and never published), written whole by a rename, so that a run stopped halfway leaves the
 * previous state or none.
 *
 * A state holds only what a pure function of bytes gave, and is valid only for the code that wrote it
 * (`codeKey`): any change under src/, to the installed packages or to Node's version, and every entry
 * is ignored. Files are known by `fileIdentity`: an unchanged file of the previous build that the
 * incremental build hard-links into the new one keeps its device, inode, size and modification time;
 * a file written anew gets a new inode.
 */
import { createHash } from 'node:crypto';
import { existsSync, type BigIntStats } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesUnder, hashFiles } from '../cache/reuse';

/** Where the steps keep their state, under the project root. */
export const stepCacheDir = (root: string) => join(root, '.next', 'cache', 'reader');

/** The checkout this code runs from (two folders above src/export/). */
const checkout = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What, besides src/, the steps' results depend on: the installed packages' versions (Pagefind's binary, htmlparser2). */
const codeFiles = ['package-lock.json', join('node_modules', '.package-lock.json')];

let code: Promise<string> | undefined;

/** A hash of the code the steps run: every file under src/, the lock files, Node's version. */
export function codeKey(): Promise<string> {
  code ??= (async () => {
    const hash = createHash('sha256').update(`node ${process.version}\n`);
    await hashFiles(checkout, await filesUnder(join(checkout, 'src')), hash);
    await hashFiles(checkout, codeFiles.map((file) => join(checkout, file)).filter((path) => existsSync(path)), hash);
    return hash.digest('hex');
  })();
  return code;
}

/** A file's identity: the same only for the same file, unchanged (hard links share it). */
export const fileIdentity = (stats: BigIntStats) => `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}`;

/** Where a step keeps its state, and whether to start afresh. */
export interface StepState {
  /** The state's file (the CLIs: `<root>/.next/cache/reader/<step>.json`, `stepCacheDir`). */
  path: string;
  /** Take nothing from the last run (`npm run build -- --clean`); this run's state is still kept. */
  fresh?: boolean;
}

/** A step's state, or undefined when there is none, it cannot be read, another code wrote it, or `fresh`. */
export async function readStepState<T extends { code: string }>({ path, fresh = false }: StepState, currentCode: string): Promise<T | undefined> {
  if (fresh) return undefined;
  try {
    const state = JSON.parse(await readFile(path, 'utf8')) as T;
    return state.code === currentCode ? state : undefined;
  } catch {
    return undefined;
  }
}

/** Replaces a step's state in one rename. */
export async function writeStepState(path: string, state: { code: string }): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const staged = `${path}.${process.pid}.part`;
  await writeFile(staged, JSON.stringify(state));
  await rename(staged, path);
}
