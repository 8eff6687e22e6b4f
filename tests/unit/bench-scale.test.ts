/**
 * The scale part of the benchmark: the document generator and its content check (the project's own
 * `npm run check`), the scratch copy, the /proc readings, the timed build, the slopes and verdicts,
 * and the chart.
 */
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as chart from '../../bench/chart';
import { BenchError } from '../../bench/errors';
import * as scale from '../../bench/scale';
import * as buildOutput from '../../bench/scale/build-output';
import * as generate from '../../bench/scale/generate';
import { buildMode, correctOneWord, differingFiles } from '../../bench/scale/incremental';
import * as preflight from '../../bench/scale/preflight';
import * as proc from '../../bench/scale/proc';
import * as scratchCopy from '../../bench/scale/scratch-copy';
import * as summary from '../../bench/scale/summary';
import * as timed from '../../bench/scale/timed-build';
import { slugPattern } from '../../src/model/schema';

const root = join(import.meta.dirname, '..', '..');
const { parseSizes } = scale;
const { checkIsolation, folderSize } = buildOutput;
const { reserveFolder, writeScaleContent } = generate;
const { checkGeneratedContent, contentErrors } = preflight;
const { createTreeSampler, parseBusyTicks, parseStat, sampleProcessTree } = proc;
const { copyProject } = scratchCopy;
const { scaleTargets, summarize } = summary;
const { timedBuild } = timed;
const { scaleChart } = chart;

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'bench-scale-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('public API', () => {
  it('exports the chart and, module by module, the scale measurement', () => {
    const names = (module: object) => Object.keys(module).sort();
    expect(names(chart)).toEqual(['escapeXml', 'formatBytes', 'formatDuration', 'niceStep', 'scaleChart'].sort());
    expect(names(scale)).toEqual(['checkScaleCanRun', 'defaultIncrementalAt', 'defaultScaleSizes', 'measureScale', 'parseSizes', 'scratchFolder']);
    expect(names(generate)).toEqual(['generatorName', 'reserveFolder', 'scaleSeed', 'writeScaleContent']);
    expect(names(preflight)).toEqual(['checkGeneratedContent', 'contentErrors']);
    expect(names(scratchCopy)).toEqual(['copyProject', 'excludedFromCopy', 'ignoredPaths']);
    expect(names(proc)).toEqual(['clockTicks', 'createTreeSampler', 'machineBusyTicks', 'parseBusyTicks', 'parseStat', 'sampleProcessTree']);
    expect(names(timed)).toEqual(['stopAllBuilds', 'timedBuild']);
    expect(names(buildOutput)).toEqual(['checkIsolation', 'folderSize', 'largestPage']);
    expect(names(summary)).toEqual(['scaleTargets', 'summarize']);
  });
});

describe('generated documents', () => {
  it('writes a generated archive with valid, unique slugs that passes the content check, and keeps one document aside', async () => {
    const dest = join(scratch, 'generated');
    const set = await checkGeneratedContent(root, dest, 3);
    expect(set.generator).toBe('npm run generate (seed 1)');
    expect(set.slugs).toHaveLength(3);
    for (const slug of [...set.slugs, set.reserve.slug]) expect(slug).toMatch(slugPattern);
    expect((await readdir(join(dest, 'content', 'documents'))).sort()).toEqual(set.slugs);
    // The document kept aside is the generator's fourth, outside content/, whole.
    expect(set.reserve.slug).toMatch(/-0*4$/);
    expect(set.slugs).not.toContain(set.reserve.slug);
    expect(set.reserve.folder).toBe(join(dest, reserveFolder, set.reserve.slug));
    expect(await readdir(set.reserve.folder)).toContain('ru.md');
    // The generated glossary; no received sources of the real documents, no staging folder left.
    expect(existsSync(join(dest, 'content', 'glossary.yaml'))).toBe(true);
    expect(existsSync(join(dest, 'content', 'sources'))).toBe(false);
    expect(await readdir(dest)).toEqual(expect.arrayContaining(['content', reserveFolder]));
    expect(await readdir(dest)).toHaveLength(2);
    // The same seed, the same documents.
    const again = await writeScaleContent(root, join(scratch, 'again'), 3);
    expect(again.slugs).toEqual(set.slugs);
    const first = (folder: string) => readFile(join(folder, 'content', 'documents', set.slugs[0], 'ru.md'), 'utf8');
    expect(await first(join(scratch, 'again'))).toBe(await first(dest));
  });

  it('names the first error of documents that fail the content check', async () => {
    const dest = join(scratch, 'broken');
    const set = await writeScaleContent(root, dest, 2);
    await writeFile(join(dest, 'content', 'documents', set.slugs[1], 'notes.txt'), 'not a language version');
    expect(contentErrors(root, dest)).toEqual([
      expect.stringMatching(new RegExp(`^content/documents/${set.slugs[1]}/notes\\.txt:1:1: error a document folder holds only .*\`notes\\.txt\` is not one of them \\[lang-mismatch\\]$`)),
    ]);
  });

  it('tells a content check that could not run from one that passed', () => {
    expect(() => contentErrors(root, join(scratch, 'no-such-folder'))).toThrowError(/^could not run the content check `npm run check -- .*no-such-folder`: check: .*no-such-folder is not a folder$/);
  });

  it('reads --scale lists', () => {
    expect(parseSizes('1000,10,100')).toEqual([10, 100, 1000]);
    expect(parseSizes('1_000')).toEqual([1000]);
    for (const bad of ['', '10,,100', '0', '10,10', '2.5', 'ten']) expect(parseSizes(bad)).toBeUndefined();
  });
});

