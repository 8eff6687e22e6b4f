/**
 * The verdict of the finish step (src/export/page-allow-list.ts): once Next's runtime is out, a page
 * holds only what the site's components render and out/ only the files the site writes; anything
 * else is named with its file. `reading-page/input.html` is the English reading page as `next build`
 * wrote it (runtime included), trimmed: its stylesheet and RSC payload cut short, its rows after the
 * fifth left out.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finishExport } from '../../src/export/finish';
import { isSiteFile, pageProblems } from '../../src/export/page-allow-list';

const readingPage = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'export', 'reading-page', 'input.html'), 'utf8');
const slug = '2019-05-30-japan-russia-2plus2';

/** An export as `next build` leaves it, around the reading page: its payload files, Next's chunks, the site's files. */
async function exportDir(page: string, extra: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'allow-list-'));
  const files: Record<string, string> = {
    [`en/documents/${slug}/index.html`]: page,
    [`en/documents/${slug}/index.txt`]: '0:payload',
    [`en/documents/${slug}/__next._full.txt`]: '0:payload',
    [`en/documents/${slug}/__next.$d$lang.txt`]: '0:payload',
    [`en/documents/${slug}/__next.$d$lang.documents.$d$slug.__PAGE__.txt`]: '0:payload',
    [`en/documents/${slug}/cite.json`]: '{}',
    'en/glossary/tips.json': '{}',
    [`exports/${slug}/${slug}.tei.xml`]: '<TEI/>',
    [`exports/${slug}/${slug}.ja.txt`]: 'text',
    'schemas/document.schema.json': '{}',
    'assets/site.b7fp5Lf_4D.js': 'ours',
    'assets/print.8snfaMRxnA.css': '@page{}',
    '_next/static/chunks/2zgl4dyaz9ggq.css': 'body{}',
    '_next/static/chunks/turbopack-2u1d16houkiyo.js': 'runtime',
    'icon.svg': '<svg/>',
    'robots.txt': 'User-Agent: *',
    ...extra,
  };
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

/** The reading page with `markup` put just before its `<main>`. */
const withMarkup = (markup: string) => readingPage.replace('<main', `${markup}<main`);
const page = `en/documents/${slug}/index.html`;
const unknown = 'which no component of the site renders';

describe('the allow-list after the finish step', () => {
  it('passes a real exported page and the files beside it, once Next’s runtime is out', async () => {
    const report = await finishExport(await exportDir(readingPage), undefined);
    expect(report.problems).toEqual([]);
    expect(report.pages).toBe(1);
    expect(report.payloadFiles).toBe(4);
  });

  it('leaves out/pagefind/ alone: the search index writes it beside the finish step', async () => {
    const dir = await exportDir(readingPage, { 'pagefind/en/index/en_1.pf_index': 'index', 'pagefind/en/unknown.txt': 'x', 'pagefind.txt': '0:payload' });
    const report = await finishExport(dir, undefined);
    expect(report.problems).toEqual([{ file: 'pagefind.txt', problem: 'a file that no part of the site writes' }]);
    expect(readFileSync(join(dir, 'pagefind/en/unknown.txt'), 'utf8')).toBe('x');
  });

  it('fails on a comment marker React or Next has not written before', async () => {
    const report = await finishExport(await exportDir(withMarkup('<!--$~--><!--/$-->')), undefined);
    expect(report.problems).toEqual([{ file: page, problem: `a comment <!--$~-->, ${unknown}` }]);
  });

  it('fails on a <template>', async () => {
    const report = await finishExport(await exportDir(withMarkup('<template id="B:0"><p>streamed</p></template>')), undefined);
    expect(report.problems).toEqual([{ file: page, problem: `a <template> element, ${unknown}` }]);
  });

  it('fails on an unknown data- payload, naming the attribute and its element', async () => {
    const report = await finishExport(await exportDir(withMarkup('<div hidden="" data-rsc="0:{&quot;P&quot;:null}"></div>')), undefined);
    expect(report.problems).toEqual([{ file: page, problem: `a data-rsc attribute on <div>, ${unknown}` }]);
  });

  it('fails on a style attribute, which the Content-Security-Policy refuses (no \'unsafe-inline\')', async () => {
    const report = await finishExport(await exportDir(withMarkup('<div class="rows" style="--columns:3"></div>')), undefined);
    expect(report.problems).toEqual([{ file: page, problem: `a style attribute on <div>, ${unknown}` }]);
  });

  it('fails on files beside a page that the site does not write: a renamed payload is named, not deleted', async () => {
    const renamed = { [`en/documents/${slug}/index.rsc`]: '0:payload', 'en/__next.foo.txt': '0:payload' };
    const report = await finishExport(await exportDir(readingPage, renamed), undefined);
    expect(report.problems).toEqual([
      { file: 'en/__next.foo.txt', problem: 'a file that no part of the site writes' },
      { file: `en/documents/${slug}/index.rsc`, problem: 'a file that no part of the site writes' },
    ]);
  });

  it('fails on a script of Next’s that survived, and on a runtime file a page still refers to', async () => {
    const report = await finishExport(await exportDir(withMarkup('<script type="module">import("/_next/static/chunks/new-runtime.js")</script><link rel="modulepreload" href="/assets/x.js"/>'), {
      '_next/static/chunks/new-runtime.js': 'runtime',
    }), undefined);
    expect(report.problems).toEqual([
      { file: '_next/static/chunks/new-runtime.js', problem: 'a file that no part of the site writes' },
      { file: page, problem: 'a <script> that is not the site\'s own (no data-site): inline, starting "import(\\"/_next/static/chunks/new-runtime.js\\")"' },
      { file: page, problem: `a <link rel="modulepreload">, ${unknown}` },
    ]);
  });

  it('names the page and the thing on the command line, exits 1 and prints no stack trace', async () => {
    const dir = await exportDir(withMarkup('<template></template>'), { 'en/index.rsc': '0:payload' });
    // Run beside the export, as the build runs beside out/: the lines name `<export>/<file>`.
    const run = spawnSync(join(process.cwd(), 'node_modules', '.bin', 'tsx'), [join(process.cwd(), 'src', 'export', 'finish.ts'), basename(dir)], { cwd: dirname(dir), encoding: 'utf8' });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines.slice(0, 2)).toEqual([`${basename(dir)}/${page}: a <template> element, ${unknown}`, `${basename(dir)}/en/index.rsc: a file that no part of the site writes`]);
    expect(lines[2]).toBe(
      `finish: 2 problem(s): the export in ${basename(dir)} holds what the site does not write, so it is not fit to publish. ` +
        'If a component or build step of the site made it, add it to src/export/page-allow-list.ts; if Next did, remove it in src/export/strip-runtime.ts or finish.ts',
    );
    expect(lines).toHaveLength(3);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  }, 30_000);
});

