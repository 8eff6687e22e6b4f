/**
 * The reading page on paper (print media, as a reader's "Print" or "Save as PDF" lays it out): a
 * citation header at the top (title, edition, address, date of printing), the title once, no
 * controls, page margins, and headings kept with what follows them.
 */
import { expect, test } from './fixtures';
import { emulatePrint, pages, printStylesheetLoaded, sample } from './site';

test.describe('print', () => {
  test('a citation header names the document, the edition, this page’s address and the day it was printed', async ({ page, baseURL }) => {
    const { slug, document } = await sample();
    const title = document.texts.ja?.frontMatter.title ?? '';
    await page.goto(pages.reader('ja', slug, 'ja-en'));
    const head = page.locator('.print-head');
    // Paper only.
    await expect(head).toBeHidden();
    await emulatePrint(page);
    await expect(head).toBeVisible();
    await expect(head.locator('.print-edition')).toHaveText('外交文書対訳リーダー');
    await expect(head.locator('.print-title')).toHaveText(title);
    await expect(head.locator('.print-title')).toHaveAttribute('lang', 'ja');
    await expect(head.getByText('URL')).toBeVisible();
    await expect(head.locator('[data-print-address]')).toHaveText(`${baseURL}${pages.reader('ja', slug, 'ja-en')}`);
    const today = await page.evaluate(() => new Intl.DateTimeFormat('ja', { dateStyle: 'long' }).format(new Date()));
    await expect(head.locator('[data-print-date] dt')).toHaveText('印刷日');
    await expect(head.locator('[data-print-date] time')).toHaveText(today);
    // It sits at the top, before the document's metadata and its text.
    const [headBox, metaBox] = await Promise.all([head.boundingBox(), page.locator('.doc-meta').boundingBox()]);
    expect(headBox && metaBox && headBox.y < metaBox.y).toBe(true);
  });

  test('the date is that of printing: the page script sets it again on beforeprint', async ({ page }) => {
    const { slug } = await sample();
    await page.goto(pages.reader('en', slug));
    const time = page.locator('.print-head time');
    await time.evaluate((element) => {
      element.textContent = 'stale';
      element.setAttribute('datetime', '2000-01-01');
    });
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    await expect(time).not.toHaveText('stale');
    const today = await page.evaluate(() => {
      const now = new Date();
      return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    });
    await expect(time).toHaveAttribute('datetime', today);
  });

  test('the title is printed once, and no control is', async ({ page }) => {
    const { slug, document: edition } = await sample();
    await page.goto(pages.reader('en', slug));
    const titles = (['ru', 'ja', 'en'] as const).map((language) => edition.texts[language]?.frontMatter.title ?? '');
    // Every visible element whose text is a title of the document, none of its children's being one too.
    const shownTitles = () =>
      page.evaluate((candidates) => {
        const text = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();
        const isTitle = (element: Element) => candidates.includes(text(element));
        return [...document.querySelectorAll('body *')].filter((element) => element.checkVisibility() && isTitle(element) && ![...element.children].some(isTitle)).map(text);
      }, titles);
    // On screen, the title row shows it in each column (the interface language's first).
    expect((await shownTitles()).toSorted()).toEqual(titles.toSorted());
    await emulatePrint(page);
    expect(await shownTitles()).toEqual([edition.texts.en?.frontMatter.title]);
    for (const control of ['button', 'input', 'select', 'textarea', 'summary', 'form', '.site-header', '.column-picker', '.reading-switch', '.gutter']) {
      await expect(page.locator(`${control}:visible`), control).toHaveCount(0);
    }
  });

  test('pages have margins, and headings stay with the paragraph after them', async ({ page }) => {
    const { slug } = await sample();
    await page.goto(pages.reader('en', slug));
    await printStylesheetLoaded(page);
    const margins = await page.evaluate(() => {
      const rules = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]);
      const inPrint = rules.filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.media.mediaText.includes('print')).flatMap((rule) => [...rule.cssRules]);
      const pageRules = [...rules, ...inPrint, ...rules.flatMap((rule) => (rule instanceof CSSLayerBlockRule ? [...rule.cssRules] : []))].filter((rule): rule is CSSPageRule => rule instanceof CSSPageRule);
      return pageRules.map((rule) => rule.style.margin);
    });
    expect(margins.length).toBeGreaterThan(0);
    // The print rules are a stylesheet of their own, applied in print only: not inlined into every page.
    await expect(page.locator('link[rel="stylesheet"][media="print"]')).toHaveAttribute('href', /^\/assets\/print\.[\w-]+\.css$/);
    expect(margins[0]).toMatch(/mm/);
    await emulatePrint(page);
    const headings = page.locator('.rows > .row:has(> .cell > [class*="block-h"]):visible');
    expect(await headings.count()).toBeGreaterThan(0);
    const breaks = await headings.evaluateAll((rows) => rows.map((row) => [getComputedStyle(row).breakAfter, getComputedStyle(row).breakInside]));
    for (const [after, inside] of breaks) {
      expect(after).toBe('avoid');
      expect(inside).toBe('avoid');
    }
  });

  test('Chromium prints the page to PDF', async ({ page }) => {
    const { slug } = await sample();
    await page.goto(pages.reader('en', slug));
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pageCount = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pageCount).toBeGreaterThan(1);
  });
});

test.describe('print without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header is printed with the address the build knows and no date', async ({ page }) => {
    const { slug, document } = await sample();
    await page.goto(pages.reader('ru', slug));
    await emulatePrint(page);
    const head = page.locator('.print-head');
    await expect(head).toBeVisible();
    await expect(head.locator('.print-title')).toHaveText(document.texts.ru?.frontMatter.title ?? '');
    await expect(head.locator('[data-print-address]')).not.toContainText('localhost:3000');
    await expect(head.locator('[data-print-address]')).toContainText(`/ru/documents/${slug}/`);
    await expect(head.locator('[data-print-date]')).toBeHidden();
  });
});
