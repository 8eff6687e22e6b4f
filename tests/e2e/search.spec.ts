/**
 * Search, as a reader uses it: the header's field on any page (and its `/` shortcut), the search
 * page with its results in every language, each result leading to its paragraph; the index loaded
 * only once someone searches; a clear message where JavaScript is off.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { Language } from '../../src/model/languages';
import { pages, sample } from './site';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The block of `language` whose text contains `words`, from the edition the site is built from. */
async function blockWith(language: Language, words: string) {
  const { document } = await sample();
  const block = document.texts[language]?.blocks.find((candidate) => candidate.text.includes(words));
  if (!block) throw new Error(`no ${language} block contains “${words}”`);
  return { slug: document.slug, block };
}

/** The results shown, by the name the list has in each interface language. */
const results = (page: Page) => page.getByRole('list', { name: /^(Results|Результаты поиска|検索結果)$/ }).getByRole('listitem');

/** Follows the result for `id` and checks that the reader lands on that row, its language first. */
async function followResult(page: Page, id: string, language: Language) {
  const link = results(page).filter({ has: page.locator(`a[href*="?cols=${language}-"][href$="#${id}"]`) }).getByRole('link');
  await link.click();
  const row = page.locator(`[id="${id}"]`);
  await expect(row).toBeInViewport();
  expect(await row.evaluate((element) => element.matches(':target'))).toBe(true);
  await expect(row.locator(':scope > [lang]:visible').first()).toHaveAttribute('lang', language);
}

test('a Russian word finds its other forms, and its result leads to the paragraph', async ({ page }) => {
  const { slug, block } = await blockWith('ru', 'во Владивостоке');
  const { source } = await sample();
  const title = source.frontMatter.title ?? '';
  await page.goto(pages.library('ru'));
  const field = page.getByRole('searchbox', { name: 'Поиск по документам' });
  await field.fill('Владивосток');
  await field.press('Enter');
  await expect(page).toHaveURL(/\/ru\/search\/\?q=%D0%92/);
  // The glossary's entry for the city first, then the paragraphs.
  await expect(page.getByRole('status')).toHaveText(/^По запросу «Владивосток» найдено \d+ результат/);
  await expect(results(page).first()).toContainText('Русский · статья глоссария');
  await expect(results(page).first().getByRole('link')).toHaveAttribute('href', '/ru/glossary/vladivostok/');
  const result = results(page).filter({ has: page.locator(`a[href*="?cols=ru-"][href$="#${block.id}"]`) });
  await expect(result).toHaveCount(1);
  // The paragraph, in its language, with the word found marked: and nothing but text and marks.
  const excerpt = result.locator('p');
  await expect(excerpt).toHaveAttribute('lang', 'ru');
  await expect(excerpt.locator('mark')).toHaveText([/^Владивостоке/]);
  expect(await excerpt.locator('*').evaluateAll((nodes) => nodes.map((node) => node.nodeName))).toEqual(['MARK']);
  await expect(result.getByRole('link')).toContainText('Русский · пункт 1.2, абзац 1');
  await expect(result.getByRole('link').locator('[lang="ru"]')).toHaveText(title);
  await followResult(page, block.id, 'ru');
  // The address names the view while the page applies it, then keeps the canonical one.
  await expect(page).toHaveURL(new RegExp(`${escape(pages.reader('ru', slug))}#${block.id}$`));
});

test('a Japanese word is found on the search page of any language, its result with the Japanese column first', async ({ page }) => {
  const { slug, block } = await blockWith('ja', '北方領土');
  await page.goto('/en/search/?q=北方領土');
  await expect(page.getByRole('status')).toHaveText(/^\d+ results for “北方領土”$/);
  const result = results(page).filter({ has: page.locator(`a[href*="?cols=ja-"][href$="#${block.id}"]`) });
  await expect(result.locator('p[lang="ja"] mark')).toHaveText(['北方領土']);
  await expect(result.getByRole('link')).toContainText('Japanese · 1.1 ¶1');
  await expect(result.getByRole('link')).toHaveAttribute('href', `${pages.reader('en', slug, 'ja-ru-en')}#${block.id}`);
  await followResult(page, block.id, 'ja');
  await expect(page).toHaveURL(new RegExp(`${escape(pages.reader('en', slug, 'ja-ru-en'))}#${block.id}$`));
});