describe('the scratch copy', () => {
  it('copies the project without build output and hard-links node_modules', async () => {
    const fake = join(scratch, 'project');
    const files: Record<string, string> = {
      'package.json': '{}',
      'src/app/page.tsx': 'export default 1;',
      'node_modules/pkg/index.js': 'module.exports = 1;',
      'content/documents/x/en.md': 'real content',
      'out/index.html': 'old output',
      '.next/BUILD_ID': 'old',
      'bench/run.ts': '',
      'bench/results/latest.json': '{}',
    };
    for (const [path, text] of Object.entries(files)) {
      await mkdir(join(fake, path, '..'), { recursive: true });
      await writeFile(join(fake, path), text);
    }
    const dest = join(scratch, 'copy');
    await copyProject(fake, dest);
    expect(existsSync(join(dest, 'src', 'app', 'page.tsx'))).toBe(true);
    expect(existsSync(join(dest, 'bench', 'run.ts'))).toBe(true);
    for (const left of ['out', '.next', 'content', join('bench', 'results')]) expect(existsSync(join(dest, left))).toBe(false);
    expect(lstatSync(join(dest, 'node_modules')).isSymbolicLink()).toBe(false);
    expect(statSync(join(dest, 'node_modules', 'pkg', 'index.js')).ino).toBe(statSync(join(fake, 'node_modules', 'pkg', 'index.js')).ino);
  });

  it('accepts a build that used only the copy and the generated documents', async () => {
    const project = join(scratch, 'isolated');
    for (const slug of ['a', 'b']) await mkdir(join(project, 'out', 'en', 'documents', slug), { recursive: true });
    await mkdir(join(project, '.next'), { recursive: true });
    await writeFile(join(project, '.next', 'required-server-files.json'), JSON.stringify({ appDir: project, config: { turbopack: { root: `${project}/` } } }));
    await writeFile(join(project, '.next', 'next-server.js.nft.json'), JSON.stringify({ files: ['../node_modules/next/index.js'] }));
    expect(() => checkIsolation(project, ['a', 'b'])).not.toThrow();

    expect(() => checkIsolation(project, ['a'])).toThrowError(new BenchError('out/en/documents/ of the scratch build does not hold exactly the generated documents (has b)'));
    await writeFile(join(project, '.next', 'next-server.js.nft.json'), JSON.stringify({ files: ['../../../main/src/app/page.tsx'] }));
    expect(() => checkIsolation(project, ['a', 'b'])).toThrowError(/traced a file outside the copy/);
    await writeFile(join(project, '.next', 'required-server-files.json'), JSON.stringify({ appDir: join(project, '..') }));
    expect(() => checkIsolation(project, ['a', 'b'])).toThrowError(/project root from outside the copy/);
  });
});

