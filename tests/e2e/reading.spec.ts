/**
 * Reading comfort on the reading page: the reader's place kept in the address, the phone layout (its
 * reading language, one other language at a time, targets a finger can hit, tooltips that close, rows
 * no control lengthens, a status that covers no text), the dark theme's contrast, and column names that
 * stay in view on wide screens.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { escape, locales, pages, rowNameOf, sample, shownLanguages } from './site';
import { changesPath, editionPath } from '../../src/contract/paths';

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;
const languageName = { ru: 'Russian', ja: 'Japanese', en: 'English' } as const;

/** Scrolls so that `row` starts `offset` px below the top of the window, without moving the focus. */
async function scrollRowTo(row: Locator, offset: number): Promise<void> {
  await row.evaluate((element, top) => window.scrollBy({ top: element.getBoundingClientRect().top - top, behavior: 'instant' }), offset);
}

/** Activates a control from the keyboard where it is, without scrolling the page to it first. */
async function pressWithoutScrolling(page: Page, control: Locator, key: string): Promise<void> {
  await control.evaluate((element: HTMLElement) => element.focus({ preventScroll: true }));
  await page.keyboard.press(key);
}

/** WCAG contrast ratio of two computed colours (`rgb(…)`/`rgba(…)`, opaque). */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((value) => {
      const c = Number(value) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

test.describe('the reader’s place', () => {
  test('changing the columns names the paragraph being read in the address; a reload returns there', async ({ page }) => {
    const { slug, source } = await sample();
    const block = source.blocks[Math.floor(source.blocks.length * 0.6)];
    await page.goto(pages.reader('en', slug));
    const row = page.locator(`[id="${block.id}"]`);
    await scrollRowTo(row, 80);
    await pressWithoutScrolling(page, page.getByRole('group', { name: 'Columns' }).getByRole('checkbox', { name: 'Japanese' }), 'Space');
    await expect(page).toHaveURL(new RegExp(`${escape(pages.reader('en', slug, 'en-ru'))}#${block.id}$`));
    expect(Math.abs(((await row.boundingBox())?.y ?? 0) - 80)).toBeLessThan(4);

    await page.reload();
    expect(await shownLanguages(row)).toEqual(['en', 'ru']);
    const box = await row.boundingBox();
    expect(box?.y).toBeGreaterThanOrEqual(0);
    expect(box?.y).toBeLessThan(120);
  });

  test('on a phone, switching the reading language does the same', async ({ browser, baseURL }) => {
    const { slug, source } = await sample();
    const block = source.blocks[Math.floor(source.blocks.length * 0.6)];
    const context = await browser.newContext({ baseURL, ...phone });
    const page = await context.newPage();
    await page.goto(pages.reader('en', slug));
    const row = page.locator(`[id="${block.id}"]`);
    await scrollRowTo(row, 10);
    await pressWithoutScrolling(page, page.getByRole('navigation', { name: 'Reading language' }).getByRole('button', { name: 'Russian' }), 'Enter');
    await expect(page).toHaveURL(new RegExp(`${escape(pages.reader('en', slug, 'ru-en-ja'))}#${block.id}$`));
    await page.reload();
    expect(await shownLanguages(row)).toEqual(['ru']);
    await expect(row).toBeInViewport();
    expect((await row.boundingBox())?.y).toBeLessThan(60);
    await context.close();
  });

  test('at the top of the page, before the text, the address names no paragraph', async ({ page }) => {
    const { slug } = await sample();
    await page.goto(pages.reader('en', slug));
    await page.getByRole('group', { name: 'Columns' }).getByRole('checkbox', { name: 'Japanese' }).uncheck();
    await expect(page).toHaveURL(new RegExp(`${escape(pages.reader('en', slug, 'en-ru'))}$`));
  });
});

test.describe('phone', () => {
  test.use(phone);

  for (const locale of locales) {
    test(`the reading language is the interface language (${locale}), with and without JavaScript`, async ({ page, browser, baseURL }) => {
      const { slug, paragraph } = await sample();
      await page.goto(pages.reader(locale, slug));
      const row = page.locator(`[id="${paragraph.id}"]`);
      expect(await shownLanguages(row)).toEqual([locale]);
      await expect(page.locator('[data-read][aria-pressed="true"]')).toHaveAttribute('data-read', locale);

      const plain = await browser.newContext({ baseURL, ...phone, javaScriptEnabled: false });
      const without = await plain.newPage();
      await without.goto(pages.reader(locale, slug));
      expect(await shownLanguages(without.locator(`[id="${paragraph.id}"]`))).toEqual([locale]);
      await plain.close();
    });
  }

  test('a view in the address still decides the reading language', async ({ page }) => {
    const { slug, paragraph } = await sample();
    await page.goto(pages.reader('en', slug, 'ja-ru-en'));
    expect(await shownLanguages(page.locator(`[id="${paragraph.id}"]`))).toEqual(['ja']);
  });

  test('a paragraph shows one other language at a time, captioned with its name', async ({ page }) => {
    const { slug, paragraph } = await sample();
    await page.goto(pages.reader('ja', slug));
    const row = page.locator(`[id="${paragraph.id}"]`);
    const tools = row.getByRole('button', { name: /のリンク・引用・言語$/ });
    const choice = page.getByRole('group', { name: 'この箇所を他の言語で表示' });
    await tools.tap();
    await expect(choice).toBeVisible();
    // The reading language itself is not offered.
    await expect(choice.getByRole('checkbox')).toHaveCount(2);
    await choice.getByRole('checkbox', { name: 'ロシア語' }).check();
    expect(await shownLanguages(row)).toEqual(['ja', 'ru']);
    // The sheet closes once a language is chosen; the text is captioned with the language's name.
    await expect(choice).toBeHidden();
    const caption = await row.locator(':scope > [lang="ru"]').evaluate((cell) => getComputedStyle(cell, '::before').content);
    expect(caption).toContain('ロシア語');

    await tools.tap();
    await choice.getByRole('checkbox', { name: '英語' }).check();
    expect(await shownLanguages(row)).toEqual(['ja', 'en']);
    await tools.tap();
    await expect(choice.getByRole('checkbox', { name: 'ロシア語' })).not.toBeChecked();
    await choice.getByRole('checkbox', { name: '英語' }).uncheck();
    expect(await shownLanguages(row)).toEqual(['ja']);
  });

  test('without JavaScript a row offers its permalink, large enough for a finger', async ({ browser, baseURL }) => {
    const { slug, paragraph } = await sample();
    const context = await browser.newContext({ baseURL, ...phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(pages.reader('en', slug));
    const permalink = page.locator(`[id="${paragraph.id}"]`).getByRole('link', { name: rowNameOf('en', paragraph.id), exact: true });
    const box = await permalink.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(43.5);
    expect(box?.height).toBeGreaterThanOrEqual(43.5);
    await permalink.tap();
    await expect(page).toHaveURL(new RegExp(`#${paragraph.id}$`));
    await context.close();
  });

  test('controls are at least 44 × 44 px, note markers and mentions included', async ({ page }) => {
    const { slug, paragraph, noteAnchor } = await sample();
    await page.goto(pages.reader('en', slug));
    const row = page.locator(`[id="${paragraph.id}"]`);
    const large = async (control: Locator, name: string) => {
      const box = await control.boundingBox();
      expect(box, name).not.toBeNull();
      expect(box?.width, name).toBeGreaterThanOrEqual(43.5);
      expect(box?.height, name).toBeGreaterThanOrEqual(43.5);
    };
    for (const button of await page.getByRole('navigation', { name: 'Reading language' }).getByRole('button').all()) await large(button, 'reading language');
    const tools = row.getByRole('button', { name: /^Link, citation and languages: / });
    await large(tools, 'row tools');
    await tools.tap();
    const sheet = row.locator('.gutter-tools');
    for (const control of await sheet.locator('a, button, label').all()) {
      if (await control.isVisible()) await large(control, (await control.getAttribute('aria-label')) ?? (await control.innerText()));
    }
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();

    // A marker or a mention inside a sentence: its hit area reaches 21 px around its middle.
    const reaches = (link: Locator) =>
      link.evaluate((element) => {
        element.scrollIntoView({ block: 'center' });
        const box = element.getClientRects()[0];
        const x = box.left + box.width / 2;
        const y = box.top + box.height / 2;
        return [
          [-21, -21],
          [21, -21],
          [-21, 21],
          [21, 21],
        ].map(([dx, dy]) => document.elementsFromPoint(x + dx, y + dy).includes(element));
      });
    test.skip(!noteAnchor, 'the document has no notes');
    const marker = page.locator(`[id="${noteAnchor.block}"] > [lang="en"] .note-ref > a`).first();
    expect(await reaches(marker)).toEqual([true, true, true, true]);
    const mention = row.locator(':scope > [lang="en"] a[data-term]').first();
    const area = await mention.evaluate((element) => {
      const after = getComputedStyle(element, '::after');
      return { width: parseFloat(after.width), height: parseFloat(after.height) };
    });
    expect(area.width).toBeGreaterThanOrEqual(43.5);
    expect(area.height).toBeGreaterThanOrEqual(43.5);

    // The tooltip's close button and its link to the glossary.
    await mention.tap();
    const tooltip = page.getByRole('tooltip');
    await large(tooltip.getByRole('button', { name: 'Close' }), 'close');
    await large(tooltip.getByRole('link'), 'glossary link');
  });

  test('a tooltip has a close button, and a second tap on its term closes it', async ({ page }) => {
    const { slug, paragraph, noteAnchor } = await sample();
    await page.goto(pages.reader('en', slug));
    const mention = page.locator(`[id="${paragraph.id}"] > [lang="en"] a[data-term]`).first();
    const tooltip = page.getByRole('tooltip');
    await mention.tap();
    await expect(tooltip).toBeVisible();
    await tooltip.getByRole('button', { name: 'Close' }).tap();
    await expect(tooltip).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`${escape(pages.reader('en', slug))}$`));
    test.skip(!noteAnchor, 'the document has no notes');
    const marker = page.locator(`[id="${noteAnchor.block}"] > [lang="en"] .note-ref > a`).first();
    await marker.tap();
    await expect(tooltip).toBeVisible();
    await marker.tap();
    await expect(tooltip).toBeHidden();
    // The page did not move to the notes.
    await expect(marker).toBeInViewport();
    await expect(page).toHaveURL(new RegExp(`${escape(pages.reader('en', slug))}$`));
  });
});

test.describe('tooltips and the keyboard', () => {
  test('a term focused before the page script has started gets its tooltip when it starts', async ({ page }) => {
    const { slug, paragraph } = await sample();
    // The page script loads once the text has painted; here it is held back a second and a half.
    await page.route(/\/assets\/site\.[\w-]+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    const navigation = page.goto(pages.reader('en', slug));
    const mention = page.locator(`[id="${paragraph.id}"] a[data-term]`).first();
    await mention.focus();
    expect(await page.locator('html').getAttribute('data-behaviours')).toBeNull();
    await navigation;
    await expect(mention).toBeFocused();
    await expect(page.getByRole('tooltip')).toBeVisible();
    await expect(mention).toHaveAttribute('aria-describedby', (await page.getByRole('tooltip').getAttribute('id')) ?? '');
  });

  test('Tab from a term reaches the close button, and goes on after the term', async ({ page }) => {
    const { slug, source } = await sample();
    // A paragraph with more than one mention: there is a link after the first.
    const paragraph = source.blocks.find((block) => source.mentions.filter((mention) => mention.block === block.id).length > 1);
    if (!paragraph) throw new Error('no paragraph with two mentions');
    await page.goto(pages.reader('en', slug, 'ru-en'));
    const mentions = page.locator(`[id="${paragraph.id}"] > [lang="ru"] a[data-term]`);
    await mentions.first().focus();
    const tooltip = page.getByRole('tooltip');
    await expect(tooltip).toBeVisible();
    await page.keyboard.press('Tab');
    const close = tooltip.getByRole('button', { name: 'Close' });
    await expect(close).toBeFocused();
    await expect(tooltip).toBeVisible();
    await page.keyboard.press('Shift+Tab');
    await expect(mentions.first()).toBeFocused();
    // Enter on the close button closes the tooltip and gives the focus back to its term.
    await page.keyboard.press('Tab');
    await expect(close).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(tooltip).toBeHidden();
    await expect(mentions.first()).toBeFocused();
    // Tab from the close button goes on after the term: to the next Tab stop, the next row's number
    // (the row's other links are reached with the arrows), and the tooltip closes.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await expect(tooltip).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(close).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.locator(`[id="${paragraph.id}"] + [data-pid] .pilcrow`)).toBeFocused();
    await expect(tooltip).toBeHidden();
  });
});

test.describe('rows', () => {
  /** How much taller each row is than the text of its tallest shown cell (px): what its controls add. */
  const excess = (page: Page) =>
    page.locator('[data-pid]').evaluateAll((rows) =>
      rows.map((row) => {
        const outer = (element: Element) => {
          const style = getComputedStyle(element);
          return element.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
        };
        const style = getComputedStyle(row);
        const content = row.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
        // A cell stretches to its row: what counts is what it holds.
        const texts = [...row.querySelectorAll(':scope > [lang]')]
          .filter((cell) => cell.getClientRects().length > 0)
          .map((cell) => [...cell.children].reduce((height, child) => height + outer(child), 0));
        return Math.round(content - Math.max(...texts));
      }),
    );

  test('the controls beside a row do not lengthen it, on a wide screen and on a phone', async ({ page, browser, baseURL }) => {
    const { slug } = await sample();
    await page.goto(pages.reader('en', slug));
    await expect(page.locator('[data-pid] button[data-copy]').first()).toBeAttached();
    for (const extra of await excess(page)) expect(extra).toBeLessThanOrEqual(1);

    const context = await browser.newContext({ baseURL, ...phone });
    const small = await context.newPage();
    await small.goto(pages.reader('en', slug));
    await expect(small.locator('[data-pid] button[data-copy]').first()).toBeAttached();
    for (const extra of await excess(small)) expect(extra).toBeLessThanOrEqual(1);
    await context.close();
  });

  test('on a phone no page of a document is wider than the window, addresses cited in the notes included', async ({ browser, baseURL }) => {
    // Nine page loads: 15 s in CI beside another worker.
    test.slow();
    const { slug, document: cited } = await sample();
    const context = await browser.newContext({ baseURL, ...phone });
    const page = await context.newPage();
    const addresses = (['ru', 'ja', 'en'] as const).flatMap((locale) => [
      pages.reader(locale, slug),
      changesPath(locale, slug),
      ...cited.editions.map((edition) => editionPath(locale, slug, edition.number)),
    ]);
    for (const address of addresses) {
      await page.goto(address);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth), address).toBeLessThanOrEqual(0);
    }
    await context.close();
  });

  test('“Link copied” shows at the bottom edge of the window, over none of the row’s text', async ({ browser, baseURL }) => {
    const { slug, paragraph } = await sample();
    for (const device of [{ viewport: { width: 1280, height: 900 } }, phone]) {
      const context = await browser.newContext({ baseURL, ...device, permissions: ['clipboard-read', 'clipboard-write'] });
      const page = await context.newPage();
      await page.goto(`${pages.reader('en', slug)}#${paragraph.id}`);
      const row = page.locator(`[id="${paragraph.id}"]`);
      if ('isMobile' in device) await row.getByRole('button', { name: /^Link, citation and languages: / }).tap();
      else await row.hover();
      await row.getByRole('button', { name: /^Copy link to / }).click();
      const status = page.getByRole('status').filter({ hasText: 'copied' });
      await expect(status).toBeVisible();
      const box = await status.boundingBox();
      const text = await row.locator(':scope > [lang]:visible').first().boundingBox();
      const height = device.viewport.height;
      if (!box || !text) throw new Error('no boxes');
      expect(box.y + box.height).toBeGreaterThan(height - 40);
      expect(box.y + box.height).toBeLessThanOrEqual(height);
      expect(box.y >= text.y + text.height || box.y + box.height <= text.y).toBe(true);
      await context.close();
    }
  });
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });

  test('the tooltip stands out from the page, and annotated words are marked visibly', async ({ page }) => {
    const { slug, paragraph, noteAnchor } = await sample();
    await page.goto(pages.reader('en', slug));
    const paper = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await page.locator(`[id="${paragraph.id}"] > [lang="ru"] a[data-term]`).first().hover();
    const tooltip = page.getByRole('tooltip');
    await expect(tooltip).toBeVisible();
    const tip = await tooltip.evaluate((element) => {
      const style = getComputedStyle(element);
      const names = element.querySelector('.tip-names');
      return {
        border: style.borderTopColor,
        borderWidth: parseFloat(style.borderTopWidth),
        shadow: style.boxShadow,
        background: style.backgroundColor,
        text: style.color,
        muted: names ? getComputedStyle(names).color : style.color,
      };
    });
    expect(tip.borderWidth).toBeGreaterThanOrEqual(1);
    expect(contrast(tip.border, paper)).toBeGreaterThanOrEqual(3);
    expect(tip.shadow).not.toBe('none');
    expect(contrast(tip.text, tip.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(tip.muted, tip.background)).toBeGreaterThanOrEqual(4.5);

    // A mention's underline, and the band under the words a note is about.
    const underline = await page.locator('[data-pid] a[data-term]').first().evaluate((element) => getComputedStyle(element).textDecorationColor);
    expect(contrast(underline, paper)).toBeGreaterThanOrEqual(3);
    test.skip(!noteAnchor, 'the document has no notes');
    const band = await page.locator('.note-anchor').first().evaluate((element) => getComputedStyle(element).backgroundImage);
    const colors = band.match(/rgba?\([^)]*\)/g) ?? [];
    const visible = colors.filter((color) => !/rgba\([^)]*,\s*0\)$/.test(color));
    expect(visible.length).toBeGreaterThan(0);
    for (const color of visible) expect(contrast(color, paper)).toBeGreaterThanOrEqual(3);
  });
});

