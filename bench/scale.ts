/**
 * How the build scales with the number of documents. Generates sets of documents shaped like the first
 * one (copies with their own slugs and numbered titles), builds each set in a scratch copy of the
 * project with the project's own `npm run build`, and measures wall-clock time, the peak of the summed
 * resident memory of the whole build process tree (from /proc), and what lands in out/. Linux only.
 * See bench/README.md, "Scale".
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, lstatSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, statfs, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isScalar, parseDocument, Scalar } from 'yaml';
import { diagnostics, formatDiagnostic } from '../src/model/format';
import { loadContent } from '../src/cache/load';
import { hasErrors } from '../src/model/report';
import { slugPattern } from '../src/model/schema';
import { BenchError } from './errors';
import { preferredReaderPath, slugOf } from './site';

/** The scale targets. Bytes are decimal (1 MB = 1,000,000 bytes), like the rest of the bench. */
export const scaleTargets = {
  /** Output (every file of out/) each added document may cost. */
  perDocumentBytes: 1_000_000,
  /** Files in out/ each added document may cost. */
  perDocumentFiles: 20,
  /** Build time each added document may cost, in seconds. */
  perDocumentSeconds: 0.55,
  /** The large edition the time and memory targets are about… */
  documents: 1_000,
  /** …must build in at most this many seconds… */
  buildSeconds: 600,
  /** …with the build's process tree never holding more than this much resident memory in all. */
  peakMemoryBytes: 2_000_000_000,
  /** Peak memory "does not grow" when the largest set's peak is at most this much above the smallest's. */
  memoryGrowthTolerance: 0.1,
} as const;

/** Sizes measured by default. */
export const defaultScaleSizes = [10, 100, 1_000] as const;

/** Everything the scale part writes or copies lives under here (gitignored). */
export const scratchFolder = join('.scratch', 'scale');

/**
 * Top-level entries a scratch copy always leaves out: version control, node_modules (linked in apart),
 * the scratch folder itself and content/ (replaced by the generated set).
 */
export const excludedFromCopy: readonly string[] = ['.git', 'node_modules', '.scratch', 'content'];

/** Left out when git cannot say what is ignored (no git, not a checkout): the .gitignore of today. */
const fallbackIgnored: readonly string[] = ['.next', 'out', '.content', 'next-env.d.ts', 'test-results', 'playwright-report', 'bench/results', 'screenshots', 'public/assets'];

/** Folders of content/ that belong to the real documents and are not copied with the glossary. */
const perDocumentContent: readonly string[] = ['documents', 'sources'];

// ---- the generated documents ----------------------------------------------------------------

/** The slug of generated document `number` of a set: `2019-05-30-scale-0001`. */
export function scaleSlug(datePrefix: string, number: number, width = 4): string {
  return `${datePrefix}-scale-${String(number).padStart(width, '0')}`;
}

/**
 * A copy of a document file with its number in the title: the front matter's `title` and the first
 * level-1 heading (before its `{#id}`) get ` · 0001`. Every other byte is left as it is.
 */