test('results follow the field, in the address too, and are announced', async ({ page }) => {
  await page.goto('/ja/search/');
  const field = page.getByRole('searchbox', { name: '文書を検索' });
  await expect(page.getByRole('status')).toHaveText('');
  await field.fill('ウラジオストク');
  // The city's entry, once, then the paragraph that names it in each language.
  await expect(page.getByRole('status')).toHaveText('「ウラジオストク」の検索結果：4件');
  await expect(page).toHaveURL(/\/ja\/search\/\?q=%E3%82%A6/);
  await field.fill('Vladivostok');
  await expect(page.getByRole('status')).toHaveText('「Vladivostok」の検索結果：4件');
  await expect(results(page).first().getByRole('link')).toHaveAttribute('href', '/ja/glossary/vladivostok/');
  await field.fill('qzxjv');
  await expect(page.getByRole('status')).toHaveText('「qzxjv」に一致する結果はありません。');
  await expect(results(page)).toHaveCount(0);
  await page.reload();
  await expect(field).toHaveValue('qzxjv');
  // The words of a document's title do not make every paragraph of it a result.
  await field.fill('Fourth Round');
  await expect(page.getByRole('status')).toHaveText(/^「Fourth Round」の検索結果：\d件$/);
  for (const result of await results(page).all()) await expect(result.locator('mark').first()).toBeVisible();
});

test('any name the glossary knows finds its entry and the paragraphs that mention it, and the notes are searched', async ({ page }) => {
  const { glossary, document } = await sample();
  // A variant that no English text writes: the entry's other names are searched, not shown.
  const shoigu = glossary.find((item) => item.variants?.en?.includes('Sergey Shoygu'));
  if (!shoigu) throw new Error('the glossary has no entry with the variant Sergey Shoygu');
  const english = document.texts.en;
  if (!english?.blocks.every((block) => !block.text.includes('Shoygu'))) throw new Error('an English text writes Shoygu: the test needs a variant no text uses');
  await page.goto(pages.search('en', 'Shoygu'));
  await expect(page.getByRole('status')).toHaveText(/^\d+ results? for “Shoygu”$/);
  // The entry first, then its mentions in every language.
  await expect(results(page).first().getByRole('link')).toHaveAttribute('href', `/en/glossary/${shoigu.id}/`);
  await expect(results(page).first().locator('mark')).toHaveText([/Shoygu/]);
  for (const language of ['ru', 'ja', 'en'] as const) {
    const mentioning = new Set((document.texts[language]?.mentions ?? []).filter((mention) => mention.ref === shoigu.id && !mention.inNote).map((mention) => mention.block));
    expect(mentioning.size, language).toBeGreaterThan(0);
    for (const block of mentioning) await expect(results(page).filter({ has: page.locator(`a[href*="?cols=${language}-"][href$="#${block}"]`) }), `${language} ${block}`).toHaveCount(1);
  }
  // A name in another script finds the same entry.
  for (const name of [shoigu.names.ru, shoigu.names.ja]) {
    await page.goto(pages.search('en', name));
    await expect(results(page).filter({ has: page.locator(`a[href="/en/glossary/${shoigu.id}/"]`) })).toHaveCount(1);
  }
  // Words that stand only in a note find the note, named by the words its mark stands on, and lead to it.
  const note = english.notes.find((candidate) => candidate.text.includes('Southern Kuril'));
  if (!note) throw new Error('no English note mentions the Southern Kurils');
  const anchor = english.anchors.find((candidate) => candidate.ref === note.id && !candidate.inNote);
  await page.goto(pages.search('en', 'Southern Kurils'));
  const found = results(page).filter({ has: page.locator(`a[href$="#n_${note.id}"]`) });
  await expect(found.getByRole('link')).toContainText(`English · note on “${anchor?.text}”`);
  await expect(found.locator('.result-place [lang="en"]')).toHaveText(anchor?.text ?? '');
  await found.getByRole('link').click();
  await expect(page.locator(`[id="n_${note.id}"]`)).toBeInViewport();
});

