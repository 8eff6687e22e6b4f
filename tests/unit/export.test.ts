/** The export's finish step: Next's runtime out of every page, payload files gone, what is left judged (page-allow-list.test.ts). */
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finishExport, isPayloadFile } from '../../src/export/finish';
import { settleFeedLink, stripRuntime } from '../../src/export/strip-runtime';

const fixture = (name: string) => join(import.meta.dirname, '..', 'fixtures', 'export', name);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
}
const list = (dir: string) => walk(dir).map((path) => relative(dir, path)).sort();

describe('stripRuntime', () => {
  it('removes Next’s scripts, preloads, payload and React comments, and keeps the rest byte for byte', () => {
    const input = readFileSync(join(fixture('next-page'), 'input.html'), 'utf8');
    const expected = readFileSync(join(fixture('next-page'), 'output.html'), 'utf8');
    const { html, removed } = stripRuntime(input);
    expect(html).toBe(expected);
    expect(removed).toEqual({ scripts: 2, preloads: 1, payloads: 3, comments: 6 });
  });

  it('takes from the head what only Next’s router reads and the X tags that repeat OpenGraph’s, and names the inlined stylesheet', () => {
    const head = (tags: string) => `<html><head>${tags}</head><body></body></html>`;
    const og = '<meta property="og:title" content="T"/><meta property="og:description" content="D"/>';
    const { html, styleSources } = stripRuntime(head(`<style data-precedence="next" data-href="/_next/static/chunks/a.css">b{}</style>${og}<meta name="twitter:card" content="summary"/><meta name="twitter:title" content="T"/><meta name="twitter:description" content="D"/>`));
    expect(html).toBe(head(`<style>b{}</style>${og}<meta name="twitter:card" content="summary"/>`));
    expect(styleSources).toEqual(['/_next/static/chunks/a.css']);
    // An X tag that says something OpenGraph does not stays.
    const own = head(`${og}<meta name="twitter:title" content="Other"/><meta name="twitter:description" content="D2"/>`);
    expect(stripRuntime(own).html).toBe(own);
  });

  it('leaves a script that is neither Next’s nor the site’s in place, for the allow-list to name', () => {
    const input = '<html><head><script src="https://cdn.example/x.js"></script></head><body><script>alert(1)</script></body></html>';
    expect(stripRuntime(input).html).toBe(input);
  });

  it('removes only Next’s streamed-metadata div: the body’s first child, holding only Suspense comments', () => {
    const page = (body: string) => `<html><head></head><body>${body}</body></html>`;
    const ours = '<main><div hidden=""></div><div hidden=""><!--$--><!--/$--></div></main>';
    expect(stripRuntime(page(`<div hidden=""><!--$--><!--/$--></div>${ours}`)).html).toBe(page('<main><div hidden=""></div><div hidden=""></div></main>'));
    // The site's own hidden divs stay, first in the body too, empty or not.
    expect(stripRuntime(page('<div hidden=""></div><main></main>')).html).toBe(page('<div hidden=""></div><main></main>'));
    expect(stripRuntime(page('<div hidden=""><!--$--><p>ours</p><!--/$--></div>')).html).toBe(page('<div hidden=""><p>ours</p></div>'));
  });

  it('knows Next’s payload files by the route they stand beside, and nothing else', () => {
    const payloads = [
      'index.txt',
      '__next._full.txt',
      '__next.!KHJvb3Qp.__PAGE__.txt',
      '__next.!KHJvb3Qp.txt',
      'en/__next.$d$lang.__PAGE__.txt',
      'en/glossary/__next.$d$lang.glossary.__PAGE__.txt',
      'en/glossary/japan/__next.$d$lang.txt',
      'en/glossary/japan/__next._tree.txt',
      'en/documents/x/__next.$d$lang.documents.$d$slug.__PAGE__.txt',
      '_not-found/__next._not-found.__PAGE__.txt',
      '_not-found/__next._index.txt',
      // An optional catch-all segment stands for the folders left, none included.
      'en/__next.$d$lang.$oc$page.__PAGE__.txt',
      'en/page/2/__next.$d$lang.$oc$page.__PAGE__.txt',
      'en/browse/year/2019/page/3/__next.$d$lang.browse.$d$facet.$d$value.$oc$page.__PAGE__.txt',
    ];
    expect(payloads.filter((path) => !isPayloadFile(path))).toEqual([]);
    const others = [
      'robots.txt',
      'index.html',
      'notes.txt',
      'en/index.rsc',
      'en/__next.foo.txt',
      'en/__next.$d$lang.$oc$page.extra.__PAGE__.txt',
      'en/__next.$oc$page.$d$lang.__PAGE__.txt',
      'en/glossary/__next.$d$lang.__PAGE__.txt',
      'en/__next.$d$lang.glossary.txt',
      '__next.!bm90IGEgZ3JvdXA.txt',
    ];
    expect(others.filter(isPayloadFile)).toEqual([]);
  });
});

