/**
 * The keys of the site-wide pages (src/site/site-wide-keys.ts), by which an incremental build renders
 * only the site-wide pages whose content changed. On a generated archive, changed as an editor
 * changes one: a document added, a document's date and participants changed, a word corrected. Each
 * time every site-wide page is made before and after, with the site's own page functions (the page's
 * markup and its metadata, the feeds' and sitemaps' XML), and a page whose key stayed the same must be
 * the same page: otherwise an incremental build would keep a stale page. The keys must also leave
 * most pages alone when one document is added, or there is nothing to gain.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openContentCache, type ContentCache } from '../../src/cache/read';
import { writeContentCache } from '../../src/cache/write';
import { walk } from '../../src/export/walk';
import { writeArchive } from '../../src/generate/write';

/** The content cache the site modules read (src/site/content.ts reads the working folder's). */
const site = vi.hoisted(() => ({ cache: undefined as ContentCache | undefined }));
vi.mock('../../src/site/content', () => ({ siteContent: () => site.cache }));

const app = join(import.meta.dirname, '..', '..', 'src', 'app');
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'site-wide-keys-'));
  writeArchive(root, { docs: 40, seed: 7, baseLength: 1500 });
  vi.stubEnv('SITE_URL', 'https://archive.example.org');
}, 300_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(root, { recursive: true, force: true });
});

interface SiteState {
  keys: Record<string, string>;
  /** Every keyed page as it is made: its markup and metadata, or its XML. */
  pages: Map<string, string>;
}

/** The site-wide pages of the archive at `root` as it is now: keys and pages, from fresh modules. */
async function siteState(): Promise<SiteState> {
  const written = await writeContentCache(root);
  if (!written.written) throw new Error(written.report);
  vi.resetModules();
  site.cache = openContentCache(root);
  const { siteWideKeys } = await import('../../src/site/site-wide-keys');
  const { pageId } = await import('../../src/site/rendered-documents');
  const library = await import('../../src/site/library-page');
  const browse = await import('../../src/site/browse-pages');
  const entries = await import('../../src/site/entry-page');
  const feeds = await import('../../src/site/feed-routes');
  const sitemap = await import('../../src/site/sitemap');
  const pages = new Map<string, string>();
  const page = async (route: string, params: object, markup: Promise<ReactElement>, metadata: Promise<unknown>) =>
    pages.set(pageId(route, params), `${renderToStaticMarkup(await markup)}\n${JSON.stringify(await metadata)}`);
  for (const params of await library.libraryPages.params()) await page('library', params, library.libraryPage(params), library.libraryMetadata(params));
  for (const params of await browse.facetPages.params()) await page('browse-facet', params, browse.browsePage(params), browse.browseMetadata(params));
  for (const params of await browse.valuePages.params()) await page('browse-value', params, browse.browsePage(params), browse.browseMetadata(params));
  for (const params of await entries.entryPages.params()) await page('glossary-entry', params, entries.entryPage(params), entries.entryMetadata(params));
  for (const params of await feeds.feedPages.params()) pages.set(pageId('feeds', params), (await feeds.feedRouteXml(params)) ?? 'none');
  for (const params of await sitemap.sitemapFiles.params()) pages.set(pageId('sitemaps', params), (await sitemap.sitemapXml(sitemap.sitemapPart(params.file) ?? 0)) ?? 'none');
  return { keys: await siteWideKeys(), pages };
}

/** The pages of both states whose key stayed the same but whose content did not: must be none. */
function stale(before: SiteState, after: SiteState): string[] {
  return Object.keys(after.keys).filter((id) => before.keys[id] === after.keys[id] && before.pages.get(id) !== after.pages.get(id));
}

const changedKeys = (before: SiteState, after: SiteState) => Object.keys(after.keys).filter((id) => before.keys[id] !== after.keys[id]);

/** Replaces `from` by `to` in every language version of a document. */
async function editDocument(slug: string, edit: (text: string) => string): Promise<void> {
  const folder = join(root, 'content', 'documents', slug);
  for (const name of (await readdir(folder)).filter((file) => file.endsWith('.md'))) {
    const path = join(folder, name);
    const text = await readFile(path, 'utf8');
    const edited = edit(text);
    expect(edited, `${slug}/${name}`).not.toBe(text);
    await writeFile(path, edited);
  }
}

