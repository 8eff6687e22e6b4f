/**
 * `npm run build`: runs the build's steps in order, each a command of its own, and publishes out/
 * only whole. Before the first step the previous out/ is moved aside (to `.out-previous/`, beside
 * it: a rename, on the same disk); when every step succeeded it is deleted, and when a step fails,
 * cannot start or is interrupted (Ctrl-C, SIGTERM), the half-written out/ is deleted and the previous
 * one put back. So a deploy that copies out/ after a build gets either the new site or the previous
 * one, never part of one. A `.out-previous/` found at the start (a build killed outright) is put back
 * first.
 *
 * The site's address comes from `SITE_URL` (src/site/site-url.ts). A value that is not an origin
 * stops the build before it starts; no value at all is allowed (CI and local builds have none), but
 * the build says so, loudly, before the first step and after the last: such a site has no sitemap
 * and no absolute address in its pages or downloads, and is not ready to publish as it is.
 *
 * To add a step, put it in `buildSteps` in its place: steps that write pages or files into out/ go
 * after `finish` and before `security headers`, which reads every page, and `precompress`, which
 * compresses every file.
 *
 *   tsx src/export/build.ts
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, delimiter, dirname, join, relative } from 'node:path';
import { siteUrlProblem, siteUrlVariable } from '../site/site-url';

export interface BuildStep {
  /** What the step makes, for the log and the failure message. */
  name: string;
  /** The program and its arguments, run in the project root; `node_modules/.bin` is on the PATH. */
  command: string[];
}

/** The steps of `npm run build`, in order. */
export const buildSteps: BuildStep[] = [
  { name: 'content cache', command: ['npm', 'run', '--silent', 'content'] },
  { name: 'page script', command: ['npm', 'run', '--silent', 'bundle'] },
  { name: 'next build', command: ['next', 'build'] },
  { name: 'finish', command: ['tsx', 'src/export/finish.ts'] },
  { name: 'search index', command: ['tsx', 'src/export/search-index.ts'] },
  // New steps that write into out/ go here.
  { name: 'security headers', command: ['tsx', 'src/export/security-headers.ts'] },
  { name: 'precompress', command: ['tsx', 'src/export/precompress.ts'] },
];

export interface BuildOptions {
  /** The project root: where the steps run. */
  root: string;
  steps?: BuildStep[];
  /** The folder the steps write the site to (default `<root>/out`). */
  out?: string;
  /** Aborting stops the running step and puts the previous out/ back. */
  signal?: AbortSignal;
  log?: (line: string) => void;
}

export type BuildResult = { ok: true; seconds: number } | { ok: false; failedStep: string; reason: string; restored: boolean };

/** Where the previous out/ waits while a build runs: beside it, so that moving it is a rename. */
export const previousDir = (out: string) => join(dirname(out), `.${basename(out)}-previous`);

function run(step: BuildStep, root: string, signal: AbortSignal | undefined): Promise<string | undefined> {
  return new Promise((resolve) => {
    const [program, ...args] = step.command;
    const env = { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` };
    const child = spawn(program, args, { cwd: root, env, stdio: 'inherit', signal, killSignal: 'SIGTERM' });
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

/** Runs the steps; on any failure leaves `out` as it was before (or absent, if it was absent). */
export async function build({ root, steps = buildSteps, out = join(root, 'out'), signal, log = console.log }: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const previous = previousDir(out);
  const shown = relative(root, out) || out;

  if (existsSync(previous)) {
    log(`build: ${relative(root, previous)}/ is the site from before an interrupted build: putting it back as ${shown}/`);
    await rm(out, { recursive: true, force: true });
    await rename(previous, out);
  }
  const hadPrevious = existsSync(out);
  if (hadPrevious) await rename(out, previous);

  const restore = async () => {
    await rm(out, { recursive: true, force: true });
    if (hadPrevious) await rename(previous, out);
    return hadPrevious;
  };

  for (const [index, step] of steps.entries()) {
    log(`build: step ${index + 1}/${steps.length}: ${step.name} (${step.command.join(' ')})`);
    const failure = signal?.aborted ? 'interrupted' : await run(step, root, signal);
    if (failure !== undefined) {
      const restored = await restore();
      return { ok: false, failedStep: step.name, reason: failure, restored };
    }
  }
  if (!existsSync(out)) {
    const restored = await restore();
    return { ok: false, failedStep: steps.at(-1)?.name ?? 'none', reason: `the steps wrote no ${shown}/`, restored };
  }
  await rm(previous, { recursive: true, force: true });
  return { ok: true, seconds: (performance.now() - started) / 1000 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.cwd();
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
  build({ root, signal: controller.signal }).then(
    (result) => {
      if (result.ok) {
        console.log(`build: done in ${result.seconds.toFixed(0)} s; out/ is the new site`);
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