test.describe('wide screens', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('the column names stay at the top while the rows scroll, and never cover a paragraph reached by its link', async ({ page }) => {
    const { slug, source } = await sample();
    await page.goto(pages.reader('en', slug));
    const names = page.locator('.row-heads');
    await page.mouse.wheel(0, 2500);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(2000);
    await expect(names).toBeInViewport();
    const box = await names.boundingBox();
    expect(Math.abs(box?.y ?? -100)).toBeLessThan(1);
    for (const language of ['en', 'ru', 'ja'] as const) await expect(names.locator(`[data-col="${language}"]`)).toContainText(languageName[language]);

    const block = source.blocks[Math.floor(source.blocks.length / 2)];
    await page.goto(`${pages.reader('en', slug)}#${block.id}`);
    const head = await names.boundingBox();
    const row = await page.locator(`[id="${block.id}"]`).boundingBox();
    if (!head || !row) throw new Error('no boxes');
    expect(head.y).toBeLessThan(1);
    expect(row.y).toBeGreaterThanOrEqual(head.y + head.height);
  });
});

test.describe('measure, highlights and headings in view', () => {
  test('one language alone reads at about 70–80 characters a line', async ({ page }) => {
    const { slug, source } = await sample();
    // The longest paragraph: every line of it but the last is full.
    const paragraph = source.blocks.filter((block) => block.kind === 'paragraph').sort((a, b) => b.text.length - a.text.length)[0];
    await page.goto(pages.reader('en', slug, 'en'));
    const lines = await page.locator(`[id="${paragraph.id}"] > [lang="en"] > .block`).evaluate((block) => {
      const counts = new Map<number, number>();
      const range = document.createRange();
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // A note marker is raised above its line: not counted.
        if (node.parentElement?.closest('sup') || !node.textContent) continue;
        for (let index = 0; index < node.textContent.length; index++) {
          range.setStart(node, index);
          range.setEnd(node, index + 1);
          const box = range.getClientRects()[0];
          if (box) counts.set(Math.round(box.bottom), (counts.get(Math.round(box.bottom)) ?? 0) + 1);
        }
      }
      return [...counts.entries()].sort(([a], [b]) => a - b).map(([, count]) => count);
    });
    const full = lines.slice(0, -1);
    expect(full.length).toBeGreaterThanOrEqual(3);
    const mean = full.reduce((sum, count) => sum + count, 0) / full.length;
    expect(mean, lines.join(', ')).toBeGreaterThanOrEqual(70);
    expect(mean, lines.join(', ')).toBeLessThanOrEqual(80);
    for (const count of full) expect(count, lines.join(', ')).toBeLessThanOrEqual(90);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`a sentence’s counterpart stands out (3:1) from a row reached by its link, and from the paper (${colorScheme})`, async ({ browser, baseURL }) => {
      const { slug, paragraph } = await sample();
      const context = await browser.newContext({ baseURL, colorScheme });
      const page = await context.newPage();
      await page.goto(`${pages.reader('en', slug)}#${paragraph.id}`);
      await page.locator('html[data-behaviours]').waitFor({ state: 'attached' });
      const paper = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      const row = page.locator(`[id="${paragraph.id}"]`);
      const tint = await row.evaluate((element) => getComputedStyle(element).backgroundColor);
      // The row is tinted: the counterpart's tint alone would vanish on it.
      expect(tint).not.toBe(paper);
      await row.locator(':scope > [lang="en"] [data-sid]').first().hover();
      const counterpart = row.locator(':scope > [lang="ru"] .is-counterpart').first();
      await expect(counterpart).toBeVisible();
      const shadow = await counterpart.evaluate((element) => getComputedStyle(element).boxShadow);
      // The bar under it: an inset shadow at least 2 px high, of a colour that stands out from the row's tint and the paper.
      const bar = /(rgba?\([^)]*\))\s+0px\s+-(\d+(?:\.\d+)?)px\s+0px\s+0px\s+inset|inset\s+(rgba?\([^)]*\))\s+0px\s+-(\d+(?:\.\d+)?)px/.exec(shadow);
      expect(bar, shadow).not.toBeNull();
      const color = bar?.[1] ?? bar?.[3] ?? '';
      expect(Number(bar?.[2] ?? bar?.[4])).toBeGreaterThanOrEqual(2);
      expect(contrast(color, tint)).toBeGreaterThanOrEqual(3);
      expect(contrast(color, paper)).toBeGreaterThanOrEqual(3);
      await context.close();
    });
  }
});