describe('pageProblems', () => {
  it('allows what content may bring beyond the current documents: the pipeline’s sanitize schema', () => {
    const content = '<h5 data-pid="s9-p1">Heading</h5><p><strong>strong</strong>, x<sub>2</sub><br/><a href="https://example.org" title="t">link</a></p><aside data-note-id="n1" data-note-kind="editorial">note</aside>';
    expect(pageProblems(`<!DOCTYPE html><html lang="en"><head></head><body><main>${content}</main></body></html>`)).toEqual([]);
  });

  it('names each thing once per page, however often it stands there', () => {
    expect(pageProblems('<html><body><template></template><template></template><p onclick="x()">a</p><!-- note --><!-- note --></body></html>')).toEqual([
      `a <template> element, ${unknown}`,
      `an onclick attribute on <p>, ${unknown}`,
      `a comment <!-- note -->, ${unknown}`,
    ]);
  });

  it('allows only a plain HTML doctype', () => {
    expect(pageProblems('<!doctype html><html></html>')).toEqual([]);
    expect(pageProblems('<?xml version="1.0"?><html></html>')).toEqual([`a <?xml version="1.0"?> declaration, ${unknown}`]);
  });
});

describe('isSiteFile', () => {
  it('knows the files the site writes by the shape of their addresses', () => {
    const site = ['index.html', '404.html', '404/index.html', '_not-found/index.html', 'ja/index.html', `ru/documents/${slug}/index.html`, `ru/documents/${slug}/cite.json`, 'en/glossary/index.html', 'en/glossary/kono-taro/index.html', 'ja/glossary/tips.json', 'en/search/index.html', `exports/${slug}/${slug}.tmx`, `exports/${slug}/${slug}.json`, `exports/${slug}/${slug}.en.txt`, 'assets/part.6MYSQKVK.js', 'sitemap.xml', '_next/static/media/icon.40t42hbw9ixoo.svg', 'en/feed.xml', 'ja/feed.xml', `exports/${slug}/editions/1/${slug}.edition-1.json`, `exports/${slug}/editions/12/${slug}.edition-12.tei.xml`];
    expect(site.filter((path) => !isSiteFile(path))).toEqual([]);
    const others = ['de/index.html', `exports/${slug}/index.html`, `exports/${slug}/${slug}.de.txt`, 'en/glossary/tips.json.map', 'assets/site.js.map', 'assets/other.abc.js', '_next/static/chunks/main.js', '_next/static/abc/_buildManifest.js', 'en/index.txt', '.env', 'de/feed.xml', 'en/feed.atom', `exports/${slug}/editions/0/${slug}.edition-0.json`, `exports/${slug}/editions/1/${slug}.edition-1.tmx`, `exports/${slug}/editions/1/${slug}.edition-1.en.txt`];
    expect(others.filter(isSiteFile)).toEqual([]);
  });
});
