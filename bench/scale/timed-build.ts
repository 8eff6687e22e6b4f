/**
 * One timed `npm run build` in a scratch copy: its wall-clock time, the peak of the summed resident
 * memory of its process tree, and the CPU time it and the rest of the machine used meanwhile. A build
 * that runs too long or fills the disk is stopped; every build still running can be stopped at exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { BenchError } from '../errors';
import { clockTicks, createTreeSampler, machineBusyTicks, type TreeSample } from './proc';

export interface BuildRun {
  /** Wall-clock time from starting `npm run build` to its exit. */
  seconds: number;
  exitCode: number | null;
  /** Set when the build was stopped: it ran past the timeout, or the disk was nearly full. */
  stopped?: 'timeout' | 'disk';
  /** Peak over the samples of the summed resident memory of the build's process tree. */
  peakRssBytes: number;
  /** Most processes seen at once in the tree. */
  peakProcesses: number;
  samples: number;
  cpu: BuildCpu;
}

/** Where the CPU time went while the build ran, in CPU seconds (all cores together). */
export interface BuildCpu {
  /** Used by the build's processes (as last read; a process shorter than a second may be missed). */
  build: number;
  /** Used by everything else on the machine meanwhile: other work that competed with the build. */
  others: number;
}

const runningBuilds = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is gone already
  }
}

/** Stops every scratch build still running (on exit or Ctrl-C). */
export function stopAllBuilds(): void {
  for (const child of runningBuilds) killGroup(child, 'SIGKILL');
  runningBuilds.clear();
}

/** The environment of a build: the bench's own, without what npm set about the checkout's package. */
function buildEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key === 'INIT_CWD' || key.startsWith('npm_package_') || key.startsWith('npm_lifecycle_')) delete env[key];
  }
  return env;
}

export interface BuildOptions {
  /** Stop the build after this long (ms). */
  timeoutMs: number;
  /** Stop the build when the disk has less free space than this (bytes). */
  minFreeBytes: number;
  /** Milliseconds between two readings of the known processes (default 100). */
  intervalMs?: number;
  /** Milliseconds between two listings of /proc for new processes (default 1,000). */
  rescanMs?: number;
  /** Called about once a minute with the elapsed time and the current memory. */
  onProgress?: (seconds: number, sample: TreeSample) => void;
  /** Arguments of `npm run build` (`--clean`). */
  args?: string[];
}

/**
 * Runs `npm run build` in `projectDir` in a process group of its own, output to `logFile`, reading
 * /proc every `intervalMs` (default 100 ms) for the peak of the summed resident memory of the tree
 * (new processes are found by a listing of /proc every `rescanMs`, default 1 s).
 */
export async function timedBuild(projectDir: string, logFile: string, options: BuildOptions): Promise<BuildRun> {
  const log = openSync(logFile, 'w');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const started = performance.now();
  let child: ChildProcess;
  try {
    child = spawn(npm, ['run', 'build', ...(options.args?.length ? ['--', ...options.args] : [])], { cwd: projectDir, env: buildEnvironment(), stdio: ['ignore', log, log], detached: true });
  } finally {
    closeSync(log);
  }
  runningBuilds.add(child);
  const pid = child.pid;
  const tree = pid === undefined ? undefined : createTreeSampler(pid, options.rescanMs);
  const busyAtStart = machineBusyTicks();
  let peakRssBytes = 0;
  let peakProcesses = 0;
  let samples = 0;
  let stopped: BuildRun['stopped'];
  let lastProgress = started;
  let lastDiskCheck = started;
  const sample = () => {
    if (!tree) return;
    const reading = tree.read();
    samples++;
    peakRssBytes = Math.max(peakRssBytes, reading.rssBytes);
    peakProcesses = Math.max(peakProcesses, reading.processes);
    const now = performance.now();
    if (now - lastProgress >= 60_000) {
      lastProgress = now;
      options.onProgress?.((now - started) / 1000, reading);
    }
    if (!stopped && now - started > options.timeoutMs) {
      stopped = 'timeout';
      killGroup(child, 'SIGTERM');
      setTimeout(() => killGroup(child, 'SIGKILL'), 5_000).unref();
    }
    if (!stopped && now - lastDiskCheck >= 2_000) {
      lastDiskCheck = now;
      statfs(projectDir).then(
        (disk) => {
          if (!stopped && disk.bavail * disk.bsize < options.minFreeBytes) {
            stopped = 'disk';
            killGroup(child, 'SIGKILL');
          }
        },
        () => undefined,
      );
    }
  };
  const timer = setInterval(sample, options.intervalMs ?? 100);
  sample();
  const exitCode = await new Promise<number | null>((resolvePromise, reject) => {
    child.once('error', (error) => reject(new BenchError(`could not start \`npm run build\` in ${projectDir}: ${error.message}`)));
    child.once('exit', (code) => resolvePromise(code));
  }).finally(() => {
    clearInterval(timer);
    runningBuilds.delete(child);
  });
  const seconds = (performance.now() - started) / 1000;
  const machine = (machineBusyTicks() - busyAtStart) / clockTicks();
  // Workers that outlived npm would keep their memory: end whatever is left of the group.
  killGroup(child, 'SIGKILL');
  const build = tree?.cpuSeconds() ?? 0;
  return { seconds, exitCode, stopped, peakRssBytes, peakProcesses, samples, cpu: { build, others: Math.max(0, machine - build) } };
}
