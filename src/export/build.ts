/**
 * `npm run build`: runs the build's steps in order, each a command of its own, into a new folder,
 * `.out-builds/<id>/`, and publishes it whole, in one atomic step: out/ is a symbolic link to the
 * published build, and publishing renames a new link over it (rename(2) replaces it at once: a
 * reader of out/ sees the previous site or the new one, never neither, never part of one). The
 * served site is never written to, so `npm start` (src/server/site-server.mjs, which follows the
 * link) answers every page throughout a build. A step that fails, cannot start or is interrupted
 * (Ctrl-C, SIGTERM) leaves out/ as it was; its half-written folder is deleted. A build killed
 * outright leaves its folder behind: the next build deletes it before it starts.
 *
 * Kept in `.out-builds/`: the published build and the one it replaced (a server that has not yet
 * noticed the switch, or a response in flight, may still read it); older ones are deleted. An out/
 * that is a plain folder (from before this scheme) is moved into `.out-builds/` and linked first.
 * To publish on a static host, copy the site the link points to: `cp -R out/. DEST`,
 * `rsync -a out/ DEST/` or `tar -chf site.tar -C out .` follow it.
 *
 * The steps learn the folder to write to from `{out}` in their arguments (outArgument), replaced by
 * its absolute path. `next build` exports into `.out-next/` (`SITE_EXPORT_DIR`, which next.config.mjs
 * makes the destination of Next's export), the same folder every time, and the build moves that
 * into the new folder when Next is done.
 *
 * Incremental: when the previous build's record shows that only documents were added or changed
 * (src/export/incremental.ts), Next renders those and the site-wide pages only, and the other
 * documents' files are taken from the previous build; anything else, or `--clean`, builds clean.
 *
 * The site's address comes from `SITE_URL` (src/site/site-url.ts). A value that is not an origin
 * stops the build before it starts; no value at all is allowed (CI and local builds have none), but
 * the build says so, loudly, before the first step and after the last: such a site has no sitemap
 * and no absolute address in its pages or downloads, and is not ready to publish as it is.
 *
 * To add a step, put it in `buildSteps` in its place, with `{out}` as its argument: steps that write
 * pages or files into the site go after `finish` and before `security headers`, which reads every
 * page, and `precompress`, which compresses every file. A long step that needs only the content cache
 * may run beside the others (`doneBefore`), as the search index does, writing a folder of the site
 * that no other step writes.
 *
 *   tsx src/export/build.ts
 */
