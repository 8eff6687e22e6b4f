/**
 * `npm run build` writes each build into a folder of its own and publishes it by switching the out/
 * link in one rename: with fake steps (small node commands) in a scratch folder, a failing, missing
 * or interrupted step leaves out/ leading to the previous site, exactly as it was, and the folders of
 * failed or superseded builds are deleted.
 */
import { existsSync, lstatSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build, buildsDir, buildSteps, freshSteps, nextExportDir, outArgument, publishedBuild, type BuildStep } from '../../src/export/build';

let root: string;
const out = () => join(root, 'out');
const quiet = () => undefined;

/** A step that runs a line of JavaScript in the scratch root; `process.argv[1]` is the build's folder. */
const node = (name: string, code: string): BuildStep => ({ name, command: [process.execPath, '-e', code, outArgument] });
const writesSite = (text: string) =>
  node('site', `const fs=require('fs'),o=process.argv[1];fs.mkdirSync(o+'/en',{recursive:true});fs.writeFileSync(o+'/index.html',${JSON.stringify(text)});fs.writeFileSync(o+'/en/index.html','half')`);
const fails = node('broken step', 'process.exit(3)');

const listing = async () => (await readdir(out(), { recursive: true })).sort();
const builds = async () => (await readdir(buildsDir(out()))).sort();

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'build-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function publishedSite(text: string) {
  const result = await build({ root, steps: [writesSite(text)], log: quiet });
  if (!result.ok) throw new Error('the first build failed');
  return result.folder;
}

describe('build', () => {
  it('keeps the steps of the site build in their order, each after next build told where to write', () => {
    expect(buildSteps.map((step) => step.name)).toEqual(['content cache', 'page script', 'next build', 'finish', 'search index', 'security headers', 'precompress']);
    expect(buildSteps[2].movesExportTo).toBe(outArgument);
    for (const step of buildSteps.slice(3)) expect(step.command.at(-1), step.name).toBe(outArgument);
  });

  it('builds --clean with every step that keeps something of its last run told to take nothing of it', () => {
    const commands = Object.fromEntries(freshSteps(buildSteps).map((step) => [step.name, step.command.join(' ')]));
    expect(commands).toEqual({
      'content cache': 'npm run --silent content -- --fresh',
      'page script': 'npm run --silent bundle',
      'next build': 'next build',
      finish: 'tsx src/export/finish.ts {out}',
      'search index': 'tsx src/export/search-index.ts {out} --fresh',
      'security headers': 'tsx src/export/security-headers.ts {out} --fresh',
      precompress: 'tsx src/export/precompress.ts {out}',
    });
  });

  it('publishes a new folder by switching the out/ link, and keeps only it and the one it replaced', async () => {
    const first = await publishedSite('first');
    expect(lstatSync(out()).isSymbolicLink()).toBe(true);
    const second = await publishedSite('second');
    expect(await publishedBuild(out())).toBe(second);
    expect(await readFile(join(out(), 'index.html'), 'utf8')).toBe('second');
    // The first build stays while a server may still be reading it; the third build deletes it.
    expect(existsSync(join(first, 'index.html'))).toBe(true);
    const third = await publishedSite('third');
    expect((await builds()).map((name) => join(buildsDir(out()), name))).toEqual([second, third]);
  });

  it("has Next export into the same .out-next/ every time, and moves that into the build's folder", async () => {
    const next = { ...node('next', "const fs=require('fs'),o=process.env.SITE_EXPORT_DIR;fs.mkdirSync(o);fs.writeFileSync(o+'/index.html',o)"), movesExportTo: outArgument };
    const after = node('after', "require('fs').appendFileSync(process.argv[1]+'/index.html',' then more')");
    const result = await build({ root, steps: [next, after], log: quiet });
    expect(result.ok).toBe(true);
    expect(await readFile(join(out(), 'index.html'), 'utf8')).toBe(`${nextExportDir} then more`);
    expect(existsSync(join(root, nextExportDir))).toBe(false);
  });

  it('leaves out/ leading to the previous site when a step fails after another wrote half a site, and deletes the half', async () => {
    const previous = await publishedSite('previous');
    const before = await listing();
    const result = await build({ root, steps: [writesSite('new'), fails, writesSite('never')], log: quiet });
    expect(result).toEqual({ ok: false, failedStep: 'broken step', reason: 'exit 3', restored: true });
    expect(await publishedBuild(out())).toBe(previous);
    expect(await listing()).toEqual(before);
    expect(await readFile(join(out(), 'index.html'), 'utf8')).toBe('previous');
    expect(await builds()).toHaveLength(1);
  });

  it('leaves it when a step cannot start', async () => {
    await publishedSite('previous');
    const result = await build({ root, steps: [{ name: 'missing tool', command: ['no-such-program-here'] }], log: quiet });
    expect(result).toMatchObject({ ok: false, failedStep: 'missing tool', reason: 'no-such-program-here was not found', restored: true });
    expect(await readFile(join(out(), 'index.html'), 'utf8')).toBe('previous');
  });

  it('leaves it when the build is interrupted in the middle of a step', async () => {
    await publishedSite('previous');
    const controller = new AbortController();
    const slow = node('slow step', "const fs=require('fs'),o=process.argv[1];fs.mkdirSync(o);fs.writeFileSync(o+'/index.html','half');setTimeout(()=>{},60000)");
    const running = build({ root, steps: [slow], signal: controller.signal, log: quiet });
    // Abort once the step has written part of the new site.
    while ((await builds()).length < 2 || !existsSync(join(buildsDir(out()), (await builds())[1], 'index.html'))) await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    expect(await running).toMatchObject({ ok: false, failedStep: 'slow step', reason: 'interrupted', restored: true });
    expect(await readFile(join(out(), 'index.html'), 'utf8')).toBe('previous');
    expect(await builds()).toHaveLength(1);
  });

  it('deletes what a build killed outright left, and serves on', async () => {
    const previous = await publishedSite('previous');
    // As a build killed with SIGKILL leaves things: half a site in a folder of its own.
    await mkdir(join(buildsDir(out()), 'killed'));
    await writeFile(join(buildsDir(out()), 'killed', 'index.html'), 'half');
    const result = await build({ root, steps: [fails], log: quiet });
    expect(result.ok).toBe(false);
    expect(await builds()).toEqual([previous.split('/').at(-1)]);
    expect(await readFile(join(out(), 'index.html'), 'utf8')).toBe('previous');
  });

  it('takes an out/ that is a plain folder (a checkout built before) as the published build', async () => {
    await mkdir(join(out(), 'en'), { recursive: true });
    await writeFile(join(out(), 'index.html'), 'plain');
    const result = await build({ root, steps: [fails], log: quiet });
    expect(result).toMatchObject({ ok: false, restored: true });
    expect(lstatSync(out()).isSymbolicLink()).toBe(true);
    expect(await readFile(join(out(), 'index.html'), 'utf8')).toBe('plain');
    expect(await builds()).toEqual([expect.stringMatching(/-adopted$/)]);
  });

  it('leaves no out/ when there was none before and a step fails', async () => {
    const result = await build({ root, steps: [writesSite('new'), fails], log: quiet });
    expect(result).toMatchObject({ ok: false, restored: false });
    expect(existsSync(out())).toBe(false);
    expect(await builds()).toEqual([]);
  });
});
