/**
 * Every export says which edition of the document it holds, and when that edition was published: the
 * JSON (`edition`), the TEI header (`editionStmt`, and a `revisionDesc` with each edition up to it),
 * the TMX header (`x-edition`, `x-edition-date`) and the plain text (a line under the title). A past
 * edition's files (JSON and TEI) are built from its own texts and say its own number. On a fixture
 * document in two editions (tests/helpers/editions.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { documentExportSchema, documentSchemaName, toDocumentJson, type DocumentExport } from '../../src/exports/document-json';
import { pastEditionDocument } from '../../src/exports/edition';
import { toTei } from '../../src/exports/tei';
import { toTmx } from '../../src/exports/tmx';
import { schemaFolder } from '../../src/exports/write-schema';
import { editionExports, exportBody, pastExportBody } from '../../src/site/exports';
import type { ArchiveDocument, GlossaryItem, PastEdition } from '../../src/model/types';
import { editionRecords, twoEditions } from '../helpers/editions';
import { fixturesDir, loadArchive } from '../helpers/fixtures';

let undated: ArchiveDocument;
let current: ArchiveDocument;
let past: ArchiveDocument;
let pastEdition: PastEdition;
let glossary: Map<string, GlossaryItem>;

beforeAll(async () => {
  const archive = await loadArchive(join(fixturesDir, 'exports'));
  undated = archive.documents[0];
  glossary = new Map(archive.glossary.map((item) => [item.id, item]));
  ({ current, past, pastEdition } = twoEditions(undated, archive.glossary));
});

afterEach(() => {
  vi.unstubAllEnvs();
});

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['change', 'prop', 'p'].includes(name) });
const slug = '2020-01-15-sample';

describe('the JSON export', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(join(process.cwd(), schemaFolder, documentSchemaName), 'utf8')));
  const json = (document: ArchiveDocument, editionPermalink?: string): DocumentExport => {
    const value = toDocumentJson(document, glossary, { schemaUrl: '/schemas/document.schema.json', editionPermalink });
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    expect(documentExportSchema.safeParse(value).success).toBe(true);
    return value;
  };

  it('names the edition it holds, its date, its summary in each language and its page, valid against the published schema', () => {
    expect(json(current, `https://example.org/en/documents/${slug}/editions/2/`).edition).toEqual({
      number: 2,
      date: '2026-12-07',
      summary: editionRecords[1].summary,
      permalink: `https://example.org/en/documents/${slug}/editions/2/`,
    });
  });

  it('of a past edition holds that edition’s texts and says its number and date, without a later summary', () => {
    const value = json(past);
    expect(value.edition).toEqual({ number: 1, date: '2026-11-26' });
    expect(value.versions.map((version) => version.lang)).toEqual(['ru', 'ja']);
  });

  it('of a document without editions.yaml says edition 1, and no date it does not have', () => {
    expect(json(undated).edition).toEqual({ number: 1 });
  });
});

describe('the TEI export', () => {
  const header = (document: ArchiveDocument) => parser.parse(toTei(document, glossary, { publisher: 'Reader' })).TEI.teiHeader;

  it('gives the edition and its date in editionStmt, and every edition up to it in revisionDesc, newest first', () => {
    const { fileDesc, revisionDesc } = header(current);
    expect(fileDesc.editionStmt.edition['@n']).toBe('2');
    expect(fileDesc.editionStmt.edition.date['@when']).toBe('2026-12-07');
    const changes = revisionDesc.change as Array<{ '@n': string; '@when': string; p: Array<{ '@xml:lang'?: string; '#text'?: string } | string> }>;
    expect(changes.map((change) => [change['@n'], change['@when']])).toEqual([
      ['2', '2026-12-07'],
      ['1', '2026-11-26'],
    ]);
    expect(changes[0].p).toEqual(['ru', 'ja', 'en'].map((lang) => ({ '@xml:lang': lang, '#text': editionRecords[1].summary?.[lang as 'ru'] })));
    expect(changes[1].p).toEqual(['First edition.']);
  });

  it('of a past edition stops its history at that edition', () => {
    const { fileDesc, revisionDesc } = header(past);
    expect(fileDesc.editionStmt.edition['@n']).toBe('1');
    expect(revisionDesc.change.map((change: { '@n': string }) => change['@n'])).toEqual(['1']);
  });

  it('of an undated edition has no date to give', () => {
    const { fileDesc, revisionDesc } = header(undated);
    expect(fileDesc.editionStmt.edition).toEqual({ '@n': '1', '#text': 'Edition 1' });
    expect(revisionDesc.change[0]['@when']).toBeUndefined();
  });
});

describe('the TMX export', () => {
  const props = (document: ArchiveDocument) =>
    Object.fromEntries(
      (parser.parse(toTmx(document, { tool: 'Reader', toolVersion: '1.0.0' })).tmx.header.prop as Array<{ '@type': string; '#text': string | number }>).map((prop) => [prop['@type'], String(prop['#text'])]),
    );

  it('names the edition and its date in header properties of user-defined (x-) types', () => {
    expect(props(current)).toEqual({ 'x-document': slug, 'x-edition': '2', 'x-edition-date': '2026-12-07' });
    expect(props(undated)).toEqual({ 'x-document': slug, 'x-edition': '1' });
  });
});

describe('the plain-text export', () => {
  const firstLines = (document: ArchiveDocument, language: 'ru' | 'ja' | 'en') => exportBody(document, glossary, `${slug}.${language}.txt`)?.body.split('\n').slice(0, 3);

  it('names the edition and its date on the line under the title, in the language of the text', () => {
    expect(firstLines(current, 'en')).toEqual(['An export (1 < 2) & “quotes”', 'Edition 2, December 7, 2026', '']);
    expect(firstLines(current, 'ru')?.[1]).toBe('Редакция 2 от 7 декабря 2026 г.');
    expect(firstLines(current, 'ja')?.[1]).toBe('第2版（2026年12月7日）');
    expect(firstLines(undated, 'en')?.[1]).toBe('Edition 1');
  });
});

describe('a past edition’s downloads', () => {
  it('are its JSON and TEI, named for the edition, built from its texts, with its own page as permalink', () => {
    vi.stubEnv('SITE_URL', 'https://example.org');
    const json = pastExportBody(current, pastEdition, `${slug}.edition-1.json`);
    expect(json?.file.contentType).toBe('application/json; charset=utf-8');
    const value = JSON.parse(json?.body ?? '{}') as DocumentExport;
    expect(value.edition).toEqual({ number: 1, date: '2026-11-26', permalink: `https://example.org/en/documents/${slug}/editions/1/` });
    expect(value.permalink).toBe(`https://example.org/en/documents/${slug}/editions/1/`);
    expect(value.versions.map((version) => version.lang)).toEqual(['ru', 'ja']);
    const tei = pastExportBody(current, pastEdition, `${slug}.edition-1.tei.xml`);
    expect(tei?.body).toContain('<edition n="1">Edition 1, <date when="2026-11-26">2026-11-26</date></edition>');
    expect(tei?.body).toContain(`<idno type="URI">https://example.org/en/documents/${slug}/editions/1/</idno>`);
    // No translation memory nor plain text for a past edition, nor the current edition's names.
    for (const name of [`${slug}.edition-1.tmx`, `${slug}.edition-1.ru.txt`, `${slug}.json`]) expect(pastExportBody(current, pastEdition, name), name).toBeUndefined();
  });

  it('are listed at their own addresses for a past edition, and the reading page’s for the current one', () => {
    expect(editionExports(current, 1, pastEdition.texts).map((file) => file.href)).toEqual([
      `/exports/${slug}/editions/1/${slug}.edition-1.json`,
      `/exports/${slug}/editions/1/${slug}.edition-1.tei.xml`,
    ]);
    expect(editionExports(current, 2, current.texts).map((file) => file.href)).toEqual([
      `/exports/${slug}/${slug}.tmx`,
      `/exports/${slug}/${slug}.json`,
      `/exports/${slug}/${slug}.tei.xml`,
      `/exports/${slug}/${slug}.ru.txt`,
      `/exports/${slug}/${slug}.ja.txt`,
      `/exports/${slug}/${slug}.en.txt`,
    ]);
  });

  it('are refused for an edition that is not a past one', () => {
    expect(() => pastEditionDocument(current, { ...pastEdition, number: 2 })).toThrow(`${slug} edition 2 is not a past edition of ${slug}`);
    expect(() => pastEditionDocument(current, { ...pastEdition, number: 5 })).toThrow(/edition 5 is not a past edition/);
  });
});