test('a number, another transliteration, another kana spelling and an island’s other name each find what holds them', async ({ page }) => {
  const { glossary } = await sample();
  const entry = (id: string) => {
    if (!glossary.some((item) => item.id === id)) throw new Error(`the glossary has no entry ${id}`);
    return `/en/glossary/${id}/`;
  };
  // A number as written, held only by an entry's description: the entry is found, first.
  await page.goto(pages.search('en', '1718'));
  await expect(results(page).first().getByRole('link')).toHaveAttribute('href', entry('unsc-resolutions-dprk'));
  // Two forms of our choosing, each a listed variant: a second Latin transliteration and a second kana spelling.
  for (const [query, id] of [
    ['Shoigu', 'shoigu-sergey'],
    ['ラブロフ', 'lavrov-sergey'],
  ] as const) {
    await page.goto(pages.search('en', query));
    await expect(results(page).first().getByRole('link'), query).toHaveAttribute('href', entry(id));
  }
  // The Japanese name of an island, in an English note: the note is found.
  await page.goto(pages.search('en', 'Etorofu'));
  await expect(results(page).filter({ has: page.locator('a[href$="#n_northern-territories-name"]') }).first()).toBeVisible();
});

test('a word no text holds finds nothing like it, and “2+2” finds the titles that write it', async ({ page }) => {
  // Pagefind falls back to a shorter prefix of a word it does not hold: "Iturup" would mark "its".
  await page.goto(pages.search('en', 'Iturbide'));
  await expect(page.getByRole('status')).toHaveText('Nothing found for “Iturbide”.');
  await page.goto(pages.search('en', 'Iturup'));
  await expect(page.getByRole('status')).toHaveText(/^\d+ results? for “Iturup”$/);
  expect(await results(page).locator('mark').allTextContents()).not.toContain('its');
  for (const mark of await results(page).locator('mark').allTextContents()) expect(mark).toMatch(/Iturup/);
  // "2+2" is one word to the index: not every "(2)" of the headings.
  await page.goto(pages.search('en', '2+2'));
  await expect(page.getByRole('status')).toHaveText(/^\d+ results? for “2\+2”$/);
  const titles = results(page).filter({ has: page.locator('a[href$="#title"]') });
  await expect(titles.first()).toBeVisible();
  for (const mark of await results(page).locator('mark').allTextContents()) expect(mark).toContain('2+2');
});

test('results come from every language, twenty at a time, and the keyboard goes on where the next ones begin', async ({ page }) => {
  await page.goto(pages.search('en', 'Japan'));
  const status = page.getByRole('status');
  await expect(status).toHaveText(/^\d+ results for “Japan”$/);
  const total = Number((await status.textContent())?.match(/^\d+/)?.[0]);
  expect(total).toBeGreaterThan(20);
  await expect(results(page)).toHaveCount(20);
  const more = page.getByRole('button', { name: 'Show more results' });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(results(page)).toHaveCount(Math.min(total, 40));
  await expect(results(page).nth(20).getByRole('link')).toBeFocused();
  for (let shown = 40; shown < total; shown += 20) {
    await more.click();
    await expect(results(page)).toHaveCount(Math.min(total, shown + 20));
  }
  await expect(results(page)).toHaveCount(total);
  await expect(more).toBeHidden();
  const languages = await results(page).locator('p').evaluateAll((passages) => passages.map((passage) => passage.getAttribute('lang')));
  expect(new Set(languages)).toEqual(new Set(['ru', 'ja', 'en']));
});

