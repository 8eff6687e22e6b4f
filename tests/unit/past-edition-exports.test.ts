/**
 * A past edition's downloads from the content cache, as the build makes them: a fixture document in two
 * editions (editions.yaml and editions/1/, tests/fixtures/rules/edition-unchanged over the base
 * fixture) through `writeContentCache` and `ContentCache.pastEdition`, then the exports route's
 * function. Expectations come from the cached editions, not from the fixture's wording.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContentCache, type ContentCache } from '../../src/cache/read';
import { writeContentCache } from '../../src/cache/write';
import { documentExportSchema } from '../../src/exports/document-json';
import { pastEditionExportFiles } from '../../src/exports/files';
import { editionExports, pastExportBody } from '../../src/site/exports';
import { feedOf } from '../../src/site/feed';
import type { ArchiveDocument, PastEdition } from '../../src/model/types';
import { fixturesDir } from '../helpers/fixtures';
import { validateWithJing } from '../helpers/jing';

const slug = '2020-01-15-sample';
let root: string;
let cache: ContentCache;
let document: ArchiveDocument;
let past: PastEdition;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'reader-past-exports-'));
  await cp(join(fixturesDir, 'base'), root, { recursive: true });
  await cp(join(fixturesDir, 'rules', 'edition-unchanged'), root, { recursive: true });
  const written = await writeContentCache(root);
  if (!written.written) throw new Error(`the fixture's cache was not written:\n${written.report}`);
  cache = openContentCache(root);
  const loaded = await cache.document(slug);
  if (!loaded) throw new Error('the fixture has no document');
  document = loaded;
  const first = await cache.pastEdition(slug, 1);
  if (!first) throw new Error('the fixture has no past edition 1');
  past = first;
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('a past edition from the content cache', () => {
  it('is exported as JSON and TEI that say edition 1 and its date, the TEI valid TEI P5', async () => {
    expect(document.editions.length).toBeGreaterThan(1);
    const [first] = document.editions;
    const files = pastEditionExportFiles(slug, 1, past.texts);
    expect(files.map((file) => file.name)).toEqual([`${slug}.edition-1.json`, `${slug}.edition-1.tei.xml`]);

    const json = JSON.parse(pastExportBody(document, past, files[0].name)?.body ?? '{}');
    expect(documentExportSchema.parse(json).edition).toEqual({ number: 1, date: first.date });
    expect(json.blocks.map((block: { text: { ru?: string } }) => block.text.ru)).toEqual(past.texts.ru?.blocks.map((block) => block.text));

    const tei = pastExportBody(document, past, files[1].name)?.body ?? '';
    const header = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(tei).TEI.teiHeader;
    expect(header.fileDesc.editionStmt.edition['@n']).toBe('1');
    expect(header.revisionDesc.change['@when']).toBe(first.date);
    const file = join(root, 'past.tei.xml');
    await writeFile(file, tei);
    const errors = await validateWithJing(join(import.meta.dirname, '..', 'schemas', 'tei', 'tei_all.rng'), [file]);
    expect(errors.get(file)).toEqual([]);
  });

  it('is listed at its own address, and the feed has an entry for each edition', async () => {
    expect(editionExports(document, 1, past.texts).map((file) => file.href)).toEqual([
      `/exports/${slug}/editions/1/${slug}.edition-1.json`,
      `/exports/${slug}/editions/1/${slug}.edition-1.tei.xml`,
    ]);
    const { documents } = await cache.catalog();
    const xml = feedOf('en', documents, new Map([[slug, document.editions]]));
    expect([...xml.matchAll(/<entry>/g)]).toHaveLength(document.editions.length);
    const latest = document.editions.at(-1);
    expect(xml).toContain(`<updated>${latest?.date}T00:00:00Z</updated>`);
    expect(xml).toContain(latest?.summary?.en ?? 'a summary');
  });
});
