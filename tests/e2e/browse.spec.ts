/**
 * Browsing as a reader does, with and without JavaScript: the library's facets, a facet's values
 * with their counts, a value's page with its documents and its feed, the pagination of the lists, and
 * a search narrowed to a year and a participant whose address carries the filters.
 */
import AxeBuilder from '@axe-core/playwright';
import { XMLParser } from 'fast-xml-parser';
import { expect, test } from './fixtures';
import { pages, sample } from './site';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('the library leads to a facet, its values with their counts, and a value’s documents', async ({ page }) => {
      // Four pages and, with JavaScript, axe on the last.
      test.slow();
      const { document, slug } = await sample();
      const participant = document.texts[document.source]?.frontMatter.participants?.[0];
      if (!participant) throw new Error('the first document has no participant');
      await page.goto(pages.library('en'));
      // One document: one page, no pager.
      await expect(page.getByRole('navigation', { name: 'Pages' })).toHaveCount(0);
      const facets = page.getByRole('navigation', { name: 'Browse by' });
      await facets.getByRole('link', { name: 'Participant', exact: true }).click();
      await expect(page).toHaveURL(/\/en\/browse\/participant\/$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Participants');
      await expect(page.getByRole('navigation', { name: 'Browse by' }).getByRole('link', { name: 'Participant', exact: true })).toHaveAttribute('aria-current', 'page');
      const { glossary } = await sample();
      const name = glossary.find((item) => item.id === participant)?.names.en ?? participant;
      const value = page.getByRole('listitem').filter({ hasText: name });
      await expect(value).toContainText('1 document');
      await value.getByRole('link', { name }).click();
      await expect(page).toHaveURL(new RegExp(`/en/browse/participant/${escape(participant)}/$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
      await expect(page.locator('main')).toContainText('Participant · 1 document');
      await expect(page.locator(`main a[href="/en/documents/${slug}/"]`)).toBeVisible();
      await expect(page.getByRole('link', { name: `Glossary entry: ${name}` })).toHaveAttribute('href', pages.entry('en', participant));
      await expect(page.getByRole('link', { name: 'Feed of these documents (Atom)' })).toHaveAttribute('href', `/en/feeds/participant/${participant}.xml`);
      // axe runs as a script in the page: only where scripts run.
      if (javaScriptEnabled) expect((await new AxeBuilder({ page }).analyze()).violations.map((violation) => violation.id)).toEqual([]);
    });

    test('a year and a document type have pages of their own; a page past the last is not found', async ({ page }) => {
      const { document } = await sample();
      const year = document.texts[document.source]?.frontMatter.date.slice(0, 4) ?? '';
      await page.goto('/ru/browse/');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Обзор');
      await page.getByRole('region', { name: 'Годы' }).getByRole('link', { name: year }).click();
      await expect(page).toHaveURL(new RegExp(`/ru/browse/year/${year}/$`));
      await expect(page.locator('main')).toContainText('Год · 1 документ');
      await page.goto('/ja/browse/type/press-release/');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('プレスリリース');
      expect((await page.request.get('/en/page/2/')).status()).toBe(404);
      expect((await page.request.get(`/en/browse/year/${year}/page/2/`)).status()).toBe(404);
    });

    test('a value’s search form sends the words with the value and a year, in the address', async ({ page }) => {
      const { document } = await sample();
      const participant = document.texts[document.source]?.frontMatter.participants?.[0] ?? '';
      const year = document.texts[document.source]?.frontMatter.date.slice(0, 4) ?? '';
      await page.goto(`/ru/browse/participant/${participant}/`);
      await page.getByRole('searchbox', { name: 'Искать в этих документах' }).fill('учения');
      await page.getByRole('combobox', { name: 'Год' }).selectOption(year);
      await page.getByRole('search', { name: 'Искать в этих документах' }).getByRole('button', { name: 'Найти' }).click();
      await expect(page).toHaveURL(new RegExp(`/ru/search/\\?participant=${escape(participant)}&q=%D1%83%D1%87%D0%B5%D0%BD%D0%B8%D1%8F&year=${year}$`));
      if (!javaScriptEnabled) await expect(page.getByText('Поиск работает в браузере и требует JavaScript', { exact: false })).toBeVisible();
    });
  });
}

test.describe('a search narrowed by the address', () => {
  const results = (page: import('@playwright/test').Page) => page.getByRole('list', { name: 'Результаты поиска' }).getByRole('listitem');

  test('finds “учения” within the document’s year and participant, and nothing within another year or person', async ({ page }) => {
    const { document } = await sample();
    const source = document.texts[document.source];
    const participant = source?.frontMatter.participants?.[0] ?? '';
    const year = source?.frontMatter.date.slice(0, 4) ?? '';
    await page.goto(`/ru/search/?q=${encodeURIComponent('учения')}&year=${year}&participant=${participant}`);
    await expect(results(page).first()).toBeVisible();
    const found = await results(page).count();
    expect(found).toBeGreaterThan(0);
    await page.goto(`/ru/search/?q=${encodeURIComponent('учения')}&year=${Number(year) - 1}&participant=${participant}`);
    await expect(page.getByRole('status')).toContainText('ничего не найдено', { ignoreCase: true });
    await expect(results(page)).toHaveCount(0);
    await page.goto(`/ru/search/?q=${encodeURIComponent('учения')}&participant=no-such-person`);
    await expect(page.getByRole('status')).toContainText('ничего не найдено', { ignoreCase: true });
  });
});

test('the feeds of the collection and of a participant are archived feeds a reader can follow', async ({ request }) => {
  const { document } = await sample();
  const participant = document.texts[document.source]?.frontMatter.participants?.[0] ?? '';
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link'].includes(name) });
  for (const address of ['/en/feed.xml', `/ja/feeds/participant/${participant}.xml`]) {
    const response = await request.get(address);
    expect(response.status(), address).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^application\/atom\+xml/);
    const { feed } = parser.parse(await response.text()) as { feed: { entry: Array<{ id: string }>; link: Array<{ '@rel': string; '@href': string }> } };
    expect(feed.link.find((link) => link['@rel'] === 'current')?.['@href']).toBe(address);
    expect(feed.entry.length).toBeGreaterThan(0);
  }
});