describe('memory of a process tree', () => {
  it('reads a process from its /proc/<pid>/stat line, whatever its command name', () => {
    // Fields 1–25 of a line; the command name (field 2) holds a space and parentheses. utime 150 and
    // stime 25 are the process's own; cutime 7 and cstime 3, its reaped children's, are not counted.
    const line = '4242 (tsx (watch) x) S 4200 4100 4100 0 -1 4194560 5000 0 0 0 150 25 7 3 20 0 11 0 123456 1234567890 30000 18446744073709551615';
    expect(parseStat(line)).toEqual({ ppid: 4200, pgrp: 4100, rssPages: 30000, cpuTicks: 175 });
    // The same reading of this test's own process.
    const own = parseStat(readFileSync('/proc/self/stat', 'utf8'));
    expect(own.ppid).toBe(process.ppid);
    expect(own.rssPages).toBeGreaterThan(0);
  });

  it('counts the machine busy without its idle and iowait time', () => {
    // user nice system idle iowait irq softirq steal guest guest_nice: guest time is already in user.
    expect(parseBusyTicks('cpu  100 20 30 4000 500 6 7 8 9 10\ncpu0 50 10 15 2000 250 3 3 4 4 5\n')).toBe(171);
    // An old kernel without the steal column.
    expect(parseBusyTicks('cpu 1 2 3 40 50 6 7')).toBe(19);
  });

  it('reads the known processes between two listings of /proc', async () => {
    const sampler = createTreeSampler(process.pid, 60_000);
    const read = () => sampler.read();
    const before = read();
    const child = spawn('sleep', ['5']);
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      // Not listed again yet: the new child is not seen; the test process still is.
      expect(read().processes).toBe(before.processes);
      expect(read().rssBytes).toBeGreaterThan(0);
    } finally {
      child.kill();
    }
  });

  it('counts the children of a process', async () => {
    const alone = sampleProcessTree(process.pid);
    const child = spawn('sleep', ['5']);
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const withChild = sampleProcessTree(process.pid);
      expect(withChild.processes).toBe(alone.processes + 1);
      expect(withChild.rssBytes).toBeGreaterThan(0);
    } finally {
      child.kill();
    }
  });

  it('sums the peak over every process of `npm run build`', async () => {
    // A build that runs two Node processes at once, each holding about 80 MB for a second.
    const project = join(scratch, 'memory');
    await mkdir(project, { recursive: true });
    const hold = "node -e \"const b = Buffer.alloc(80e6, 1); setTimeout(() => console.log(b[0]), 2500)\"";
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'memory', private: true, scripts: { build: `${hold} & ${hold} & wait` } }));
    const run = await timedBuild(project, join(project, 'build.log'), { timeoutMs: 30_000, minFreeBytes: 0, intervalMs: 50, rescanMs: 200 });
    expect(run.exitCode).toBe(0);
    expect(run.stopped).toBeUndefined();
    expect(run.peakProcesses).toBeGreaterThanOrEqual(3);
    expect(run.peakRssBytes).toBeGreaterThan(160e6);
    expect(run.seconds).toBeGreaterThan(2.5);
    expect(run.cpu.build).toBeGreaterThan(0.05);
    expect(run.cpu.others).toBeGreaterThanOrEqual(0);
  });

  it('stops a build that runs past its timeout', async () => {
    const project = join(scratch, 'slow');
    await mkdir(project, { recursive: true });
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'slow', private: true, scripts: { build: 'sleep 30' } }));
    const run = await timedBuild(project, join(project, 'build.log'), { timeoutMs: 1_000, minFreeBytes: 0 });
    expect(run.stopped).toBe('timeout');
    expect(run.seconds).toBeLessThan(10);
  });
});

describe('the output of a build', () => {
  it('sums the bytes and files of a folder, a symbolic link as a file of its own', async () => {
    const dir = join(scratch, 'sized');
    await mkdir(join(dir, 'a', 'b'), { recursive: true });
    await writeFile(join(dir, 'one.html'), 'x'.repeat(1_000));
    await writeFile(join(dir, 'a', 'b', 'two.css'), 'y'.repeat(234));
    await symlink(join(dir, 'a'), join(dir, 'link'));
    expect(folderSize(dir)).toEqual({ bytes: 1_234 + lstatSync(join(dir, 'link')).size, files: 3 });
    expect(folderSize(join(scratch, 'no-such-folder'))).toEqual({ bytes: 0, files: 0 });
  });
});

