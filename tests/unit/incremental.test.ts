/**
 * Incremental builds (src/export/incremental.ts): what a build is made from and what it may reuse;
 * a clean build whenever anything but documents changed or a document was removed; the assembly of a
 * new build from the previous one and the newly rendered pages, without writing into the previous
 * build; the compressed copies of reused files kept as they are.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assemble, documentOfSiteFile, planBuild, planSiteWide, recordOf, type BuildRecord } from '../../src/export/incremental';
import { withSiteWidePages, incrementalSteps } from '../../src/export/build';
import { precompressExport } from '../../src/export/precompress';
import { pageId, renderedParams, siteWide } from '../../src/site/rendered-documents';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'incremental-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function files(tree: Record<string, string>, under = root) {
  for (const [path, text] of Object.entries(tree)) {
    await mkdir(dirname(join(under, path)), { recursive: true });
    await writeFile(join(under, path), text);
  }
}

const project = {
  'src/site/page.tsx': 'export const page = 1;',
  'content/glossary.yaml': 'entries: []',
  'content/documents/a/ru.md': 'Текст A',
  'content/documents/b/ru.md': 'Текст B',
  'content/sources/b/source.txt': 'source of B',
  'package-lock.json': '{}',
};

describe('what a build is made from', () => {
  it('hashes each document apart from everything else, its sources with it', async () => {
    await files(project);
    const first = await recordOf(root, {});
    expect(Object.keys(first.documents)).toEqual(['a', 'b']);
    await files({ 'content/sources/b/source.txt': 'corrected source of B' });
    const second = await recordOf(root, {});
    expect(second.inputs).toBe(first.inputs);
    expect(second.documents.a).toBe(first.documents.a);
    expect(second.documents.b).not.toBe(first.documents.b);
  });

  it('counts the code, the glossary, the lock file, the page script and SITE_URL as inputs of every page', async () => {
    await files(project);
    const before = (await recordOf(root, {})).inputs;
    expect((await recordOf(root, { SITE_URL: 'https://example.org' })).inputs).not.toBe(before);
    for (const [path, text] of [
      ['src/behaviour/tips.ts', 'export {};'],
      ['content/glossary.yaml', 'entries: [x]'],
      ['package-lock.json', '{"lockfileVersion":3}'],
    ]) {
      await files({ [path]: text });
      const after = (await recordOf(root, {})).inputs;
      expect(after, path).not.toBe(before);
    }
  });

  it('does not count the page script the build writes into public/assets/', async () => {
    await files(project);
    const before = (await recordOf(root, {})).inputs;
    await files({ 'public/assets/site.abc.js': 'bundle' });
    expect((await recordOf(root, {})).inputs).toBe(before);
  });
});

describe('the plan', () => {
  const record = (inputs: string, documents: Record<string, string>): BuildRecord => ({ format: 1, inputs, documents });
  const previous = (documents: Record<string, string>, inputs = 'i') => ({ folder: '/p', record: record(inputs, documents) });

  it('renders only the documents added or changed when nothing else changed', () => {
    expect(planBuild(record('i', { a: '1', b: '2', c: '3' }), previous({ a: '1', b: '0' }), false)).toEqual({ kind: 'incremental', previous: '/p', changed: ['b', 'c'] });
    expect(planBuild(record('i', { a: '1' }), previous({ a: '1' }), false)).toEqual({ kind: 'incremental', previous: '/p', changed: [] });
  });

  it('builds clean when it cannot prove what changed, and says why', () => {
    expect(planBuild(record('i', { a: '1' }), previous({ a: '1' }), true)).toEqual({ kind: 'clean', reason: '--clean' });
    expect(planBuild(record('i', { a: '1' }), undefined, false)).toMatchObject({ kind: 'clean', reason: 'there is no previous build' });
    expect(planBuild(record('i', { a: '1' }), { folder: '/p', record: undefined }, false)).toMatchObject({ kind: 'clean', reason: expect.stringContaining('no record') });
    expect(planBuild(record('j', { a: '1' }), previous({ a: '1' }), false)).toMatchObject({ kind: 'clean', reason: expect.stringContaining('the code, the glossary') });
    expect(planBuild(record('i', { a: '1' }), previous({ a: '1', b: '2' }), false)).toEqual({ kind: 'clean', reason: 'a document was removed (b)' });
  });
});

describe('rendering a subset', () => {
  const params = [
    { lang: 'en', slug: 'a' },
    { lang: 'en', slug: 'b' },
    { lang: 'ja', slug: 'b' },
  ];
  it('narrows the per-document params to the named documents, keeping one when none is named', () => {
    expect(renderedParams(params, {})).toEqual(params);
    expect(renderedParams(params, { SITE_ONLY_DOCUMENTS: 'b' })).toEqual(params.slice(1));
    expect(renderedParams(params, { SITE_ONLY_DOCUMENTS: 'zzz' })).toEqual(params.slice(0, 1));
    // Rendering only (no static export, which needs a page per route): none.
    expect(renderedParams(params, { SITE_ONLY_DOCUMENTS: 'zzz', SITE_RENDER_ONLY: '1' })).toEqual([]);
    expect(renderedParams(params, { SITE_ONLY_DOCUMENTS: 'b', SITE_RENDER_ONLY: '1' })).toEqual(params.slice(1));
  });

  it('renders the site-wide pages listed, one page of a route none of whose pages is listed, none when rendering only', async () => {
    const pages = { route: 'library', params: () => [{ lang: 'en' }, { lang: 'en', page: ['page', '2'] }, { lang: 'ja' }], shows: () => null };
    expect(pageId('library', { lang: 'en', page: ['page', '2'] })).toBe('library {"lang":"en","page":["page","2"]}');
    const list = async (ids: string[]) => {
      const path = join(root, `${ids.length}.json`);
      await writeFile(path, JSON.stringify(ids));
      return path;
    };
    expect(await siteWide(pages, {})()).toHaveLength(3);
    const two = await list(['library {"lang":"en","page":["page","2"]}', 'library {"lang":"ja"}', 'feeds {"lang":"ja"}']);
    expect(await siteWide(pages, { SITE_SITE_WIDE_ONLY: two })()).toEqual([{ lang: 'en', page: ['page', '2'] }, { lang: 'ja' }]);
    const none = await list([]);
    expect(await siteWide(pages, { SITE_SITE_WIDE_ONLY: none })()).toEqual([{ lang: 'en' }]);
    expect(await siteWide(pages, { SITE_SITE_WIDE_ONLY: none, SITE_RENDER_ONLY: '1' })()).toEqual([]);
    expect(await siteWide(pages, { SITE_RENDER_ONLY: '1' })()).toHaveLength(3);
  });

  it('renders the site-wide pages whose keys are new or changed, or all of them when a page is gone or no keys were kept', () => {
    const previous = { 'library {"lang":"en"}': 'k1', 'browse-value {"v":"x"}': 'k2', 'feeds {"f":1}': 'k3' };
    expect(planSiteWide(previous, { ...previous })).toEqual({ kind: 'some', render: [], total: 3 });
    expect(planSiteWide(previous, { ...previous, 'library {"lang":"en"}': 'k9', 'feeds {"f":2}': 'k4' })).toEqual({ kind: 'some', render: ['library {"lang":"en"}', 'feeds {"f":2}'], total: 4 });
    const gone = planSiteWide(previous, { 'library {"lang":"en"}': 'k1', 'feeds {"f":1}': 'k3' });
    expect(gone).toEqual({ kind: 'all', reason: '1 site-wide page(s) of the previous build are gone (browse-value {"v":"x"})' });
    expect(planSiteWide(undefined, previous)).toMatchObject({ kind: 'all', reason: 'the previous build kept no keys of its site-wide pages' });
  });

  it('renders with the code compiled before when it can, and then without the site-wide pages when they cannot have changed', () => {
    const plan = { kind: 'incremental' as const, previous: '/b/old', changed: ['b'] };
    const names = (steps: { name: string }[]) => steps.map((step) => step.name);
    expect(names(incrementalSteps(plan, '/b/part'))).toEqual(['content cache', 'search index', 'site-wide keys', 'page script', 'next build (1 changed document and the site-wide pages)', 'finish', 'assemble', 'security headers', 'precompress']);
    const compiled = incrementalSteps(plan, '/b/part', true);
    expect(names(compiled)).toEqual(['content cache', 'search index', 'site-wide keys', 'page script', 'next render (1 changed document and the site-wide pages, with the code compiled before)', 'next export', 'finish', 'assemble', 'security headers', 'precompress']);
    expect(compiled[4].command).toEqual(['next', 'build', '--experimental-build-mode=generate']);
    expect(compiled[4].env).toEqual({ SITE_ONLY_DOCUMENTS: 'b', SITE_RENDER_ONLY: '1' });
    // With it, next.config.mjs makes no export, and Next keeps its files in .next/; without it, an export into .out-next/.
    const config = (env: Record<string, string>) =>
      JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', "const {output,distDir}=(await import('./next.config.mjs')).default;console.log(JSON.stringify({output,distDir}))"], { env: { ...process.env, ...env }, encoding: 'utf8' }));
    expect(config({ SITE_EXPORT_DIR: '.out-next', SITE_RENDER_ONLY: '1' })).toEqual({});
    expect(config({ SITE_EXPORT_DIR: '.out-next' })).toEqual({ output: 'export', distDir: '.out-next' });
    expect(compiled[5].movesExportTo).toBe('/b/part');
    const reused = withSiteWidePages(compiled.slice(2), { kind: 'some', render: [], total: 40 }, '/b/render.json');
    expect(reused[2].name).toBe('next render (1 changed document, with the code compiled before)');
    expect(reused[2].env).toMatchObject({ SITE_ONLY_DOCUMENTS: 'b', SITE_SITE_WIDE_ONLY: '/b/render.json' });
    expect(reused[0]).toEqual(compiled[2]);
    expect(reused[5].command).toEqual(['tsx', 'src/export/incremental.ts', 'assemble', '--site-wide-from-previous', '/b/old', '/b/part', '{out}', 'b']);
    const some = withSiteWidePages(compiled.slice(2), { kind: 'some', render: ['library {"lang":"en"}', 'feeds {"f":2}'], total: 40 }, '/b/render.json');
    expect(some[2].name).toBe('next render (1 changed document and 2 of the 40 site-wide pages, with the code compiled before)');
  });

  it('knows which files of the site belong to one document', () => {
    expect(documentOfSiteFile('en/documents/a/index.html')).toBe('a');
    expect(documentOfSiteFile('en/documents/a/editions/1/tips.json')).toBe('a');
    expect(documentOfSiteFile('exports/a/a.tei.xml')).toBe('a');
    expect(documentOfSiteFile('en/index.html')).toBeUndefined();
    expect(documentOfSiteFile('en/glossary/x/index.html')).toBeUndefined();
    expect(documentOfSiteFile('pagefind/en/fragment/x.pf_fragment')).toBeUndefined();
  });
});

describe('assembling', () => {
  it('takes the site-wide pages not rendered again, with their compressed copies, from the previous build', async () => {
    const previous = join(root, 'previous');
    const part = join(root, 'part');
    const out = join(root, 'out');
    const big = 'x'.repeat(4000);
    await files({ 'index.html': `library ${big}`, 'en/glossary/x/index.html': `entry ${big}`, '_headers': 'old headers', 'pagefind/en/index.pf_index': 'old index', 'en/documents/a/index.html': 'A', 'en/documents/b/index.html': 'old B' }, previous);
    await precompressExport(previous);
    // The entry's page rendered again (its key changed); the library not.
    await files({ 'en/glossary/x/index.html': `entry, one document more ${big}`, 'en/documents/b/index.html': 'new B' }, part);
    expect(await assemble(previous, part, out, ['b'], true)).toEqual({ reused: 4, rendered: 2, same: 0 });
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe(`library ${big}`);
    expect(await readFile(join(out, 'en/glossary/x/index.html'), 'utf8')).toBe(`entry, one document more ${big}`);
    expect(await readFile(join(out, 'en/documents/b/index.html'), 'utf8')).toBe('new B');
    for (const path of ['index.html', 'index.html.br', 'index.html.gz']) expect((await stat(join(out, path))).ino, path).toBe((await stat(join(previous, path))).ino);
    // The copies of the page rendered again are not carried over: the compressed copies step writes them.
    for (const gone of ['_headers', 'pagefind', 'en/glossary/x/index.html.br', 'en/glossary/x/index.html.gz']) expect(lstatSync(join(out, gone), { throwIfNoEntry: false }), gone).toBeUndefined();
    // The copies taken with their page are kept as they are; nothing is written into the previous build.
    const before = await readFile(join(previous, 'index.html.br'));
    expect(await precompressExport(out)).toMatchObject({ kept: 1, written: 2 });
    expect(await readFile(join(previous, 'index.html.br'))).toEqual(before);
  });

  it("links the previous build's file, with its compressed copies, for a page rendered again to the same bytes", async () => {
    const previous = join(root, 'previous');
    const part = join(root, 'part');
    const out = join(root, 'out');
    const big = 'x'.repeat(4000);
    await files({ 'index.html': `library ${big}`, 'en/glossary/x/index.html': `entry ${big}`, 'en/documents/b/index.html': 'B', 'en/documents/b/cite.json': '{"b":1}' }, previous);
    await precompressExport(previous);
    // The library changed; the entry page and B's citation came out the same.
    await files({ 'index.html': `new library ${big}`, 'en/glossary/x/index.html': `entry ${big}`, 'en/documents/b/index.html': 'B corrected', 'en/documents/b/cite.json': '{"b":1}' }, part);
    expect(await assemble(previous, part, out, ['b'])).toEqual({ reused: 0, rendered: 2, same: 2 });
    for (const path of ['en/glossary/x/index.html', 'en/glossary/x/index.html.br', 'en/glossary/x/index.html.gz', 'en/documents/b/cite.json']) {
      expect((await stat(join(out, path))).ino, path).toBe((await stat(join(previous, path))).ino);
    }
    expect((await stat(join(out, 'index.html'))).ino).not.toBe((await stat(join(previous, 'index.html'))).ino);
    expect(lstatSync(join(out, 'index.html.br'), { throwIfNoEntry: false })).toBeUndefined();
    // The entry page's copies are kept as they are; the library's are written.
    expect(await precompressExport(out)).toMatchObject({ kept: 1, files: 1 });
    expect(await readFile(join(out, 'en/glossary/x/index.html'), 'utf8')).toBe(`entry ${big}`);
  });

  it("takes the unchanged documents' files from the previous build, the rest from the new rendering, and writes nothing into the previous build", async () => {
    const previous = join(root, 'previous');
    const part = join(root, 'part');
    const out = join(root, 'out');
    const big = 'x'.repeat(4000);
    await files(
      {
        'index.html': `old library ${big}`,
        '_headers': 'old headers',
        'pagefind/en/index.pf_index': 'old index',
        'en/documents/a/index.html': `A ${big}`,
        'exports/a/a.json': '{"a":1}',
        'en/documents/b/index.html': 'old B',
        'en/documents/b/editions/2/index.html': 'B edition 2, since withdrawn',
      },
      previous,
    );
    await precompressExport(previous);
    await files({ 'index.html': 'new library', 'en/documents/b/index.html': 'new B', 'en/documents/a/index.html': 'A rendered only to give the route a page' }, part);

    expect(await assemble(previous, part, out, ['b'])).toEqual({ reused: 2, rendered: 2, same: 0 });
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('new library');
    expect(await readFile(join(out, 'en/documents/b/index.html'), 'utf8')).toBe('new B');
    expect(await readFile(join(out, 'en/documents/a/index.html'), 'utf8')).toBe(`A ${big}`);
    for (const gone of ['_headers', 'index.html.gz', 'index.html.br', 'pagefind', 'en/documents/b/editions']) expect(lstatSync(join(out, gone), { throwIfNoEntry: false }), gone).toBeUndefined();
    // Reused as they are: the same file, not a copy.
    expect((await stat(join(out, 'en/documents/a/index.html'))).ino).toBe((await stat(join(previous, 'en/documents/a/index.html'))).ino);

    const snapshot = join(root, 'snapshot');
    await cp(previous, snapshot, { recursive: true });
    await precompressExport(out);
    // A document's files get no compressed copies (npm start compresses them on request), reused or not.
    expect(lstatSync(join(out, 'en/documents/a/index.html.gz'), { throwIfNoEntry: false })).toBeUndefined();
    // The previous build is untouched, copies included.
    for (const path of ['index.html', 'index.html.gz', 'en/documents/a/index.html', 'en/documents/b/index.html']) {
      expect(await readFile(join(previous, path)), path).toEqual(await readFile(join(snapshot, path)));
    }
  });
});
