/**
 * The export generators, pure functions from a document and the glossary to text, on a fixture that
 * splits a sentence (ja), joins two (en), and has characters XML must escape (`<`, `&`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveDocument, GlossaryItem } from '../../src/model/types';
import { alignmentGroups, blocksById } from '../../src/exports/alignment-groups';
import { documentExportSchema, documentSchemaName, toDocumentJson } from '../../src/exports/document-json';
import { exportFiles } from '../../src/exports/files';
import { toPlainText } from '../../src/exports/plain-text';
import { toTei } from '../../src/exports/tei';
import { toTmx } from '../../src/exports/tmx';
import { schemaFileText, schemaFolder } from '../../src/exports/write-schema';
import { fixturesDir, loadArchive } from '../helpers/fixtures';

let document: ArchiveDocument;
let glossary: Map<string, GlossaryItem>;

beforeAll(async () => {
  const edition = await loadArchive(join(fixturesDir, 'exports'));
  document = edition.documents[0];
  glossary = new Map(edition.glossary.map((item) => [item.id, item]));
});

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', htmlEntities: true, isArray: (name) => ['tu', 'tuv', 'prop', 'p', 'head', 'text', 'div', 'note', 's'].includes(name) });
const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

describe('export files', () => {
  it('are one TMX, one JSON, one TEI and a text per language, with standard extensions', () => {
    expect(exportFiles('a-b', { ru: {}, en: {} }).map((file) => [file.format, file.name, file.language])).toEqual([
      ['tmx', 'a-b.tmx', undefined],
      ['json', 'a-b.json', undefined],
      ['tei', 'a-b.tei.xml', undefined],
      ['text', 'a-b.ru.txt', 'ru'],
      ['text', 'a-b.en.txt', 'en'],
    ]);
  });
});

describe('alignment groups', () => {
  it('connect the source sentences that a translation line renders together, and keep split ones whole', () => {
    const groups = alignmentGroups(document.source, blocksById(document).get('s1-p1') ?? {});
    expect(groups.map((group) => group.ids)).toEqual([['s1-p1.1'], ['s1-p1.2', 's1-p1.3']]);
    // Japanese splits sentence 1 over two lines: both are in the first group.
    expect(groups[0].sentences.ja?.map((sentence) => sentence.text)).toEqual(['河野大臣は日本を訪問しました。', '訪問は公式でした。']);
    expect(groups[1].sentences.ru?.length).toBe(2);
    expect(groups[1].sentences.en?.length).toBe(1);
  });

  it('leave every source sentence its own group when the counts agree', () => {
    const block = (ids: string[][]) => ({ id: 'p', kind: 'paragraph' as const, depth: 0, element: { type: 'element' as const, tagName: 'p', properties: {}, children: [] }, text: '', line: 1, sentences: ids.map((sentenceIds) => ({ ids: sentenceIds, text: sentenceIds.join(), line: 1 })) });
    const groups = alignmentGroups('ru', { ru: block([['p.1'], ['p.2'], ['p.3']]), en: block([['p.1'], ['p.2'], ['p.3']]), ja: block([['p.3', 'p.1']]) });
    expect(groups.map((group) => group.ids)).toEqual([['p.1', 'p.3'], ['p.2']]);
  });
});

describe('toTmx', () => {
  it('writes valid TMX 1.4 with one unit per alignment group, a variant per language and the IDs as properties', () => {
    const tmx = toTmx(document, { tool: 'Reader', toolVersion: '1.0.0' });
    expect(XMLValidator.validate(tmx)).toBe(true);
    const { tmx: root } = parser.parse(tmx);
    expect(root['@version']).toBe('1.4');
    expect(root.header).toMatchObject({ '@creationtool': 'Reader', '@creationtoolversion': '1.0.0', '@srclang': 'ru', '@segtype': 'sentence', '@datatype': 'plaintext', '@adminlang': 'en', '@o-tmf': 'Reader' });
    const units = root.body.tu as Array<{ '@tuid': string; prop: Array<{ '@type': string; '#text': string }>; tuv: Array<{ '@xml:lang': string; seg: string }> }>;
    // title, s1, s1-p1 (two groups), s1-p2
    expect(units.map((unit) => unit['@tuid'])).toEqual(['title.1', 's1.1', 's1-p1.1', 's1-p1.2+s1-p1.3', 's1-p2.1']);
    const joined = units[3];
    expect(joined.prop.map((prop) => [prop['@type'], prop['#text']])).toEqual([
      ['x-paragraph', 's1-p1'],
      ['x-sentences', 's1-p1.2 s1-p1.3'],
      ['x-kind', 'paragraph'],
    ]);
    expect(Object.fromEntries(joined.tuv.map((tuv) => [tuv['@xml:lang'], tuv.seg]))).toEqual({
      ru: 'Он пробыл там два дня. Переговоры касались НИОКР & «обмена».',
      ja: '二日間滞在しました。協議は研究開発と「交流」に関するものでした。',
      en: 'He stayed two days, and the talks were on R&D & “exchanges”.',
    });
    expect(units[2].tuv.find((tuv) => tuv['@xml:lang'] === 'ja')?.seg).toBe('河野大臣は日本を訪問しました。訪問は公式でした。');
    expect(tmx).toContain('Пример &#x3C;экспорта> &#x26; «кавычки»');
  });
});

describe('toDocumentJson', () => {
  const options = { schemaUrl: 'https://example.org/schemas/document.schema.json', permalink: 'https://example.org/en/documents/2020-01-15-sample/' };

  it('validates against the published JSON Schema', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const schema = JSON.parse(readFileSync(join(process.cwd(), schemaFolder, documentSchemaName), 'utf8'));
    const validate = ajv.compile(schema);
    const value = toDocumentJson(document, glossary, options);
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    expect(documentExportSchema.safeParse(value).success).toBe(true);
  });

  it('publishes the schema the module defines (run `tsx src/exports/write-schema.ts` after changing it)', () => {
    expect(readFileSync(join(process.cwd(), schemaFolder, documentSchemaName), 'utf8')).toBe(schemaFileText());
  });

  it('gives every block and sentence group its text in each language, its mentions and notes', () => {
    const value = toDocumentJson(document, glossary, options);
    expect(value.blocks.map((block) => block.id)).toEqual(['title', 's1', 's1-p1', 's1-p2']);
    const paragraph = value.blocks[2];
    expect(paragraph.text.en).toBe(document.texts.en?.blocks[2].text);
    expect(paragraph.sentences[1]).toEqual({
      ids: ['s1-p1.2', 's1-p1.3'],
      text: {
        ru: 'Он пробыл там два дня. Переговоры касались НИОКР & «обмена».',
        ja: '二日間滞在しました。協議は研究開発と「交流」に関するものでした。',
        en: 'He stayed two days, and the talks were on R&D & “exchanges”.',
      },
    });
    expect(paragraph.mentions).toEqual([
      { entry: 'kono-taro', labels: { ru: ['Т. Коно'], ja: ['河野'], en: ['Kono'] } },
      { entry: 'japan', labels: { ru: ['Японию'], ja: ['日本'], en: ['Japan'] } },
      { entry: 'r-and-d', labels: { ru: ['НИОКР'], ja: ['研究開発'], en: ['R&D'] } },
    ]);
    expect(paragraph.notes).toEqual(['n-spelling']);
    expect(value.notes).toEqual([
      {
        id: 'n-spelling',
        kind: 'editorial',
        text: { ru: 'Так в источнике: Японию < Японии.', ja: '原文のまま。', en: 'Thus in the source: Japan < Japan’s.' },
        anchors: [
          { lang: 'ru', block: 's1-p1', label: 'Японию' },
          { lang: 'ja', block: 's1-p1', label: '日本' },
          { lang: 'en', block: 's1-p1', label: 'Japan' },
        ],
      },
    ]);
    expect(value.versions.map((version) => [version.lang, version.role, version.official, version.translator])).toEqual([
      ['ru', 'source', true, undefined],
      ['ja', 'translation', false, '本版編集部'],
      ['en', 'translation', false, 'Edition editors'],
    ]);
    expect(value.glossary.map((item) => item.id).sort()).toEqual(['2plus2', 'japan', 'kono-taro', 'mofa', 'r-and-d']);
  });
});

describe('toTei', () => {
  const tei = () => toTei(document, glossary, { publisher: 'Reader', permalink: 'https://example.org/en/documents/2020-01-15-sample/' });

  it('is well-formed TEI with a header naming the document, issuer, date and the edition’s translations', () => {
    const xml = tei();
    expect(XMLValidator.validate(xml)).toBe(true);
    const { TEI } = parser.parse(xml);
    expect(TEI['@xmlns']).toBe('http://www.tei-c.org/ns/1.0');
    const { fileDesc, profileDesc } = TEI.teiHeader;
    expect(fileDesc.titleStmt.title.map((title: { '#text': string }) => title['#text'])).toEqual(['Пример <экспорта> & «кавычки»', '輸出の例', 'An export (1 < 2) & “quotes”']);
    expect(fileDesc.titleStmt.author.orgName['#text']).toBe('Министерство иностранных дел Японии');
    expect(fileDesc.sourceDesc.listBibl.bibl[0].date['@when']).toBe('2020-01-15');
    expect(profileDesc.langUsage.language.map((language: { '#text': string }) => language['#text'])).toEqual([
      'Russian: the source text, official (published by the issuer)',
      'Japanese: unofficial translation made for this edition by 本版編集部',
      'English: unofficial translation made for this edition by Edition editors',
    ]);
  });

  it('puts each language in its own text with xml:lang, an xml:id on every heading and paragraph', () => {
    const { TEI } = parser.parse(tei());
    const texts = TEI.text[0].group.text as Array<Record<string, unknown>>;
    expect(texts.map((text) => [text['@xml:lang'], text['@type'], text['@subtype']])).toEqual([
      ['ru', 'source', 'official'],
      ['ja', 'translation', 'unofficial'],
      ['en', 'translation', 'unofficial'],
    ]);
    const xml = tei();
    // The texts' paragraphs (the header's revisionDesc has paragraphs of its own).
    const paragraphs = [...xml.slice(xml.indexOf('<group>')).matchAll(/<(p|head)(\s[^>]*)?>/g)];
    expect(paragraphs.length).toBe(12);
    expect(paragraphs.every((match) => /xml:id="(ru|ja|en)\.[a-z0-9.-]+"/.test(match[2] ?? ''))).toBe(true);
    expect(xml).toContain('<p xml:id="ja.s1-p1" n="s1-p1" corresp="#ru.s1-p1">');
    expect(xml).toContain('<s n="s1-p1.2 s1-p1.3" corresp="#ru.s1-p1.2 #ru.s1-p1.3">');
  });

  it('marks names and terms by kind, pointing at standOff lists and a header taxonomy built from the glossary, and notes as note', () => {
    const xml = tei();
    expect(xml).toContain('<persName ref="#kono-taro">Т. Коно</persName>');
    expect(xml).toContain('<seg type="note-anchor" corresp="#ru.note.n-spelling"><placeName ref="#japan">Японию</placeName></seg>');
    expect(xml).toContain('<orgName ref="#mofa">МИД</orgName>');
    expect(xml).toContain('<name type="event" ref="#_2plus2">«2+2»</name>');
    expect(xml).toContain('<term ref="#r-and-d">R&#x26;D</term>');
    expect(xml).toContain('<note xml:id="en.note.n-spelling" type="editorial" n="n-spelling" target="#en.s1-p1">Thus in the source: <hi rend="italic">Japan</hi> &#x3C; Japan’s.</note>');
    const { TEI } = parser.parse(xml);
    expect(TEI.standOff.listPerson.person['@xml:id']).toBe('kono-taro');
    expect(TEI.standOff.listPlace.place.idno['#text']).toBe('Q17');
    expect(TEI.standOff.listOrg.org['@xml:id']).toBe('mofa');
    expect(TEI.standOff.listEvent.event['@xml:id']).toBe('_2plus2');
    // TEI puts a taxonomy in the header's classDecl; standOff may not hold one.
    expect(TEI.standOff.taxonomy).toBeUndefined();
    const { category } = TEI.teiHeader.encodingDesc.classDecl.taxonomy;
    expect(category['@xml:id']).toBe('r-and-d');
    expect(category['@n']).toBe('concept');
    expect(category.catDesc.map((description: { '@xml:lang': string; term: string }) => [description['@xml:lang'], description.term])).toEqual([
      ['ru', 'НИОКР'],
      ['ja', '研究開発'],
      ['en', 'R&D'],
    ]);
    // Every pointer points at something in the file.
    const ids = new Set([...xml.matchAll(/xml:id="([^"]+)"/g)].map((match) => match[1]));
    const pointers = [...xml.matchAll(/(?:ref|corresp|target)="([^"]+)"/g)].flatMap((match) => match[1].split(' ')).filter((pointer) => pointer.startsWith('#'));
    expect(pointers.filter((pointer) => !ids.has(pointer.slice(1)))).toEqual([]);
  });

  it('keeps a term’s Wikidata item, in a catDesc of its own', () => {
    const withItem = new Map(glossary);
    const term = glossary.get('r-and-d');
    if (!term) throw new Error('the fixture has no r-and-d entry');
    withItem.set('r-and-d', { ...term, wikidata: 'Q180707' });
    const xml = toTei(document, withItem, { publisher: 'Reader' });
    expect(xml).toMatch(/<category xml:id="r-and-d" n="concept">(?:\s*<catDesc xml:lang="(?:ru|ja|en)"><term>[^<]+<\/term><\/catDesc>){3}\s*<catDesc><idno type="wikidata">Q180707<\/idno><\/catDesc>\s*<\/category>/);
  });
});

describe('toPlainText', () => {
  const labels = { notes: 'Notes', issuer: 'Issued by', status: 'Unofficial translation made for this edition', translator: 'Translated by', edition: 'Edition 1' };

  it('writes title, dateline and paragraphs separated by blank lines, note markers, the notes and the provenance', () => {
    expect(toPlainText(document, 'en', { labels, permalink: 'https://example.org/en/documents/2020-01-15-sample/' })).toBe(
      [
        'An export (1 < 2) & “quotes”',
        'Edition 1',
        '',
        '1. Section “2+2”',
        '',
        'Minister Kono visited Japan[1]. He stayed two days, and the talks were on R&D & “exchanges”.',
        '',
        'Second paragraph, MOFA.',
        '',
        '* * *',
        '',
        'Notes',
        '',
        '[1] Thus in the source: Japan < Japan’s.',
        '',
        '* * *',
        '',
        'Issued by: Ministry of Foreign Affairs of Japan',
        'Unofficial translation made for this edition',
        'Translated by: Edition editors',
        'https://example.org/en/documents/2020-01-15-sample/',
        '',
      ].join('\n'),
    );
  });

  it('sets no space between Japanese sentences, and gives nothing for a missing language', () => {
    const text = toPlainText(document, 'ja', { labels, permalink: 'https://example.org/' }) ?? '';
    expect(text).toContain('河野大臣は日本[1]を訪問しました。訪問は公式でした。二日間滞在しました。');
    const partial = { ...document, texts: { ru: document.texts.ru } };
    expect(toPlainText(partial, 'ja', { labels, permalink: '' })).toBeUndefined();
  });
});
