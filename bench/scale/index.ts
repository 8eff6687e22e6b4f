/**
 * How the build scales with the number of documents. Generates sets of documents shaped like the first
 * one (copies with their own slugs and numbered titles), builds each set in a scratch copy of the
 * project with the project's own `npm run build`, and measures wall-clock time, the peak of the summed
 * resident memory of the whole build process tree (from /proc), and what lands in out/. Linux only.
 * See bench/README.md, "Scale".
 *
 * This module runs the measurement; each step is a module of this folder: `generate` (the documents),
 * `preflight` (their content check), `scratch-copy`, `timed-build` (with `proc`, the /proc readings),
 * `build-output` (isolation check and sizes) and `summary` (targets, slopes, verdicts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, statfs } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { BenchError } from '../errors';
import { checkIsolation, folderSize, largestPage } from './build-output';
import { writeScaleContent } from './generate';
import { measureIncremental, type IncrementalReport } from './incremental';
import { checkGeneratedContent } from './preflight';
import { copyProject } from './scratch-copy';
import { scaleTargets, summarize, type ScalePoint, type ScaleSummary } from './summary';
import { timedBuild } from './timed-build';

/** Sizes measured by default. */
export const defaultScaleSizes = [10, 100, 1_000, 10_000] as const;

/** The set the incremental cases run on by default. */
export const defaultIncrementalAt = 1_000;

/** Everything the scale part writes or copies lives under here, in the project root (gitignored). */
export const scratchFolder = join('.scratch', 'scale');

export interface ScaleOptions {
  sizes: readonly number[];
  /** Per build. */
  timeoutMinutes: number;
  /** Keep each scratch copy after measuring it (they are removed by default: large sets take GBs). */
  keep: boolean;
  /** Where progress lines go (default console.log). */
  log?: (line: string) => void;
  /** The set on which to measure the incremental cases (one document corrected, one added), if any. */
  incrementalAt?: number;
}

export interface ScaleReport {
  date: string;
  node: string;
  machine: { cores: number; memoryBytes: number; platform: string };
  template: string;
  sizes: number[];
  timeoutMinutes: number;
  points: ScalePoint[];
  summary: ScaleSummary;
  targets: typeof scaleTargets;
  /** Why sets were left unbuilt, if any were. */
  incomplete?: string;
  /** Why the run could not go on (a build failed, no disk space): the bench then exits non-zero. */
  failure?: string;
  /** The incremental cases, on the set of `incrementalAt` documents. */
  incremental?: IncrementalReport;
}

/** Free space to leave on the disk; a build is stopped below it. */
const minFreeBytes = 2_000_000_000;

/** Fails early where the measurement cannot work: it reads /proc and runs npm. */
export function checkScaleCanRun(): void {
  if (process.platform !== 'linux' || !existsSync('/proc/self/stat')) {
    throw new BenchError('the scale measurement reads /proc for memory: it runs on Linux only (use --no-scale elsewhere)');
  }
}

const formatGB = (bytes: number) => `${(bytes / 1e9).toFixed(1)} GB`;

/**
 * Builds each set of `options.sizes` generated documents in a scratch copy of the project and
 * measures it. `onPoint` is called with the report so far after each size (to save partial results).
 */
