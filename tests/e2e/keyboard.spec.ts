/**
 * The reading page by keyboard and by screen reader: one Tab stop per row and the arrows inside it, a
 * hint telling the keys, one heading per section, note markers as words of their own in accessible
 * names, and the paragraph numbers in sight.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { locales, messages, pages, rowNameOf, sample } from './site';

const resources = { ru: messages('ru'), ja: messages('ja'), en: messages('en') };

const focused = (page: Page) => page.evaluate(() => document.activeElement?.closest('[data-pid]')?.id + ' ' + (document.activeElement?.className || document.activeElement?.tagName));
const noteLabel = (locale: (typeof locales)[number], number: number) => resources[locale].reader.noteMarker.replace('{{number}}', String(number));

/** The first paragraph of the first subsection (1.1 ¶1), and how many rows come before it. */
async function firstSubsectionParagraph() {
  const { source } = await sample();
  const index = source.blocks.findIndex((block) => /^s\d+-\d+-p\d+$/.test(block.id));
  if (index < 0) throw new Error('no paragraph of a subsection');
  return { block: source.blocks[index], index };
}

test.describe('keyboard', () => {
  test('Tab goes from row to row: 1.1 ¶1 is one press per row from the top of the text', async ({ page }) => {
    const { slug, source } = await sample();
    const { block, index } = await firstSubsectionParagraph();
    await page.goto(pages.reader('en', slug));
    const first = page.locator(`[id="${source.blocks[0].id}"] .pilcrow`);
    await first.focus();
    const target = page.locator(`[id="${block.id}"] .pilcrow`);
    let presses = 0;
    while (presses < 100 && !(await target.evaluate((element) => element === document.activeElement))) {
      await page.keyboard.press('Tab');
      presses++;
      // Every stop on the way is a row's number.
      expect(await focused(page)).toMatch(/ gutter-button pilcrow$/);
    }
    expect(presses).toBe(index);
    // The number is the row's permalink, named by its place.
    await expect(target).toBeFocused();
    await expect(target).toHaveAttribute('href', `#${block.id}`);
    await expect(target).toHaveAccessibleName(rowNameOf('en', block.id));
  });

  test('the arrows reach the names and notes of a row and open their tooltips; Escape closes, then goes back', async ({ page }) => {
    const { slug } = await sample();
    const { block } = await firstSubsectionParagraph();
    await page.goto(pages.reader('en', slug));
    const row = page.locator(`[id="${block.id}"]`);
    const number = row.locator('.pilcrow');
    await number.focus();
    const tooltip = page.getByRole('tooltip');
    // The first name of the row, in the first column shown (the interface language's).
    const mention = row.locator(':scope > [lang]:not([hidden]) a[data-term]').first();
    // Past the row's own buttons (copy link, cite) to its first name.
    for (let presses = 0; presses < 4 && !(await mention.evaluate((element) => element === document.activeElement)); presses++) {
      await page.keyboard.press('ArrowRight');
    }
    await expect(mention).toBeFocused();
    await expect(tooltip).toBeVisible();
    await expect(mention).toHaveAttribute('aria-describedby', (await tooltip.getAttribute('id')) ?? '');
    await page.keyboard.press('ArrowLeft');
    await expect(row.locator('button[data-cite-row]')).toBeFocused();
    await expect(tooltip).toBeHidden();
    await page.keyboard.press('ArrowRight');
    await expect(mention).toBeFocused();

    // On to the row's first note marker.
    const marker = row.locator('a[data-note-ref]').first();
    for (let presses = 0; presses < 20 && !(await marker.evaluate((element) => element === document.activeElement)); presses++) {
      await page.keyboard.press('ArrowRight');
    }
    await expect(marker).toBeFocused();
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toContainText((await page.locator(`[id="${(await marker.getAttribute('href'))?.slice(1)}"] .note-body`).innerText()).slice(0, 20));

    // Escape closes the tooltip, the next one goes back to the number; Tab goes on to the next row.
    await page.keyboard.press('Escape');
    await expect(tooltip).toBeHidden();
    await expect(marker).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(number).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.locator(`[id="${block.id}"] + [data-pid] .pilcrow`)).toBeFocused();
  });

  test('a hint tells the keys, in the interface language, while a row’s number has the keyboard focus', async ({ page }) => {
    const { slug } = await sample();
    const { block } = await firstSubsectionParagraph();
    for (const locale of locales) {
      await page.goto(pages.reader(locale, slug));
      const hint = page.locator('#keys-hint');
      const text = resources[locale].reader.keysHint;
      await expect(hint).toBeHidden();
      // Screen readers hear it once, as the description of the text.
      await expect(page.locator('[data-rows]')).toHaveAccessibleDescription(text);
      await page.locator(`[id="${block.id}"]`).locator('xpath=preceding-sibling::*[@data-pid][1]').locator('.pilcrow').focus();
      await page.keyboard.press('Tab');
      await expect(hint).toBeVisible();
      await expect(hint).toHaveText(text);
      // It hides nothing that has the focus.
      const number = await page.locator(`[id="${block.id}"] .pilcrow`).boundingBox();
      const box = await hint.boundingBox();
      if (!number || !box) throw new Error('no boxes');
      expect(number.y + number.height <= box.y || number.x + number.width <= box.x).toBe(true);
    }
  });

  test('without JavaScript every link of a row is in the Tab order', async ({ browser, baseURL }) => {
    const { slug } = await sample();
    const { block } = await firstSubsectionParagraph();
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(pages.reader('en', slug));
    const row = page.locator(`[id="${block.id}"]`);
    await expect(page.locator('[data-rows] [tabindex="-1"]')).toHaveCount(0);
    await expect(page.locator('#keys-hint')).toBeHidden();
    await row.locator('.pilcrow').focus();
    await page.keyboard.press('Tab');
    await expect(row.locator('a[data-term]').first()).toBeFocused();
    await context.close();
  });
});

