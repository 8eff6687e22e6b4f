/**
 * What a reference manager reads: the Highwire Press `citation_*` meta tags of each reading page (the
 * ones Zotero's Embedded Metadata translator maps), checked against the one CSL record every citation
 * of the page is made from (the CSL-JSON of the page's `cite.json`, for the version the page shows first,
 * in its own language); nothing that would make Zotero pick a worse item type or another date; and
 * the printed header naming the edition.
 */
import type { CiteData } from '../../src/contract/cite-data';
import { currentEdition } from '../../src/model/document';
import { editionPath } from '../../src/contract/paths';
import { expect, test } from './fixtures';
import { emulatePrint, pages, sample } from './site';

for (const locale of ['ru', 'ja', 'en'] as const) {
  test(`the ${locale} reading page gives a reference manager the record of the version it shows, at the edition’s address`, async ({ page, request }) => {
    const { slug, document } = await sample();
    await page.goto(pages.reader(locale, slug));
    const meta = Object.fromEntries(
      await page.locator('head meta[name]').evaluateAll((tags) => tags.map((tag) => [tag.getAttribute('name') ?? '', tag.getAttribute('content') ?? ''])),
    );
    const data = (await (await request.get(`/${locale}/documents/${slug}/cite.json`)).json()) as CiteData;
    const version = data.versions.find((candidate) => candidate.lang === locale);
    const [item] = JSON.parse(version?.document['csl-json'] ?? '[]');
    const [[year, month, day]] = item.issued['date-parts'];
    expect(meta).toMatchObject({
      citation_title: item.title,
      citation_technical_report_institution: item.author[0].literal,
      citation_publication_date: `${year}/${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}`,
      citation_language: locale,
      citation_public_url: item.URL,
      'DC.type': item.genre,
    });
    // The record is the version's own, in its own language, at the current edition's permanent address.
    expect(item.title).toBe(document.texts[locale]?.frontMatter.title);
    expect(item.edition).toBe(currentEdition(document).number);
    expect(new URL(item.URL, 'http://x').pathname).toBe(editionPath(locale, slug, currentEdition(document).number));
    // Zotero would split an institution's name as a person's, and read COinS or an article's date over these.
    expect(meta).not.toHaveProperty('citation_author');
    await expect(page.locator('meta[property="og:type"][content="article"], meta[property="article:published_time"], span.Z3988')).toHaveCount(0);
  });
}

test('the library gives no date a reference manager would take for the page’s: its documents’ dates are text', async ({ page }) => {
  const { document } = await sample();
  await page.goto(pages.library('en'));
  await expect(page.locator('.document-card')).toContainText(new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${document.texts[document.source]?.frontMatter.date}T00:00:00Z`)));
  await expect(page.locator('time[datetime]')).toHaveCount(0);
  await expect(page.locator('meta[name^="citation_"]')).toHaveCount(0);
});

test('the printed header names the edition', async ({ page }) => {
  const { slug, document } = await sample();
  await page.goto(pages.reader('ru', slug));
  await emulatePrint(page);
  const edition = page.locator('.print-head [data-print-edition]');
  await expect(edition).toBeVisible();
  await expect(edition).toHaveText(new RegExp(`^${currentEdition(document).number}\\b`));
  await expect(page.locator('.print-head dt').first()).toHaveText('Издание');
});
