/** The pages around the reader: library, glossary, language switch, root, 404, titles, and no JavaScript. (Sitemap: addresses.spec.ts.) */
import { expect, test } from './fixtures';
import { locales, mentionOf, pages, sample } from './site';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('the interface language switch keeps the document, its columns and the paragraph', async ({ page }) => {
  const { slug, paragraph } = await sample();
  await page.goto(`${pages.reader('en', slug, 'ru-en')}#${paragraph.id}`);
  await page.getByRole('navigation', { name: 'Interface language' }).getByRole('link', { name: '日本語' }).click();
  await expect(page).toHaveURL(new RegExp(`${escape(pages.reader('ja', slug, 'ru-en'))}#${paragraph.id}$`));
  await expect(page.locator(`[id="${paragraph.id}"] > [lang]:visible`)).toHaveCount(2);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('navigation', { name: 'サイト内メニュー' }).getByRole('link', { name: '用語集' })).toBeVisible();
  await page.getByRole('navigation', { name: '表示言語' }).getByRole('link', { name: 'Русский' }).click();
  await expect(page).toHaveURL(new RegExp(`${escape(pages.reader('ru', slug, 'ru-en'))}#${paragraph.id}$`));
  await expect(page.getByRole('link', { name: 'Словарь' })).toBeVisible();
});

