/**
 * The Atom feed of each interface language (src/site/feed.ts, written by src/exports/atom.ts): valid
 * against the RELAX NG grammar of RFC 4287 (Appendix B, vendored in tests/schemas/atom/, validated by
 * jing in compact-syntax mode), and, beyond what the grammar can say, what RFC 4287 asks of ids, dates
 * and links and what a reader of the feed sees: an entry per edition, newest first, each with its
 * title, summary, dates and links to the edition's page and the changelog. On the real content and on
 * a fixture document in two editions (tests/helpers/editions.ts).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { summarize } from '../../src/cache/catalog';
import { atomId } from '../../src/exports/atom';
import { locales, type Locale } from '../../src/i18n/config';
import { changesPath, editionPath, feedPath, libraryPath } from '../../src/contract/paths';
import { feedOf } from '../../src/site/feed';
import type { DocumentSummary, EditionRecord } from '../../src/model/types';
import { editionRecords, twoEditions } from '../helpers/editions';
import { fixturesDir, loadArchive } from '../helpers/fixtures';
import { validateWithJing } from '../helpers/jing';

const schema = join(import.meta.dirname, '..', 'schemas', 'atom', 'atom.rnc');

interface Link {
  '@rel': string;
  '@href': string;
  '@type'?: string;
  '@hreflang'?: string;
}
interface Entry {
  id: string;
  title: { '#text': string; '@xml:lang'?: string };
  updated: string;
  published?: string;
  link: Link[];
  summary: { '#text': string; '@type': string };
  content?: { '@type': string; div: Record<string, unknown> };
}
interface Feed {
  '@xmlns': string;
  '@xml:lang': string;
  id: string;
  title: string;
  updated: string;
  link: Link[];
  author: { name: string; uri?: string };
  entry: Entry[];
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', htmlEntities: true, isArray: (name) => ['entry', 'link', 'li', 'ul', 'p'].includes(name) });
const parse = (xml: string): Feed => {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml).feed as Feed;
};

/** RFC 3339 `date-time` (section 5.6), as Atom's Date constructs require (RFC 4287 §3.3). */
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

let real: DocumentSummary[];
let realChangelogs: Map<string, EditionRecord[]>;
let fixture: DocumentSummary[];
let fixtureChangelogs: Map<string, EditionRecord[]>;
let slug: string;

beforeAll(async () => {
  const archive = await loadArchive();
  real = archive.documents.map(summarize);
  realChangelogs = new Map(archive.documents.map((document) => [document.slug, document.editions]));
  const sample = await loadArchive(join(fixturesDir, 'exports'));
  const { current } = twoEditions(sample.documents[0], sample.glossary);
  slug = current.slug;
  fixture = [summarize(current)];
  fixtureChangelogs = new Map([[slug, current.editions]]);
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the Atom feed against RFC 4287', () => {
  let dir: string;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is valid against the RELAX NG grammar of RFC 4287 in every language, with and without the site’s address, and the grammar catches a broken feed', async () => {
    dir = await mkdtemp(join(tmpdir(), 'atom-schema-'));
    const files: Record<string, string> = {};
    const write = async (name: string, xml: string) => {
      files[name] = join(dir, name);
      await writeFile(files[name], xml);
    };
    for (const locale of locales) {
      await write(`content-${locale}.xml`, feedOf(locale, real, realChangelogs));
      await write(`fixture-${locale}.xml`, feedOf(locale, fixture, fixtureChangelogs));
    }
    // An archive document and the current feed of a longer history (RFC 5005): fh:archive and the paging links are extensions the grammar allows.
    const many = Array.from({ length: 120 }, (_, index) => ({ ...fixture[0], slug: `${fixture[0].slug}-${index}`, editions: [{ number: 1 }] }));
    await write('archive-1.xml', feedOf('en', many, new Map(), 1) ?? '');
    await write('archived-current.xml', feedOf('en', many, new Map()));
    vi.stubEnv('SITE_URL', 'https://example.org');
    await write('fixture-site-url.xml', feedOf('en', fixture, fixtureChangelogs));
    // A feed whose date is no RFC 3339 date-time and whose entry has no id: the grammar must say so.
    await write('broken.xml', feedOf('en', fixture, fixtureChangelogs).replace(/<updated>[^<]+<\/updated>/, '<updated>7 December 2026</updated>').replace(/<id>urn:uuid:[^<]+<\/id>\s*<title xml:lang/, '<title xml:lang'));
    const errors = await validateWithJing(schema, Object.values(files), { compact: true });
    for (const [name, path] of Object.entries(files)) if (name !== 'broken.xml') expect(errors.get(path), name).toEqual([]);
    expect(errors.get(files['broken.xml'])).toEqual([expect.stringMatching(/must be an ISO date and time/), expect.stringMatching(/element "entry" incomplete; missing required element "id"/)]);
  });

  it('has absolute ids, unique in the feed, that stay the same whatever the site’s address', () => {
    for (const locale of locales) {
      const feed = parse(feedOf(locale, fixture, fixtureChangelogs));
      const ids = [feed.id, ...feed.entry.map((entry) => entry.id)];
      expect(new Set(ids).size, locale).toBe(ids.length);
      for (const id of ids) expect(new URL(id).protocol, id).toBe('urn:');
      vi.stubEnv('SITE_URL', 'https://example.org');
      expect(parse(feedOf(locale, fixture, fixtureChangelogs)).entry.map((entry) => entry.id)).toEqual(feed.entry.map((entry) => entry.id));
      vi.unstubAllEnvs();
    }
    // A name-based UUID (RFC 9562, version 5): the same name gives the same id, another name another.
    expect(atomId('en/x/1')).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(atomId('en/x/1')).toBe(atomId('en/x/1'));
    expect(atomId('en/x/2')).not.toBe(atomId('en/x/1'));
    expect(new Set(locales.map((locale) => parse(feedOf(locale, fixture, fixtureChangelogs)).id)).size).toBe(locales.length);
  });

  it('gives RFC 3339 dates, the feed updated when its newest entry was', () => {
    for (const feed of [parse(feedOf('en', fixture, fixtureChangelogs)), parse(feedOf('ru', real, realChangelogs))]) {
      const dates = [feed.updated, ...feed.entry.flatMap((entry) => [entry.updated, entry.published ?? ''])];
      for (const date of dates) {
        expect(date).toMatch(rfc3339);
        expect(Number.isNaN(Date.parse(date)), date).toBe(false);
      }
      expect(feed.updated).toBe(feed.entry.map((entry) => entry.updated).sort().at(-1));
    }
  });

  it('has an author, a link to itself and one to the library, and every entry an alternate link, a summary and dates (the grammar’s Schematron rules)', () => {
    for (const locale of locales) {
      const feed = parse(feedOf(locale, real, realChangelogs));
      expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
      expect(feed['@xml:lang']).toBe(locale);
      expect(feed.author.name).not.toBe('');
      expect(feed.link.find((link) => link['@rel'] === 'self')).toMatchObject({ '@href': feedPath(locale), '@type': 'application/atom+xml' });
      expect(feed.link.find((link) => link['@rel'] === 'alternate')).toMatchObject({ '@href': libraryPath(locale), '@type': 'text/html' });
      expect(feed.entry.length).toBe(real.reduce((count, document) => count + document.editions.length, 0));
      for (const entry of feed.entry) {
        expect(entry.link.filter((link) => link['@rel'] === 'alternate'), entry.id).toHaveLength(1);
        expect(entry.summary['#text'].length, entry.id).toBeGreaterThan(0);
        expect(entry.title['@xml:lang'], entry.id).toBe(locale);
      }
    }
  });
});