describe('slopes and verdicts', () => {
  const point = (documents: number, seconds: number, peakGB: number, outMB: number, files: number): summary.ScalePoint => ({
    documents,
    seconds,
    peakRssBytes: peakGB * 1e9,
    peakProcesses: 4,
    samples: 10,
    outBytes: outMB * 1e6,
    outFiles: files,
    nextBytes: 0,
    cpu: { build: seconds * 1.5, others: 0 },
    loadAverage: { start: 1, end: 1 },
    log: 'x.log',
  });

  it('derives the cost of each added document between the smallest and the largest set', () => {
    const summary = summarize([point(100, 53, 1.2, 60, 2_100), point(10, 35, 1.1, 6, 300)]);
    expect(summary.slopes).toEqual({ from: 10, to: 100, seconds: expect.closeTo(0.2, 5), bytes: 600_000, files: 20, memoryBytes: expect.closeTo(1_111_111, 0), cpuSeconds: expect.closeTo(0.3, 5) });
    expect(summary.memoryGrowth).toEqual({ ratio: expect.closeTo(0.0909, 3), from: 10, to: 100, lowerBound: false });
    expect(summary.memoryGrows).toBe(false);
    // Not measured at 1,000: projected from the slope.
    expect(summary.targetSetSeconds).toEqual({ seconds: expect.closeTo(233, 5), kind: 'projected' });
    expect(summary.meets).toEqual({ perDocumentBytes: true, perDocumentFiles: true, perDocumentSeconds: true, buildSeconds: true, peakMemory: null, memoryFlat: true, largeBuildSeconds: null, pageGzip: null });
    // Half a second a document is over the standing target of a quarter.
    expect(summarize([point(100, 80, 1.2, 60, 2_100), point(10, 35, 1.1, 6, 300)]).meets.perDocumentSeconds).toBe(false);
  });

  it('judges the 1,000-document set on what was measured', () => {
    const summary = summarize([point(10, 30, 1, 1, 100), point(1_000, 900, 2.5, 900, 25_000)]);
    expect(summary.targetSetSeconds).toEqual({ seconds: 900, kind: 'measured' });
    expect(summary.memoryGrows).toBe(true);
    expect(summary.meets.buildSeconds).toBe(false);
    expect(summary.meets.peakMemory).toBe(false);
    expect(summary.meets.memoryFlat).toBe(false);
    expect(summary.meets.perDocumentFiles).toBe(false);
  });

  it('leaves a stopped build out of the slopes and counts it as too slow', () => {
    const stopped = { ...point(1_000, 3_600, 1.5, 0, 0), stopped: 'timeout' as const };
    const summary = summarize([point(10, 30, 1, 1, 100), point(100, 300, 1, 10, 1_000), stopped]);
    expect(summary.slopes?.to).toBe(100);
    expect(summary.targetSetSeconds).toEqual({ seconds: 3_600, kind: 'timeout' });
    expect(summary.meets.buildSeconds).toBe(false);
    expect(scaleTargets.buildSeconds).toBe(240);
  });

  it('counts a failed build as a miss, and its peak so far against the memory limit', () => {
    const failed = { ...point(1_000, 780, 3.1, 0, 0), stopped: 'failed' as const };
    const summary = summarize([point(10, 46, 1.2, 3, 48), point(100, 97, 1.1, 28, 318), failed]);
    expect(summary.slopes?.to).toBe(100);
    expect(summary.targetSetSeconds).toEqual({ seconds: 780, kind: 'failed' });
    expect(summary.targetSetMemory).toEqual({ bytes: 3.1e9, documents: 1_000, lowerBound: true });
    expect(summary.meets.buildSeconds).toBe(false);
    expect(summary.meets.peakMemory).toBe(false);
    // The failed build's peak so far is already far above the smallest set's: memory grows.
    expect(summary.memoryGrowth).toEqual({ ratio: expect.closeTo(1.583, 3), from: 10, to: 1_000, lowerBound: true });
    expect(summary.memoryGrows).toBe(true);
  });

  it('judges the 10,000-document set: its clean build within 45 minutes, every page within 100 kB gzip', () => {
    const large = { ...point(10_000, 2_000, 1.9, 6_000, 200_000), largestPage: { file: 'en/index.html', gzipBytes: 80_000 } };
    expect(summarize([point(10, 30, 1.8, 6, 200), large]).meets).toMatchObject({ largeBuildSeconds: true, pageGzip: true });
    const slow = { ...large, seconds: 3_000, largestPage: { file: 'en/glossary/x/index.html', gzipBytes: 140_000 } };
    expect(summarize([point(10, 30, 1.8, 6, 200), slow]).meets).toMatchObject({ largeBuildSeconds: false, pageGzip: false });
    // A page over the limit already misses on a smaller set.
    const big = { ...point(100, 60, 1.8, 60, 2_000), largestPage: { file: 'en/index.html', gzipBytes: 120_000 } };
    expect(summarize([point(10, 30, 1.8, 6, 200), big]).meets).toMatchObject({ largeBuildSeconds: null, pageGzip: false });
  });

  it('does not project below the largest set when noise makes the slope negative', () => {
    const summary = summarize([point(10, 138, 1.1, 3, 48), point(100, 87, 1.2, 28, 318)]);
    expect(summary.slopes?.seconds).toBeLessThan(0);
    expect(summary.targetSetSeconds).toEqual({ seconds: 87, kind: 'projected' });
  });
});

