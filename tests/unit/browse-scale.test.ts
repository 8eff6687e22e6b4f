/**
 * Browsing a generated archive of a few hundred documents (npm run generate): every list page stays
 * small however many documents there are, pages are newest first with stable links between them,
 * the facets agree with the front matter, and the tooltips' glossary does not grow with documents.
 * The 10,000-document case is the bench's (issue 18, item 7).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeContentCache } from '../../src/cache/write';
import { openContentCache, type ContentCache } from '../../src/cache/read';
import { facets, newestFirst, pageCount, pageOf, pageSize } from '../../src/model/facets';
import type { Catalog, EditionRecord } from '../../src/model/types';
import { getT } from '../../src/i18n/server';
import { writeArchive } from '../../src/generate/write';
import { browseIndexOf, type BrowseIndex } from '../../src/site/browse-index';
import { BrowseOverview, FacetValuePage, FacetValues, pagerNumbers } from '../../src/site/browse';
import { Library } from '../../src/site/library';
import { Glossary, GlossaryEntry } from '../../src/site/glossary';
import { glossaryTips } from '../../src/site/glossary-tips';
import { archiveCount, feedOf, feedPageSize } from '../../src/site/feed';
import { feedArchivePath, feedPath, libraryPagePath } from '../../src/contract/paths';

const documents = 300;
/**
 * What a page's own content may weigh, gzipped: the site's 100 kB a page, less what every page adds
 * around it (head, header, footer, inlined stylesheet: under 7 kB gzip on the built library page of one
 * document, 2026-12-07), with room to spare.
 */
const contentBudget = 80_000;

let root: string;
let cache: ContentCache;
let catalog: Catalog;
let index: BrowseIndex;
const t = getT('en');
const gzipped = (html: string) => gzipSync(html).length;
const render = (element: ReactElement) => renderToStaticMarkup(element);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'browse-scale-'));
  writeArchive(root, { docs: documents, seed: 18, baseLength: 3000 });
  const written = await writeContentCache(root);
  if (!written.written) throw new Error(written.report);
  cache = openContentCache(root);
  catalog = await cache.catalog();
  index = browseIndexOf(catalog);
}, 600_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the library of a generated archive', () => {
  it('is newest first, cut into pages of 20 whose links lead to each other', () => {
    const pages = pageCount(index.newest.length);
    expect(pages).toBe(Math.ceil(documents / pageSize));
    const dates = index.newest.map((summary) => index.dates.get(summary.slug) ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    const second = render(createElement(Library, { locale: 'en', t, documents: pageOf(index.newest, 2), page: 2, pages }));
    expect(second).toContain(`<a href="${libraryPagePath('en', 1)}" rel="prev">`);
    expect(second).toContain(`<a href="${libraryPagePath('en', 3)}" rel="next">`);
    expect(second).toMatch(/<a href="\/en\/page\/2\/" aria-current="page" aria-label="Page 2">2<\/a>/);
    expect(second).toContain('<nav class="pagination" aria-label="Pages">');
    // The first page's documents are the newest, in order.
    const first = render(createElement(Library, { locale: 'en', t, documents: pageOf(index.newest, 1), page: 1, pages }));
    expect(first).not.toContain('rel="prev"');
    const titles = [...first.matchAll(/<h3 lang="(?:ru|ja|en)"><a href="\/en\/documents\/([^/]+)\/">/g)].map((match) => match[1]);
    expect(titles).toEqual(index.newest.slice(0, pageSize).map((summary) => summary.slug));
  });

  it('shows the first, the last and the pages near the current one', () => {
    expect(pagerNumbers(1, 1)).toEqual([1]);
    expect(pagerNumbers(1, 15)).toEqual([1, 2, 3, 0, 15]);
    expect(pagerNumbers(8, 15)).toEqual([1, 0, 6, 7, 8, 9, 10, 0, 15]);
    expect(pagerNumbers(15, 15)).toEqual([1, 0, 13, 14, 15]);
  });
});

describe('facets of a generated archive', () => {
  it('list each document under its front matter’s values, with counts that add up', () => {
    for (const facet of facets) expect(index.values[facet].size, facet).toBeGreaterThan(0);
    const years = [...index.values.year.values()].reduce((sum, listed) => sum + listed.length, 0);
    expect(years).toBe(documents);
    const [busiest, listed] = [...index.values.participant].sort((a, b) => b[1].length - a[1].length)[0];
    expect(listed.length).toBeGreaterThan(pageSize);
    for (const summary of listed) expect(summary.texts[summary.source]?.frontMatter.participants).toContain(busiest);
    const html = render(createElement(FacetValuePage, { locale: 'en', t, index, facet: 'participant', value: busiest, page: 1, pages: pageCount(listed.length), documents: pageOf(listed, 1), total: listed.length }));
    expect(html).toContain(`${listed.length} documents`);
    expect(html).toContain(`<a href="/en/browse/participant/${busiest}/page/2/" rel="next">`);
    // Its search form keeps the participant and offers the years.
    expect(html).toContain(`<input type="hidden" name="participant" value="${busiest}"/>`);
    expect(html).toMatch(/<select name="year" aria-label="Year">/);
  });
});

