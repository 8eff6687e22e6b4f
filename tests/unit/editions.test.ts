/**
 * Editions: edition 1 of the one document stays readable exactly as it was published (its words are
 * the test), and the editions of a document are read, loaded and checked.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { openContentCache } from '../../src/cache/read';
import { writeContentCache } from '../../src/cache/write';
import { parseEditions } from '../../src/content/editions';
import { loadGlossary } from '../../src/content/glossary';
import { currentEdition, editionRecord, firstEditionOnly, lastChangedIn, pastEditions, retiredBlocks, type RetiredBlock } from '../../src/model/document';
import type { EditionRecord } from '../../src/model/types';
import { diagnostics } from '../../src/model/format';
import { createProcessor } from '../../src/pipeline';
import { loadDocument } from '../../src/pipeline/process';
import { createArchiveCheck } from '../../src/rules';
import { fixturesDir, loadFixture } from '../helpers/fixtures';

const projectRoot = join(import.meta.dirname, '..', '..');
const slug = '2019-05-30-japan-russia-2plus2';
const editionOne = join(projectRoot, 'content', 'documents', slug, 'editions', '1');

/**
 * SHA-256 of each file of edition 1's snapshot. The texts' are those of the files as edition 1 was
 * published (commit 92978a3, `content/documents/<slug>/<lang>.md`); the glossary's is of the snapshot
 * as written then: the entries of that commit's `content/glossary.yaml` that edition 1 mentions.
 */
const pinned = {
  'ru.md': '7c5684bb0b30b51e1f78dd1bee1aed8f163ab3e29d0df4b970c7b949d8641cfb',
  'ja.md': '15caf37be6f2be3801909bae6be8bd1732c132374b5ccf2d79f3b2f93fad4b28',
  'en.md': 'ce0ef0a807bb1357fc176d792da1ffa71aef928e9e4369b5cc203e99d4fd3fd4',
  'glossary.yaml': '3c45df2f96b66b8ab56197f2636f2b617e4587265b7afe72452c1f65dd8b8e1b',
};

describe('the API of editions', () => {
  it('reads editions.yaml (content), checks editions (rules) and reads a document\'s editions (model)', async () => {
    expect(Object.keys(await import('../../src/content/editions')).sort()).toEqual(['loadEditions', 'noEditionsFile', 'parseEditions']);
    expect(Object.keys(await import('../../src/rules/editions')).sort()).toEqual(['checkEditions', 'keepPastEditionRules', 'notForPastEditions']);
    expect(Object.keys(await import('../../src/model/document')).sort()).toEqual(
      ['currentEdition', 'editionRecord', 'firstEditionOnly', 'hasText', 'lastChangedIn', 'pastEditions', 'retiredBlocks', 'sourceText', 'textFor', 'textProgress', 'titleFor', 'translatedPercent', 'versionsWithText'].sort(),
    );
  });
});

describe('edition 1 of the 2019 "2+2" document', () => {
  it('is kept byte for byte as it was published', () => {
    const actual = Object.fromEntries(Object.keys(pinned).map((name) => [name, createHash('sha256').update(readFileSync(join(editionOne, name))).digest('hex')]));
    expect(actual).toEqual(pinned);
  });
});

const sample = 'content/documents/2020-01-15-sample';
const ru = `${sample}/ru.md`;
const en = `${sample}/en.md`;
const base = join(fixturesDir, 'base', sample);

/** Edition 1 of the base fixture: its second paragraph as first published, in both languages. */
const editionOneFiles = async (dir: string, change: (text: string) => string = (text) => text) => {
  const folder = join(dir, sample, 'editions', '1');
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'ru.md'), change((await readFile(join(base, 'ru.md'), 'utf8')).replace('Второй абзац.', 'Второй абзац, первая редакция.')));
  await writeFile(join(folder, 'en.md'), change((await readFile(join(base, 'en.md'), 'utf8')).replace('Second paragraph.', 'Second paragraph, first version.')));
  await cp(join(fixturesDir, 'base', 'content', 'glossary.yaml'), join(folder, 'glossary.yaml'));
};

/** editions.yaml of the base fixture in edition 2, its second paragraph changed in both languages. */
const editionsYaml = `- edition: 1
  date: 2020-02-01
- edition: 2
  date: 2020-03-01
  summary: { ru: Уточнён второй абзац., ja: 第2段落を修正。, en: The second paragraph corrected. }
  changes:
    ru:
      - blocks: [s1-p2]
        what: Уточнена формулировка.
        why: Опечатка.
    en:
      - blocks: [s1-p2]
        notes: []
        what: Wording corrected.
        why: A typing error.
`;

