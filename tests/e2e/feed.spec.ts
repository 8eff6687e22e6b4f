/**
 * The Atom feed and the past editions' downloads as the built site serves them (`npm start`): each
 * page's head points feed readers at the feed of its language, the library shows a link to it, the
 * feed is sent as Atom, parses, is valid against RFC 4287's grammar (jing, tests/schemas/atom/) and
 * has an entry per edition of every document with the edition's address; and each past edition's JSON
 * and TEI answer at their own address with their media type, as attachments, saying their edition.
 * Expectations come from the content, not from wording fixed here.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { changesPath, editionExportPath, editionPath, feedPath } from '../../src/contract/paths';
import { pastEditionExportFiles } from '../../src/exports/files';
import { validateWithJing } from '../helpers/jing';
import { expect, test } from './fixtures';
import { getEdition, locales, messages, pages, sample } from './site';

const out = join(process.cwd(), 'out');
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', htmlEntities: true, isArray: (name) => ['entry', 'link'].includes(name) });

interface Entry {
  id: string;
  title: { '#text': string };
  updated: string;
  link: Array<{ '@rel': string; '@href': string }>;
  summary: { '#text': string };
}

test.describe('the Atom feed', () => {
  test('every kind of page points feed readers at the feed of its language, and the library shows a link to it', async ({ page, request }) => {
    test.setTimeout(90_000);
    const { slug, entry } = await sample();
    for (const locale of locales) {
      const t = messages(locale);
      // Every kind of page in English; the reading page in the other languages.
      const addresses = locale === 'en' ? [pages.library(locale), pages.reader(locale, slug), pages.glossary(locale), pages.entry(locale, entry.id), pages.search(locale)] : [pages.reader(locale, slug)];
      for (const address of addresses) {
        await page.goto(address);
        const link = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
        await expect(link, address).toHaveCount(1);
        await expect(link, address).toHaveAttribute('href', feedPath(locale));
      }
      await page.goto(pages.library(locale));
      const visible = page.getByRole('link', { name: t.feed.link });
      await expect(visible).toBeVisible();
      await expect(visible).toHaveAttribute('href', feedPath(locale));
      expect((await request.get(feedPath(locale))).status()).toBe(200);
    }
  });

  test('is sent as Atom, is valid against RFC 4287, and has an entry per edition of every document, newest first', async ({ request }) => {
    const { documents } = await getEdition();
    const response = await request.get(feedPath('en'));
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
    const xml = await response.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const errors = await validateWithJing(join(process.cwd(), 'tests', 'schemas', 'atom', 'atom.rnc'), locales.map((locale) => join(out, locale, 'feed.xml')), { compact: true });
    for (const [file, list] of errors) expect(list, file).toEqual([]);

    const feed = parser.parse(xml).feed as { id: string; updated: string; entry: Entry[] };
    const expected = documents.flatMap((document) => document.editions.map((edition) => ({ slug: document.slug, number: edition.number })));
    expect(feed.entry.length).toBe(expected.length);
    const alternates = feed.entry.map((item) => item.link.find((link) => link['@rel'] === 'alternate')?.['@href'] ?? '');
    expect(new Set(alternates)).toEqual(new Set(expected.map(({ slug, number }) => editionPath('en', slug, number))));
    for (const item of feed.entry) {
      expect(new URL(item.id).protocol).toBe('urn:');
      expect(item.updated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(item.summary['#text'].length).toBeGreaterThan(0);
      expect(item.link.map((link) => link['@rel'])).toEqual(['alternate', 'related']);
    }
    const dates = feed.entry.map((item) => item.updated);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(feed.updated).toBe(dates[0]);
    expect(new Set([feed.id, ...feed.entry.map((item) => item.id)]).size).toBe(feed.entry.length + 1);
  });

  test('each entry leads to its edition’s page and to the changelog', async ({ request }) => {
    const { slug } = await sample();
    test.skip(!existsSync(join(out, 'en', 'documents', slug, 'editions', '1', 'index.html')), 'this build has no edition pages (they come with the edition pages’ branch)');
    const feed = parser.parse(await (await request.get(feedPath('en'))).text()).feed as { entry: Entry[] };
    for (const item of feed.entry) {
      for (const link of item.link) expect((await request.get(link['@href'])).status(), link['@href']).toBe(200);
    }
    expect(feed.entry.flatMap((item) => item.link.filter((link) => link['@rel'] === 'related').map((link) => link['@href']))).toContain(changesPath('en', slug));
  });
});

test.describe('a past edition’s downloads', () => {
  test('answer at their own address with their media type, as attachments, and say their edition', async ({ request }) => {
    const { documents } = await getEdition();
    const past = documents.flatMap((document) => document.editions.slice(0, -1).map((edition) => ({ slug: document.slug, number: edition.number })));
    test.skip(past.length === 0, 'no document of the content has a past edition yet');
    for (const { slug, number } of past) {
      for (const file of pastEditionExportFiles(slug, number, {})) {
        const address = editionExportPath(slug, number, file.name);
        const response = await request.get(address);
        expect(response.status(), address).toBe(200);
        expect(response.headers()['content-type'], address).toBe(file.contentType);
        expect(response.headers()['content-disposition'], address).toBe('attachment');
        const body = await response.text();
        if (file.format === 'json') expect(JSON.parse(body).edition.number, address).toBe(number);
        else expect(body, address).toContain(`<edition n="${number}">`);
      }
    }
  });
});
