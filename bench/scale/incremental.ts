/**
 * The incremental cases of the scale part, on a set just built clean (bench/scale/index.ts): one
 * document corrected (a word of a paragraph of its English text), then one document added, each
 * published by `npm run build` as an editor would; then the same content built again with
 * `npm run build -- --clean`, and the incremental build compared with it, file by file and byte by
 * byte (src/export/incremental.ts promises the same bytes).
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { publishedBuild } from '../../src/export/build';
import { walk } from '../../src/export/walk';
import { BenchError } from '../errors';
import { type GeneratedSet } from './generate';
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
 * An editor's one-word fix: the first `sides` in a paragraph of the text (never in the front matter
 * or a heading) becomes `parties`; the title, the date and the facets stay as they were.
 * Undefined when the text has no such word.
 */
export function correctOneWord(text: string): string | undefined {
  const body = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text)?.[0].length ?? 0;
  let start = body;
  for (const line of text.slice(body).split('\n')) {
    const at = line.startsWith('#') ? -1 : line.search(/\bsides\b/);
    if (at >= 0) return `${text.slice(0, start + at)}parties${text.slice(start + at + 'sides'.length)}`;
    start += line.length + 1;
  }
  return undefined;
}

/**
 * Runs the cases in `projectDir` (built clean with `set`); build logs go to `logPrefix-<case>.log`.
 * The document added is the one the generator wrote and the set kept aside.
 */
export async function measureIncremental(projectDir: string, set: GeneratedSet, logPrefix: string, options: BuildOptions, say: (line: string) => void): Promise<IncrementalReport> {
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

  // A correction: one word of the English text of the first document that has one.
  let corrected = false;
  for (const slug of set.slugs) {
    const file = join(documents, slug, 'en.md');
    const text = await readFile(file, 'utf8').catch(() => undefined);
    const fixed = text === undefined ? undefined : correctOneWord(text);
    if (fixed === undefined) continue;
    await writeFile(file, fixed);
    corrected = true;
    break;
  }
  if (!corrected) throw new BenchError('no generated English text has the word the correction changes ("sides")');
  const correctOne = await run('correct-one');

  // An addition: the document the set kept aside.
  await rename(set.reserve.folder, join(documents, set.reserve.slug));
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
  return { documents: set.slugs.length, correctOne, addOne, cleanAfterAdd, identical, differences: differences.slice(0, 20) };
}