test('newest first, the notes stay among the texts and the glossary’s entries, undated, drop out; the order is shown, and the filters of the address by name', async ({ page }) => {
  const { document } = await sample();
  const participant = document.texts[document.source]?.frontMatter.participants?.[0] ?? '';
  const { glossary } = await sample();
  const name = glossary.find((item) => item.id === participant)?.names.en ?? participant;
  await page.goto(`${pages.search('en', 'Спаская')}&sort=date&participant=${participant}`);
  await expect(page.getByRole('status')).toHaveText(/^\d+ results? for “Спаская”$/);
  // Narrowed to a participant: the paragraph alone (notes and entries have no participant).
  await expect(results(page).locator('.result-place')).toHaveText(['Russian · 1.2 ¶1']);
  await expect(page.getByRole('navigation', { name: 'Order of the results' }).getByRole('link', { name: 'Newest first' })).toHaveAttribute('aria-current', 'true');
  const filters = page.getByRole('group', { name: 'Narrowed to' });
  await expect(filters.getByRole('link')).toHaveText([`Participant: ${name}`]);
  await filters.getByRole('link', { name: `Remove the filter Participant: ${name}` }).click();
  await expect(page).toHaveURL(/\/en\/search\/\?q=%D0%A1%D0%BF%D0%B0%D1%81%D0%BA%D0%B0%D1%8F&sort=date$/);
  // One document: one date, in whatever order the languages come.
  await expect(results(page)).toHaveCount(4);
  expect((await results(page).locator('.result-place').allTextContents()).sort()).toEqual(
    ['English · note on “Spasskaya Tower International Military Music Festival”', 'Japanese · note on “スパスカヤ・タワー”', 'Russian · 1.2 ¶1', 'Russian · note on “Спаская башня”'].sort(),
  );
});

test('the results page passes axe with results shown', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto('/ru/search/?q=Россия');
  await expect(page.getByRole('status')).toHaveText(/найден/);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
  await context.close();
});

test('/ focuses the search field from anywhere but a field, and the reading page loads no index until a search', async ({ page }) => {
  const { slug } = await sample();
  const index: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/pagefind/')) index.push(path);
  });
  await page.goto(pages.reader('en', slug));
  await page.waitForLoadState('load');
  // Reading, pointing at terms, choosing columns: no request for the index.
  await page.locator('a[data-term]').first().hover();
  await page.getByRole('group', { name: 'Columns' }).getByRole('checkbox', { name: 'Japanese' }).uncheck();
  const field = page.getByRole('searchbox', { name: 'Search the documents' });
  await expect(field).toHaveAttribute('aria-keyshortcuts', '/');
  // The key is shown in the field (not in its placeholder, which touch screens show too).
  await expect(field).toHaveAttribute('placeholder', 'Search');
  expect(await field.evaluate((input) => getComputedStyle(input.closest('form') as Element, '::after').content)).toMatch(/^"\/"/);
  // In another field, / is typed as usual (the checkbox just used is a field too).
  await page.keyboard.press('/');
  await expect(field).not.toBeFocused();
  await page.locator('main').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('');
  await page.keyboard.type('Tokyo');
  await expect(field).toHaveValue('Tokyo');
  expect(index).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText(/results? for “Tokyo”/);
  expect(index).toContain('/pagefind/ru/pagefind.js');
  expect(index).toContain('/pagefind/ja/pagefind.js');
  expect(index).toContain('/pagefind/en/pagefind.js');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header form leads to the search page, which says that search needs JavaScript and offers the library and the glossary', async ({ page }) => {
    await page.goto(pages.glossary('en'));
    const field = page.getByRole('searchbox', { name: 'Search the documents' });
    await field.fill('Vladivostok');
    await field.press('Enter');
    await expect(page).toHaveURL(/\/en\/search\/\?q=Vladivostok$/);
    await expect(page.getByText('Search runs in your browser and needs JavaScript')).toBeVisible();
    await expect(page.getByRole('link', { name: 'library', exact: true })).toHaveAttribute('href', '/en/');
    await expect(page.getByRole('link', { name: 'glossary', exact: true })).toHaveAttribute('href', '/en/glossary/');
    await expect(results(page)).toHaveCount(0);
  });
});