describe('what a reader of the feed sees', () => {
  const entries = (locale: Locale) => parse(feedOf(locale, fixture, fixtureChangelogs)).entry;

  it('an entry per edition, newest first: the new edition with its summary, then the new document', () => {
    const [second, first] = entries('en');
    expect(second.title['#text']).toBe(`Edition 2 of “An export (1 < 2) & “quotes””: ${editionRecords[1].summary?.en}`);
    expect(second.summary['#text']).toBe(editionRecords[1].summary?.en);
    expect([second.updated, second.published]).toEqual(['2026-12-07T00:00:00Z', '2026-12-07T00:00:00Z']);
    expect(first.title['#text']).toBe('New document: An export (1 < 2) & “quotes”');
    expect(first.summary['#text']).toBe('A new document of January 15, 2020, Tokyo, in Russian, Japanese, and English.');
    expect(first.updated).toBe('2026-11-26T00:00:00Z');
    expect(entries('ja')[0].title['#text']).toBe(`「輸出の例」第2版：${editionRecords[1].summary?.ja}`);
    expect(entries('ru')[1].title['#text']).toBe('Новый документ: Пример <экспорта> & «кавычки»');
  });

  it('links each entry to its edition’s page and to the changelog, root-relative without the site’s address and absolute with it', () => {
    const [second] = entries('ja');
    expect(second.link.map((link) => [link['@rel'], link['@href'], link['@hreflang']])).toEqual([
      ['alternate', editionPath('ja', slug, 2), 'ja'],
      ['related', changesPath('ja', slug), 'ja'],
    ]);
    vi.stubEnv('SITE_URL', 'https://example.org');
    const feed = parse(feedOf('ja', fixture, fixtureChangelogs));
    expect(feed.entry[1].link[0]['@href']).toBe(`https://example.org${editionPath('ja', slug, 1)}`);
    expect(feed.link.map((link) => [link['@rel'], link['@href']])).toEqual([
      ['self', `https://example.org${feedPath('ja')}`],
      ['current', `https://example.org${feedPath('ja')}`],
      ['alternate', `https://example.org${libraryPath('ja')}`],
    ]);
    expect(feed.author.uri).toBe(`https://example.org${libraryPath('ja')}`);
  });

  it('lists what changed in each language version and why, each in the language of its version', () => {
    const xml = feedOf('en', fixture, fixtureChangelogs);
    expect(xml).toContain('<content type="xhtml">');
    expect(xml).toContain('<div xmlns="http://www.w3.org/1999/xhtml">');
    expect(xml).toContain('<p><strong>Japanese text</strong></p>');
    expect(xml).toContain('<ul lang="ja" xml:lang="ja"><li>「訪門」を「訪問」に訂正。 — 誤植のため。</li></ul>');
    expect(xml).toContain('<ul lang="en" xml:lang="en"><li>Translation added. — For readers of English.</li></ul>');
    expect(xml).not.toContain('Russian text');
  });

  it('dates an edition without a recorded date by the document, and an empty archive at the epoch', () => {
    const undated = { ...fixture[0], editions: [{ number: 1 }] };
    const [entry] = parse(feedOf('en', [undated], new Map())).entry;
    expect(entry.updated).toBe('2020-01-15T00:00:00Z');
    expect(parse(feedOf('en', [], new Map())).updated).toBe('1970-01-01T00:00:00Z');
  });
});