test.describe('phone: the search field and headings', () => {
  test.use(phone);

  test('the search field does not offer the / key on a touch screen', async ({ page }) => {
    test.slow();
    const { slug } = await sample();
    for (const locale of locales) {
      await page.goto(pages.reader(locale, slug));
      const form = page.locator('form[role="search"]');
      expect(await form.locator('input').getAttribute('placeholder')).not.toContain('/');
      expect(await form.evaluate((element) => getComputedStyle(element, '::after').content)).toBe('none');
    }
  });

  test('a paragraph opened by its link shows the heading just above it', async ({ page }) => {
    test.slow();
    const { slug, source } = await sample();
    // Every row that follows a heading (the first paragraph of a section, a subsection's heading under its section's).
    const firsts = source.blocks.filter((block, index) => index > 0 && source.blocks[index - 1].kind === 'heading' && source.blocks[index - 1].id !== 'title');
    expect(firsts.length).toBeGreaterThan(0);
    for (const locale of ['ru', 'en'] as const) {
      await page.goto(pages.reader(locale, slug));
      await page.locator('html[data-behaviours]').waitFor({ state: 'attached' });
      for (const block of firsts) {
        const heading = source.blocks[source.blocks.indexOf(block) - 1];
        await page.evaluate((id) => (location.hash = id), block.id);
        await expect(page.locator(`[id="${block.id}"]`)).toBeInViewport();
        const top = await page.locator(`[id="${heading.id}"]`).evaluate((element) => element.getBoundingClientRect().top);
        expect(top, `${locale} #${block.id}: the top of ${heading.id}`).toBeGreaterThanOrEqual(0);
      }
    }
  });
});
