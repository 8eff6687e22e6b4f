/** What a reader does on the reader page: follow a permalink, choose columns, read a term's note, copy a link. */
import { expect, test } from '@playwright/test';
import { pages, sample } from './site';

test.describe('reader', () => {
  test('a permalink scrolls its row into view and marks it, in any column choice', async ({ page }) => {
    const { slug, lastBlock } = await sample();
    await page.goto(`${pages.reader('en', slug, 'ja-en')}#${lastBlock.id}`);
    const row = page.locator(`[id="${lastBlock.id}"]`);
    await expect(row).toHaveAttribute('data-pid', lastBlock.id);
    await expect(row).toBeInViewport();
    expect(await row.evaluate((element) => element.matches(':target'))).toBe(true);
    const marked = await row.evaluate((element) => getComputedStyle(element).backgroundColor);
    const plain = await page.locator('[data-pid]').first().evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(marked).not.toBe(plain);
    await expect(row.locator(':scope > [lang]')).toHaveCount(2);
    await expect(row.locator(':scope > [lang]').nth(0)).toHaveAttribute('lang', 'ja');
    await expect(row.locator(':scope > [lang]').nth(1)).toHaveAttribute('lang', 'en');
  });

  test('every row has one cell per shown language, and a visible, named anchor link', async ({ page }) => {
    const { slug, source, paragraph } = await sample();
    await page.goto(pages.reader('en', slug));
    const rows = page.locator('[data-pid]');
    await expect(rows).toHaveCount(source.blocks.length);
    for (const language of ['ru', 'ja', 'en']) {
      await expect(page.locator(`[data-pid] > [lang="${language}"]`)).toHaveCount(source.blocks.length);
    }
    const anchor = page.locator(`[id="${paragraph.id}"] a[href="#${paragraph.id}"]`);
    await expect(anchor).toBeVisible();
    await expect(anchor).toHaveAccessibleName(/^Link to /);
    await anchor.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#${paragraph.id}$`));
  });

  test('columns chosen with the picker stay after a reload and are remembered on the default address', async ({ page }) => {
    const { slug, paragraph } = await sample();
    await page.goto(pages.reader('en', slug));
    await page.getByRole('link', { name: 'Hide Japanese' }).click();
    await expect(page).toHaveURL(new RegExp(`${pages.reader('en', slug, 'ru-en')}$`));
    await page.getByRole('link', { name: 'Move English left' }).click();
    await expect(page).toHaveURL(new RegExp(`${pages.reader('en', slug, 'en-ru')}$`));
    const cells = page.locator(`[id="${paragraph.id}"] > [lang]`);
    await expect(cells).toHaveCount(2);
    await expect(cells.nth(0)).toHaveAttribute('lang', 'en');

    await page.reload();
    await expect(cells).toHaveCount(2);
    await expect(cells.nth(0)).toHaveAttribute('lang', 'en');
    await expect(cells.nth(1)).toHaveAttribute('lang', 'ru');

    // The default address of the document moves to the remembered choice, keeping the anchor.
    await page.goto(`${pages.reader('en', slug)}#${paragraph.id}`);
    await expect(page).toHaveURL(new RegExp(`${pages.reader('en', slug, 'en-ru')}#${paragraph.id}$`));
    await page.getByRole('link', { name: 'Show Japanese' }).click();
    await expect(page).toHaveURL(new RegExp(`${pages.reader('en', slug, 'en-ru-ja')}$`));
  });

  test('hovering a term shows its glossary note below it, without covering it', async ({ page }) => {
    const { slug, paragraph, entry } = await sample();
    await page.goto(pages.reader('en', slug));
    const link = page.locator(`[id="${paragraph.id}"] > [lang="ru"] a[data-term="${entry.id}"]`).first();
    // The one tooltip of the entry on the page, shared by its mentions.
    const tooltip = page.getByRole('tooltip').and(page.locator(`[id="tip-${entry.id}"]`));
    await expect(link).toHaveAttribute('aria-describedby', `tip-${entry.id}`);
    await expect(tooltip).toBeHidden();
    await link.hover();
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toContainText(entry.description.en.replace(/\s+/g, ' ').slice(0, 40));
    await expect(tooltip.locator('[lang="ru"]')).toHaveText(entry.names.ru);
    await expect(tooltip.locator('[lang="ja"]')).toHaveText(entry.names.ja);
    await expect(tooltip.locator('[lang="en"]').first()).toHaveText(entry.names.en);
    await expect(tooltip.getByRole('link')).toHaveAttribute('href', `/en/glossary/#${entry.id}`);
    const term = await link.boundingBox();
    const tip = await tooltip.boundingBox();
    if (!term || !tip) throw new Error('no boxes');
    const overlaps = tip.x < term.x + term.width && term.x < tip.x + tip.width && tip.y < term.y + term.height && term.y < tip.y + tip.height;
    expect(overlaps).toBe(false);
    expect(tip.y).toBeGreaterThanOrEqual(term.y + term.height);
    await page.mouse.move(0, 0);
    await expect(tooltip).toBeHidden();
  });

  test('near the bottom of the window a tooltip opens above its term, without covering it', async ({ page }) => {
    const { slug } = await sample();
    await page.goto(pages.reader('en', slug));
    const link = page.locator('[data-pid] a[data-term]').last();
    // Scroll so that the term, below the first screen, sits at the bottom edge of the window.
    await link.evaluate((element) => window.scrollBy({ top: element.getBoundingClientRect().bottom - window.innerHeight + 4, behavior: 'instant' }));
    const term = await link.boundingBox();
    if (!term) throw new Error('no box');
    expect(term.y + term.height).toBeGreaterThan((page.viewportSize()?.height ?? 0) - 40);
    // Moved by hand (hover() could scroll the term away from the bottom edge first), onto the term's
    // last line box: a term broken across lines has no text in the middle of its bounding box.
    const line = await link.evaluate((element) => {
      const rects = element.getClientRects();
      const { x, y, width, height } = rects[rects.length - 1];
      return { x: x + width / 2, y: y + height / 2 };
    });
    await page.mouse.move(line.x, line.y);
    const tooltip = page.getByRole('tooltip').and(page.locator(`[id="${await link.getAttribute('aria-describedby')}"]`));
    await expect(tooltip).toBeVisible();
    const tip = await tooltip.boundingBox();
    if (!tip) throw new Error('no box');
    expect(tip.y + tip.height).toBeLessThanOrEqual(term.y);
  });

  test('Tab reaches a term, shows its tooltip, and Escape hides it', async ({ page }) => {
    const { slug, paragraph, entry } = await sample();
    await page.goto(pages.reader('en', slug));
    await page.locator(`[id="${paragraph.id}"] a[href="#${paragraph.id}"]`).focus();
    const first = page.locator(`[id="${paragraph.id}"] a[data-term]`).first();
    for (let presses = 0; presses < 4; presses++) {
      await page.keyboard.press('Tab');
      if (await first.evaluate((element) => element === document.activeElement)) break;
    }
    await expect(first).toBeFocused();
    const tooltip = page.getByRole('tooltip').and(page.locator(`[id="${await first.getAttribute('aria-describedby')}"]`));
    await expect(tooltip).toBeVisible();
    await expect(first).toHaveAccessibleDescription(new RegExp(entry.names.en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await page.keyboard.press('Escape');
    await expect(tooltip).toBeHidden();
    await expect(first).toBeFocused();
  });

  test('a note marker shows the note in place, and the notes list links back to it', async ({ page }) => {
    const { slug, noteAnchor } = await sample();
    test.skip(!noteAnchor, 'the document has no notes');
    await page.goto(pages.reader('ja', slug));
    const marker = page.locator(`[id="${noteAnchor.block}"] > [lang="ru"] .note-ref`).first();
    const tooltip = page.getByRole('tooltip').and(page.locator(`[id="tip-n_${noteAnchor.ref}"]`));
    await expect(marker.locator(':scope > a')).toHaveAttribute('aria-describedby', `tip-n_${noteAnchor.ref}`);
    await marker.locator(':scope > a').hover();
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toHaveAttribute('lang', 'ja');
    await marker.locator(':scope > a').click();
    const note = page.locator(`[id="n_${noteAnchor.ref}"]`);
    await expect(note).toBeInViewport();
    await note.getByRole('link', { name: /ロシア語/ }).first().click();
    await expect(marker.locator(':scope > a')).toBeInViewport();
  });

  test('copy link copies the address of the paragraph with its columns, and says so', async ({ browser, baseURL }) => {
    const { slug, paragraph } = await sample();
    const context = await browser.newContext({ baseURL, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(pages.reader('en', slug));
    await page.locator(`[id="${paragraph.id}"] button`).click();
    await expect(page.locator(`[id="${paragraph.id}"] [role="status"]`)).toContainText('copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${baseURL}${pages.reader('en', slug, 'ru-ja-en')}#${paragraph.id}`);
    await context.close();
  });

  test('an anchor that names no paragraph says so', async ({ page }) => {
    const { slug } = await sample();
    await page.goto(`${pages.reader('en', slug)}#s99-p9`);
    const notice = page.getByRole('alert').filter({ hasText: 's99-p9' });
    await expect(notice).toContainText('Paragraph “s99-p9” does not exist in this document');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toBeHidden();
  });
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('one language at a time, a quick switch, and the other languages of a paragraph in place', async ({ page }) => {
    const { slug, paragraph } = await sample();
    await page.goto(pages.reader('en', slug));
    const row = page.locator(`[id="${paragraph.id}"]`);
    await expect(row.locator(':scope > [lang="ru"]')).toBeVisible();
    await expect(row.locator(':scope > [lang="ja"]')).toBeHidden();
    await expect(row.locator(':scope > [lang="en"]')).toBeHidden();

    await page.getByRole('navigation', { name: 'Reading language' }).getByRole('link', { name: 'Japanese' }).click();
    await expect(page).toHaveURL(new RegExp(`${pages.reader('en', slug, 'ja-ru-en')}$`));
    await expect(row.locator(':scope > [lang="ja"]')).toBeVisible();
    await expect(row.locator(':scope > [lang="ru"]')).toBeHidden();

    await row.getByRole('checkbox', { name: 'Show this passage in Russian and English' }).check();
    await expect(row.locator(':scope > [lang="ru"]')).toBeVisible();
    await expect(row.locator(':scope > [lang="en"]')).toBeVisible();
  });

  test('a tap on a term opens its note; a second tap follows the link', async ({ page }) => {
    const { slug, paragraph, entry } = await sample();
    await page.goto(pages.reader('en', slug));
    const link = page.locator(`[id="${paragraph.id}"] > [lang="ru"] a[data-term="${entry.id}"]`).first();
    const tooltip = page.getByRole('tooltip').and(page.locator(`[id="tip-${entry.id}"]`));
    await link.tap();
    await expect(tooltip).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`${pages.reader('en', slug)}$`));
    await link.tap();
    await expect(page).toHaveURL(new RegExp(`/en/glossary/#${entry.id}$`));
  });
});