describe('the keys of the site-wide pages', () => {
  let states: SiteState[] = [];
  let slugs: string[] = [];

  beforeAll(async () => {
    slugs = (await readdir(join(root, 'content', 'documents'))).sort();
    states = [await siteState()];
  }, 300_000);

  it('name every page of every site-wide route, and every route src/app passes through siteWide', async () => {
    const [first] = states;
    expect(Object.keys(first.keys).sort()).toEqual([...first.pages.keys()].sort());
    const routes = new Set(Object.keys(first.keys).map((id) => id.split(' ')[0]));
    expect([...routes].sort()).toEqual(['browse-facet', 'browse-value', 'feeds', 'glossary-entry', 'library', 'sitemaps']);
    // Each route file of src/app that narrows its params with siteWide names one of the routes keyed.
    const { siteWideRoutes } = await import('../../src/site/site-wide-keys');
    const declared: string[] = [];
    for await (const path of walk(app)) {
      const match = /\.tsx?$/.test(path) ? /siteWide\((\w+)\)/.exec(await readFile(path, 'utf8')) : null;
      if (match) declared.push(match[1]);
    }
    expect(declared.sort()).toEqual(['entryPages', 'facetPages', 'feedPages', 'libraryPages', 'sitemapFiles', 'valuePages']);
    expect(siteWideRoutes.map((route) => route.route).sort()).toEqual([...routes].sort());
  });

  it('change for one document added only on the pages it appears on, and a page whose key stayed the same is the same page', async () => {
    const before = states[0];
    // A document of the middle years, under another slug and a date of its own.
    const template = slugs[Math.floor(slugs.length / 2)];
    const added = '2009-06-02-record-added';
    await cp(join(root, 'content', 'documents', template), join(root, 'content', 'documents', added), { recursive: true });
    await editDocument(added, (text) => text.replace(/^date: .*$/m, 'date: 2009-06-02'));
    const after = await siteState();
    states.push(after);
    expect(stale(before, after)).toEqual([]);
    const changed = changedKeys(before, after);
    // The library's pages from the new document on, its values' pages, entries and feeds, the sitemap.
    expect(changed.length).toBeGreaterThan(5);
    expect(changed.length).toBeLessThan(Object.keys(after.keys).length / 2);
    expect(changed).toContain('sitemaps {"file":"1.xml"}');
  });

  it("change when a document's date and participants change, and a page whose key stayed the same is the same page", async () => {
    const before = states.at(-1) as SiteState;
    const slug = slugs[3];
    await editDocument(slug, (text) => text.replace(/^date: .*$/m, 'date: 1991-03-02').replace(/^participants:\n {2}- [a-z-]+\n/m, 'participants:\n'));
    const after = await siteState();
    states.push(after);
    expect(stale(before, after)).toEqual([]);
    expect(changedKeys(before, after)).toEqual(expect.arrayContaining(['browse-facet {"lang":"en","facet":"year"}']));
  });

  it('stay the same when a word of a paragraph is corrected', async () => {
    const before = states.at(-1) as SiteState;
    // A sentence not in the first paragraph (the lists and feeds quote that one), of the first document that has one.
    const corrected = async () => {
      for (const slug of slugs) {
        const path = join(root, 'content', 'documents', slug, 'en.md');
        const text = await readFile(path, 'utf8').catch(() => '');
        const at = text.lastIndexOf('The sides');
        if (at > text.indexOf('{#intro-p1}') && text.indexOf('{#intro-p1}') > 0) return writeFile(path, `${text.slice(0, at)}The parties${text.slice(at + 'The sides'.length)}`).then(() => slug);
      }
      return undefined;
    };
    expect(await corrected()).toBeDefined();
    const after = await siteState();
    expect(changedKeys(before, after)).toEqual([]);
    expect(stale(before, after)).toEqual([]);
  });
});
