/**
 * The reading page on paper (print media, as a reader's "Print" or "Save as PDF" lays it out): a
 * citation header at the top (title, edition, address, date of printing), the title once, no
 * controls, page margins, and headings kept with what follows them.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { fillOf, isJapanese, printedText, printToPdf, shortJapaneseLines } from './pdf';
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
    // The header's title stands for the document's when the page's language is not among the columns; here the Japanese column's own title heads it.
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

  test('the date is that of printing: the page script sets it on beforeprint, and again at the next', async ({ page }) => {
    const { slug } = await sample();
    await page.goto(pages.reader('en', slug));
    await expect(page.locator('html')).toHaveAttribute('data-behaviours', 'started');
    const time = page.locator('.print-head time');
    // Not before: formatting a date is a long task on a phone, and the first view does not need it.
    await expect(time).toHaveCount(0);
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    await expect(time).toHaveCount(1);
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

  /** Every visible element whose text is a title of the document, none of its children's being one too: `language: title`, sorted. */
  const shownTitles = (page: Page, titles: string[]) =>
    page.evaluate((candidates) => {
      const text = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();
      const isTitle = (element: Element) => candidates.includes(text(element));
      return [...document.querySelectorAll('body *')]
        .filter((element) => element.checkVisibility() && isTitle(element) && ![...element.children].some(isTitle))
        .map((element) => `${element.closest('[lang]')?.getAttribute('lang')}: ${text(element)}`)
        .toSorted();
    }, titles);

  const titlesOf = async () => {
    const { slug, document: edition } = await sample();
    const title = (language: 'ru' | 'ja' | 'en') => edition.texts[language]?.frontMatter.title ?? '';
    return { slug, titles: [title('ru'), title('ja'), title('en')], expected: (languages: readonly ('ru' | 'ja' | 'en')[]) => languages.map((language) => `${language}: ${title(language)}`).toSorted() };
  };

  test('each column is headed by its title, in its language, printed once; no control is printed', async ({ page }) => {
    const { slug, titles, expected } = await titlesOf();
    await page.goto(pages.reader('en', slug));
    // On screen, the title row shows it in each column (the interface language's first).
    expect(await shownTitles(page, titles)).toEqual(expected(['ru', 'ja', 'en']));
    await emulatePrint(page);
    // On paper too, once each: the citation header does not repeat the English one.
    expect(await shownTitles(page, titles)).toEqual(expected(['ru', 'ja', 'en']));
    for (const control of ['button', 'input', 'select', 'textarea', 'summary', 'form', '.site-header', '.column-picker', '.reading-switch', '.gutter']) {
      await expect(page.locator(`${control}:visible`), control).toHaveCount(0);
    }
  });

  test('the chosen columns are printed with their titles; the header names the document when the page’s language is not among them', async ({ page }) => {
    const { slug, titles, expected } = await titlesOf();
    // Russian and English chosen on the Japanese page: their titles head the columns, and the header gives the Japanese one.
    await page.goto(pages.reader('ja', slug, 'ru-en'));
    await emulatePrint(page);
    expect(await shownTitles(page, titles)).toEqual(expected(['ru', 'ja', 'en']));
    await expect(page.locator('.print-head .print-title')).toBeVisible();
    await page.emulateMedia({ media: 'screen' });
    await page.goto(pages.reader('ja', slug, 'ja-en'));
    await emulatePrint(page);
    expect(await shownTitles(page, titles)).toEqual(expected(['ja', 'en']));
    await expect(page.locator('.print-head .print-title')).toBeHidden();
  });

  test('a reader in dark mode prints black on white', async ({ page }) => {
    const { slug } = await sample();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(pages.reader('en', slug));
    await printStylesheetLoaded(page);
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const colours = await page.evaluate(() =>
      ['body', '.col-language', '.col-role', '.doc-meta dd', '.rows .block', '.notes h2', '.note-body'].map((selector) => {
        const element = document.querySelector(selector);
        return { selector, color: element ? getComputedStyle(element).color : 'missing' };
      }),
    );
    for (const { selector, color } of colours) {
      // Black, or a grey dark enough to read (each channel at most #555).
      const [r, g, b] = (color.match(/\d+/g) ?? ['255', '255', '255']).map(Number);
      expect(Math.max(r, g, b), `${selector}: ${color}`).toBeLessThanOrEqual(0x55);
    }
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
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

/**
 * The pages Chromium saves as PDF (A4), read back from the PDF: how many, how full, the titles on them,
 * and the lines of the Japanese text. A page is as full as its lowest line is far down the page area
 * (inside the `@page` margins).
 */
test.describe('the printed PDF', () => {
  // Each test prints the page and reads the PDF back: a few seconds each.
  test.describe.configure({ timeout: 40_000 });

  /**
   * Pages the text needs: as many as would hold it were every page filled to 95 % (a page's last few
   * lines may not fit a heading kept with its paragraph). Printed on more, pages are left part empty.
   */
  const neededPages = (fill: readonly number[]) => Math.ceil(fill.reduce((sum, share) => sum + share, 0) / 0.95);

  for (const cols of [undefined, 'en', 'ru-en', 'ja-en'] as const) {
    test(`the English reading page${cols ? ` with ?cols=${cols}` : ''} prints on the pages its text needs, none but the last less than half full, with each column’s title`, async ({ page }) => {
      const { slug, document } = await sample();
      await page.goto(pages.reader('en', slug, cols));
      const printed = await printToPdf(page);
      const fill = fillOf(printed);
      const figures = `${fill.length} pages, filled ${fill.map((share) => `${Math.round(share * 100)} %`).join(', ')}`;
      expect(fill.length, figures).toBeLessThanOrEqual(neededPages(fill));
      for (const [index, share] of fill.slice(0, -1).entries()) expect(share, `page ${index + 1} of ${figures}`).toBeGreaterThanOrEqual(0.5);
      // Every shown language's title is on paper, and no other.
      const shown = cols ? cols.split('-') : ['en', 'ru', 'ja'];
      const text = printedText(printed);
      for (const language of ['ru', 'ja', 'en'] as const) {
        const title = (document.texts[language]?.frontMatter.title ?? '').replace(/\s+/g, '');
        expect(text.includes(title), `the ${language} title ${shown.includes(language) ? 'is' : 'is not'} printed`).toBe(shown.includes(language));
      }
    });
  }

  for (const [locale, cols] of [
    ['ja', 'ja-en'],
    ['ja', undefined],
    ['ru', undefined],
  ] as const) {
    test(`Japanese prints in full lines, not ragged: /${locale}/${cols ? `?cols=${cols}` : ''}`, async ({ page }) => {
      const { slug, document } = await sample();
      await page.goto(pages.reader(locale, slug, cols));
      const printed = await printToPdf(page);
      const japanese = printed.pages.flatMap((printedPage) => printedPage.blocks.flat()).filter(isJapanese);
      // The Japanese column is printed, with its title.
      expect(japanese.length).toBeGreaterThan(20);
      expect(printedText(printed)).toContain((document.texts.ja?.frontMatter.title ?? '').replace(/\s+/g, ''));
      // No line of a Japanese paragraph but its last stops short of its column by more than a few characters.
      expect(shortJapaneseLines(printed)).toEqual([]);
    });
  }
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