test('the library lists each document with its date, place and languages', async ({ page }) => {
  const { slug, source } = await sample();
  await page.goto(pages.library('ru'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Библиотека');
  const link = page.getByRole('link', { name: source.frontMatter.title });
  await expect(link).toHaveAttribute('href', pages.reader('ru', slug));
  await link.click();
  await expect(page.locator('[data-pid]').first()).toBeVisible();
});

test('the glossary lists every entry and links to its page, which lists the documents that mention it', async ({ page }) => {
  const { glossary, slug, paragraph, entry } = await sample();
  // Old links to an entry's anchor still land on it.
  await page.goto(`${pages.glossary('en')}#${entry.id}`);
  await expect(page.locator('article[id]')).toHaveCount(glossary.length);
  const article = page.locator(`[id="${entry.id}"]`);
  await expect(article).toBeInViewport();
  await expect(article.locator('[lang="ja"]').first()).toHaveText(entry.names.ja);
  // The index lists no mentions, only how many there are, linking to the entry's page.
  await expect(article.locator('q')).toHaveCount(0);
  const more = article.getByRole('link', { name: /^\d+ mentions? in \d+ documents?$/ });
  await expect(more).toHaveAttribute('href', pages.entry('en', entry.id));
  await more.click();
  await expect(page).toHaveURL(new RegExp(`${escape(pages.entry('en', entry.id))}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(entry.names.en);
  await expect(page).toHaveTitle(new RegExp(`^${escape(entry.names.en)} · Glossary`));
  await expect(page.locator('dd[lang="ru"]').first()).toContainText(entry.names.ru);
  const main = page.locator('main');
  await main.locator(`a[href="${pages.reader('en', slug)}#${paragraph.id}"]`).first().click();
  await expect(page.locator(`[id="${paragraph.id}"]`)).toBeInViewport();
  // The entry's page lists the documents, each with its number of mentions, not every wording inline.
  await page.goBack();
  await expect(main.locator('q')).toHaveCount(0);
  await expect(main.locator('.mention-document').first()).toContainText(/\d+ mentions?/);
});

test('the glossary says so when the address names no entry, and suggests the nearest', async ({ page }) => {
  const { entry } = await sample();
  await page.goto(`${pages.glossary('en')}#nope`);
  await expect(page.getByRole('alert')).toContainText('The glossary has no entry “nope”');
  // No entry is a plausible typo of “nope”: nothing is suggested.
  await expect(page.getByRole('alert').getByRole('link')).toBeHidden();
  await page.goto(`${pages.glossary('en')}#${entry.id.slice(0, -1)}x`);
  const suggestion = page.getByRole('alert').getByRole('link');
  await expect(suggestion).toHaveAttribute('href', `#${entry.id}`);
  await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toBeHidden();
});

test('the root address picks the browser language', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page).toHaveURL(/\/ja\/$/);
  await context.close();
});

test('an unknown address shows the 404 page in the language of the address', async ({ page }) => {
  const response = await page.goto(pages.missing('ja'));
  expect(response?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ページが見つかりません');
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page).toHaveTitle('ページが見つかりません · 外交文書対訳リーダー');
  await expect(page.getByRole('main').getByRole('link', { name: '用語集', exact: true })).toHaveAttribute('href', '/ja/glossary/');
  await page.getByRole('link', { name: '文書一覧へ' }).click();
  await expect(page).toHaveURL(/\/ja\/$/);
});

test('the 404 page has the site header, in the language of the address, with its language switch', async ({ page }) => {
  await page.goto(pages.missing('ru'));
  const header = page.getByRole('banner');
  await expect(header).toHaveCount(1);
  await expect(page.locator('.not-found-header:visible')).toHaveAttribute('lang', 'ru');
  await expect(header.getByRole('link', { name: 'Дипломатические документы: параллельное чтение' })).toHaveAttribute('href', '/ru/');
  await expect(header.getByRole('navigation', { name: 'Разделы сайта' }).getByRole('link', { name: 'Словарь' })).toHaveAttribute('href', '/ru/glossary/');
  await expect(header.getByRole('searchbox')).toBeVisible();
  const switcher = header.getByRole('navigation', { name: 'Язык интерфейса' });
  await expect(switcher.getByRole('link', { name: 'Русский' })).toHaveAttribute('aria-current', 'true');
  await switcher.getByRole('link', { name: '日本語' }).click();
  await expect(page).toHaveURL(/\/ja\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
});

const siteNames = { ru: 'Дипломатические документы: параллельное чтение', ja: '外交文書対訳リーダー', en: 'Diplomatic Records Reader' } as const;

for (const locale of locales) {
  test(`every page’s title names the page, then the site (${locale})`, async ({ page }) => {
    const { slug, document: edition, entry } = await sample();
    const local = edition.texts[locale] ?? edition.texts[edition.source];
    const expected: Array<[string, string]> = [
      [pages.library(locale), { ru: 'Библиотека', ja: '文書一覧', en: 'Library' }[locale]],
      [pages.reader(locale, slug), local?.frontMatter.title ?? ''],
      [pages.glossary(locale), { ru: 'Словарь', ja: '用語集', en: 'Glossary' }[locale]],
      [pages.entry(locale, entry.id), `${entry.names[locale]} · ${{ ru: 'Словарь', ja: '用語集', en: 'Glossary' }[locale]}`],
      [pages.search(locale), { ru: 'Поиск', ja: '検索', en: 'Search' }[locale]],
      [pages.missing(locale), { ru: 'Страница не найдена', ja: 'ページが見つかりません', en: 'Page not found' }[locale]],
    ];
    for (const [path, title] of expected) {
      await page.goto(path);
      await expect(page, path).toHaveTitle(`${title} · ${siteNames[locale]}`);
    }
  });
}

test('the root page’s title names the site in each language', async ({ request }) => {
  // The root page belongs to no language (and moves on to one at once).
  const root = await (await request.get('/')).text();
  expect(/<title>([^<]*)<\/title>/.exec(root)?.[1]).toBe(Object.values(siteNames).join(' · '));
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('reading, permalinks and glossary links work, with every column', async ({ page }) => {
    const { slug, paragraph, lastBlock, entry } = await sample();
    // A shared view needs the page script: without it the page shows its default view, every language
    // with the interface language first.
    await page.goto(`${pages.reader('en', slug, 'en-ja')}#${lastBlock.id}`);
    await expect(page.locator(`[id="${lastBlock.id}"]`)).toBeInViewport();
    expect(await page.locator(`[id="${lastBlock.id}"]`).evaluate((element) => element.matches(':target'))).toBe(true);
    const cells = page.locator(`[id="${paragraph.id}"] > [lang]:visible`);
    await expect(cells).toHaveCount(3);
    expect(await cells.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('lang')))).toEqual(['en', 'ru', 'ja']);
    // Controls that need the script are not offered.
    await expect(page.getByRole('group', { name: 'Columns' })).toBeHidden();
    // The copy-link button needs the page script: without it only the ¶ permalink is offered.
    await expect(page.locator(`[id="${paragraph.id}"] button[aria-label^="Copy link"]`)).toBeHidden();
    await expect(page.locator(`[id="${paragraph.id}"] a.pilcrow`)).toBeVisible();
    // Without JavaScript a mention is a plain link to its glossary entry, which opens the entry's page.
    const link = page.locator(`[id="${paragraph.id}"] > [lang="ru"] ${mentionOf(entry.id)}`).first();
    await expect(link).toHaveAttribute('href', pages.entry('en', entry.id));
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${escape(pages.entry('en', entry.id))}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(entry.names.en);
    await expect(page.locator('main')).toContainText(entry.description.en.replace(/\s+/g, ' ').slice(0, 40));
    // Its mentions link back to the paragraph.
    await expect(page.locator(`main a[href="${pages.reader('en', slug)}#${paragraph.id}"]`).first()).toBeVisible();
  });

  test('the glossary page and the root page work', async ({ page }) => {
    const { glossary, entry } = await sample();
    await page.goto(pages.glossary('ja'));
    await expect(page.locator('article[id]')).toHaveCount(glossary.length);
    await page.locator(`[id="${entry.id}"] a[href="${pages.entry('ja', entry.id)}"]`).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(entry.names.ja);
    await page.goto('/');
    await expect(page.getByRole('link', { name: /English/ })).toHaveAttribute('href', '/en/');
    await expect(page.getByRole('link', { name: /日本語/ })).toHaveAttribute('href', '/ja/');
  });

  test('the 404 page shows every message under one site header', async ({ page }) => {
    await page.goto(pages.missing('ja'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(['Страница не найдена', 'ページが見つかりません', 'Page not found']);
    await expect(page.getByRole('banner')).toHaveCount(1);
    await expect(page.getByRole('banner').getByRole('navigation', { name: 'Interface language' }).getByRole('link', { name: '日本語' })).toHaveAttribute('href', '/ja/');
  });
});
