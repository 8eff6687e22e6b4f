/**
 * Browsing a generated archive of 45 documents (tests/archive/where.ts), with and without JavaScript,
 * as a reader does: the library paged through by its links, a participant and a glossary entry with
 * more than one page of documents, and their counts against what the pages list; with JavaScript, a
 * search narrowed by the address to a year and a participant, its filters shown and taken out one by
 * one, and its results newest first. What the pages should list comes from the content cache of the
 * build (tests/archive/catalog.ts), not from the pages.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';
import { archiveCatalog, commonestValue, documentsOf, englishName, type ListedDocument } from './catalog';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The slug of a document's address (`/en/documents/<slug>/…`). */
const slugOf = (href: string | null) => /\/documents\/([^/?#]+)\//.exec(href ?? '')?.[1] ?? `not a document: ${href}`;

/** The documents a list page shows, in order: the slugs of its cards' title links. */
async function listedSlugs(page: Page): Promise<string[]> {
  return (await page.locator('.document-card h3 a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).map(slugOf);
}

const pager = (page: Page) => page.getByRole('navigation', { name: 'Pages' });
const slugs = (documents: readonly ListedDocument[]) => documents.map((document) => document.slug);

/** Asserts the pager of page `n` of `pages`: the current page marked, and previous and next where there are some. */
async function expectPager(page: Page, n: number, pages: number): Promise<void> {
  await expect(pager(page).getByRole('link', { name: `Page ${n}`, exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(pager(page).locator('a[aria-current]')).toHaveCount(1);
  await expect(pager(page).locator('a[rel="prev"]')).toHaveCount(n > 1 ? 1 : 0);
  await expect(pager(page).locator('a[rel="next"]')).toHaveCount(n < pages ? 1 : 0);
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('the library pages through every document, newest first, by its links, and a page past the last is not found', async ({ page }) => {
      const { newest } = archiveCatalog();
      expect(newest).toHaveLength(45);
      await page.goto('/en/');
      await expectPager(page, 1, 3);
      expect(await listedSlugs(page)).toEqual(slugs(newest.slice(0, 20)));
      await pager(page).getByRole('link', { name: 'Next page' }).click();
      await expect(page).toHaveURL(/\/en\/page\/2\/$/);
      await expectPager(page, 2, 3);
      expect(await listedSlugs(page)).toEqual(slugs(newest.slice(20, 40)));
      await pager(page).getByRole('link', { name: 'Page 3', exact: true }).click();
      await expect(page).toHaveURL(/\/en\/page\/3\/$/);
      await expectPager(page, 3, 3);
      expect(await listedSlugs(page)).toEqual(slugs(newest.slice(40)));
      // Back, by the previous links, to the first page, which has the address of the library.
      await pager(page).getByRole('link', { name: 'Previous page' }).click();
      await expect(page).toHaveURL(/\/en\/page\/2\/$/);
      await pager(page).getByRole('link', { name: 'Previous page' }).click();
      await expect(page).toHaveURL(/\/en\/$/);
      await expectPager(page, 1, 3);
      const past = await page.goto('/en/page/4/');
      expect(past?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    });

    test('a participant of more than twenty documents: its count on the list of participants is what its pages list, newest first', async ({ page }) => {
      const participant = commonestValue('participant');
      const expected = documentsOf('participant', participant);
      expect(expected.length).toBeGreaterThan(20);
      const name = englishName(participant);
      await page.goto('/en/browse/participant/');
      const value = page.getByRole('listitem').filter({ has: page.getByRole('link', { name, exact: true }) });
      await expect(value).toContainText(`${expected.length} documents`);
      await value.getByRole('link', { name, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/en/browse/participant/${escape(participant)}/$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
      const pages = Math.ceil(expected.length / 20);
      await expect(page.locator('main .lede')).toHaveText(`Participant · ${expected.length} documents · Page 1 of ${pages}`);
      await expectPager(page, 1, pages);
      const listed = await listedSlugs(page);
      for (let n = 2; n <= pages; n++) {
        await pager(page).getByRole('link', { name: 'Next page' }).click();
        await expect(page).toHaveURL(new RegExp(`/en/browse/participant/${escape(participant)}/page/${n}/$`));
        await expectPager(page, n, pages);
        listed.push(...(await listedSlugs(page)));
      }
      expect(listed).toEqual(slugs(expected));
      expect((await page.request.get(`/en/browse/participant/${participant}/page/${pages + 1}/`)).status()).toBe(404);
    });

    test('a glossary entry’s page lists the documents that mention it, newest first, twenty a page, with counts that add up', async ({ page }) => {
      const { catalog, newest } = archiveCatalog();
      const [id, counts] = Object.entries(catalog.mentions).sort((a, b) => b[1].documents - a[1].documents)[0];
      expect(counts.documents).toBeGreaterThan(40);
      const pages = Math.ceil(counts.documents / 20);
      await page.goto(`/en/glossary/${id}/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(englishName(id));
      const section = page.getByRole('region', { name: 'Documents that mention it, newest first' });
      await expect(section.locator('p').first()).toHaveText(`${counts.mentions} mentions in ${counts.documents} documents · Page 1 of ${pages}`);
      const listed: string[] = [];
      let mentions = 0;
      for (let n = 1; n <= pages; n++) {
        if (n > 1) {
          await pager(page).getByRole('link', { name: 'Next page' }).click();
          await expect(page).toHaveURL(new RegExp(`/en/glossary/${escape(id)}/page/${n}/$`));
        }
        await expectPager(page, n, pages);
        const documents = section.locator('.mention-document');
        await expect(documents).toHaveCount(n < pages ? 20 : counts.documents - 20 * (pages - 1));
        for (const document of await documents.all()) {
          listed.push(slugOf(await document.locator('.mention-title a').getAttribute('href')));
          const count = Number(/(\d+) mentions?$/.exec((await document.locator('.mention-count').textContent()) ?? '')?.[1]);
          // Each of its mentions, a link to the paragraph.
          await expect(document.locator('.mention-list a')).toHaveCount(count);
          mentions += count;
        }
      }
      expect(new Set(listed).size).toBe(counts.documents);
      expect(mentions).toBe(counts.mentions);
      const order = newest.map((document) => document.slug);
      expect(listed).toEqual([...listed].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    });
  });
}

/** A year and a participant that narrow a search to some documents, each leaving out some the other keeps. */
function yearAndParticipant(): { year: string; participant: string; expected: ListedDocument[] } {
  const { newest } = archiveCatalog();
  for (const document of newest) {
    const year = document.facets.year[0];
    for (const participant of document.facets.participant) {
      const expected = newest.filter((each) => each.facets.year.includes(year) && each.facets.participant.includes(participant));
      const otherYears = documentsOf('participant', participant).length > expected.length;
      const otherPersons = documentsOf('year', year).length > expected.length;
      if (otherYears && otherPersons) return { year, participant, expected };
    }
  }
  throw new Error('the generated archive has no year and participant that narrow each other');
}

const results = (page: Page) => page.getByRole('list', { name: /^(Results|Результаты поиска)$/ }).getByRole('listitem');

/** The slugs of every result of the search shown, “Show more results” pressed until there are no more. */
async function allResultSlugs(page: Page, more: Locator): Promise<string[]> {
  await expect(results(page).first()).toBeVisible();
  while (await more.isVisible()) {
    const before = await results(page).count();
    await more.click();
    await expect.poll(() => results(page).count()).toBeGreaterThan(before);
  }
  return (await results(page).locator(':scope > a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).map(slugOf);
}

test.describe('a search narrowed by the address, with JavaScript', () => {
  test('finds only what the year and the participant hold, shows both filters, and each can be taken out by keyboard', async ({ page }) => {
    // Three searches, two of them shown whole, and axe.
    test.slow();
    const { year, participant, expected } = yearAndParticipant();
    const { catalog } = archiveCatalog();
    const name = catalog.glossary.find((item) => item.id === participant)?.names.ru ?? participant;
    // Every generated Russian title reads «Итоги консультаций по теме …».
    await page.goto(`/ru/search/?q=${encodeURIComponent('консультации')}&year=${year}&participant=${participant}`);
    const more = page.getByRole('button', { name: 'Показать еще' });
    const found = await allResultSlugs(page, more);
    expect([...new Set(found)].sort()).toEqual(slugs(expected).sort());
    const filters = page.getByRole('group', { name: 'Поиск ограничен' });
    await expect(filters.getByRole('link')).toHaveText([`Год: ${year}`, `Участник: ${name}`]);
    expect((await new AxeBuilder({ page }).analyze()).violations.map((violation) => violation.id)).toEqual([]);
    const withoutYear = filters.getByRole('link', { name: `Снять ограничение «Год: ${year}»` });
    await withoutYear.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/ru/search/\\?q=${escape(encodeURIComponent('консультации'))}&participant=${escape(participant)}$`));
    await expect(filters.getByRole('link')).toHaveText([`Участник: ${name}`]);
    const participantOnly = await allResultSlugs(page, more);
    expect([...new Set(participantOnly)].sort()).toEqual(slugs(documentsOf('participant', participant)).sort());
    await filters.getByRole('link', { name: `Снять ограничение «Участник: ${name}»` }).press('Enter');
    await expect(page).toHaveURL(new RegExp(`/ru/search/\\?q=${escape(encodeURIComponent('консультации'))}$`));
    await expect(results(page).first()).toBeVisible();
    await expect(filters.getByRole('link')).toHaveCount(0);
  });

  test('sorted by date, the results are newest first; the order is a link in the address, and back', async ({ page }) => {
    // Two searches, one of them shown whole (three pages of results).
    test.slow();
    const { newest } = archiveCatalog();
    const dates = new Map(newest.map((document) => [document.slug, document.date]));
    const datesOf = (found: string[]) => found.map((slug) => dates.get(slug) ?? `unknown ${slug}`);
    await page.goto(`/en/search/?q=consultations`);
    const order = page.getByRole('navigation', { name: 'Order of the results' });
    await expect(order.getByRole('link', { name: 'Most relevant first' })).toHaveAttribute('aria-current', 'true');
    await expect(order.getByRole('link', { name: 'Newest first' })).toHaveAttribute('aria-current', 'false');
    await expect(results(page)).toHaveCount(20);
    // By relevance, another order: the sort below is the page's doing.
    const byRelevance = datesOf((await results(page).locator(':scope > a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).map(slugOf));
    expect(byRelevance).not.toEqual([...byRelevance].sort().reverse());
    await order.getByRole('link', { name: 'Newest first' }).click();
    await expect(page).toHaveURL(/\/en\/search\/\?q=consultations&sort=date$/);
    await expect(order.getByRole('link', { name: 'Newest first' })).toHaveAttribute('aria-current', 'true');
    await expect(order.getByRole('link', { name: 'Most relevant first' })).toHaveAttribute('aria-current', 'false');
    const found = await allResultSlugs(page, page.getByRole('button', { name: 'Show more results' }));
    // Every document's English title holds the word; the Japanese and Russian indexes find none of it.
    expect(new Set(found).size).toBe(newest.filter((document) => archiveCatalog().catalog.documents.find((each) => each.slug === document.slug)?.texts.en).length);
    const shown = datesOf(found);
    expect(shown).toEqual([...shown].sort().reverse());
    await order.getByRole('link', { name: 'Most relevant first' }).click();
    await expect(page).toHaveURL(/\/en\/search\/\?q=consultations$/);
  });
});

test.describe('a search narrowed by the address, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a participant’s search form sends the words, the participant and a year to the search page, which says that search needs JavaScript', async ({ page }) => {
    const { year, participant } = yearAndParticipant();
    await page.goto(`/en/browse/participant/${participant}/`);
    const form = page.getByRole('search', { name: 'Search within these documents' });
    await form.getByRole('searchbox', { name: 'Search within these documents' }).fill('consultations');
    await form.getByRole('combobox', { name: 'Year' }).selectOption(year);
    await form.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(new RegExp(`/en/search/\\?participant=${escape(participant)}&q=consultations&year=${year}$`));
    await expect(page.getByText('Search runs in your browser and needs JavaScript')).toBeVisible();
    await expect(page.getByRole('link', { name: 'library', exact: true })).toHaveAttribute('href', '/en/');
    // No order and no filters to offer: they are the script's.
    await expect(page.getByRole('navigation', { name: 'Order of the results' })).toBeHidden();
    await expect(results(page)).toHaveCount(0);
  });
});