describe('finishExport', () => {
  async function exportDir(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'export-'));
    for (const [path, content] of Object.entries(files)) {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), content);
    }
    return dir;
  }

  it('strips every page, deletes payloads and the runtime files no page refers to', async () => {
    const page = readFileSync(join(fixture('next-page'), 'input.html'), 'utf8');
    const dir = await exportDir({
      'index.html': page,
      'index.txt': '0:payload',
      'en/index.html': page,
      'en/__next._full.txt': 'payload',
      'robots.txt': 'User-Agent: *',
      '_next/static/chunks/main.js': 'runtime',
      '_next/static/chunks/a.css': 'body{}',
      '_next/static/build-id/_buildManifest.js': 'manifest',
      'assets/site.abc.js': 'ours',
    });
    const report = await finishExport(dir, new URL('https://example.org'));
    expect(report).toEqual({ pages: 2, payloadFiles: 2, runtimeFiles: 2, sitemapRemoved: false, problems: [] });
    expect(list(dir)).toEqual(['_next/static/chunks/a.css', 'assets/site.abc.js', 'en/index.html', 'index.html', 'robots.txt']);
    expect(await readFile(join(dir, 'en', 'index.html'), 'utf8')).toBe(readFileSync(join(fixture('next-page'), 'output.html'), 'utf8'));
  });

  it('keeps the sitemap when the site’s address is known, and removes it when it is not', async () => {
    const page = readFileSync(join(fixture('next-page'), 'input.html'), 'utf8');
    const files = { 'index.html': page, 'sitemap.xml': '<urlset/>' };
    const known = await exportDir(files);
    expect((await finishExport(known, new URL('https://example.org'))).sitemapRemoved).toBe(false);
    expect(list(known)).toEqual(['index.html', 'sitemap.xml']);
    const unknown = await exportDir(files);
    expect((await finishExport(unknown, undefined)).sitemapRemoved).toBe(true);
    expect(list(unknown)).toEqual(['index.html']);
  });

  it('fails loudly when the export no longer looks like Next’s', async () => {
    const dir = await exportDir({ 'index.html': '<html><body><script src="/_app.js"></script><p>x</p></body></html>' });
    const report = await finishExport(dir, undefined);
    expect(report.problems).toEqual([
      { file: '.', problem: "no page held Next's runtime scripts or payload: Next's output has changed; review src/export/strip-runtime.ts" },
      { file: 'index.html', problem: 'a <script> that is not the site\'s own (no data-site): src="/_app.js"' },
    ]);
  });
});

describe('settleFeedLink', () => {
  const link = '<link rel="alternate" type="application/atom+xml" href="/ja/feed.xml"/>';
  it('puts the feed link last in the head wherever React hoisted it, so two builds of a page agree', () => {
    const early = `<html><head><meta charSet="utf-8"/>${link}<title>T</title></head><body></body></html>`;
    const late = `<html><head><meta charSet="utf-8"/><title>T</title>${link}</head><body></body></html>`;
    expect(settleFeedLink(early)).toBe(late);
    expect(settleFeedLink(late)).toBe(late);
    expect(stripRuntime(early).html).toBe(late);
  });
  it('leaves a page without it, or with it in the body only, as it is', () => {
    const none = '<html><head><title>T</title></head><body></body></html>';
    expect(settleFeedLink(none)).toBe(none);
    const inBody = `<html><head><title>T</title></head><body>${link}</body></html>`;
    expect(settleFeedLink(inBody)).toBe(inBody);
  });
});