describe('reading editions.yaml', () => {
  it('gives each edition its number, date, summary, changes (with their lines and empty lists) and fates', () => {
    const file = new VFile({ path: `${sample}/editions.yaml`, value: `${editionsYaml}  fates:\n    s1-p3: { merged: s1-p2 }\n` });
    const { records, valid } = parseEditions(file);
    expect(file.messages).toEqual([]);
    expect(valid).toBe(true);
    expect(records).toEqual([
      { number: 1, date: '2020-02-01', changes: {}, fates: {} },
      {
        number: 2,
        date: '2020-03-01',
        summary: { ru: 'Уточнён второй абзац.', ja: '第2段落を修正。', en: 'The second paragraph corrected.' },
        changes: {
          ru: [{ blocks: ['s1-p2'], notes: [], entries: [], what: 'Уточнена формулировка.', why: 'Опечатка.', line: 8 }],
          en: [{ blocks: ['s1-p2'], notes: [], entries: [], what: 'Wording corrected.', why: 'A typing error.', line: 12 }],
        },
        fates: { 's1-p3': { merged: 's1-p2' } },
      },
    ]);
  });

  it('reports a schema issue at its line, and a change of edition 1, with the rule id editions-file', () => {
    const file = new VFile({ path: `${sample}/editions.yaml`, value: '- edition: 1\n  date: 2020-02-01\n  changes: { ru: [] }\n- edition: 2\n  date: 2020-13-01\n' });
    const { records, valid } = parseEditions(file);
    expect(valid).toBe(false);
    expect(records).toEqual(firstEditionOnly());
    expect(diagnostics([file]).map((d) => [d.line, d.column, d.severity, d.ruleId, d.reason])).toEqual([[5, 3, 'error', 'editions-file', '`1.date`: "2020-13-01" is not a date in the form YYYY-MM-DD (such as 2019-05-30)']]);
  });

  it('makes a document without editions.yaml edition 1 without a date', async () => {
    const { document, past, editions } = await loadDocument(createProcessor(), join(fixturesDir, 'base'), '2020-01-15-sample');
    expect(document.editions).toEqual([{ number: 1, changes: {}, fates: {} }]);
    expect([past, editions.file]).toEqual([[], undefined]);
  });
});

describe('the 2019 "2+2" document', () => {
  it('is in edition 2, dated 2026-12-07, with edition 1 (2026-11-26) kept as it was and every change logged', async () => {
    const { document, past, files } = await loadDocument(createProcessor(), projectRoot, slug);
    expect(document.editions.map((edition) => [edition.number, edition.date])).toEqual([
      [1, '2026-11-26'],
      [2, '2026-12-07'],
    ]);
    // The review changed every language version; no block was removed, split or merged.
    const [, second] = document.editions;
    expect(Object.keys(second.changes).sort()).toEqual(['en', 'ja', 'ru']);
    expect(second.fates).toEqual({});
    expect(past.map((loaded) => loaded.edition.number)).toEqual([1]);
    expect(diagnostics(files)).toEqual([]);
  });
});