export async function measureScale(root: string, options: ScaleOptions, onPoint?: (report: ScaleReport) => Promise<void>): Promise<ScaleReport> {
  checkScaleCanRun();
  const say = options.log ?? ((line: string) => console.log(line));
  const scratch = join(root, scratchFolder);
  const logs = join(root, 'bench', 'results');
  await rm(scratch, { recursive: true, force: true });
  await mkdir(logs, { recursive: true });

  const preflight = await checkGeneratedContent(root, join(scratch, 'preflight'));
  await rm(join(scratch, 'preflight'), { recursive: true, force: true });
  say(`Scale: copies of ${preflight.template} pass the content check; building ${options.sizes.join(', ')} documents, each in a scratch copy (${scratchFolder}/)`);

  const sizes = [...options.sizes].sort((a, b) => a - b);
  const report: ScaleReport = {
    date: new Date().toISOString(),
    node: process.version,
    machine: { cores: cpus().length, memoryBytes: totalmem(), platform: `${process.platform} ${process.arch}` },
    template: preflight.template,
    sizes,
    timeoutMinutes: options.timeoutMinutes,
    points: [],
    summary: summarize([]),
    targets: scaleTargets,
  };
  const finishPoint = async () => {
    report.summary = summarize(report.points);
    await onPoint?.(report);
  };

  const skip = (documents: number, why: string) => {
    const rest = sizes.filter((size) => size > documents);
    if (rest.length > 0) report.incomplete = `${why}; larger sets (${rest.join(', ')}) not built`;
  };
  for (const documents of sizes) {
    const projectDir = join(scratch, String(documents));
    // Disk: out/ and .next/ grow with the documents; estimate from the last set before starting.
    const previous = report.points.at(-1);
    if (previous && !previous.stopped) {
      const needed = ((previous.outBytes + previous.nextBytes) / previous.documents) * documents * 1.2;
      const disk = await statfs(scratch);
      const free = disk.bavail * disk.bsize;
      if (needed > free - minFreeBytes) {
        report.failure = `not enough disk space for ${documents} documents: about ${formatGB(needed)} needed, ${formatGB(free)} free`;
        report.incomplete = `sets from ${documents} documents not built: not enough disk space`;
        break;
      }
    }
    say(`  ${documents} documents: copying the project and generating the content…`);
    await copyProject(root, projectDir);
    const set = await writeScaleContent(root, projectDir, documents);
    const logFile = join(logs, `scale-build-${documents}.log`);
    say(`  ${documents} documents: npm run build (output in ${relative(root, logFile)})…`);
    const loadAtStart = loadavg()[0];
    const run = await timedBuild(projectDir, logFile, {
      timeoutMs: options.timeoutMinutes * 60_000,
      minFreeBytes,
      onProgress: (seconds, sample) => say(`    … ${Math.round(seconds / 60)} min, ${formatGB(sample.rssBytes)} in ${sample.processes} processes now`),
    });
    if (run.stopped === 'disk') {
      await rm(projectDir, { recursive: true, force: true });
      report.failure = `the ${documents}-document build was stopped: less than ${formatGB(minFreeBytes)} left on the disk`;
      report.incomplete = `sets from ${documents} documents not built: the disk filled up`;
      break;
    }
    const stopped = run.stopped === 'timeout' ? 'timeout' : run.exitCode !== 0 ? 'failed' : undefined;
    if (!stopped) checkIsolation(projectDir, set.slugs);
    const out = stopped ? { bytes: 0, files: 0 } : folderSize(join(projectDir, 'out'));
    const next = folderSize(join(projectDir, '.next'));
    const page = stopped ? undefined : largestPage(join(projectDir, 'out'));
    report.points.push({
      documents,
      seconds: run.seconds,
      peakRssBytes: run.peakRssBytes,
      peakProcesses: run.peakProcesses,
      samples: run.samples,
      outBytes: out.bytes,
      outFiles: out.files,
      nextBytes: next.bytes,
      ...(page ? { largestPage: page } : {}),
      cpu: run.cpu,
      loadAverage: { start: loadAtStart, end: loadavg()[0] },
      log: relative(root, logFile),
      ...(stopped ? { stopped } : {}),
    });
    if (!stopped && documents === options.incrementalAt) {
      say(`  ${documents} documents: the incremental cases (one corrected, one added, then the same clean)…`);
      report.incremental = await measureIncremental(projectDir, set.slugs, join(logs, `scale-build-${documents}`), { timeoutMs: options.timeoutMinutes * 60_000, minFreeBytes }, say);
    }
    if (!options.keep) await rm(projectDir, { recursive: true, force: true });
    const peak = `peak ${formatGB(run.peakRssBytes)} in up to ${run.peakProcesses} processes`;
    if (stopped === 'failed') {
      // The build's own last lines say why; the run then ends with a one-line reason.
      const tail = readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-8).join('\n');
      say(`  ${documents} documents: \`npm run build\` FAILED (exit ${run.exitCode}) after ${run.seconds.toFixed(1)} s, ${peak}; its last lines:\n${tail}`);
      report.failure = `\`npm run build\` failed for ${documents} documents (exit ${run.exitCode}) after ${Math.round(run.seconds)} s; see ${relative(root, logFile)}`;
      skip(documents, `the ${documents}-document build failed`);
    } else if (stopped === 'timeout') {
      say(`  ${documents} documents: stopped after ${options.timeoutMinutes} min (--scale-timeout), ${peak}`);
      skip(documents, `the ${documents}-document build ran past ${options.timeoutMinutes} min`);
    } else {
      say(`  ${documents} documents: ${run.seconds.toFixed(1)} s, ${peak}, ${out.files.toLocaleString('en-US')} files in out/`);
    }
    await finishPoint();
    if (stopped) break;
  }
  await finishPoint();
  if (!options.keep) await rm(scratch, { recursive: true, force: true });
  return report;
}

/** `10,100,1000` → [10, 100, 1000]: distinct whole numbers from 1 to 100,000. */
export function parseSizes(list: string): number[] | undefined {
  const parts = list.split(',').map((part) => part.trim().replace(/_/g, ''));
  if (parts.some((part) => !/^\d+$/.test(part))) return undefined;
  const sizes = parts.map(Number);
  if (sizes.some((size) => size < 1 || size > 100_000) || new Set(sizes).size !== sizes.length) return undefined;
  return sizes.sort((a, b) => a - b);
}
