/**
 * `npm run build` publishes out/ whole or not at all: with fake steps (small node commands) in a
 * scratch folder, a failing, missing or interrupted step leaves the previous out/ exactly as it was.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build, buildSteps, previousDir, type BuildStep } from '../../src/export/build';

let root: string;
const out = () => join(root, 'out');
const quiet = () => undefined;

/** A step that runs a line of JavaScript in the scratch root. */
const node = (name: string, code: string): BuildStep => ({ name, command: [process.execPath, '-e', code] });
const writesSite = (text: string) => node('site', `const fs=require('fs');fs.mkdirSync('out/en',{recursive:true});fs.writeFileSync('out/index.html',${JSON.stringify(text)});fs.writeFileSync('out/en/index.html','half')`);
const fails = node('broken step', 'process.exit(3)');

async function previousSite() {
  await mkdir(join(out(), 'en'), { recursive: true });
  await writeFile(join(out(), 'index.html'), 'previous');
  await writeFile(join(out(), 'en', 'old.html'), 'old page');
}

const listing = async () => (await readdir(out(), { recursive: true })).sort();

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'build-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('build', () => {
  it('keeps the steps of the site build in their order, and ends with the steps that read all of out/', () => {
    expect(buildSteps.map((step) => step.name)).toEqual(['content cache', 'page script', 'next build', 'finish', 'search index', 'security headers', 'precompress']);
  });

  it('replaces out/ when every step succeeds, and leaves nothing aside', async () => {
    await previousSite();
    const result = await build({ root, steps: [writesSite('new')], log: quiet });
    expect(result.ok).toBe(true);
    expect(await readFile(join(out(), 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(join(out(), 'en', 'old.html'))).toBe(false);
    expect(existsSync(previousDir(out()))).toBe(false);
  });

  it('puts the previous out/ back when a step fails after another wrote half a site', async () => {
    await previousSite();
    const before = await listing();
    const result = await build({ root, steps: [writesSite('new'), fails, writesSite('never')], log: quiet });
    expect(result).toEqual({ ok: false, failedStep: 'broken step', reason: 'exit 3', restored: true });
    expect(await listing()).toEqual(before);
    expect(await readFile(join(out(), 'index.html'), 'utf8')).toBe('previous');
    expect(existsSync(previousDir(out()))).toBe(false);
  });

  it('puts it back when a step cannot start', async () => {
    await previousSite();
    const result = await build({ root, steps: [{ name: 'missing tool', command: ['no-such-program-here'] }], log: quiet });
    expect(result).toMatchObject({ ok: false, failedStep: 'missing tool', reason: 'no-such-program-here was not found', restored: true });
    expect(await readFile(join(out(), 'index.html'), 'utf8')).toBe('previous');
  });

  it('puts it back when the build is interrupted in the middle of a step', async () => {
    await previousSite();
    const controller = new AbortController();
    const slow = node('slow step', "require('fs').mkdirSync('out');require('fs').writeFileSync('out/index.html','half');setTimeout(()=>{},60000)");
    const running = build({ root, steps: [slow], signal: controller.signal, log: quiet });
    // Abort once the step has written part of the new site.
    while (!existsSync(join(out(), 'index.html'))) await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    expect(await running).toMatchObject({ ok: false, failedStep: 'slow step', reason: 'interrupted', restored: true });
    expect(await readFile(join(out(), 'index.html'), 'utf8')).toBe('previous');
  });

  it('recovers the previous site left aside by a build that was killed outright', async () => {
    await previousSite();
    // As a build killed with SIGKILL leaves things: the previous site aside, half a new one in out/.
    await rename(out(), previousDir(out()));
    await mkdir(out());
    await writeFile(join(out(), 'index.html'), 'half');
    const result = await build({ root, steps: [fails], log: quiet });
    expect(result.ok).toBe(false);
    expect(await readFile(join(out(), 'index.html'), 'utf8')).toBe('previous');
    expect(await readFile(join(out(), 'en', 'old.html'), 'utf8')).toBe('old page');
  });

  it('leaves no out/ when there was none before and a step fails', async () => {
    const result = await build({ root, steps: [writesSite('new'), fails], log: quiet });
    expect(result).toMatchObject({ ok: false, restored: false });
    expect(existsSync(out())).toBe(false);
  });
});