export function varyDocument(text: string, label: string): string {
  const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  let head = frontMatter?.[0] ?? '';
  if (frontMatter) {
    const yamlStart = head.indexOf('\n') + 1;
    const title = parseDocument(frontMatter[1]).get('title', true);
    if (isScalar(title) && typeof title.value === 'string' && title.range) {
      const [start, end] = [yamlStart + title.range[0], yamlStart + title.range[1]];
      // A plain scalar stays plain with the number appended; a quoted or block one is written anew, quoted.
      const source = title.type === Scalar.PLAIN ? `${head.slice(start, end)} · ${label}` : JSON.stringify(`${title.value} · ${label}`);
      head = head.slice(0, start) + source + head.slice(end);
    }
  }
  const body = text.slice(frontMatter?.[0].length ?? 0);
  return head + body.replace(/^(# .*?)(\s*\{#[^}\s]+\})?[ \t]*$/m, (_, heading: string, id: string | undefined) => `${heading} · ${label}${id ?? ''}`);
}

export interface GeneratedSet {
  /** Slug of the document that was copied. */
  template: string;
  /** Slugs of the generated documents, in order. */
  slugs: string[];
}

/** The document the generated ones copy: the reader page's document, else the first folder. */
export async function templateSlug(root: string): Promise<string> {
  const documents = join(root, 'content', 'documents');
  const slugs = (await readdir(documents, { withFileTypes: true }).catch(() => [])).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const preferred = slugOf(preferredReaderPath);
  if (preferred && slugs.includes(preferred)) return preferred;
  if (slugs.length === 0) throw new BenchError(`content/documents/ has no document to copy for the scale measurement`);
  return slugs[0];
}

/**
 * Writes `dest/content/`: the checkout's content/ without its documents (and their received sources),
 * and `count` copies of the template document with slugs `<date>-scale-0001`… and numbered titles.
 */
export async function writeScaleContent(root: string, dest: string, count: number): Promise<GeneratedSet> {
  const template = await templateSlug(root);
  const templateDir = join(root, 'content', 'documents', template);
  const names = (await readdir(templateDir)).filter((name) => name.endsWith('.md')).sort();
  const texts = await Promise.all(names.map((name) => readFile(join(templateDir, name), 'utf8')));
  const content = join(dest, 'content');
  await mkdir(join(content, 'documents'), { recursive: true });
  for (const entry of await readdir(join(root, 'content'))) {
    if (!perDocumentContent.includes(entry)) await cp(join(root, 'content', entry), join(content, entry), { recursive: true });
  }
  const datePrefix = /^\d{4}-\d{2}-\d{2}/.exec(template)?.[0] ?? 'generated';
  const width = Math.max(4, String(count).length);
  const slugs: string[] = [];
  for (let number = 1; number <= count; number++) {
    const slug = scaleSlug(datePrefix, number, width);
    const label = String(number).padStart(width, '0');
    const folder = join(content, 'documents', slug);
    await mkdir(folder);
    await Promise.all(names.map((name, index) => writeFile(join(folder, name), varyDocument(texts[index], label))));
    slugs.push(slug);
  }
  return { template, slugs };
}

/**
 * Runs the project's content check (`loadContent`) on a small generated set, so that a template or a
 * rule change that makes the copies invalid stops the run before any long build.
 */
export async function checkGeneratedContent(root: string, dest: string, count = 2): Promise<GeneratedSet> {
  await rm(dest, { recursive: true, force: true });
  const set = await writeScaleContent(root, dest, count);
  const invalid = set.slugs.filter((slug) => !slugPattern.test(slug));
  if (invalid.length > 0 || new Set(set.slugs).size !== set.slugs.length) {
    throw new BenchError(`generated slugs are not valid and unique: ${set.slugs.join(', ')}`);
  }
  const { files } = await loadContent(dest);
  if (hasErrors(files)) {
    const errors = diagnostics(files).filter((d) => d.severity === 'error');
    throw new BenchError(`the generated copies of ${set.template} fail the content check (${errors.length} errors; first: ${formatDiagnostic(errors[0])}); see ${dest}`);
  }
  return set;
}

// ---- the scratch copy of the project --------------------------------------------------------

/**
 * Paths (relative, `/`-separated, no trailing slash) that git ignores in the checkout: build output,
 * caches, results. What .gitignore says today, so that a new generated folder is left out too.
 */
export function ignoredPaths(root: string): string[] {
  const listed = spawnSync('git', ['ls-files', '--others', '--ignored', '--exclude-standard', '--directory', '-z'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  if (listed.status !== 0 || typeof listed.stdout !== 'string') return [...fallbackIgnored];
  return listed.stdout
    .split('\0')
    .filter(Boolean)
    .map((path) => path.replace(/\/$/, ''));
}

/**
 * Copies the checkout to `dest` for one build: everything but `excludedFromCopy` and what git ignores
 * (`.next`, `out`, caches, bench/results…), so that whatever the build needs (configs, src/, public/,
 * scripts/, a new build step not committed yet) comes along. node_modules is hard-linked (`cp -al`: no
 * disk space, under a second) rather than symlinked, because Turbopack resolves nothing through a
 * symlink that leads out of `turbopack.root` ("Could not find the Next.js package").
 */
export async function copyProject(root: string, dest: string): Promise<void> {
  await rm(dest, { recursive: true, force: true });
  await mkdir(dest, { recursive: true });
  const ignored = new Set(ignoredPaths(root));
  const keep = (source: string) => !ignored.has(relative(root, source).split(sep).join('/'));
  for (const entry of await readdir(root)) {
    if (excludedFromCopy.includes(entry) || !keep(join(root, entry))) continue;
    await cp(join(root, entry), join(dest, entry), { recursive: true, filter: keep });
  }
  const modules = join(root, 'node_modules');
  if (!existsSync(modules)) throw new BenchError('node_modules is missing: run `npm ci` first');
  const linked = spawnSync('cp', ['-al', modules, join(dest, 'node_modules')], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (linked.status !== 0) {
    // Another file system (hard links impossible): a real copy, slower but equivalent.
    await rm(join(dest, 'node_modules'), { recursive: true, force: true });
    const copied = spawnSync('cp', ['-a', modules, join(dest, 'node_modules')], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (copied.status !== 0) throw new BenchError(`could not copy node_modules into ${dest}: ${(copied.stderr || linked.stderr).trim().split('\n')[0]}`);
  }
}

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

// ---- measuring a build ----------------------------------------------------------------------

export interface TreeSample {
  /** Resident memory of every process of the tree, summed (shared pages are counted once per process). */
  rssBytes: number;
  processes: number;
}

/** What /proc/<pid>/stat says of a process: its parent, its process group, its resident pages, its CPU time. */
interface ProcStat {
  ppid: number;
  pgrp: number;
  rssPages: number;
  /** User and system time of the process itself (not of its children), in clock ticks. */
  cpuTicks: number;
}

function readStat(pid: number | string): ProcStat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    // fields[0] is field 3 (state); ppid is field 4, pgrp 5, utime 14, stime 15, rss (pages) 24.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), pgrp: Number(fields[2]), rssPages: Number(fields[21]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined; // the process ended between the listing and the read
  }
}

/** A system constant from `getconf` (`fallback` when it cannot say). */
function getconf(name: string, fallback: number): number {
  const answer = spawnSync('getconf', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const value = Number(answer.stdout?.trim());
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

const pageSize = () => getconf('PAGESIZE', 4096);
const clockTicks = () => getconf('CLK_TCK', 100);

/**
 * CPU time the whole machine has spent busy since boot, all cores together, in clock ticks: user,
 * nice, system, irq, softirq and steal of the first line of /proc/stat.
 */
function machineBusyTicks(): number {
  try {
    const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return user + nice + system + irq + softirq + (steal || 0);
  } catch {
    return 0;
  }
}

/**
 * The pids of the process `rootPid`, all its descendants, and any process of its process group (a
 * worker whose parent ended is re-parented but stays in the group). Reads every /proc/<pid>/stat.
 */
function treeMembers(rootPid: number): Map<number, ProcStat> {
  const all = new Map<number, ProcStat>();
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(name);
    if (!stat) continue;
    const pid = Number(name);
    all.set(pid, stat);
    const siblings = children.get(stat.ppid);
    if (siblings) siblings.push(pid);
    else children.set(stat.ppid, [pid]);
  }
  const members = new Map<number, ProcStat>();
  for (const [pid, stat] of all) if (stat.pgrp === rootPid) members.set(pid, stat);
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    const stat = all.get(pid);
    if (stat) members.set(pid, stat);
    queue.push(...(children.get(pid) ?? []));
  }
  return members;
}

const summed = (stats: Iterable<ProcStat>, page: number): TreeSample => {
  let rssBytes = 0;
  let processes = 0;
  for (const stat of stats) {
    // A zombie (ended, not yet reaped) has no memory and is not counted.
    if (stat.rssPages > 0) {
      rssBytes += stat.rssPages * page;
      processes++;
    }
  }
  return { rssBytes, processes };
};

/** One full reading of the tree of `rootPid` (see `createTreeSampler` for repeated readings). */
export function sampleProcessTree(rootPid: number): TreeSample {
  return summed(treeMembers(rootPid).values(), pageSize());
}

export interface TreeSampler {
  /** Reads the tree now. */
  read(): TreeSample;
  /** CPU time of every process seen in the tree so far (its last reading), seconds. */
  cpuSeconds(): number;
}

/**
 * A reader of the tree of `rootPid` for polling: reading every /proc/<pid>/stat costs tens of
 * milliseconds on a VM, too much every 100 ms on two cores, so the whole of /proc is listed only every
 * `rescanMs` (default 1 s) to find new processes, and in between only the known members are read.
 */
export function createTreeSampler(rootPid: number, rescanMs = 1_000): TreeSampler {
  const page = pageSize();
  const ticks = clockTicks();
  let members = new Map<number, ProcStat>();
  const cpuByPid = new Map<number, number>();
  let lastScan = -Infinity;
  return {
    read() {
      const now = performance.now();
      if (now - lastScan >= rescanMs) {
        lastScan = now;
        members = treeMembers(rootPid);
      } else {
        for (const pid of members.keys()) {
          const stat = readStat(pid);
          if (stat) members.set(pid, stat);
          else members.delete(pid);
        }
      }
      for (const [pid, stat] of members) cpuByPid.set(pid, Math.max(cpuByPid.get(pid) ?? 0, stat.cpuTicks));
      return summed(members.values(), page);
    },
    cpuSeconds() {
      let total = 0;
      for (const value of cpuByPid.values()) total += value;
      return total / ticks;
    },
  };
}

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
    child = spawn(npm, ['run', 'build'], { cwd: projectDir, env: buildEnvironment(), stdio: ['ignore', log, log], detached: true });
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

/** Bytes and number of the files under `dir` (symbolic links counted as files, not followed). */
export function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop() as string;
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) stack.push(path);
      else {
        bytes += lstatSync(path).size;
        files++;
      }
    }
  }
  return { bytes, files };
}

