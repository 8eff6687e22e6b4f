/**
 * Citations: every format made from one CSL record (src/site/citation.ts), by Citation.js and
 * citeproc-js with the packaged and vendored styles, offline, so that none can disagree with another:
 * the same title, date, edition and address in Chicago, SIST 02, GOST R 7.0.5, CSL-JSON, BibTeX, RIS
 * and the page's `citation_*` meta tags. A paragraph's citation made in the browser from its template,
 * with the reader's date of access, is the one the processor makes for it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { bibtex, cslJson, highwireTags, ris, styleBibliography, styleNote, type CslItem } from '../../src/citation';
import { cslFolder } from '../../src/citation/styles';
import { blockNumber, citeBlock, rowName } from '../../src/contract/block-place';
import { getT } from '../../src/i18n/server';
import { citeAccessed, citeTokens, type CiteFormat } from '../../src/contract/cite-data';
import { fillAccessed, fillCitation } from '../../src/contract/cite-fill';
import type { ArchiveDocument } from '../../src/model/types';
import { citationMetadata, citationRecord, citationsOf, citeData } from '../../src/site/citation';
import { fixturesDir, loadArchive } from '../helpers/fixtures';

let document: ArchiveDocument;
beforeAll(async () => {
  vi.stubEnv('SITE_URL', 'https://example.org');
  document = (await loadArchive(join(fixturesDir, 'base'))).documents[0];
});

const second = { number: 2, date: '2026-11-01' };
const day = new Date(2026, 11, 7);
const address = (locale: string, n: number) => `https://example.org/${locale}/documents/2020-01-15-sample/editions/${n}/`;

describe('the record', () => {
  it('cites a version of an edition: a press release of the issuer, its date, the edition, its permanent address', () => {
    const item = citationRecord({ document, edition: second, version: 'en', language: 'en', locale: 'en' });
    expect(item).toMatchObject({
      type: 'report',
      genre: 'press release',
      title: 'Sample',
      author: [{ literal: 'Ministry of Foreign Affairs of Japan' }],
      translator: [{ literal: 'Edition editors' }],
      publisher: 'Diplomatic Records Reader',
      issued: { 'date-parts': [[2020, 1, 15]] },
      edition: 2,
      'available-date': { 'date-parts': [[2026, 11, 1]] },
      accessed: { 'date-parts': [[...citeAccessed]] },
      language: 'en',
      URL: address('en', 2),
    });
  });

  it('gives the title in the citation’s language in brackets when the version is in another, and the issuer as that language names it', () => {
    expect(citationRecord({ document, edition: second, version: 'ru', language: 'en', locale: 'ru' })).toMatchObject({ title: 'Пример [Sample]', author: [{ literal: 'Ministry of Foreign Affairs of Japan' }], language: 'ru', URL: address('ru', 2) });
    expect(citationRecord({ document, edition: second, version: 'en', language: 'ru', locale: 'ru' })).toMatchObject({ title: 'Sample [Пример]', author: [{ literal: 'Министерство иностранных дел Японии' }], genre: 'пресс-релиз' });
    // No version in the citation's language: no translation to give.
    expect(citationRecord({ document, edition: second, version: 'ru', language: 'ja', locale: 'ja' }).title).toBe('Пример');
  });

  it('cites an edition without a recorded date by its number alone, and a block at its fragment', () => {
    const item = citationRecord({ document, edition: { number: 1 }, version: 'en', language: 'en', locale: 'en', block: { id: 's1-p2', place: '1 ¶2' } });
    expect(item).not.toHaveProperty('available-date');
    expect(item.URL).toBe(`${address('en', 1)}#s1-p2`);
    expect(styleNote(item, 'chicago', '1 ¶2')).toBe(
      `Ministry of Foreign Affairs of Japan, “Sample,” English version, unofficial translation made for this edition, press release, trans. Edition editors, 1st ed. (Diplomatic Records Reader, January 15, 2020), 1 ¶2, ${address('en', 1)}#s1-p2.`,
    );
  });
});

describe('every format from the one record', () => {
  it('Chicago: issuer, title [translation], version, press release, translator, edition, publisher, date, address; no access date, as the style asks none for a dated item', () => {
    const item = citationRecord({ document, edition: second, version: 'ru', language: 'en', locale: 'en' });
    expect(styleBibliography(item, 'chicago')).toBe(
      `Ministry of Foreign Affairs of Japan. “Пример [Sample].” Russian original, official text, Press release. 2nd ed. Diplomatic Records Reader, January 15, 2020. ${address('en', 2)}.`,
    );
  });

  it('GOST R 7.0.5-2008: title [translation]: type, edition, translator, publisher, year, URL and the date of access', () => {
    const item = citationRecord({ document, edition: second, version: 'en', language: 'ru', locale: 'ru' });
    expect(fillAccessed(styleBibliography(item, 'gost'), day)).toBe(
      `Министерство иностранных дел Японии. Sample [Пример]: пресс-релиз. 2-е изд. / пер. Edition editors. Дипломатические документы: параллельное чтение, 2020. URL: ${address('ru', 2)} (дата обращения: 07.12.2026)`,
    );
  });

  it('SIST 02: issuer, title, translator, edition, publisher, year, URL and the date of access', () => {
    const item = citationRecord({ document, edition: second, version: 'ru', language: 'ja', locale: 'ja' });
    expect(fillAccessed(styleBibliography(item, 'sist02'), day)).toBe(`Министерство иностранных дел Японии. Пример. 第2版, 外交文書対訳リーダー, 2020. ${address('ja', 2)}, (参照 2026-12-07).`);
  });

  it('CSL-JSON, BibTeX, RIS and the meta tags carry the same title, date, language, edition and address', () => {
    for (const locale of ['en', 'ja', 'ru'] as const) {
      const item = citationRecord({ document, edition: second, version: 'ru', language: locale, locale });
      expect(JSON.parse(fillAccessed(cslJson(item), day))).toEqual([{ ...item, accessed: { 'date-parts': [['2026', '12', '07']] } }]);
      const entry = fillAccessed(bibtex(item), day);
      expect(entry).toMatch(/^@report\{2020-01-15-sample-ru-ed2,/);
      for (const field of ['edition = {2}', 'date = {2020-01-15}', 'language = {ru}', `url = {${item.URL}}`, 'urldate = {2026-12-07}']) expect(entry, locale).toContain(field);
      const lines = fillAccessed(ris(item), day).split('\r\n');
      expect(lines[0]).toBe('TY  - RPRT');
      // One line a tag: an address is never wrapped.
      for (const line of [`TI  - ${item.title}`, 'ET  - 2', 'DA  - 2020/1/15/', 'LA  - ru', `UR  - ${item.URL}`, 'Y2  - 2026/12/07/', `M3  - ${item.genre}`]) expect(lines, locale).toContain(line);
      expect(lines.at(-2)).toBe('ER  - ');
      expect(highwireTags(item)).toEqual([
        { name: 'citation_title', content: item.title },
        { name: 'citation_technical_report_institution', content: item.author[0]?.literal },
        { name: 'citation_publication_date', content: '2020/01/15' },
        { name: 'citation_language', content: 'ru' },
        { name: 'citation_public_url', content: item.URL },
        { name: 'DC.type', content: item.genre },
      ]);
    }
  });

  it('gives a page’s meta tags from the record of the version it shows, in its own language, at the edition’s address', () => {
    expect(citationMetadata(document, second, 'en')).toEqual({
      citation_title: 'Sample',
      citation_technical_report_institution: 'Ministry of Foreign Affairs of Japan',
      citation_publication_date: '2020/01/15',
      citation_language: 'en',
      citation_public_url: address('en', 2),
      'DC.type': 'press release',
    });
    // No Japanese version: the Japanese page shows the source first.
    expect(citationMetadata(document, second, 'ja')).toMatchObject({ citation_title: 'Пример', citation_language: 'ru', citation_public_url: address('ja', 2), 'DC.type': 'пресс-релиз' });
  });

  it('offers Chicago everywhere, and the page language’s own convention beside it', () => {
    expect(citeData(document, 'en').formats.map((format) => format.id)).toEqual(['chicago', 'csl-json', 'bibtex', 'ris']);
    expect(citeData(document, 'ja').formats.map((format) => [format.id, format.lang])).toEqual([['chicago', 'en'], ['sist02', 'ja'], ['csl-json', undefined], ['bibtex', undefined], ['ris', undefined]]);
    const ru = citeData(document, 'ru', second);
    expect(ru.formats.find((format) => format.id === 'ris')?.file).toEqual({ data: 'data:application/x-research-info-systems;charset=utf-8,', name: '2020-01-15-sample-ed2.ris' });
    expect(ru.formats.find((format) => format.id === 'bibtex')?.file?.name).toBe('2020-01-15-sample-ed2.bib');
    expect(ru.address).toBe(address('ru', 2));
  });

  it('make the same paragraph citation from a template as from the block itself, in every format, with the reader’s date of access', () => {
    const block = { id: 's1-p1', place: '1 ¶1 “x”' };
    const input = { document, edition: second, version: 'ru' as const, locale: 'ru' as const };
    const direct = citationsOf({ ...input, block });
    const templates = citationsOf({ ...input, block: { id: citeTokens.id, place: citeTokens.place } });
    expect(Object.keys(templates)).toEqual(['chicago', 'gost', 'csl-json', 'bibtex', 'ris']);
    for (const [format, template] of Object.entries(templates) as Array<[CiteFormat, string]>) {
      const filled = fillAccessed(fillCitation(template, format, block.id, block.place), day);
      expect(filled, format).toBe(fillAccessed(direct[format] ?? '', day));
      expect(filled, format).toContain(`${address('ru', 2)}#s1-p1`);
      expect(filled, format).not.toContain(citeAccessed[0]);
    }
  });
});

describe('the date of access', () => {
  it('is put in each format’s way, in place of the stand-in', () => {
    const june = new Date(2027, 5, 3);
    expect(fillAccessed('(дата обращения: 22.11.9999)', june)).toBe('(дата обращения: 03.06.2027)');
    expect(fillAccessed('(参照 9999-11-22).', june)).toBe('(参照 2027-06-03).');
    expect(fillAccessed('Y2  - 9999/11/22/', june)).toBe('Y2  - 2027/06/03/');
    expect(JSON.parse(fillAccessed('{"date-parts": [[\n  "9999",\n  "11",\n  "22"\n]]}', june))).toEqual({ 'date-parts': [['2027', '06', '03']] });
    // Other numbers are left alone.
    expect(fillAccessed('2019-05-30, 1999/11/22', june)).toBe('2019-05-30, 1999/11/22');
  });
});

describe('the vendored CSL files', () => {
  it('are the files PROVENANCE.md names, byte for byte', () => {
    const provenance = readFileSync(join(cslFolder, 'PROVENANCE.md'), 'utf8');
    const rows = [...provenance.matchAll(/^\| `([^`]+)` \|.*\| ([0-9a-f]{64}) \|$/gm)];
    expect(rows.map((row) => row[1]).sort()).toEqual(['gost-r-7-0-5-2008-numeric.csl', 'locales-ja-JP.xml', 'locales-ru-RU.xml', 'sist02.csl']);
    for (const [, file, sha256] of rows) expect(createHash('sha256').update(readFileSync(join(cslFolder, file ?? ''))).digest('hex'), file).toBe(sha256);
  });
});

describe('block numbers', () => {
  it('number each block of the ID scheme the same way in every language, and mark the others ¶', () => {
    const ids = ['title', 'dateline', 'intro-p2', 's3', 's1-2', 's2-p4', 's1-1-p2', 's10-12-p3', 's1a-p1', 'appendix'];
    expect(ids.map(blockNumber)).toEqual(['¶', '¶', '¶2', '3', '1.2', '2 ¶4', '1.1 ¶2', '10.12 ¶3', '1a ¶1', '¶']);
  });
});

describe('row names', () => {
  it('name a row as a person says it, in each interface language, while citations keep their short forms', () => {
    const ids = ['title', 'dateline', 'intro-p1', 's1', 's1-1', 's2-p3', 's1-1-p2', 'appendix'];
    expect(ids.map((id) => rowName(getT('en'), id))).toEqual([
      'Title',
      'Date and place',
      'Introduction, paragraph 1',
      'Section 1',
      'Section 1.1',
      'Section 2, paragraph 3',
      'Section 1.1, paragraph 2',
      'appendix',
    ]);
    expect(ids.map((id) => rowName(getT('ru'), id)).slice(0, 4)).toEqual(['Заголовок', 'Дата и место', 'Вступление, абзац 1', 'Раздел 1']);
    expect(rowName(getT('ja'), 's1-1-p2')).toBe('第1節 第1項 第2段落');
    expect(ids.map((id) => citeBlock(getT('en'), id)).slice(0, 4)).toEqual(['title', 'dateline', 'intro ¶1', 'section 1']);
    expect(citeBlock(getT('en'), 's1-1-p2')).toBe('1.1 ¶2');
  });
});

// The record type is the one every format takes.
export type { CslItem };