describe('loading and checking past editions', () => {
  it('loads edition 1 with its glossary snapshot, and accepts an edition 2 whose changes are all logged', async () => {
    const { list, content } = await loadFixture(undefined, {
      prepare: async (dir) => {
        await editionOneFiles(dir);
        await writeFile(join(dir, sample, 'editions.yaml'), editionsYaml);
      },
    });
    expect(list).toEqual([]);
    expect(content.archive.documents[0].editions.map((edition) => [edition.number, edition.date])).toEqual([[1, '2020-02-01'], [2, '2020-03-01']]);
  });

  it('holds a past edition to the rules that keep it readable, not to house style, mention names or warnings', async () => {
    const processor = createProcessor();
    const dir = await mkdtemp(join(tmpdir(), 'reader-editions-'));
    try {
      await cp(join(fixturesDir, 'base'), dir, { recursive: true });
      // British spelling (spelling), a label that is no name of its entry (term-name), a zero-width space
      // (a warning): not reported on a frozen edition. Raw HTML is: the edition could not be shown.
      await editionOneFiles(dir, (text) => text.replace('Second paragraph, first version.', 'Second programme, first version, <b>bold</b>.').replace(':term[Kono]', ':term[Konno]').replace('Второй абзац,', 'Второй\u200b абзац,'));
      await writeFile(join(dir, sample, 'editions.yaml'), editionsYaml.replace('      - blocks: [s1-p2]\n        notes: []', '      - blocks: [s1-p1, s1-p2]'));
      const loaded = await loadDocument(processor, dir, '2020-01-15-sample');
      expect(loaded.past.map(({ edition }) => [edition.number, edition.source, Object.keys(edition.texts), edition.glossary.map((item) => item.id)])).toEqual([[1, 'ru', ['ru', 'en'], ['japan', 'kono-taro']]]);
      expect(loaded.past[0].edition.texts.en?.blocks[3].text).toBe('Second programme, first version, bold.');
      const glossary = await loadGlossary(dir);
      const check = createArchiveCheck(glossary.glossary, glossary.file);
      check.document(loaded.document, loaded.byLanguage, loaded);
      expect(diagnostics(loaded.files).map((d) => [d.path, d.line, d.column, d.ruleId])).toEqual([
        [`${sample}/editions/1/en.md`, 21, 34, 'raw-html'],
        [`${sample}/editions/1/en.md`, 21, 41, 'raw-html'],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('accepts a copy of the current edition in editions/<current>/ only while it is the current text byte for byte', async () => {
    const prepare = (change: (text: string) => string) => async (dir: string) => {
      const folder = join(dir, sample, 'editions', '1');
      await mkdir(folder, { recursive: true });
      await cp(join(base, 'ru.md'), join(folder, 'ru.md'));
      await writeFile(join(folder, 'en.md'), change(await readFile(join(base, 'en.md'), 'utf8')));
      await cp(join(fixturesDir, 'base', 'content', 'glossary.yaml'), join(folder, 'glossary.yaml'));
      await writeFile(join(dir, sample, 'editions.yaml'), '- edition: 1\n  date: 2020-02-01\n');
    };
    expect((await loadFixture(undefined, { prepare: prepare((text) => text) })).list).toEqual([]);
    const { list } = await loadFixture(undefined, { prepare: prepare((text) => text.replace('Second paragraph.', 'Second paragraph, edited.')) });
    expect(list.map((d) => [d.path, d.line, d.column, d.ruleId])).toEqual([[`${sample}/editions/1/en.md`, 1, 1, 'edition-folder']]);
    expect(list[0].reason).toMatch(/^editions\/1\/ is a copy of the current edition \(1\), made before the next edition is written, so en\.md must stay the same as .*en\.md until edition 2 is added to editions\.yaml$/);
  });

  it('accepts a block merged into another (its fate is the change), and reports a folder for a later edition', async () => {
    const { list } = await loadFixture(undefined, {
      prepare: async (dir) => {
        await editionOneFiles(dir, (text) => text.replace('редакция. {#s1-p2}\n', 'редакция. {#s1-p2}\n\nТретий. {#s1-p3}\n').replace('first version. {#s1-p2}\n', 'first version. {#s1-p2}\n\nThird. {#s1-p3}\n'));
        const merged = editionsYaml.replace(/  changes:[^]*$/, '  changes:\n    ru:\n      - notes: [n-spelling]\n        what: Примечание.\n        why: Так.\n  fates:\n    s1-p3: { merged: s1-p2 }\n');
        await writeFile(join(dir, sample, 'editions.yaml'), merged);
        await mkdir(join(dir, sample, 'editions', '3'));
      },
    });
    expect(list.map((d) => [d.path, d.line, d.column, d.severity, d.ruleId])).toEqual([
      [`${sample}/editions.yaml`, 8, 17, 'warning', 'edition-unchanged'],
      [`${sample}/editions/3`, 1, 1, 'error', 'edition-folder'],
    ]);
    expect(list[1].reason).toMatch(/^`editions\/3\/` is for a past edition, but editions\.yaml makes edition 2 the current one/);
  });
});

describe('the content cache of a document in its second edition', () => {
  /** The base fixture in edition 2, in a temporary folder, its cache written. */
  async function cachedFixture(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'reader-editions-cache-'));
    await cp(join(fixturesDir, 'base'), dir, { recursive: true });
    await editionOneFiles(dir);
    await writeFile(join(dir, sample, 'editions.yaml'), editionsYaml);
    const result = await writeContentCache(dir);
    expect(result.report).toBe('0 errors, 0 warnings in 7 files');
    return dir;
  }

  it('writes each past edition to its own file, and the editions into the document and its summary', async () => {
    const dir = await cachedFixture();
    try {
      expect(readdirSync(join(dir, '.content', 'editions'))).toEqual(['2020-01-15-sample']);
      expect(readdirSync(join(dir, '.content', 'editions', '2020-01-15-sample'))).toEqual(['1.json']);
      expect(readFileSync(join(dir, '.content', 'editions', '2020-01-15-sample', '1.json'), 'utf8')).not.toContain('"position"');
      const cache = openContentCache(dir);
      const summary = await cache.summary('2020-01-15-sample');
      expect(summary?.editions).toEqual([
        { number: 1, date: '2020-02-01' },
        { number: 2, date: '2020-03-01', summary: { ru: 'Уточнён второй абзац.', ja: '第2段落を修正。', en: 'The second paragraph corrected.' } },
      ]);
      const document = await cache.document('2020-01-15-sample');
      expect(document?.editions[1].changes.en).toEqual([{ blocks: ['s1-p2'], notes: [], entries: [], what: 'Wording corrected.', why: 'A typing error.', line: 12 }]);
      const past = await cache.pastEdition('2020-01-15-sample', 1);
      expect([past?.slug, past?.number, past?.source, past?.glossary.map((item) => item.id)]).toEqual(['2020-01-15-sample', 1, 'ru', ['japan', 'kono-taro']]);
      expect(past?.texts.en?.blocks.map((block) => block.text)).toEqual(['Sample', '1. Section', 'Minister Kono visited Japan.', 'Second paragraph, first version.']);
      expect(past?.texts.en?.path).toBe(`${sample}/editions/1/en.md`);
      // The current edition, one that does not exist, and what is not a slug or an edition number: nothing, and no file is opened.
      for (const [slug, n] of [['2020-01-15-sample', 2], ['2020-01-15-sample', 3], ['2020-01-15-sample', 0], ['2020-01-15-sample', 1.5], ['2020-01-15-sample', Number.NaN], ['../2020-01-15-sample', 1], ['2020-01-16-none', 1]] as const) {
        expect(await cache.pastEdition(slug, n)).toBeUndefined();
      }

      // A past edition missing from the cache, or of another shape: an error that says what to run.
      await rm(join(dir, '.content', 'editions', '2020-01-15-sample', '1.json'));
      await expect(openContentCache(dir, { keep: false }).pastEdition('2020-01-15-sample', 1)).rejects.toThrow(
        /^The content cache has `2020-01-15-sample` in edition 2 but no editions\/2020-01-15-sample\/1\.json: run `npm run build` \(or `npm run content`\)/,
      );
      await writeFile(join(dir, '.content', 'editions', '2020-01-15-sample', '1.json'), JSON.stringify({ slug: '2020-01-15-sample', number: 1, source: 'ru', texts: {} }));
      await expect(openContentCache(dir, { keep: false }).pastEdition('2020-01-15-sample', 1)).rejects.toThrow(/^The content cache's editions\/2020-01-15-sample\/1\.json does not have the expected shape \(glossary: /);

      // Once the document has no past edition, its folder is gone from the cache.
      await rm(join(dir, sample, 'editions'), { recursive: true });
      await rm(join(dir, sample, 'editions.yaml'));
      expect((await writeContentCache(dir)).written).toBe(true);
      expect(readdirSync(join(dir, '.content')).sort()).toEqual(['catalog.json', 'documents', 'mentions', 'reuse.json']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('reading a document\'s editions (src/model/document.ts)', () => {
  const document: { slug: string; editions: EditionRecord[] } = {
    slug: 'sample',
    editions: [
      { number: 1, date: '2020-02-01', changes: {}, fates: {} },
      {
        number: 2,
        date: '2020-03-01',
        changes: {
          ru: [{ blocks: ['s1-p2'], notes: ['n-spelling'], entries: [], what: 'Уточнено.', why: 'Опечатка.', line: 8 }],
          en: [{ blocks: ['s1-p1'], notes: [], entries: ['japan'], what: 'Corrected.', why: 'A typing error.', line: 12 }],
        },
        fates: { 's1-p3': { merged: 's1-p2' }, 's1-p4': { split: ['s1-p5', 's1-p6'] } },
      },
      {
        number: 3,
        date: '2020-04-01',
        changes: { en: [{ blocks: ['s1-p1', 's1-p5'], notes: [], entries: [], what: 'Again.', why: 'Clarity.', line: 20 }] },
        fates: { 's1-p6': { removed: 'A repetition.' } },
      },
    ],
  };

  it('finds an edition by number, and the past ones', () => {
    expect(editionRecord(document, 2)?.date).toBe('2020-03-01');
    expect(editionRecord(document, 4)).toBeUndefined();
    expect(pastEditions(document).map((edition) => edition.number)).toEqual([1, 2]);
    expect(currentEdition(document).number).toBe(3);
  });

  it('gives each block and note of a language the latest edition that changed it, a fate counting for every language', () => {
    expect(lastChangedIn(document, 'en')).toEqual(new Map([['s1-p2', 2], ['s1-p5', 3], ['s1-p6', 2], ['s1-p1', 3]]));
    expect(lastChangedIn(document, 'ru')).toEqual(new Map([['s1-p2', 2], ['n-spelling', 2], ['s1-p5', 2], ['s1-p6', 2]]));
    expect(lastChangedIn(document, 'ja')).toEqual(new Map([['s1-p2', 2], ['s1-p5', 2], ['s1-p6', 2]]));
  });

  it('says which edition retired a block ID, and how', () => {
    expect(retiredBlocks(document)).toEqual(
      new Map<string, RetiredBlock>([
        ['s1-p3', { edition: 2, fate: { merged: 's1-p2' } }],
        ['s1-p4', { edition: 2, fate: { split: ['s1-p5', 's1-p6'] } }],
        ['s1-p6', { edition: 3, fate: { removed: 'A repetition.' } }],
      ]),
    );
  });
});
