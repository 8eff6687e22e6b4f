/**
 * The search index: the records a document gives (one per block and language version, linked to the
 * block's row with its language first, titled by a filter), the languages that get an index, the
 * citation of a result in the page script, and the build step that writes one Pagefind bundle per
 * language from the content cache.
 */
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createInstance } from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { templateTranslate } from '../../src/behaviour/search-results';
import { writeContentCache } from '../../src/cache/write';
import { summarize } from '../../src/cache/catalog';
import type { ArchiveDocument } from '../../src/model/types';
import { isNeededFile, SearchIndexError, writeSearchIndex } from '../../src/export/search-index';
import { resources } from '../../src/i18n/resources';
import * as format from '../../src/search/format';
import * as records from '../../src/search/records';
import { citeBlock, citeKeys } from '../../src/contract/block-place';
import { fixturesDir, loadArchive } from '../helpers/fixtures';

const { indexedLanguages, searchRecords } = records;
const temporary: string[] = [];

async function sample(): Promise<ArchiveDocument> {
  const { documents } = await loadArchive(join(fixturesDir, 'base'));
  return documents[0];
}

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name))).sort();
}

afterEach(async () => {
  await Promise.all(temporary.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('search API', () => {
  it('exports the record builder and the format shared with the page script', () => {
    expect(Object.keys(records).sort()).toEqual(['glossaryRecords', 'indexedLanguages', 'searchRecords']);
    expect(Object.keys(format).sort()).toEqual(['beginsWith', 'dateFilter', 'dateSort', 'documentFilter', 'entryFilter', 'indexedWords', 'kindFilter', 'labelFilter', 'searchBundlePath', 'searchFolder', 'searchKey', 'sortParam', 'termsMeta']);
    expect(format.searchBundlePath('ja')).toBe('/pagefind/ja/');
  });
});

describe('searchRecords', () => {
  it('makes one record per block, then per note, and language version, in language then reading order', async () => {
    const list = searchRecords(await sample());
    expect(list.map((record) => `${record.language} ${record.url}`)).toEqual([
      'ru documents/2020-01-15-sample/?cols=ru-ja-en#title',
      'ru documents/2020-01-15-sample/?cols=ru-ja-en#s1',
      'ru documents/2020-01-15-sample/?cols=ru-ja-en#s1-p1',
      'ru documents/2020-01-15-sample/?cols=ru-ja-en#s1-p2',
      'ru documents/2020-01-15-sample/?cols=ru-ja-en#n_n-spelling',
      'en documents/2020-01-15-sample/?cols=en-ru-ja#title',
      'en documents/2020-01-15-sample/?cols=en-ru-ja#s1',
      'en documents/2020-01-15-sample/?cols=en-ru-ja#s1-p1',
      'en documents/2020-01-15-sample/?cols=en-ru-ja#s1-p2',
      'en documents/2020-01-15-sample/?cols=en-ru-ja#n_n-spelling',
    ]);
  });

  it('gives a block’s record its plain text, the title of its language version as a filter, and the names of the entries it mentions to search', async () => {
    const { glossary } = await loadArchive(join(fixturesDir, 'base'));
    const list = searchRecords(await sample(), new Map(glossary.map((item) => [item.id, item])));
    const ru = list.find((record) => record.language === 'ru' && record.url.endsWith('#s1-p1'));
    const kono = glossary.find((item) => item.id === 'kono-taro');
    const japan = glossary.find((item) => item.id === 'japan');
    if (!kono || !japan) throw new Error('the fixture glossary has kono-taro and japan');
    expect(ru).toEqual({
      url: 'documents/2020-01-15-sample/?cols=ru-ja-en#s1-p1',
      content: 'Министр Т. Коно посетил Японию.',
      language: 'ru',
      // The document's facets, to narrow a search to (its year and its participant here), and its date,
      // to merge the languages' results sorted by it.
      filters: { document: ['Пример'], year: ['2020'], participant: ['kono-taro'], date: ['2020-01-15'] },
      sort: { date: '2020-01-15' },
      // Every name of each entry mentioned, in every language, the record's own first.
      meta: { terms: [...new Set([kono, japan].flatMap((item) => (['ru', 'ja', 'en'] as const).flatMap((language) => [item.names[language], ...(item.variants?.[language] ?? [])])))].join(' · ') },
    });
    // Without the glossary, no names to search.
    const en = searchRecords(await sample()).find((record) => record.language === 'en' && record.url.endsWith('#s1-p1'));
    expect(en).toEqual({ url: 'documents/2020-01-15-sample/?cols=en-ru-ja#s1-p1', content: 'Minister Kono visited Japan.', language: 'en', filters: { document: ['Sample'], year: ['2020'], participant: ['kono-taro'], date: ['2020-01-15'] }, sort: { date: '2020-01-15' } });
  });

  it('gives a note’s record its body, named by the words its anchor stands on', async () => {
    const document = await sample();
    const note = searchRecords(document).find((record) => record.language === 'en' && record.url.endsWith('#n_n-spelling'));
    const body = document.texts.en?.notes.find((candidate) => candidate.id === 'n-spelling');
    const anchor = document.texts.en?.anchors.find((candidate) => candidate.ref === 'n-spelling');
    expect(note).toEqual({ url: 'documents/2020-01-15-sample/?cols=en-ru-ja#n_n-spelling', content: body?.text, language: 'en', filters: { document: ['Sample'], kind: ['note'], label: [anchor?.text], date: ['2020-01-15'] }, sort: { date: '2020-01-15' } });
  });

  it('gives each glossary entry one record per language: its names and description, linked to its page', async () => {
    const { glossary } = await loadArchive(join(fixturesDir, 'base'));
    const list = records.glossaryRecords(glossary);
    expect(list).toHaveLength(glossary.length * 3);
    const kono = glossary.find((item) => item.id === 'kono-taro');
    if (!kono) throw new Error('the fixture glossary has kono-taro');
    expect(list.find((record) => record.language === 'ja' && record.url === 'glossary/kono-taro/')).toEqual({
      url: 'glossary/kono-taro/',
      content: `${[kono.names.ja, ...(kono.variants?.ja ?? [])].join(' · ')}. ${kono.description.ja}`,
      language: 'ja',
      // Its ID, for the search page to name the entry a search is narrowed to.
      filters: { document: [kono.names.ja], kind: ['entry'], entry: ['kono-taro'] },
      // Its names in the other languages are searched too: "Kono" finds the Japanese entry.
      meta: { terms: [...new Set((['ru', 'en'] as const).flatMap((language) => [kono.names[language], ...(kono.variants?.[language] ?? [])]))].join(' · ') },
    });
  });

  it('leaves out a block without text, and makes nothing for a language the document lacks', async () => {
    const document = await sample();
    const english = document.texts.en;
    if (!english) throw new Error('the fixture has an English text');
    const blocks = english.blocks.map((block) => (block.id === 's1-p2' ? { ...block, text: ' ' } : block));
    const list = searchRecords({ ...document, texts: { ...document.texts, en: { ...english, blocks } } });
    expect(list.some((record) => record.language === 'ja')).toBe(false);
    expect(list.filter((record) => record.url.endsWith('#s1-p2')).map((record) => record.language)).toEqual(['ru']);
  });
});

describe('search and editions', () => {
  it('indexes the current text only: no record of a superseded edition, every result on the reading page', async () => {
    const [document] = (await loadArchive(join(fixturesDir, 'editions'))).documents;
    expect(document.editions.map((edition) => edition.number)).toEqual([1, 2]);
    const records = searchRecords(document);
    // The second section was removed in edition 2; its words are in edition 1 alone.
    expect(records.map((record) => record.content).filter((content) => /второго раздела|second section|第二節の段落/.test(content))).toEqual([]);
    expect(records.filter((record) => !record.url.startsWith(`documents/${document.slug}/?`))).toEqual([]);
    // Every result is a block or a note of the current text.
    const current = new Set([...(document.texts.ru?.blocks.map((block) => block.id) ?? []), ...(document.texts.ru?.notes.map((note) => `n_${note.id}`) ?? [])]);
    const anchors = records.filter((record) => record.language === 'ru').map((record) => record.url.split('#')[1]);
    expect(anchors.filter((anchor) => !current.has(anchor))).toEqual([]);
    expect(anchors).toEqual(expect.arrayContaining(document.texts.ru?.blocks.map((block) => block.id) ?? []));
  });
});

describe('indexedLanguages', () => {
  it('lists the languages some document has, with how many documents have each', async () => {
    const summary = summarize(await sample());
    expect([...indexedLanguages([summary, { ...summary, slug: 'other', texts: { ru: summary.texts.ru } }])]).toEqual([
      ['ru', 2],
      ['en', 1],
    ]);
    expect(indexedLanguages([]).size).toBe(0);
  });
});

describe('the place of a result', () => {
  it('is cited by the page script from the search page’s templates as the server cites it', () => {
    for (const locale of ['ru', 'ja', 'en'] as const) {
      const i18n = createInstance();
      void i18n.init({ lng: locale, resources: { [locale]: { translation: resources[locale] } }, initAsync: false, interpolation: { escapeValue: false } });
      const t = i18n.getFixedT(locale);
      // What src/site/search-page.tsx writes into `data-cite-templates`.
      const templates = Object.fromEntries(citeKeys.map((key) => [key, t(key, { section: '{section}', subsection: '{subsection}', paragraph: '{paragraph}', id: '{id}' })]));
      for (const id of ['title', 'dateline', 'intro-p1', 's1', 's1-2', 's2-p3', 's1-2-p1', 'annex']) {
        expect(citeBlock(templateTranslate(templates), id), `${locale} ${id}`).toBe(citeBlock(t, id));
      }
    }
  });
});

describe('the search index step', () => {
  it('keeps what the search page loads of a bundle, and none of Pagefind’s own interfaces', () => {
    for (const path of ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json', 'wasm.ru.pagefind', 'pagefind.ru_3fe51c4f53.pf_meta', 'index/ru_951c3b4.pf_index', 'fragment/ru_group_f828703.pf_fragment', 'filter/ru_608dce4.pf_filter']) {
      expect(isNeededFile(path, 'ru'), path).toBe(true);
    }
    for (const path of ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-component-ui.js', 'pagefind-modular-ui.js', 'pagefind-highlight.js', 'wasm.unknown.pagefind', 'playground/index.html']) {
      expect(isNeededFile(path, 'ru'), path).toBe(false);
    }
  });

  it('writes one bundle per language of the content cache, each with its stemmer or segmenter', async () => {
    const root = await mkdtemp(join(tmpdir(), 'reader-search-'));
    temporary.push(root);
    await cp(join(fixturesDir, 'base'), root, { recursive: true });
    expect((await writeContentCache(root)).written).toBe(true);
    const out = join(root, 'out');
    const report = await writeSearchIndex(root, out);
    expect(report.documents).toBe(1);
    // Four blocks and a note of the document, and the two entries of the glossary, in each language.
    expect(report.languages.ru?.records).toBe(7);
    expect(report.languages.en?.records).toBe(7);
    expect(report.languages.ja).toBeUndefined();
    const written = await files(join(out, 'pagefind'));
    expect(written.map((path) => path.replace(/_[0-9a-f]+\./, '_<hash>.'))).toEqual(
      ['en', 'ru'].flatMap((language) => [
        // One file per filter (the document, the kind of record, a note's label, the year, the participant,
        // the date and an entry's ID), whatever the number of documents.
        ...Array.from({ length: 7 }, () => `${language}/filter/${language}_<hash>.pf_filter`),
        // About one fragment file per document, and one for the glossary.
        ...Array.from({ length: 2 }, () => `${language}/fragment/${language}_group_<hash>.pf_fragment`),
        `${language}/index/${language}_<hash>.pf_index`,
        `${language}/pagefind-entry.json`,
        `${language}/pagefind-worker.js`,
        `${language}/pagefind.${language}_<hash>.pf_meta`,
        `${language}/pagefind.js`,
        `${language}/wasm.${language}.pagefind`,
      ]).sort(),
    );
  });

  it('fails with what to run when there is no content cache', async () => {
    const root = await mkdtemp(join(tmpdir(), 'reader-search-'));
    temporary.push(root);
    const failure = writeSearchIndex(root, join(root, 'out'));
    await expect(failure).rejects.toBeInstanceOf(SearchIndexError);
    await expect(failure).rejects.toThrow('The content cache has no catalog.json: run `npm run build` (or `npm run content`) to write the content cache .content/ first.');
  });
});

describe('what search takes for the words searched', () => {
  it('joins a word that punctuation splits, as the index holds it', () => {
    expect(format.indexedWords('2+2')).toBe('22');
    expect(format.indexedWords(' Kono  U.S. (2) ')).toBe('Kono US (2)');
    expect(format.indexedWords('Indo-Pacific «два плюс два»')).toBe('IndoPacific «два плюс два»');
  });

  it('takes a marked word for the word being typed only when it begins with it, not when Pagefind fell back to a prefix', () => {
    const { beginsWith } = format;
    expect(beginsWith('Владивостоке', 'Влади')).toBe(true);
    expect(beginsWith('(“2+2”', '22')).toBe(true);
    expect(beginsWith('its', 'it')).toBe(true);
    expect(beginsWith('ウラジオストク', 'ストク')).toBe(true);
    expect(beginsWith('its', 'Iturup')).toBe(false);
    expect(beginsWith('Four', 'fourth')).toBe(false);
    expect(beginsWith('日本', '北方')).toBe(false);
    expect(beginsWith('…', 'word')).toBe(false);
  });
});