describe('every page of a generated archive of 300 documents', () => {
  it(`stays under ${contentBudget / 1000} kB of content, gzipped: library, facets, entries, glossary`, async () => {
    const sizes = new Map<string, number>();
    const pages = pageCount(index.newest.length);
    for (let page = 1; page <= pages; page++) {
      sizes.set(`library ${page}`, gzipped(render(createElement(Library, { locale: 'ru', t: getT('ru'), documents: pageOf(index.newest, page), page, pages }))));
    }
    sizes.set('browse', gzipped(render(createElement(BrowseOverview, { locale: 'ja', t: getT('ja'), index }))));
    for (const facet of facets) {
      sizes.set(`facet ${facet}`, gzipped(render(createElement(FacetValues, { locale: 'en', t, index, facet }))));
      const [value, listed] = [...index.values[facet]].sort((a, b) => b[1].length - a[1].length)[0];
      sizes.set(`value ${facet}/${value}`, gzipped(render(createElement(FacetValuePage, { locale: 'en', t, index, facet, value, page: 1, pages: pageCount(listed.length), documents: pageOf(listed, 1), total: listed.length }))));
    }
    // The most mentioned entry: its first page lists 20 documents however many mention it.
    const [entry, count] = Object.entries(catalog.mentions).sort((a, b) => b[1].documents - a[1].documents)[0];
    expect(count.documents).toBeGreaterThan(pageSize);
    const mentions = ((await cache.mentions(entry)) ?? []).map((each) => ({ mentions: each, slug: each.slug, date: index.dates.get(each.slug) ?? '' })).sort(newestFirst);
    const item = index.glossary.get(entry);
    if (!item) throw new Error(`no entry ${entry}`);
    const entryHtml = render(createElement(GlossaryEntry, { item, locale: 'en', t, documents: pageOf(mentions, 1), count, page: 1, pages: pageCount(count.documents), facets: [] }));
    sizes.set(`entry ${entry}`, gzipped(entryHtml));
    // Each document once, with its number of mentions and links to its paragraphs; no wording inline.
    expect(entryHtml.match(/class="mention-document"/g)).toHaveLength(pageSize);
    expect(entryHtml).toMatch(/\d+ mentions?<\/span>/);
    expect(entryHtml).not.toContain('<q ');
    sizes.set('glossary', gzipped(render(createElement(Glossary, { locale: 'en', t, catalog }))));
    const over = [...sizes].filter(([, size]) => size > contentBudget);
    expect(over).toEqual([]);
    // The largest, for the record.
    console.log(`largest page contents (gzip): ${[...sizes].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([name, size]) => `${name} ${(size / 1000).toFixed(1)} kB`).join(', ')}`);
  });

  it('has a tooltips glossary that is the glossary alone, whatever the number of documents', () => {
    const tips = JSON.stringify(glossaryTips('en', catalog.glossary));
    const fewer = JSON.stringify(glossaryTips('en', catalog.glossary.slice(0, 10)));
    expect(Object.keys(JSON.parse(tips).entries)).toHaveLength(catalog.glossary.length);
    for (const summary of catalog.documents.slice(0, 20)) expect(tips).not.toContain(summary.slug);
    // Per entry, about the same bytes: names, kind, description and an address, never its mentions.
    expect(tips.length / catalog.glossary.length).toBeLessThan(2 * (fewer.length / 10));
  });
});

describe('the feeds of a generated archive', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link'].includes(name) });
  type Feed = { feed: { entry: Array<{ id: string; updated: string }>; link: Array<{ '@rel': string; '@href': string }>; 'fh:archive'?: string } };
  const linksOf = (feed: Feed) => Object.fromEntries(feed.feed.link.map((link) => [link['@rel'], link['@href']]));

  it('are archived feeds (RFC 5005): full archives oldest first, a current feed linking back, every entry once', () => {
    const changelogs = new Map<string, EditionRecord[]>();
    const total = catalog.documents.length;
    const archives = archiveCount(total);
    expect(archives).toBe(Math.ceil(total / feedPageSize) - 1);
    const current = parser.parse(feedOf('en', catalog.documents, changelogs)) as Feed;
    expect(linksOf(current)).toMatchObject({ self: feedPath('en'), current: feedPath('en'), 'prev-archive': feedArchivePath('en', archives) });
    expect(current.feed['fh:archive']).toBeUndefined();
    const seen = new Set(current.feed.entry.map((entry) => entry.id));
    for (let n = archives; n >= 1; n--) {
      const xml = feedOf('en', catalog.documents, changelogs, n);
      if (!xml) throw new Error(`no archive ${n}`);
      expect(xml).toContain('xmlns:fh="http://purl.org/syndication/history/1.0"');
      const archive = parser.parse(xml) as Feed;
      expect(archive.feed['fh:archive']).toBeDefined();
      expect(archive.feed.entry).toHaveLength(feedPageSize);
      expect(linksOf(archive)).toMatchObject({ self: feedArchivePath('en', n), current: feedPath('en') });
      expect(linksOf(archive)['prev-archive']).toBe(n > 1 ? feedArchivePath('en', n - 1) : undefined);
      expect(linksOf(archive)['next-archive']).toBe(n < archives ? feedArchivePath('en', n + 1) : undefined);
      for (const entry of archive.feed.entry) {
        expect(seen.has(entry.id)).toBe(false);
        seen.add(entry.id);
      }
    }
    expect(seen.size).toBe(total);
    expect(feedOf('en', catalog.documents, changelogs, archives + 1)).toBeUndefined();
  });
});
