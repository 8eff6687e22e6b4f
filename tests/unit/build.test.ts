/**
 * `npm run build` writes each build into a folder of its own and publishes it by switching the out/
 * link in one rename: with fake steps (small node commands) in a scratch folder, a failing, missing
 * or interrupted step leaves out/ leading to the previous site, exactly as it was, and the folders of
 * failed or superseded builds are deleted.
 */
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { besidePriority, build, buildsDir, buildSteps, freshSteps, nextExportDir, outArgument, publishedBuild, type BuildStep } from '../../src/export/build';

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
    expect(buildSteps.map((step) => step.name)).toEqual(['content cache', 'search index', 'site-wide keys', 'page script', 'next build', 'finish', 'security headers', 'precompress']);
    expect(buildSteps[4].movesExportTo).toBe(outArgument);
    for (const step of buildSteps.slice(5)) expect(step.command.at(-1), step.name).toBe(outArgument);
    // The search index is made of the content cache: beside Next, done before the pages are read for their inline code.
    expect(buildSteps[1]).toMatchObject({ command: ['tsx', 'src/export/search-index.ts', outArgument], doneBefore: 'security headers' });
    for (const step of buildSteps) if (step.doneBefore) expect(buildSteps.map(({ name }) => name), step.name).toContain(step.doneBefore);
  });

  it('builds --clean with every step that keeps something of its last run told to take nothing of it', () => {
    const commands = Object.fromEntries(freshSteps(buildSteps).map((step) => [step.name, step.command.join(' ')]));
    expect(commands).toEqual({
      'content cache': 'tsx src/cache/cli.ts --fresh',
      'page script': 'tsx src/export/bundle-behaviour.ts',
      'next build': 'next build',
      finish: 'tsx src/export/finish.ts {out}',
      'search index': 'tsx src/export/search-index.ts {out} --fresh',
      'site-wide keys': 'tsx --tsconfig src/export/site-scripts.tsconfig.json src/export/site-wide-keys.ts {out}',
      'security headers': 'tsx src/export/security-headers.ts {out} --fresh',
      precompress: 'tsx src/export/precompress.ts {out}',
    });
    // The content cache and the page script are `npm run content` and `npm run bundle`, without npm.
    const scripts = (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const plain = Object.fromEntries(buildSteps.map((step) => [step.name, step.command.join(' ')]));
    expect([plain['content cache'], plain['page script']]).toEqual([scripts.content, scripts.bundle]);
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

  describe('a step beside the others (doneBefore)', () => {
    /** Writes pagefind/index once the step after it has begun (so the two run at once). */
    const besideStep = (doneBefore: string): BuildStep => ({
      ...node('index', "const fs=require('fs'),o=process.argv[1];const w=setInterval(()=>{if(!fs.existsSync(require('path').dirname(o)+'/began'))return;clearInterval(w);fs.mkdirSync(o+'/pagefind',{recursive:true});fs.writeFileSync(o+'/pagefind/index','i')},10)"),
      doneBefore,
    });
    const next = { ...node('next', `const fs=require('fs'),p=require('path'),o=process.env.SITE_EXPORT_DIR;fs.writeFileSync(p.dirname(process.argv[1])+'/began','');fs.mkdirSync(o);fs.writeFileSync(o+'/index.html','page')`), movesExportTo: outArgument };
    const reads = node('reads', "const fs=require('fs'),o=process.argv[1];fs.writeFileSync(o+'/seen',fs.readFileSync(o+'/pagefind/index','utf8'))");

    it('runs beside the next steps, is awaited before the one it names, and its folder joins the export', async () => {
      const lines: string[] = [];
      const result = await build({ root, steps: [besideStep('reads'), next, reads], log: (line) => lines.push(line) });
      expect(result.ok).toBe(true);
      expect(await listing()).toEqual(['index.html', 'pagefind', 'pagefind/index', 'seen']);
      expect(await readFile(join(out(), 'seen'), 'utf8')).toBe('i');
      expect(lines).toContain('build: step 1/3: index (' + besideStep('reads').command.join(' ') + '), beside the next steps until reads');
      expect(lines.findIndex((line) => line.startsWith('build: step 1/3 done'))).toBeGreaterThan(lines.findIndex((line) => line.startsWith('build: step 2/3: next')));
    });

    it('has the steps started while it runs yield the CPU to it, and the steps after it not', async () => {
      const marker = join(root, 'beside-done');
      const slow = { ...node('index', `setTimeout(()=>require('fs').writeFileSync(${JSON.stringify(marker)},''),400)`), doneBefore: 'after' };
      const priority = (name: string) => node(name, `const fs=require('fs'),o=process.argv[1];fs.mkdirSync(o,{recursive:true});fs.writeFileSync(o+'/${name}',String(require('os').getPriority()))`);
      const result = await build({ root, steps: [slow, priority('during'), priority('after')], log: quiet });
      expect(result.ok).toBe(true);
      const base = getPriority();
      expect(Number(await readFile(join(out(), 'during'), 'utf8'))).toBe(Math.min(19, base + besidePriority));
      expect(Number(await readFile(join(out(), 'after'), 'utf8'))).toBe(base);
      expect(existsSync(marker)).toBe(true);
    });

    it('is awaited at the end when no step after it has its name', async () => {
      const slow = { ...node('slow', "setTimeout(()=>require('fs').writeFileSync(process.argv[1]+'/late','l'),300)"), doneBefore: 'none of these' };
      const result = await build({ root, steps: [writesSite('new'), slow], log: quiet });
      expect(result.ok).toBe(true);
      expect(await readFile(join(out(), 'late'), 'utf8')).toBe('l');
    });

    it('fails the build as soon as it fails, stopping the step that runs, and out/ stays the previous site', async () => {
      await publishedSite('previous');
      const brokenBeside = { ...node('index', 'setTimeout(()=>process.exit(4),200)'), doneBefore: 'never' };
      const slow = node('slow step', 'setTimeout(()=>{},60000)');
      const started = performance.now();
      const result = await build({ root, steps: [brokenBeside, slow, writesSite('never')], log: quiet });
      expect(result).toEqual({ ok: false, failedStep: 'index', reason: 'exit 4', restored: true });
      expect(performance.now() - started).toBeLessThan(20_000);
      expect(await readFile(join(out(), 'index.html'), 'utf8')).toBe('previous');
      expect(await builds()).toHaveLength(1);
    });

    it('is stopped when a step fails, before the half-written folder is deleted', async () => {
      await publishedSite('previous');
      const marker = join(root, 'still-running');
      const endless = { ...node('index', `require('fs').writeFileSync(${JSON.stringify(marker)},'');process.on('SIGTERM',()=>{require('fs').rmSync(${JSON.stringify(marker)});process.exit(143)});setInterval(()=>{},1000)`), doneBefore: 'never' };
      const result = await build({ root, steps: [endless, node('wait', `const t=setInterval(()=>{if(require('fs').existsSync(${JSON.stringify(marker)})){clearInterval(t);process.exit(3)}},10)`)], log: quiet });
      expect(result).toEqual({ ok: false, failedStep: 'wait', reason: 'exit 3', restored: true });
      expect(existsSync(marker)).toBe(false);
      expect(await builds()).toHaveLength(1);
    });

    it('fails the build, naming both, when it and the export write the same folder', async () => {
      const clash = { ...node('index', "const fs=require('fs'),o=process.argv[1];fs.mkdirSync(o,{recursive:true});fs.writeFileSync(o+'/index.html','index')"), doneBefore: 'reads' };
      const exports = { ...node('next', "const fs=require('fs'),o=process.env.SITE_EXPORT_DIR;setTimeout(()=>{fs.mkdirSync(o);fs.writeFileSync(o+'/index.html','page')},300)"), movesExportTo: outArgument };
      const result = await build({ root, steps: [clash, exports, reads], log: quiet });
      expect(result).toMatchObject({ ok: false, failedStep: 'next', reason: 'its export and another step both wrote index.html', restored: false });
      expect(existsSync(out())).toBe(false);
    });
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
