/**
 * Drafts as a reader meets them: a test archive of drafts (tests/fixtures/drafts over the base fixture:
 * a partial Japanese translation of the sample, and a Japanese document whose English version has its
 * title and summary alone), its reading pages and library rendered by the site's own components
 * (tests/helpers/draft-pages.ts) into static pages and opened in the browser. What they show of
 * untranslated text is the page as written: no script runs here, and none is needed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from './fixtures';

const root = join(import.meta.dirname, '..', '..');
let out = '';

test.beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'reader-draft-pages-'));
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  execFileSync(tsx, ['--tsconfig', join(root, 'tests/helpers/draft-pages.tsconfig.json'), join(root, 'tests/helpers/draft-pages.ts'), out], { cwd: root, stdio: 'pipe' });
});
test.afterAll(() => rmSync(out, { recursive: true, force: true }));

const open = (locale: 'en' | 'ja', name: string) => pathToFileURL(join(out, locale, `${name}.html`)).href;
const sample = '2020-01-15-sample';
const oneLanguage = '2020-02-01-one-language';
const cell = (page: import('@playwright/test').Page, row: string, language: string) => page.locator(`#${row} > .cell[data-col="${language}"]`);

test('an untranslated cell shows the source, labelled as not yet translated, each part in its language', async ({ page }) => {
  await page.goto(open('en', sample));
  const untranslated = cell(page, 's1-p2', 'ja');
  await expect(untranslated).toBeVisible();
  await expect(untranslated).toHaveAttribute('lang', 'ja');
  const label = untranslated.locator('.untranslated-label');
  await expect(label).toHaveText('Not yet translated — the Russian source:');
  await expect(label).toHaveAttribute('lang', 'en');
  const words = untranslated.locator('p.untranslated');
  await expect(words).toHaveText('Второй абзац.');
  await expect(words).toHaveAttribute('lang', 'ru');
  // Nothing in the cell is text in Japanese: the source stands in, marked.
  expect(await untranslated.evaluate((element) => [...element.querySelectorAll('*')].filter((node) => node.children.length === 0).map((node) => node.closest('[lang]')?.getAttribute('lang')))).toEqual(['en', 'ru']);
});

test('a partial translation’s reading page: its translated sentences, the source for the rest, headings and notes from a finished version', async ({ page }) => {
  await page.goto(open('ja', sample));
  // The reader's language first; every language of the document has text.
  await expect(page.locator('.row-heads > .cell:visible')).toHaveText([/^日本語/, /^ロシア語/, /^英語/]);
  const partly = cell(page, 's1-p1', 'ja');
  // Sentence IDs stand without the row's block ID (`s1-p1.2` → `2`).
  await expect(partly.locator('[data-sid="2"]')).toHaveText('二文目の訳。');
  const missing = partly.locator('[data-sid="1"]');
  await expect(missing.locator('.untranslated-label')).toHaveText('未翻訳：');
  await expect(missing.locator('.untranslated-label')).toHaveAttribute('lang', 'ja');
  await expect(missing.locator('[lang="ru"]')).toHaveText('Министр Т. Коно посетил Японию.');
  // The section's one heading is in the first column that has it translated, not in the untranslated one.
  await expect(page.getByRole('heading', { level: 2, name: '1. Раздел' })).toHaveAttribute('class', /block-h2/);
  await expect(cell(page, 's1', 'ja').getByRole('heading')).toHaveCount(0);
  await expect(cell(page, 's1', 'ja').locator('.untranslated-label')).toHaveText('未翻訳です。ロシア語の原文：');
  // The notes of an unfinished version are the source's, in their language.
  await expect(page.locator('.note-body')).toHaveAttribute('lang', 'ru');
  await expect(page.locator('.note-body')).toHaveText('Так в источнике.');
});

test('the default view shows only the languages that have text; the others wait, unchecked, in the picker', async ({ page }) => {
  await page.goto(open('en', oneLanguage));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('一言語の文書（試験用の架空の文書）');
  await expect(page.locator('.row-heads > .cell:visible')).toHaveText([/^Japanese/]);
  await expect(cell(page, 'intro-p1', 'en')).toBeHidden();
  await expect(cell(page, 'intro-p1', 'ru')).toBeHidden();
  await expect(page.getByRole('checkbox', { name: 'Japanese', includeHidden: true })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'English', includeHidden: true })).not.toBeChecked();
  await expect(page.locator('.reading-switch button')).toHaveText(['Japanese']);
});

test('the library shows each version’s translation status and the title in the interface language where one exists', async ({ page }) => {
  await page.goto(open('en', 'library'));
  const one = page.locator('.document-card', { has: page.locator(`a[href$="/${oneLanguage}/"]`) });
  await expect(one.getByRole('heading')).toHaveText('A One-Language Document (an invented test document)');
  await expect(one.getByRole('heading')).toHaveAttribute('lang', 'en');
  await expect(one.locator('p[lang="en"]')).toHaveText(/^An invented announcement of Japan, in Japanese only/);
  await expect(one.locator('.inline-list li')).toHaveText(['Russian (not yet translated)', 'Japanese (source)', 'English (translation, 0% translated)']);
  const partial = page.locator('.document-card', { has: page.locator(`a[href$="/${sample}/"]`) });
  // 3 of its 5 Japanese sentences are untranslated.
  await expect(partial.locator('.inline-list li')).toHaveText(['Russian (source)', 'Japanese (translation, 40% translated)', 'English (translation)']);

  await page.goto(open('ja', 'library'));
  const inJapanese = page.locator('.document-card', { has: page.locator(`a[href$="/${sample}/"]`) });
  await expect(inJapanese.getByRole('heading')).toHaveText('サンプル');
  await expect(inJapanese.locator('.inline-list li')).toHaveText(['ロシア語（原文）', '日本語（翻訳、40%翻訳済み）', '英語（翻訳）']);
});