// ---- the measurement ------------------------------------------------------------------------

export interface ScalePoint {
  documents: number;
  /** Wall-clock time of `npm run build`, s. */
  seconds: number;
  /** Peak of the summed resident memory of the build's process tree. */
  peakRssBytes: number;
  peakProcesses: number;
  /** Readings of /proc during the build. */
  samples: number;
  /** Every file of out/. Zero when the build was stopped or failed. */
  outBytes: number;
  outFiles: number;
  /** .next/ after the build (Next's own output and cache). */
  nextBytes: number;
  /**
   * CPU seconds used by the build and, meanwhile, by everything else on the machine. Much "others"
   * means other work competed with the build for the cores and its time is inflated.
   */
  cpu: BuildCpu;
  /** The machine's 1-minute load average when the build started and when it ended (the build counts too). */
  loadAverage: { start: number; end: number };
  /**
   * `timeout`: stopped after `--scale-timeout` minutes; `failed`: `npm run build` exited with an error.
   * The time and the peak are then those until it ended: lower bounds of a successful build's.
   */
  stopped?: 'timeout' | 'failed';
  /** The build's output, relative to the project root. */
  log: string;
}

/** Per added document, between the smallest and the largest completed set. */
export interface ScaleSlopes {
  from: number;
  to: number;
  seconds: number;
  bytes: number;
  files: number;
  /** Peak memory per added document (bytes); near zero when memory does not grow. */
  memoryBytes: number;
  /**
   * CPU time of the build per added document (CPU seconds): less disturbed by other work on the
   * machine than the wall-clock slope, which it bounds on one core.
   */
  cpuSeconds: number;
}