describe('the scale chart', () => {
  const points = [
    { documents: 10, seconds: 40, peakRssBytes: 1.1e9 },
    { documents: 100, seconds: 95, peakRssBytes: 1.2e9 },
    { documents: 1_000, seconds: 3_600, peakRssBytes: 1.3e9, stopped: 'timeout' as const },
  ];
  const svg = scaleChart(points, { subtitle: 'Measured 2026-11-26 <test> & co', note: 'Busy machine.', perDocumentSeconds: 0.55, peakMemoryBytes: 2e9 });

  it('is an accessible image with a title and the figures in words', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+"[^>]* role="img" aria-labelledby="scale-chart-title scale-chart-desc"/);
    expect(svg).toContain('<title id="scale-chart-title">How the build scales with the number of documents</title>');
    const desc = /<desc id="scale-chart-desc">([^<]*)<\/desc>/.exec(svg)?.[1] ?? '';
    expect(desc).toContain('10 documents: 40 s, peak memory 1.1 GB');
    expect(desc).toContain('100 documents: 1 min 35 s, peak memory 1.2 GB');
    expect(desc).toContain('1,000 documents: stopped after 1 h, peak memory at least 1.3 GB');
    expect(desc).toContain('at most 0.55 s of build time per added document');
    expect(svg).toContain('Measured 2026-11-26 &lt;test&gt; &amp; co');
    expect(desc).toMatch(/Busy machine\.$/);
  });

  it('says which build failed', () => {
    const failed = scaleChart([points[0], { documents: 1_000, seconds: 1_319, peakRssBytes: 3.82e9, stopped: 'failed' }]);
    expect(failed).toContain('>failed after 21 min 59 s</text>');
    expect(failed).toContain('>≥ 3.82 GB</text>');
    expect(failed).toContain('1,000 documents: failed after 21 min 59 s, peak memory at least 3.82 GB');
  });

  it('labels both axes and both panels', () => {
    for (const text of ['Build time (npm run build, wall clock)', 'Peak memory (RSS summed over all build processes)', 'documents (logarithmic scale)', 'build time (min)', 'peak memory (GB)']) {
      expect(svg).toContain(`>${text}</text>`);
    }
    for (const size of ['10', '100', '1,000']) expect(svg).toContain(`>${size}</text>`);
  });

  it('spaces the sizes logarithmically, the same in both panels', () => {
    const circles = [...svg.matchAll(/<circle cx="([\d.]+)" cy="[\d.]+" r="5" fill="([^"]+)"/g)].map((match) => ({ x: Number(match[1]), fill: match[2] }));
    expect(circles).toHaveLength(6);
    const [time, memory] = [circles.slice(0, 3), circles.slice(3)];
    for (const panel of [time, memory]) {
      expect(panel[1].x - panel[0].x).toBeCloseTo(panel[2].x - panel[1].x, 0);
      expect(panel[2].fill).toBe('#ffffff'); // the stopped build: a hollow marker
    }
    expect(memory[0].x - time[0].x).toBeCloseTo(memory[2].x - time[2].x, 0);
  });

  it('is self-contained and well-formed', () => {
    expect(svg).not.toMatch(/<script|@import|@font-face|xlink:href|\bhref=|url\((?!#)/);
    const stack: string[] = [];
    for (const [, closing, name, selfClosing] of svg.matchAll(/<(\/?)([a-zA-Z]+)\b[^>]*?(\/?)>/g)) {
      if (closing) expect(stack.pop()).toBe(name);
      else if (!selfClosing) stack.push(name);
    }
    expect(stack).toEqual([]);
    expect(svg.replace(/&(amp|lt|gt|quot|apos);/g, '')).not.toMatch(/&/);
  });

  it('formats durations and sizes for people', () => {
    expect([4.25, 42, 412, 600, 6_000].map(chart.formatDuration)).toEqual(['4.3 s', '42 s', '6 min 52 s', '10 min', '1 h 40 min']);
    expect([2e9, 30_240_000, 1_500, 12].map(chart.formatBytes)).toEqual(['2 GB', '30.2 MB', '1.5 kB', '12 B']);
  });
});

describe('the incremental cases', () => {
  it('corrects one word of a paragraph, never the front matter or a title', () => {
    const text = ['---', 'title: The sides', 'lang: en', '---', '', '# Two sides {#title}', '', 'The sides agreed. Both sides. {#p1}', ''].join('\n');
    expect(correctOneWord(text)).toBe(text.replace('The sides agreed', 'The parties agreed'));
    expect(correctOneWord('---\ntitle: sides\n---\n\n## Both sides {#s1}\n\nNothing here. {#p1}\n')).toBeUndefined();
  });

  it('reads from the build log how the build went about it', () => {
    expect(buildMode('build: incremental: 1 document(s) added or changed (a)\n')).toBe('incremental');
    expect(buildMode('build: clean: --clean\n')).toBe('clean');
    expect(buildMode('build: nothing changed since the published build\n')).toBe('nothing');
    expect(buildMode('npm ERR!\n')).toBe('unknown');
  });

  it('names the files that differ between two builds, or are in one only', async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'differ-'));
    try {
      for (const [folder, files] of [
        ['a', { 'index.html': 'same', 'en/x.html': 'one', 'only-a.txt': '' }],
        ['b', { 'index.html': 'same', 'en/x.html': 'two', 'only-b.txt': '' }],
      ] as const) {
        for (const [path, text] of Object.entries(files)) {
          await mkdir(join(scratch, folder, path, '..'), { recursive: true });
          await writeFile(join(scratch, folder, path), text);
        }
      }
      expect(await differingFiles(join(scratch, 'a'), join(scratch, 'b'))).toEqual(['en/x.html', 'only-a.txt', 'only-b.txt']);
      expect(await differingFiles(join(scratch, 'a'), join(scratch, 'a'))).toEqual([]);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });
});

describe('the largest page', () => {
  it('is weighed as sent: its gzip copy when the build wrote one, else the page gzipped', async () => {
    const out = await mkdtemp(join(tmpdir(), 'largest-'));
    try {
      await mkdir(join(out, 'en', 'documents', 'a'), { recursive: true });
      await writeFile(join(out, 'en', 'index.html'), 'x'.repeat(5000));
      await writeFile(join(out, 'en', 'index.html.gz'), 'x'.repeat(300));
      // A document's page gets no copy: 200 kB of text that gzip takes to a few hundred bytes.
      await writeFile(join(out, 'en', 'documents', 'a', 'index.html'), 'z'.repeat(200_000));
      // Text gzip hardly shrinks: the largest as sent.
      const varied = Array.from({ length: 1200 }, (_, index) => ((index * 2654435761) >>> 0).toString(36)).join(' ');
      await writeFile(join(out, '404.html'), varied);
      expect(buildOutput.largestPage(out)).toEqual({ file: '404.html', gzipBytes: gzipSync(varied).length });
      expect(gzipSync(varied).length).toBeGreaterThan(gzipSync('z'.repeat(200_000)).length);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
