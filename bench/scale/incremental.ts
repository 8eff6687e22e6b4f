/**
 * The incremental cases of the scale part, on a set just built clean (bench/scale/index.ts): one
 * document corrected (a word of its English title and heading), then one document added, each
 * published by `npm run build` as an editor would; then the same content built again with
 * `npm run build -- --clean`, and the incremental build compared with it, file by file and byte by
 * byte (src/export/incremental.ts promises the same bytes).
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { publishedBuild } from '../../src/export/build';
import { walk } from '../../src/export/walk';
import { varyDocument } from './generate';
import { timedBuild, type BuildOptions, type BuildRun } from './timed-build';

export interface IncrementalCase {
  seconds: number;
  peakRssBytes: number;
  /** How the build went about it, from its log: `incremental` (N documents rendered) or `clean`. */
  mode: 'incremental' | 'clean' | 'nothing' | 'unknown';
  exitCode: number | null;
  stopped?: BuildRun['stopped'];
  log: string;
}

export interface IncrementalReport {
  /** The set the cases start from. */
  documents: number;
  correctOne: IncrementalCase;
  addOne: IncrementalCase;
  /** The clean build of the same content as `addOne`'s. */
  cleanAfterAdd: IncrementalCase;
  /** Whether `addOne`'s build and the clean one are the same files with the same bytes (null: not compared). */
  identical: boolean | null;
  /** Up to 20 files that differ, or are in one build only. */
  differences: string[];
}

/** What the build's log says it did (src/export/build.ts). */
export function buildMode(log: string): IncrementalCase['mode'] {
  if (/^build: incremental:/m.test(log)) return 'incremental';
  if (/^build: nothing changed/m.test(log)) return 'nothing';
  if (/^build: clean:/m.test(log)) return 'clean';
  return 'unknown';
}

/** The files of two builds that differ, or are in one only, `/`-separated, sorted. */
export async function differingFiles(a: string, b: string): Promise<string[]> {
  const list = async (folder: string) => {
    const files = new Set<string>();
    for await (const path of walk(folder)) files.add(relative(folder, path).split(sep).join('/'));
    return files;
  };
  const [left, right] = [await list(a), await list(b)];
  const differing: string[] = [];
  for (const file of [...new Set([...left, ...right])].sort()) {
    if (!left.has(file) || !right.has(file)) differing.push(file);
    else if (!(await readFile(join(a, file))).equals(await readFile(join(b, file)))) differing.push(file);
  }
  return differing;
}

/**
 * Runs the cases in `projectDir` (built clean with `slugs`); build logs go to `logPrefix-<case>.log`.
 * The added document is the last one under the next number, as the generator would number it.
 */
export async function measureIncremental(projectDir: string, slugs: readonly string[], logPrefix: string, options: BuildOptions, say: (line: string) => void): Promise<IncrementalReport> {
  const documents = join(projectDir, 'content', 'documents');
  const run = async (name: string, args: string[] = []): Promise<IncrementalCase> => {
    const log = `${logPrefix}-${name}.log`;
    const result = await timedBuild(projectDir, log, { ...options, args });
    const text = await readFile(log, 'utf8').catch(() => '');
    const figures: IncrementalCase = { seconds: result.seconds, peakRssBytes: result.peakRssBytes, mode: buildMode(text), exitCode: result.exitCode, log };
    if (result.stopped) figures.stopped = result.stopped;
    say(`    ${name}: ${result.seconds.toFixed(1)} s, ${figures.mode}${result.exitCode === 0 ? '' : `, exit ${result.exitCode}`}`);
    return figures;
  };

  // A correction: the first document's English title and heading, a word more.
  const first = join(documents, slugs[0], 'en.md');
  await writeFile(first, varyDocument(await readFile(first, 'utf8'), 'corrected'));
  const correctOne = await run('correct-one');

  // An addition: the next document, as the generator numbers them.
  const width = Math.max(4, String(slugs.length).length);
  const next = String(slugs.length + 1).padStart(width, '0');
  const slug = slugs[0].replace(/-scale-\d+$/, `-scale-${next}`);
  await mkdir(join(documents, slug));
  const template = join(documents, slugs[slugs.length - 1]);
  for (const name of (await readdir(template)).filter((file) => file.endsWith('.md'))) {
    const source = await readFile(join(template, name), 'utf8');
    const label = slugs[slugs.length - 1].split('-').at(-1) ?? '';
    await writeFile(join(documents, slug, name), varyDocument(source.replaceAll(` · ${label}`, ''), next));
  }
  const addOne = await run('add-one');
  const incrementalBuild = await publishedBuild(join(projectDir, 'out'));

  const cleanAfterAdd = await run('clean-after-add', ['--clean']);
  const cleanBuild = await publishedBuild(join(projectDir, 'out'));
  let identical: boolean | null = null;
  let differences: string[] = [];
  if (addOne.exitCode === 0 && cleanAfterAdd.exitCode === 0 && incrementalBuild && cleanBuild && incrementalBuild !== cleanBuild) {
    differences = await differingFiles(incrementalBuild, cleanBuild);
    identical = differences.length === 0;
    say(`    the incremental build and the clean one: ${identical ? 'the same bytes' : `${differences.length} files differ`}`);
  }
  return { documents: slugs.length, correctOne, addOne, cleanAfterAdd, identical, differences: differences.slice(0, 20) };
}
