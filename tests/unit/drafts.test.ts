/**
 * Untranslated text from the pipeline to the exports, search and citations, on the test archive of
 * drafts (tests/fixtures/drafts over the base fixture): a Japanese translation of the sample with an
 * untranslated heading, a paragraph translated in part, an untranslated paragraph and note; and a
 * Japanese document whose English version has its title and summary alone.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/cache/load';
import { documentExportSchema, toDocumentJson } from '../../src/exports/document-json';
import { toPlainText } from '../../src/exports/plain-text';
import { toTei } from '../../src/exports/tei';
import { toTmx } from '../../src/exports/tmx';
import { translatedOnly } from '../../src/exports/translated';
import { diagnostics } from '../../src/model/format';
import { translatedPercent } from '../../src/model/document';
import type { ArchiveDocument, GlossaryItem } from '../../src/model/types';
import { searchRecords } from '../../src/search/records';
import { citationRecord } from '../../src/site/citation';
import { fixturesDir, loadFixture } from '../helpers/fixtures';

let dir = '';
let sample: ArchiveDocument;
let oneLanguage: ArchiveDocument;
let glossary: Map<string, GlossaryItem>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reader-drafts-'));
  await cp(join(fixturesDir, 'base'), dir, { recursive: true });
  await cp(join(fixturesDir, 'drafts'), dir, { recursive: true });
  const content = await loadContent(dir);
  expect(content.failed).toBe(false);
  [sample, oneLanguage] = content.archive.documents;
  glossary = new Map(content.archive.glossary.map((item) => [item.id, item]));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const ja = () => sample.texts.ja ?? expect.unreachable('no ja version');

describe('the pipeline', () => {
  it('marks untranslated sentences, blocks and notes, with no text of their own', () => {
    const blocks = new Map(ja().blocks.map((block) => [block.id, block]));
    expect(blocks.get('s1')).toMatchObject({ untranslated: true, text: '', sentences: [{ ids: ['s1.1'], untranslated: true, text: '' }] });
    expect(blocks.get('s1-p1')?.untranslated).toBeUndefined();
    expect(blocks.get('s1-p1')?.sentences).toEqual([
      { ids: ['s1-p1.1'], text: '', line: 19, untranslated: true },
      { ids: ['s1-p1.2'], text: '二文目の訳。', line: 20 },
    ]);
    expect(blocks.get('s1-p1')?.text).toBe('二文目の訳。');
    expect(ja().notes[0]).toMatchObject({ id: 'n-spelling', untranslated: true, text: '', children: [] });
    expect(translatedPercent(ja())).toBe(40);
  });

  it('refuses `:untranslated` in a source text, at its place', async () => {
    const { list } = await loadFixture(undefined, {
      prepare: (root) => writeFile(join(root, 'content/documents/2020-01-15-sample/ru.md'), '---\ntitle: Пример\ndate: 2020-01-15\nplace: Токио\nlang: ru\nrole: source\nprovenance:\n  issuer: МИД Японии\n  official: true\n---\n\n# Пример {#title}\n\n## 1. Раздел {#s1}\n\n:untranslated {#s1-p1}\n\nВторой абзац. {#s1-p2}\n\n:::note{#n-spelling kind=editorial}\nТак в источнике.\n:::\n'),
    });
    expect(list.filter((item) => item.ruleId === 'untranslated-syntax')).toEqual([
      { path: 'content/documents/2020-01-15-sample/ru.md', line: 16, column: 1, severity: 'error', ruleId: 'untranslated-syntax', reason: 'a source text is the original: none of it is untranslated (`:untranslated` belongs in a translation)' },
    ]);
  });
});

describe('exports, search and citations', () => {
  it('leave untranslated text out of its language in the JSON, and a version with none out altogether', () => {
    const json = toDocumentJson(translatedOnly(sample), glossary, { schemaUrl: '/schemas/document.schema.json' });
    expect(documentExportSchema.safeParse(json).success).toBe(true);
    const blocks = new Map(json.blocks.map((block) => [block.id, block]));
    expect(blocks.get('s1-p2')?.text).toEqual({ ru: 'Второй абзац.', en: 'Second paragraph.' });
    expect(blocks.get('s1-p1')?.sentences.map((group) => Object.keys(group.text))).toEqual([['ru', 'en'], ['ru', 'ja', 'en']]);
    expect(blocks.get('s1-p1')?.text.ja).toBe('二文目の訳。');
    expect(json.notes[0].text).toEqual({ ru: 'Так в источнике.', en: 'Thus in the source.' });
    const one = toDocumentJson(translatedOnly(oneLanguage), glossary, { schemaUrl: '/schemas/document.schema.json' });
    expect(one.versions.map((version) => version.lang)).toEqual(['ja']);
  });

  it('give the TMX no Japanese variant of an untranslated sentence, and the plain text and TEI none of the source in its place', () => {
    const tmx = toTmx(translatedOnly(sample), { tool: 'test', toolVersion: '0' });
    const unit = (id: string) => tmx.slice(tmx.indexOf(`tuid="${id}"`), tmx.indexOf('</tu>', tmx.indexOf(`tuid="${id}"`)));
    expect(unit('s1-p1.1')).not.toContain('xml:lang="ja"');
    expect(unit('s1-p1.2')).toContain('<tuv xml:lang="ja">\n        <seg>二文目の訳。</seg>');
    const labels = { notes: '注', issuer: '発表', translator: '翻訳', status: '非公式', edition: '第1版' };
    const text = toPlainText(translatedOnly(sample), 'ja', { labels }) ?? '';
    expect(text).toContain('二文目の訳。');
    expect(text).not.toMatch(/untranslated|Второй|Министр|Так в источнике/);
    expect(toPlainText(translatedOnly(oneLanguage), 'en', { labels })).toBeUndefined();
    const tei = toTei(translatedOnly(sample), glossary, { publisher: 'test' });
    const japanese = tei.slice(tei.indexOf('<text xml:lang="ja"'), tei.indexOf('</text>', tei.indexOf('<text xml:lang="ja"')));
    expect(japanese).toContain('二文目の訳。');
    expect(japanese).not.toMatch(/[А-я]|untranslated/);
  });

  it('index no untranslated block or note for search', () => {
    const records = searchRecords(sample, glossary).filter((record) => record.language === 'ja');
    expect(records.map((record) => [record.url.replace(/^.*#/, ''), record.content])).toEqual([
      ['title', 'サンプル'],
      ['s1-p1', '二文目の訳。'],
    ]);
    expect(searchRecords(oneLanguage, glossary).filter((record) => record.language === 'en')).toEqual([]);
  });

  it('cite a version without its own title by the source’s', () => {
    const text = ja();
    const untitled = { ...sample, texts: { ...sample.texts, ja: { ...text, frontMatter: { ...text.frontMatter, title: undefined } } } };
    expect(citationRecord({ document: untitled, edition: { number: 1 }, version: 'ja', language: 'ja', locale: 'ja' }).title).toBe('Пример');
    expect(citationRecord({ document: untitled, edition: { number: 1 }, version: 'ru', language: 'ja', locale: 'ja' }).title).toBe('Пример');
  });

  it('are what the validator counts: one warning for each draft', async () => {
    const content = await loadContent(dir);
    expect(diagnostics(content.files).map((item) => [item.path.split('/').slice(-2).join('/'), item.line, item.ruleId, item.reason.split(';')[0]])).toEqual([
      ['2020-01-15-sample/ja.md', 17, 'translation-incomplete', '2 of 4 blocks are untranslated (and 1 partly)'],
      ['2020-02-01-one-language/en.md', 15, 'translation-incomplete', '2 of 2 blocks are untranslated'],
    ]);
  });
});