export interface ScaleSummary {
  slopes: ScaleSlopes | null;
  /**
   * Peak memory of the largest set over that of the smallest completed one, minus 1 (0.25 = +25 %).
   * The largest set may be a stopped or failed build when its peak so far already shows growth
   * (`lowerBound`); otherwise the largest completed set is used.
   */
  memoryGrowth: { ratio: number; from: number; to: number; lowerBound: boolean } | null;
  /** Whether peak memory grows with the number of documents (growth above the tolerance). */
  memoryGrows: boolean | null;
  /**
   * Build time for `scaleTargets.documents`: `measured` when that set was built; `timeout` or `failed`
   * (a lower bound) when its build was stopped or failed; else `projected` from the largest set along
   * the slope (at least the largest set's time).
   */
  targetSetSeconds: { seconds: number; kind: 'measured' | 'projected' | 'timeout' | 'failed' } | null;
  /**
   * Peak memory for `scaleTargets.documents` if measured, else of the largest set built; a lower bound
   * when that build was stopped or failed.
   */
  targetSetMemory: { bytes: number; documents: number; lowerBound: boolean } | null;
  meets: {
    perDocumentBytes: boolean | null;
    perDocumentFiles: boolean | null;
    perDocumentSeconds: boolean | null;
    buildSeconds: boolean | null;
    peakMemory: boolean | null;
    memoryFlat: boolean | null;
  };
}