import { spawn } from 'node:child_process';
import { existsSync, lstatSync } from 'node:fs';
import { mkdir, readdir, readFile, readlink, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { setPriority } from 'node:os';
import { basename, delimiter, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { onlyDocumentsVariable, renderOnlyVariable, siteWideOnlyVariable } from '../site/rendered-documents';
import { siteUrlProblem, siteUrlVariable } from '../site/site-url';
import { planBuild, planSiteWide, readRecord, recordOf, recordPath, siteWideFlag, siteWideKeysPath, siteWideRenderPath, writeRecord, type BuildPlan, type BuildRecord, type SiteWidePlan } from './incremental';

export interface BuildStep {
  /** What the step makes, for the log and the failure message. */
  name: string;
  /** The program and its arguments, run in the project root; `node_modules/.bin` is on the PATH. */
  command: string[];
  /** Variables to add to its environment. */
  env?: Record<string, string>;
  /**
   * For `next build`: where its export goes once it is done. Next always exports into the same
   * folder, `.out-next/` (nextExportDir), never into a new one each time: its configuration, of which
   * the destination is part, then stays the same from build to build, and so does what Turbopack's
   * cache of the compiled code is valid for. The build then moves the export (a rename) here;
   * `{out}` stands for the build's folder.
   */
  movesExportTo?: string;
  /**
   * Runs beside the steps after it, until the step of this name: the build starts it and goes on with
   * the next, and waits for it before starting that one (which reads what it writes). For a step that
   * needs none of the steps before that one, and takes long: the search index, which is made from the
   * content cache while Next renders. The build fails when it fails, as soon as it does, and stops it
   * when another step fails.
   */
  doneBefore?: string;
}

/** In a step's arguments, stands for the absolute path of the folder the build writes the site to. */
export const outArgument = '{out}';

/** The variable that tells next.config.mjs where Next exports to, relative to the project root. */
export const exportDirVariable = 'SITE_EXPORT_DIR';

/** Where `next build` exports to, every time (see `movesExportTo`). */
export const nextExportDir = '.out-next';

/** The step that keys the site-wide pages (src/export/site-wide-keys.ts). */
export const siteWideKeysStep = 'site-wide keys';

/**
 * The configuration that site modules, which are server-only, run with outside Next: it makes
 * `server-only` the empty module it is on the server (src/export/site-wide-keys.ts).
 */
const siteScriptsTsconfig = 'src/export/site-scripts.tsconfig.json';

/** The steps of `npm run build`, in order. */
export const buildSteps: BuildStep[] = [
  // `npm run content` and `npm run bundle`, without npm's own start (0.4 s each).
  { name: 'content cache', command: ['tsx', 'src/cache/cli.ts'] },
  // Made of the content cache only: beside the page script, Next and the finish step.
  { name: 'search index', command: ['tsx', 'src/export/search-index.ts', outArgument], doneBefore: 'security headers' },
  // Kept in the build's record; an incremental build renders the site-wide pages whose keys changed.
  { name: siteWideKeysStep, command: ['tsx', '--tsconfig', siteScriptsTsconfig, 'src/export/site-wide-keys.ts', outArgument] },
  { name: 'page script', command: ['tsx', 'src/export/bundle-behaviour.ts'] },
  { name: 'next build', command: ['next', 'build'], movesExportTo: outArgument },
  { name: 'finish', command: ['tsx', 'src/export/finish.ts', outArgument] },
  // New steps that write into the site go here.
  { name: 'security headers', command: ['tsx', 'src/export/security-headers.ts', outArgument] },
  { name: 'precompress', command: ['tsx', 'src/export/precompress.ts', outArgument] },
];

export interface BuildOptions {
  /** The project root: where the steps run. */
  root: string;
  steps?: BuildStep[];
  /** The published site: a link to the current build (default `<root>/out`). */
  out?: string;
  /** Aborting stops the running step; out/ stays as it was. */
  signal?: AbortSignal;
  /**
   * Without `steps`: build everything anew, even where the previous build could be reused
   * (`--clean`). With `steps` (tests), every build is clean and no record is kept.
   */
  clean?: boolean;
  log?: (line: string) => void;
}

export type BuildResult =
  | { ok: true; seconds: number; /** The folder out/ now links to. */ folder: string; /** How the build was made (without `steps`). */ plan?: BuildPlan }
  | { ok: false; failedStep: string; reason: string; /** out/ is the site it was before (false: there was none). */ restored: boolean };

/** Where the builds are written, beside out/ (so that the link to one is relative and short). */
export const buildsDir = (out: string) => join(dirname(out), `.${basename(out)}-builds`);

/** Where an out/ left aside by the build of before this scheme waited. */
const legacyPreviousDir = (out: string) => join(dirname(out), `.${basename(out)}-previous`);

/** The folder out/ links to (absolute), or undefined when out/ is no link. */
export async function publishedBuild(out: string): Promise<string | undefined> {
  const stats = lstatSync(out, { throwIfNoEntry: false });
  if (!stats?.isSymbolicLink()) return undefined;
  return resolve(dirname(out), await readlink(out));
}

/** A new build's name: its start time, sortable, and the process (two builds in one millisecond). */
const newBuildId = () => `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`;

/** Makes out/ link to `folder`, in one rename: a new link beside out/, renamed over it. */
export async function publish(out: string, folder: string): Promise<void> {
  const link = join(dirname(out), `.${basename(out)}-link-${basename(folder)}`);
  await rm(link, { force: true });
  await symlink(relative(dirname(out), folder), link);
  await rename(link, out);
}

/**
 * Before a build: an out/ that is a plain folder becomes the first build in `.out-builds/`, linked
 * (for an instant between the rename and the link out/ is missing: once per checkout); the builds
 * that out/ does not link to are deleted (the half-written folders of builds killed outright).
 */
async function prepare(out: string, log: (line: string) => void, shown: string): Promise<string | undefined> {
  const builds = buildsDir(out);
  await mkdir(builds, { recursive: true });
  const legacy = legacyPreviousDir(out);
  if (existsSync(legacy)) {
    // Left by a build of before this scheme, killed outright: it is the whole site, out/ half of one.
    log(`build: ${basename(legacy)}/ is the site from before an interrupted build: putting it back as ${shown}/`);
    await rm(out, { recursive: true, force: true });
    await rename(legacy, out);
  }
  const stats = lstatSync(out, { throwIfNoEntry: false });
  if (stats?.isDirectory()) {
    const adopted = join(builds, `${newBuildId()}-adopted`);
    await rename(out, adopted);
    await symlink(relative(dirname(out), adopted), out);
    log(`build: ${shown}/ is now a link to the build it holds, ${relative(dirname(out), adopted)}/`);
  }
  const current = await publishedBuild(out);
  await removeBuilds(out, [current]);
  return current && existsSync(current) ? current : undefined;
}

/** Deletes the folders in `.out-builds/` other than `keep`, with their records (`<folder>.json`). */
async function removeBuilds(out: string, keep: Array<string | undefined>): Promise<void> {
  const builds = buildsDir(out);
  const kept = new Set(keep.filter((folder): folder is string => folder !== undefined).flatMap((folder) => [resolve(folder), recordPath(resolve(folder))]));
  for (const name of await readdir(builds).catch(() => [])) {
    const folder = join(builds, name);
    if (!kept.has(folder)) await rm(folder, { recursive: true, force: true });
  }
}

/**
 * How much a step started while a step beside it runs yields the CPU to that one (a niceness, which
 * its own children inherit): the step beside is the longest of an incremental build (the search
 * index of a corrected language, about 20 s, while Next renders one document in about 12), and the
 * others need only be done before the step that waits for it. On a busy machine the scheduler still
 * gives every step its share, so a clean build, where Next's render is the longest, loses nothing.
 */
export const besidePriority = 10;

async function run(step: BuildStep, root: string, folder: string, signal: AbortSignal | undefined, niceness = 0): Promise<string | undefined> {
  const exported = join(root, nextExportDir);
  if (step.movesExportTo) await rm(exported, { recursive: true, force: true });
  const failure = await runCommand(step, root, folder, signal, niceness);
  if (failure !== undefined || !step.movesExportTo) return failure;
  if (!existsSync(exported)) return `it wrote no ${nextExportDir}/`;
  return moveInto(exported, step.movesExportTo === outArgument ? folder : step.movesExportTo);
}

/**
 * Moves the folder `from` to `to`, in one rename; when `to` exists already (a step beside Next has
 * written its part of the site there), each entry of `from` is renamed into it. Returns what went
 * wrong when both have an entry of the same name.
 */
async function moveInto(from: string, to: string): Promise<string | undefined> {
  try {
    await rename(from, to);
    return undefined;
  } catch (error) {
    // `to` is a folder that is not empty: merge into it.
    if (!['ENOTEMPTY', 'EEXIST'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  }
  const entries = await readdir(from);
  const both = entries.filter((name) => existsSync(join(to, name)));
  if (both.length > 0) return `its export and another step both wrote ${both.join(', ')}`;
  for (const name of entries) await rename(join(from, name), join(to, name));
  await rm(from, { recursive: true, force: true });
  return undefined;
}

function runCommand(step: BuildStep, root: string, folder: string, signal: AbortSignal | undefined, niceness: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const [program, ...args] = step.command.map((part) => (part === outArgument ? folder : part));
    const env = {
      ...process.env,
      PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`,
      ...(step.movesExportTo ? { [exportDirVariable]: nextExportDir } : {}),
      ...step.env,
    };
    const child = spawn(program, args, { cwd: root, env, stdio: 'inherit', signal, killSignal: 'SIGTERM' });
    // Set at once, before the program starts its own processes (they inherit it).
    if (niceness !== 0 && child.pid !== undefined) {
      try {
        setPriority(child.pid, niceness);
      } catch {
        // Not allowed here (or the process is gone already): the step runs at the build's own priority.
      }
    }
    child.once('error', (error: NodeJS.ErrnoException) => {
      if (error.name === 'AbortError') return;
      resolve(error.code === 'ENOENT' ? `${program} was not found` : error.message);
    });
    child.once('close', (code, killed) => {
      if (signal?.aborted) resolve('interrupted');
      else if (code === 0) resolve(undefined);
      else resolve(killed ? `stopped by ${killed}` : `exit ${code}`);
    });
  });
}

/**
 * What the build has to say about the site's address: an error for a `SITE_URL` that is not an
 * origin, a warning (several lines, framed to stand out in the log) when there is none.
 */
export function siteUrlNotice(env: Record<string, string | undefined> = process.env): { error: string } | { warning: string[] } | undefined {
  const value = env[siteUrlVariable]?.trim();
  if (value) {
    const problem = siteUrlProblem(value);
    return problem ? { error: problem } : undefined;
  }
  const rule = '!'.repeat(78);
  return {
    warning: [
      rule,
      `!! WARNING: ${siteUrlVariable} is not set: this build does not know the address it will be served at.`,
      '!! Its pages carry no canonical, language-alternate or og:url link; it has no sitemap.xml,',
      '!! robots.txt names none, and the downloads and citations name no site address.',
      '!! Printed and copied addresses are completed in the browser from where the page is served.',
      `!! To publish the site, build it with its address: ${siteUrlVariable}=https://example.org npm run build`,
      rule,
    ],
  };
}

/**
 * What `next build` compiled last (`.next/reader-compiled.json`): the inputs of the build it was part
 * of (`BuildRecord.inputs`) and Next's build ID then. Written when a `next build` that compiles has
 * succeeded, removed before one starts; an incremental build whose inputs are the same, and whose
 * `.next/` has not been rebuilt since (the same build ID), renders with that code and compiles nothing.
 */
export const compiledMarker = (root: string) => join(root, '.next', 'reader-compiled.json');

const nextBuildId = (root: string) => readFile(join(root, '.next', 'BUILD_ID'), 'utf8').catch(() => undefined);

/** Whether `.next/` holds the app compiled from `inputs` (see `compiledMarker`). */
export async function compiledFrom(root: string, inputs: string): Promise<boolean> {
  try {
    const marker = JSON.parse(await readFile(compiledMarker(root), 'utf8')) as { inputs?: string; buildId?: string };
    return marker.inputs === inputs && marker.buildId !== undefined && marker.buildId === (await nextBuildId(root));
  } catch {
    return false;
  }
}

/**
 * The steps of an incremental build: Next renders the changed documents and the site-wide pages into
 * `part`, the finish step makes them runtime-free there, `assemble` puts the new build together from
 * them and the previous build; the other steps are the same as in a clean build. With `compiled`
 * (`.next/` holds the app compiled from the same inputs), Next renders with that code
 * (`--experimental-build-mode=generate`: no compiling, no type check) and src/export/next-export.ts
 * exports what it rendered.
 */
export function incrementalSteps(plan: Extract<BuildPlan, { kind: 'incremental' }>, part: string, compiled = false): BuildStep[] {
  return buildSteps.flatMap((step): BuildStep[] => {
    if (step.name === 'next build') {
      const documents = `${plan.changed.length} changed document${plan.changed.length === 1 ? '' : 's'}`;
      const env = { [onlyDocumentsVariable]: plan.changed.join(',') };
      if (!compiled) return [{ ...step, name: `next build (${documents} and the site-wide pages)`, env, movesExportTo: part }];
      return [
        // Rendering only: Next's own export, in this mode, would copy the previous build's pages (next.config.mjs).
        { name: `next render (${documents} and the site-wide pages, with the code compiled before)`, command: [...step.command, '--experimental-build-mode=generate'], env: { ...env, [renderOnlyVariable]: '1' } },
        { name: 'next export', command: ['tsx', 'src/export/next-export.ts'], env: { NEXT_TELEMETRY_DISABLED: '1' }, movesExportTo: part },
      ];
    }
    if (step.name === 'finish') {
      return [
        { ...step, command: step.command.map((part_) => (part_ === outArgument ? part : part_)) },
        { name: 'assemble', command: ['tsx', 'src/export/incremental.ts', 'assemble', plan.previous, part, outArgument, ...plan.changed] },
      ];
    }
    return [step];
  });
}

/** Whether a step runs `next build` (to compile and render, or, in generate mode, to render only). */
const runsNextBuild = (step: BuildStep) => step.command[0] === 'next' && step.command[1] === 'build';

/**
 * The rest of an incremental build's steps when it renders only the site-wide pages whose keys changed
 * (`planSiteWide`), listed in the file `renderList`: Next renders the changed documents and those
 * pages, and `assemble` takes the other site-wide files from the previous build.
 */
export function withSiteWidePages(steps: readonly BuildStep[], plan: Extract<SiteWidePlan, { kind: 'some' }>, renderList: string): BuildStep[] {
  const pages = plan.render.length === 0 ? '' : ` and ${plan.render.length} of the ${plan.total} site-wide pages`;
  return steps.map((step) => {
    if (runsNextBuild(step)) return { ...step, name: step.name.replace(' and the site-wide pages', pages), env: { ...step.env, [siteWideOnlyVariable]: renderList } };
    if (step.name === 'assemble') return { ...step, command: [...step.command.slice(0, 3), siteWideFlag, ...step.command.slice(3)] };
    return step;
  });
}

/**
 * The steps of `--clean`, which reuses nothing: not the content cache's unchanged documents
 * (src/cache/reuse.ts), nor what the search index and the security headers kept of their last run
 * (src/export/step-cache.ts). Each gets `--fresh`.
 */
export function freshSteps(steps: readonly BuildStep[]): BuildStep[] {
  return steps.map((step) => {
    if (['content cache', 'search index', 'security headers'].includes(step.name)) return { ...step, command: [...step.command, '--fresh'] };
    return step;
  });
}

/** Runs the steps into a new folder and publishes it; on any failure leaves out/ as it was (or absent). */
export async function build({ root, steps, out = join(root, 'out'), signal, clean = false, log = console.log }: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const shown = relative(root, out) || out;
  const current = await prepare(out, log, shown);
  const folder = join(buildsDir(out), newBuildId());
  const part = `${folder}.part`;

  let record: BuildRecord | undefined;
  let previousRecord: BuildRecord | undefined;
  let plan: BuildPlan | undefined;
  let chosen = steps ?? buildSteps;
  if (!steps) {
    record = await recordOf(root);
    previousRecord = current ? await readRecord(current) : undefined;
    plan = planBuild(record, current ? { folder: current, record: previousRecord } : undefined, clean);
    if (plan.kind === 'incremental' && plan.changed.length === 0) {
      log(`build: nothing changed since the published build: ${shown}/ stays ${relative(root, plan.previous)}/`);
      return { ok: true, seconds: (performance.now() - started) / 1000, folder: plan.previous, plan };
    }
    if (plan.kind === 'incremental') {
      const compiled = await compiledFrom(root, record.inputs);
      log(`build: incremental: ${plan.changed.length} document(s) added or changed (${plan.changed.join(', ')}); the others' files are reused from ${relative(root, plan.previous)}/${compiled ? '; the code compiled by the last build is reused' : ''}`);
      chosen = incrementalSteps(plan, part, compiled);
    } else {
      log(`build: clean: ${plan.reason}`);
      if (clean) chosen = freshSteps(buildSteps);
    }
  }
  log(`build: writing the site to ${relative(root, folder)}/; ${shown}/ ${current ? 'stays the published site until it is done' : 'follows when it is done'}`);

  // Steps that run beside the others (`doneBefore`), and the first of them to fail: it stops the rest.
  const beside: Array<{ step: BuildStep; done: Promise<string | undefined> }> = [];
  const runningBeside = new Set<BuildStep>();
  let besideFailure: { step: string; reason: string } | undefined;
  const stopAll = new AbortController();
  const stepSignal = signal ? AbortSignal.any([signal, stopAll.signal]) : stopAll.signal;
  const removeKeyFiles = () => Promise.all([siteWideKeysPath(folder), siteWideRenderPath(folder)].map((path) => rm(path, { force: true })));
  const fail = async (failedStep: string, reason: string): Promise<BuildResult> => {
    stopAll.abort();
    await Promise.all(beside.map(({ done }) => done));
    // A step beside this one failed first: that is the reason this one was stopped.
    if (besideFailure && reason === 'interrupted' && !signal?.aborted) ({ step: failedStep, reason } = besideFailure);
    await rm(folder, { recursive: true, force: true });
    await rm(part, { recursive: true, force: true });
    await rm(join(root, nextExportDir), { recursive: true, force: true });
    await removeKeyFiles();
    return { ok: false, failedStep, reason, restored: current !== undefined };
  };
  /** Waits for the steps beside that must be done before `name` (all of them, without a name). */
  const waitBeside = async (name?: string): Promise<{ step: string; reason: string } | undefined> => {
    for (const { step, done } of beside.filter(({ step }) => name === undefined || step.doneBefore === name)) {
      const reason = await done;
      if (reason !== undefined) return besideFailure ?? { step: step.name, reason };
    }
    return undefined;
  };
  for (let index = 0; index < chosen.length; index++) {
    const step = chosen[index];
    const failed = await waitBeside(step.name);
    if (failed) return fail(failed.step, failed.reason);
    const besideNote = step.doneBefore ? `, beside the next steps until ${step.doneBefore}` : '';
    log(`build: step ${index + 1}/${chosen.length}: ${step.name} (${step.command.join(' ')})${besideNote}`);
    // A `next build` that compiles replaces .next/: until it has succeeded, nothing there may be reused.
    const compiles = runsNextBuild(step) && !step.command.some((argument) => argument.startsWith('--experimental-build-mode'));
    if (compiles) await rm(compiledMarker(root), { force: true });
    const stepStarted = performance.now();
    const doneIn = () => log(`build: step ${index + 1}/${chosen.length} done in ${((performance.now() - stepStarted) / 1000).toFixed(1)} s${step.doneBefore ? ` (${step.name})` : ''}`);
    if (step.doneBefore) {
      runningBeside.add(step);
      const done = run(step, root, folder, stepSignal)
        .catch((error: unknown) => (error instanceof Error ? error.message : String(error)))
        .then((reason) => {
          runningBeside.delete(step);
          if (reason === undefined) doneIn();
          else if (!stopAll.signal.aborted) {
            besideFailure = { step: step.name, reason };
            stopAll.abort();
          }
          return reason;
        });
      beside.push({ step, done });
      continue;
    }
    const niceness = runningBeside.size > 0 ? besidePriority : 0;
    const failure = stepSignal.aborted ? 'interrupted' : await run(step, root, folder, stepSignal, niceness);
    if (failure !== undefined) return fail(step.name, failure);
    doneIn();
    if (compiles && record) await writeFile(compiledMarker(root), JSON.stringify({ inputs: record.inputs, buildId: await nextBuildId(root) }));
    if (step.name === siteWideKeysStep && record) {
      record.siteWide = JSON.parse(await readFile(siteWideKeysPath(folder), 'utf8')) as Record<string, string>;
      if (plan?.kind === 'incremental') {
        const pages = planSiteWide(previousRecord?.siteWide, record.siteWide);
        if (pages.kind === 'all') log(`build: every site-wide page is rendered: ${pages.reason}`);
        else {
          if (pages.render.length === 0) log('build: the site-wide pages cannot have changed (what each shows of the documents is the same): they are taken from the previous build');
          else log(`build: ${pages.render.length} of the ${pages.total} site-wide pages show something new: Next renders those, and the others are taken from the previous build`);
          await writeFile(siteWideRenderPath(folder), JSON.stringify(pages.render));
          chosen = [...chosen.slice(0, index + 1), ...withSiteWidePages(chosen.slice(index + 1), pages, siteWideRenderPath(folder))];
        }
      }
    }
  }
  const failed = await waitBeside();
  if (failed) return fail(failed.step, failed.reason);
  if (!existsSync(folder)) return fail(chosen.at(-1)?.name ?? 'none', `the steps wrote no ${relative(root, folder)}/`);
  if (signal?.aborted) return fail(chosen.at(-1)?.name ?? 'none', 'interrupted');
  if (record) await writeRecord(folder, record);
  await removeKeyFiles();
  await publish(out, folder);
  await removeBuilds(out, [folder, current]);
  return { ok: true, seconds: (performance.now() - started) / 1000, folder, plan };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.cwd();
  const usage = 'usage: npm run build [-- --clean]   (--clean: build everything anew, reusing nothing of the previous build)';
  let clean = false;
  try {
    ({
      values: { clean },
    } = parseArgs({ options: { clean: { type: 'boolean', default: false } } }));
  } catch (error) {
    console.error(`build: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
    process.exit(2);
  }
  const notice = siteUrlNotice();
  if (notice && 'error' in notice) {
    console.error(`build: ${notice.error}`);
    process.exit(1);
  }
  const warn = () => {
    if (notice && 'warning' in notice) for (const line of notice.warning) console.error(line);
  };
  warn();
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (controller.signal.aborted) process.exit(130);
      controller.abort();
    });
  }
  build({ root, signal: controller.signal, clean }).then(
    (result) => {
      if (result.ok) {
        const how = result.plan?.kind === 'incremental' ? `incremental, ${result.plan.changed.length} document(s) rendered` : 'clean';
        console.log(`build: done in ${result.seconds.toFixed(0)} s (${how}); out/ is the new site (${relative(root, result.folder)}/)`);
        warn();
        return;
      }
      const kept = result.restored ? 'out/ is the previous site, unchanged' : 'there was no previous out/, so there is none now';
      console.error(`build: step "${result.failedStep}" failed (${result.reason}); ${kept}`);
      process.exitCode = result.reason === 'interrupted' ? 130 : 1;
    },
    (error: unknown) => {
      console.error(`build: could not run: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