test.describe('screen readers', () => {
  test('one heading per section, in the first column shown; the other languages’ titles are read once, in their language', async ({ page }) => {
    const { document: edition, slug, source } = await sample();
    const sections = source.blocks.filter((block) => block.kind === 'heading');
    const normal = (text: string) => text.replace(/\s+/g, ' ').replace(/\d+/g, '').trim();
    const check = async (first: 'ru' | 'ja' | 'en', shown: readonly ('ru' | 'ja' | 'en')[]) => {
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      await expect(page.locator('[data-rows]').getByRole('heading')).toHaveCount(sections.length);
      // Row by row, what each shown cell holds: the heading in the first, the title as text in the others.
      const found = await page.evaluate(
        (ids) =>
          ids.map((id) =>
            [...document.querySelectorAll<HTMLElement>(`[id="${id}"] > [lang]:not([hidden])`)].map((cell) => {
              const block = cell.querySelector('.block');
              return { lang: cell.lang, tag: block?.localName, text: block?.textContent ?? '' };
            }),
          ),
        sections.map((section) => section.id),
      );
      const expected = sections.map((section) =>
        shown.map((language) => {
          const title = edition.texts[language]?.blocks.find((block) => block.id === section.id)?.text ?? '';
          return { lang: language, tag: language === first ? `h${section.depth}` : 'p', text: normal(title) };
        }),
      );
      expect(found.map((cells) => cells.map((cell) => ({ ...cell, text: normal(cell.text) })))).toEqual(expected);
      for (const section of sections) await expect(page.locator(`[id="${section.id}"]`).getByRole('heading')).toBeVisible();
    };
    // The default view: the interface language first, then the others in canonical order.
    await page.goto(pages.reader('en', slug));
    await check('en', ['en', 'ru', 'ja']);
    await page.goto(pages.reader('en', slug, 'ru-ja-en'));
    await check('ru', ['ru', 'ja', 'en']);
    // Another language first: the headings follow it.
    await page.goto(pages.reader('en', slug, 'ja-en'));
    await check('ja', ['ja', 'en']);
    await page.getByRole('group', { name: 'Columns' }).getByRole('button', { name: 'Move English left' }).click();
    await check('en', ['en', 'ja']);
  });

  test('on a phone, where one language is shown, each section’s heading is the one shown', async ({ browser, baseURL }) => {
    const { slug, source } = await sample();
    const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, hasTouch: true });
    const page = await context.newPage();
    await page.goto(pages.reader('ja', slug));
    await page.getByRole('navigation', { name: resources.ja.reader.readingLanguage }).getByRole('button', { name: '日本語' }).click();
    for (const section of source.blocks.filter((block) => block.kind === 'heading')) {
      const heading = page.locator(`[id="${section.id}"]`).getByRole('heading');
      await expect(heading).toBeVisible();
      expect(await heading.evaluate((element) => element.closest('[lang]')?.getAttribute('lang'))).toBe('ja');
    }
    await context.close();
  });

  test('from the page’s load, the skip link leads to the text: 1.1 ¶1 is at most 10 key presses away', async ({ page }) => {
    test.slow();
    const { slug } = await sample();
    const { block } = await firstSubsectionParagraph();
    for (const locale of locales) {
      await page.goto(pages.reader(locale, slug));
      await page.locator('html[data-behaviours]').waitFor({ state: 'attached' });
      const target = page.locator(`[id="${block.id}"] .pilcrow`);
      await page.keyboard.press('Tab');
      await expect(page.locator('.skip-link')).toBeFocused();
      await page.keyboard.press('Enter');
      // The skip link's target is the text itself, named as such.
      await expect(page.getByRole('group', { name: resources[locale].reader.text })).toBeFocused();
      let presses = 2;
      while (presses < 20 && !(await target.evaluate((element) => element === document.activeElement))) {
        await page.keyboard.press('Tab');
        presses++;
      }
      await expect(target).toBeFocused();
      expect(presses, locale).toBeLessThanOrEqual(10);
    }
  });

  test('rows are named as a person names them, in every interface language', async ({ page }) => {
    test.slow();
    const { slug } = await sample();
    const { block } = await firstSubsectionParagraph();
    const names: Record<(typeof locales)[number], string[]> = {
      en: ['Title', 'Date and place', 'Introduction, paragraph 1', 'Section 1', 'Section 1.1, paragraph 1'],
      ru: ['Заголовок', 'Дата и место', 'Вступление, абзац 1', 'Раздел 1', 'Пункт 1.1, абзац 1'],
      ja: ['表題', '日付と場所', '前文 第1段落', '第1節', '第1節 第1項 第1段落'],
    };
    for (const locale of locales) {
      await page.goto(pages.reader(locale, slug));
      const ids = ['title', 'dateline', 'intro-p1', 's1', block.id];
      for (const [index, id] of ids.entries()) await expect(page.locator(`[id="${id}"] > .gutter .pilcrow`), `${locale} ${id}`).toHaveAccessibleName(names[locale][index]);
    }
  });

  test('a heading is named by its words, and a note marker in it by its own name, in every interface language and column order', async ({ page }) => {
    test.slow();
    const { document, slug, source } = await sample();
    const anchor = source.anchors.find((candidate) => source.blocks.find((block) => block.id === candidate.block)?.kind === 'heading');
    if (!anchor) throw new Error('no note anchor in a heading');
    const session = await page.context().newCDPSession(page);
    for (const locale of locales) {
      await page.goto(pages.reader(locale, slug));
      // Notes are numbered in the reader's language version.
      const number = (document.texts[locale] ?? source).notes.findIndex((note) => note.id === anchor.ref) + 1;
      const label = noteLabel(locale, number);
      const heading = page.locator(`[id="${anchor.block}"]`).getByRole('heading');
      const marker = heading.getByRole('link', { name: label, exact: true });
      await expect(marker).toHaveCount(1);
      // The heading is in the first column shown, the interface language's: the words the note is anchored to, in it.
      const words = ((document.texts[locale] ?? source).anchors.find((candidate) => candidate.ref === anchor.ref) ?? anchor).text.slice(-6);
      // As Playwright computes the name…
      await expect(heading).toHaveAccessibleName(new RegExp(`${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\P{L}*$`, 'u'));
      // …and as Chromium gives it to screen readers: the words, without the marker's number or name.
      const { root } = await session.send('DOM.getDocument');
      const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector: `[id="${anchor.block}"] h1, [id="${anchor.block}"] h2, [id="${anchor.block}"] h3, [id="${anchor.block}"] h4` });
      const { nodes } = await session.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
      const name = String(nodes[0]?.name?.value);
      expect(name).toContain(words);
      expect(name).not.toContain(label);
      expect(name).not.toMatch(new RegExp(`${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\d`));
    }
    // Another language first: the script moves the heading, named the same way.
    await page.goto(pages.reader('en', slug, 'ja-en'));
    await page.locator('html[data-behaviours]').waitFor({ state: 'attached' });
    const heading = page.locator(`[id="${anchor.block}"]`).getByRole('heading');
    expect(await heading.evaluate((element) => element.closest('[lang]')?.getAttribute('lang'))).toBe('ja');
    const words = (document.texts.ja ?? source).anchors.find((candidate) => candidate.ref === anchor.ref)?.text ?? '';
    await expect(heading.getByRole('link', { name: /^Note \d+$/ })).toHaveCount(1);
    await expect(heading).toHaveAccessibleName(new RegExp(`${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\P{L}*$`, 'u'));
    // The English title, now a paragraph, has no name of its own.
    expect(await page.locator(`[id="${anchor.block}"] > [lang="en"] > .block`).evaluate((block) => [block.localName, block.getAttribute('aria-label')])).toEqual(['p', null]);
  });

  test('each row shows its number in the gutter: the number is the permalink', async ({ page }) => {
    const { slug, source } = await sample();
    const { block } = await firstSubsectionParagraph();
    const section = source.blocks.find((candidate) => /^s\d+$/.test(candidate.id));
    if (!section) throw new Error('no section heading');
    await page.goto(pages.reader('ja', slug));
    const expected: Array<[string, string]> = [
      [block.id, block.id.replace(/^s(\d+)-(\d+)-p(\d+)$/, '$1.$2 ¶$3')],
      [section.id, section.id.slice(1)],
    ];
    for (const [id, number] of expected) {
      const link = page.locator(`[id="${id}"] > .gutter a.pilcrow`);
      await expect(link).toBeVisible();
      await expect(link).toHaveAttribute('href', `#${id}`);
      expect((await link.innerText()).replace(/\s+/g, ' ')).toBe(number);
      // Readable: not hidden by size or colour.
      const { width, height, color } = await link.evaluate((element) => ({ ...element.getBoundingClientRect().toJSON(), color: getComputedStyle(element).color }));
      expect(width).toBeGreaterThan(10);
      expect(height).toBeGreaterThan(10);
      expect(color).not.toBe('rgba(0, 0, 0, 0)');
    }
  });

  test('on a phone, the button that opens a row’s tools shows the row’s number, and its permalink is in them', async ({ browser, baseURL }) => {
    const { slug } = await sample();
    const { block } = await firstSubsectionParagraph();
    const number = block.id.replace(/^s(\d+)-(\d+)-p(\d+)$/, '$1.$2 ¶$3');
    const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(pages.reader('en', slug));
    const toggle = page.locator(`[id="${block.id}"] > .gutter .tools-toggle`);
    await expect(toggle).toBeVisible();
    expect((await toggle.innerText()).replace(/\s+/g, ' ')).toBe(number);
    await expect(toggle).toHaveAccessibleName(new RegExp(`${rowNameOf('en', block.id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    await toggle.tap();
    const permalink = page.locator(`[id="${block.id}"] .gutter-tools a.pilcrow`);
    await expect(permalink).toBeVisible();
    await expect(permalink).toHaveAttribute('href', `#${block.id}`);
    // The sheet shows the number once (the permalink's), then what each tool does, the row named in words.
    const shown = await page.locator(`[id="${block.id}"] .gutter-tools`).evaluate((sheet: HTMLElement) =>
      [sheet.innerText, ...[...sheet.querySelectorAll('a, button')].map((tool) => getComputedStyle(tool, '::after').content)].join('\n').replace(/\s+/g, ' '),
    );
    expect(shown.split(number).length - 1).toBe(1);
    expect(shown).toContain(rowNameOf('en', block.id));
    await context.close();
  });
});