/** Slopes, memory growth and the verdicts against `scaleTargets`. Pure. */
export function summarize(points: readonly ScalePoint[]): ScaleSummary {
  const done = points.filter((point) => !point.stopped).sort((a, b) => a.documents - b.documents);
  const first = done[0];
  const last = done.at(-1);
  const slopes: ScaleSlopes | null =
    first && last && last.documents > first.documents
      ? {
          from: first.documents,
          to: last.documents,
          seconds: (last.seconds - first.seconds) / (last.documents - first.documents),
          bytes: (last.outBytes - first.outBytes) / (last.documents - first.documents),
          files: (last.outFiles - first.outFiles) / (last.documents - first.documents),
          memoryBytes: (last.peakRssBytes - first.peakRssBytes) / (last.documents - first.documents),
          cpuSeconds: (last.cpu.build - first.cpu.build) / (last.documents - first.documents),
        }
      : null;
  const tolerance = scaleTargets.memoryGrowthTolerance;
  const largest = [...points].sort((a, b) => a.documents - b.documents).at(-1);
  let memoryGrowth: ScaleSummary['memoryGrowth'] = null;
  if (first && largest?.stopped && largest.documents > first.documents && largest.peakRssBytes / first.peakRssBytes - 1 > tolerance) {
    memoryGrowth = { ratio: largest.peakRssBytes / first.peakRssBytes - 1, from: first.documents, to: largest.documents, lowerBound: true };
  } else if (slopes && first && last) {
    memoryGrowth = { ratio: last.peakRssBytes / first.peakRssBytes - 1, from: first.documents, to: last.documents, lowerBound: false };
  }
  const memoryGrows = memoryGrowth === null ? null : memoryGrowth.ratio > tolerance;

  const target = scaleTargets.documents;
  const exact = points.find((point) => point.documents === target);
  let targetSetSeconds: ScaleSummary['targetSetSeconds'] = null;
  if (exact) targetSetSeconds = { seconds: exact.seconds, kind: exact.stopped ?? 'measured' };
  // Projected along the slope, never below the largest set's own time (noise can make a slope negative).
  else if (slopes && last) targetSetSeconds = { seconds: Math.max(last.seconds, last.seconds + slopes.seconds * (target - last.documents)), kind: 'projected' };
  const memorySource = exact ?? points.reduce<ScalePoint | undefined>((largest, point) => (!largest || point.documents > largest.documents ? point : largest), undefined);
  const targetSetMemory = memorySource ? { bytes: memorySource.peakRssBytes, documents: memorySource.documents, lowerBound: memorySource.stopped !== undefined } : null;

  const atMost = (value: number | undefined, limit: number) => (value === undefined ? null : value <= limit);
  // A set no larger than the target that failed, or ran past the time limit before it was stopped, misses.
  const tooSlowAtOrBelowTarget = points.some(
    (point) => point.documents <= target && (point.stopped === 'failed' || (point.stopped === 'timeout' && point.seconds > scaleTargets.buildSeconds)),
  );
  return {
    slopes,
    memoryGrowth,
    memoryGrows,
    targetSetSeconds,
    targetSetMemory,
    meets: {
      perDocumentBytes: atMost(slopes?.bytes, scaleTargets.perDocumentBytes),
      perDocumentFiles: atMost(slopes?.files, scaleTargets.perDocumentFiles),
      perDocumentSeconds: atMost(slopes?.seconds, scaleTargets.perDocumentSeconds),
      buildSeconds: tooSlowAtOrBelowTarget ? false : targetSetSeconds?.kind === 'timeout' ? null : atMost(targetSetSeconds?.seconds, scaleTargets.buildSeconds),
      // A peak above the limit on any set already misses; below it only counts at the target size.
      peakMemory: points.some((point) => point.peakRssBytes > scaleTargets.peakMemoryBytes) ? false : exact ? true : null,
      memoryFlat: memoryGrows === null ? null : !memoryGrows,
    },
  };
}

export interface ScaleOptions {
  sizes: readonly number[];
  /** Per build. */
  timeoutMinutes: number;
  /** Keep each scratch copy after measuring it (they are removed by default: large sets take GBs). */
  keep: boolean;
  /** Where progress lines go (default console.log). */
  log?: (line: string) => void;
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
    report.points.push({
      documents,
      seconds: run.seconds,
      peakRssBytes: run.peakRssBytes,
      peakProcesses: run.peakProcesses,
      samples: run.samples,
      outBytes: out.bytes,
      outFiles: out.files,
      nextBytes: next.bytes,
      cpu: run.cpu,
      loadAverage: { start: loadAtStart, end: loadavg()[0] },
      log: relative(root, logFile),
      ...(stopped ? { stopped } : {}),
    });
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
