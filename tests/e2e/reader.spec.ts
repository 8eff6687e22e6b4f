/** What a reader does on the reading page: follow a permalink, choose columns, read a term's note, copy a link. */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { escape, mentionOf, pages, rowNameOf, sample, shownLanguages } from './site';
import { editionPath } from '../../src/contract/paths';
import { currentEdition } from '../../src/model/document';

/** The language cells of a row that a reader sees, in the order seen. */
const shownCells = (row: Locator) => row.locator(':scope > [lang]:visible');

/** The languages in the order the cells appear on screen, left to right. */
async function languagesOnScreen(page: Page, id: string): Promise<string[]> {
  return page.locator(`[id="${id}"] > [lang]`).evaluateAll((cells) =>
    cells
      .filter((cell) => cell.getBoundingClientRect().width > 0)
      .sort((a, b) => a.getBoundingClientRect().left - b.getBoundingClientRect().left)
      .map((cell) => cell.getAttribute('lang') ?? ''),
  );
}

test.describe('reader', () => {
  test('each cell shows its language’s text of that block, in every row', async ({ page }) => {
    const { document } = await sample();
    await page.goto(pages.reader('en', document.slug));
    for (const language of ['ru', 'ja', 'en'] as const) {
      const text = document.texts[language];
      if (!text) throw new Error(`no ${language} text`);
      const cells = await page.locator(`[data-pid] > [lang="${language}"]`).evaluateAll((nodes) =>
        // The block's own text: a cell may also hold the mark of a change ("Changed in edition 2").
        nodes.map((node) => ({ pid: node.parentElement?.id, text: node.querySelector('.block')?.textContent ?? '' })),
      );
      expect(cells.map((cell) => cell.pid)).toEqual(text.blocks.map((block) => block.id));
      for (const [index, block] of text.blocks.entries()) {
        // Note markers add their numbers to the text; everything else is the block's text.
        const shown = cells[index].text.replace(/\s+/g, ' ').trim();
        const expected = block.text.replace(/\s+/g, ' ').trim();
        expect(shown.replace(/\d+/g, ''), `${language} ${block.id}`).toBe(expected.replace(/\d+/g, ''));
      }
    }
  });

  test('a permalink scrolls its row into view and marks it, in any column choice', async ({ page }) => {
    const { slug, lastBlock } = await sample();
    await page.goto(`${pages.reader('en', slug, 'ja-en')}#${lastBlock.id}`);
    const row = page.locator(`[id="${lastBlock.id}"]`);
    // A row (its id is the block's ID; the row's mark carries no value).
    await expect(row).toHaveAttribute('data-pid', '');
    await expect(row).toBeInViewport();
    expect(await row.evaluate((element) => element.matches(':target'))).toBe(true);
    const marked = await row.evaluate((element) => getComputedStyle(element).backgroundColor);
    const plain = await page.locator('[data-pid]').first().evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(marked).not.toBe(plain);
    expect(await shownLanguages(row)).toEqual(['ja', 'en']);
    expect(await languagesOnScreen(page, lastBlock.id)).toEqual(['ja', 'en']);
  });

  test('every row has one cell per language, and a visible, named anchor link', async ({ page }) => {
    const { slug, source, paragraph } = await sample();
    await page.goto(pages.reader('en', slug));
    const rows = page.locator('[data-pid]');
    await expect(rows).toHaveCount(source.blocks.length);
    for (const language of ['ru', 'ja', 'en']) {
      await expect(page.locator(`[data-pid] > [lang="${language}"]:visible`)).toHaveCount(source.blocks.length);
    }
    const anchor = page.locator(`[id="${paragraph.id}"] a[href="#${paragraph.id}"]`);
    await expect(anchor).toBeVisible();
    // Named by its place (`dateline`, `1.1 ¶2`).
    await expect(anchor).toHaveAccessibleName(rowNameOf('en', paragraph.id));
    await anchor.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#${paragraph.id}$`));
  });

  test('columns chosen with the picker go into the address, survive a reload and are remembered', async ({ page }) => {
    const { slug, paragraph } = await sample();
    // The default view of the English page: English first, then the others in canonical order.
    await page.goto(pages.reader('en', slug));
    const picker = page.getByRole('group', { name: 'Columns' });
    await picker.getByRole('checkbox', { name: 'Japanese' }).uncheck();
    await expect(page).toHaveURL(new RegExp(`${escape(pages.reader('en', slug, 'en-ru'))}$`));
    await picker.getByRole('button', { name: 'Move English right' }).click();
    await expect(page).toHaveURL(new RegExp(`${escape(pages.reader('en', slug, 'ru-en'))}$`));
    const row = page.locator(`[id="${paragraph.id}"]`);
    expect(await shownLanguages(row)).toEqual(['ru', 'en']);
    expect(await languagesOnScreen(page, paragraph.id)).toEqual(['ru', 'en']);
    // The picker names the choice in the same order; the one hidden language is offered again.
    await expect(picker.getByRole('checkbox', { name: 'English' })).toBeChecked();
    await expect(picker.getByRole('checkbox', { name: 'Japanese' })).not.toBeChecked();

    await page.reload();
    expect(await shownLanguages(row)).toEqual(['ru', 'en']);

    // The address without a choice opens the remembered one, and says so in the address.
    await page.goto(`${pages.reader('en', slug)}#${paragraph.id}`);
    await expect(page).toHaveURL(new RegExp(`${escape(pages.reader('en', slug, 'ru-en'))}#${paragraph.id}$`));
    expect(await shownLanguages(row)).toEqual(['ru', 'en']);
    await picker.getByRole('checkbox', { name: 'Japanese' }).check();
    await expect(page).toHaveURL(new RegExp(`${escape(pages.reader('en', slug, 'ru-en-ja'))}#${paragraph.id}$`));
    expect(await shownLanguages(row)).toEqual(['ru', 'en', 'ja']);
  });

  test('a shared link opens its view, and a link with a broken choice opens the default one', async ({ browser, baseURL }) => {
    // Six page loads: 13 s in CI beside another worker.
    test.slow();
    const { slug, paragraph } = await sample();
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await page.goto(`${pages.reader('ja', slug, 'en')}#${paragraph.id}`);
    const row = page.locator(`[id="${paragraph.id}"]`);
    expect(await shownLanguages(row)).toEqual(['en']);
    await expect(row).toBeInViewport();
    // The last language cannot be hidden.
    await expect(page.getByRole('group', { name: '表示する言語' }).getByRole('checkbox', { name: '英語' })).toBeDisabled();
    // A broken choice, or the page's own default view, is dropped: Japanese first on the Japanese page.
    for (const broken of ['ru-ru', 'xx', '<script>alert(1)</script>', 'ru-ja-en-ru', 'ja-ru-en']) {
      await page.goto(`/ja/documents/${slug}/?cols=${encodeURIComponent(broken)}`);
      expect(await shownLanguages(row)).toEqual(['ja', 'ru', 'en']);
      await expect(page).toHaveURL(new RegExp(`/ja/documents/${slug}/$`));
    }
    await context.close();
  });

  test('changing the columns keeps the paragraph being read in view', async ({ page }) => {
    const { slug, source } = await sample();
    // A paragraph after a paragraph: one reached by its link then stands at the top of the window (a
    // first paragraph under a heading stands lower, its heading above it, and the row kept in place is
    // the one at the top).
    const middle = source.blocks.findLast((block, index) => block.kind === 'paragraph' && source.blocks[index - 1]?.kind === 'paragraph');
    if (!middle) throw new Error('no paragraph of the source follows another');
    await page.goto(`${pages.reader('en', slug)}#${middle.id}`);
    const row = page.locator(`[id="${middle.id}"]`);
    const before = (await row.boundingBox())?.y ?? 0;
    // Reached without scrolling the page (Playwright's own clicks scroll the control into view first).
    const box = page.getByRole('group', { name: 'Columns' }).getByRole('checkbox', { name: 'Russian' });
    await box.evaluate((element: HTMLElement) => element.focus({ preventScroll: true }));
    await page.keyboard.press('Space');
    await expect(box).not.toBeChecked();
    const after = (await row.boundingBox())?.y ?? 0;
    expect(Math.abs(after - before)).toBeLessThan(4);
  });

  test('pointing at a sentence marks its counterparts in the other columns, and only them', async ({ page }) => {
    const { document, slug } = await sample();
    // A row where some translation splits or joins sentences if there is one, else any row with sentences.
    const source = document.texts[document.source];
    const block = source?.blocks.find((candidate) => candidate.sentences.length > 1) ?? source?.blocks[0];
    if (!block) throw new Error('no block');
    await page.goto(`${pages.reader('en', slug)}#${block.id}`);
    const row = page.locator(`[id="${block.id}"]`);
    const last = block.sentences.at(-1);
    if (!last) throw new Error('no sentence');
    // In its row, a sentence's ID stands without the row's block ID (`s1-p1.2` → `2`).
    const sid = last.ids[0].replace(`${block.id}.`, '');
    const sentence = row.locator(`:scope > [lang="ru"] [data-sid~="${sid}"]`);
    await sentence.hover();
    await expect(sentence).toHaveClass(/is-active/);
    for (const language of ['ja', 'en'] as const) {
      const counterparts = row.locator(`:scope > [lang="${language}"] [data-sid~="${sid}"]`);
      expect(await counterparts.count()).toBeGreaterThan(0);
      for (const counterpart of await counterparts.all()) await expect(counterpart).toHaveClass(/is-counterpart/);
      // It shows: the marked sentence has a background the others do not.
      const marked = await counterparts.first().evaluate((element) => getComputedStyle(element).backgroundColor);
      expect(marked).not.toBe('rgba(0, 0, 0, 0)');
    }
    await expect(row.locator('.is-counterpart:not([data-sid~="' + sid + '"])')).toHaveCount(0);
    await page.mouse.move(0, 0);
    await expect(row.locator('.is-counterpart')).toHaveCount(0);
  });

  test('focusing a mention marks the same entry’s mentions in the other columns of the row', async ({ page }) => {
    const { slug, paragraph, entry } = await sample();
    await page.goto(pages.reader('en', slug));
    const row = page.locator(`[id="${paragraph.id}"]`);
    await row.locator(`:scope > [lang="ru"] ${mentionOf(entry.id)}`).first().focus();
    for (const language of ['ja', 'en']) {
      await expect(row.locator(`:scope > [lang="${language}"] ${mentionOf(entry.id)}`).first()).toHaveClass(/is-counterpart/);
    }
    await expect(row.locator(`a.is-counterpart:not(${mentionOf(entry.id)})`)).toHaveCount(0);
  });

  test('hovering a term shows its glossary note below it, without covering it', async ({ page }) => {
    const { slug, paragraph, entry } = await sample();
    await page.goto(pages.reader('en', slug));
    const link = page.locator(`[id="${paragraph.id}"] > [lang="ru"] ${mentionOf(entry.id)}`).first();
    const tooltip = page.getByRole('tooltip');
    await expect(tooltip).toBeHidden();
    // In the middle of the window, with room below it whatever the page's head holds above the text.
    await link.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await link.hover();
    await expect(tooltip).toBeVisible();
    await expect(link).toHaveAttribute('aria-describedby', (await tooltip.getAttribute('id')) ?? '');
    await expect(tooltip).toContainText(entry.description.en.replace(/\s+/g, ' ').slice(0, 40));
    await expect(tooltip.locator('[lang="ru"]')).toHaveText(entry.names.ru);
    await expect(tooltip.locator('[lang="ja"]')).toHaveText(entry.names.ja);
    await expect(tooltip.locator('[lang="en"]').first()).toHaveText(entry.names.en);
    await expect(tooltip.getByRole('link')).toHaveAttribute('href', pages.entry('en', entry.id));
    const term = await link.boundingBox();
    const tip = await tooltip.boundingBox();
    if (!term || !tip) throw new Error('no boxes');
    const overlaps = tip.x < term.x + term.width && term.x < tip.x + tip.width && tip.y < term.y + term.height && term.y < tip.y + tip.height;
    expect(overlaps).toBe(false);
    expect(tip.y).toBeGreaterThanOrEqual(term.y + term.height);
    await page.mouse.move(0, 0);
    await expect(tooltip).toBeHidden();
  });

  test('the glossary is fetched once, when a reader first reaches for a term, not with the page', async ({ page }) => {
    const { slug, paragraph } = await sample();
    const fetched: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/tips.json')) fetched.push(request.url());
    });
    await page.goto(pages.reader('en', slug));
    await page.waitForLoadState('load');
    expect(fetched).toEqual([]);
    const links = page.locator(`[id="${paragraph.id}"] a[data-term]`);
    await links.nth(0).hover();
    await expect(page.getByRole('tooltip')).toBeVisible();
    await links.nth(1).hover();
    await expect(page.getByRole('tooltip')).toBeVisible();
    expect(fetched).toHaveLength(1);
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
    const tooltip = page.getByRole('tooltip');
    await expect(tooltip).toBeVisible();
    const tip = await tooltip.boundingBox();
    if (!tip) throw new Error('no box');
    expect(tip.y + tip.height).toBeLessThanOrEqual(term.y);
  });

  test('the keyboard reaches a term, shows its tooltip as its description, and Escape hides it', async ({ page }) => {
    const { slug, paragraph, entry } = await sample();
    // The source first: its first term is the sample's.
    await page.goto(pages.reader('en', slug, 'ru-ja-en'));
    await page.locator(`[id="${paragraph.id}"] a[href="#${paragraph.id}"]`).focus();
    const first = page.locator(`[id="${paragraph.id}"] a[data-term]`).first();
    // From the row's number, the arrows go through the row (see keyboard.spec.ts).
    for (let presses = 0; presses < 6; presses++) {
      await page.keyboard.press('ArrowRight');
      if (await first.evaluate((element) => element === document.activeElement)) break;
    }
    await expect(first).toBeFocused();
    const tooltip = page.getByRole('tooltip');
    await expect(tooltip).toBeVisible();
    await expect(first).toHaveAccessibleDescription(new RegExp(escape(entry.names.en)));
    await page.keyboard.press('Escape');
    await expect(tooltip).toBeHidden();
  });

  test('a note marker shows the note in place, and the notes list links back to it', async ({ page }) => {
    const { slug, noteAnchor } = await sample();
    test.skip(!noteAnchor, 'the document has no notes');
    await page.goto(pages.reader('ja', slug));
    const marker = page.locator(`[id="${noteAnchor.block}"] > [lang="ru"] .note-ref > a`).first();
    const tooltip = page.getByRole('tooltip');
    await marker.hover();
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toHaveAttribute('lang', 'ja');
    const note = page.locator(`[id="n_${noteAnchor.ref}"]`);
    await expect(tooltip).toContainText((await note.locator('.note-body').innerText()).slice(0, 20));
    await marker.click();
    await expect(note).toBeInViewport();
    await note.getByRole('link', { name: /ロシア語/ }).first().click();
    await expect(marker).toBeInViewport();
  });

  test('copy link copies the address of the paragraph in the current view, pinned to the current edition, and says so', async ({ browser, baseURL }) => {
    const { slug, paragraph, document } = await sample();
    const context = await browser.newContext({ baseURL, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(pages.reader('en', slug, 'en-ja'));
    // The button shows when the reader points at the row.
    await page.locator(`[id="${paragraph.id}"]`).hover();
    await page.locator(`[id="${paragraph.id}"] button[data-copy]`).click();
    await expect(page.getByRole('status').filter({ hasText: 'copied' })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    // The edition's permanent address, so that the link always leads to the words it was copied from.
    expect(copied).toBe(`${baseURL}${editionPath('en', slug, currentEdition(document).number)}?cols=en-ja#${paragraph.id}`);
    await context.close();
  });

  test('a mistyped paragraph ID suggests the nearest one, and the notice opens the contents', async ({ page }) => {
    const { slug, source } = await sample();
    const target = source.blocks.find((block) => /^s\d+-\d+-p\d+$/.test(block.id)) ?? source.blocks[2];
    const typo = target.id.replace(/p(\d+)$/, 'q$1');
    await page.goto(`${pages.reader('en', slug)}#${typo}`);
    const notice = page.getByRole('alert').filter({ hasText: typo });
    await expect(notice).toBeVisible();
    const suggestion = notice.getByRole('link');
    await expect(suggestion).toHaveAttribute('href', `#${target.id}`);
    await suggestion.click();
    await expect(page.locator(`[id="${target.id}"]`)).toBeInViewport();
    await page.goto(`${pages.reader('en', slug)}#nothing-like-it-at-all`);
    await page.getByRole('alert').getByRole('button', { name: 'Show the contents' }).click();
    await expect(page.locator('details#toc')).toHaveAttribute('open', '');
    await expect(page.locator('details#toc summary')).toBeFocused();
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

  test('one language at a time, a quick switch, and another language of a paragraph in place', async ({ page }) => {
    const { slug, paragraph } = await sample();
    await page.goto(pages.reader('en', slug));
    const row = page.locator(`[id="${paragraph.id}"]`);
    expect(await shownLanguages(row)).toEqual(['en']);

    await page.getByRole('navigation', { name: 'Reading language' }).getByRole('button', { name: 'Japanese' }).click();
    await expect(page).toHaveURL(new RegExp(`${escape(pages.reader('en', slug, 'ja-en-ru'))}$`));
    expect(await shownLanguages(row)).toEqual(['ja']);
    await expect(page.getByRole('navigation', { name: 'Reading language' }).getByRole('button', { name: 'Japanese' })).toHaveAttribute('aria-pressed', 'true');

    await row.getByRole('button', { name: /^Link, citation and languages: / }).tap();
    await page.getByRole('group', { name: 'This passage in another language' }).getByRole('checkbox', { name: 'Russian' }).check();
    expect(await shownLanguages(row)).toEqual(['ja', 'ru']);
  });

  test('a tap on a term opens its note, a second tap closes it, and the note links to the glossary', async ({ page }) => {
    const { slug, paragraph, entry } = await sample();
    await page.goto(pages.reader('en', slug));
    const link = page.locator(`[id="${paragraph.id}"] > [lang="en"] ${mentionOf(entry.id)}`).first();
    const tooltip = page.getByRole('tooltip');
    await link.tap();
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toContainText(entry.names.en);
    await expect(page).toHaveURL(new RegExp(`${escape(pages.reader('en', slug))}$`));
    await link.tap();
    await expect(tooltip).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`${escape(pages.reader('en', slug))}$`));
    await link.tap();
    await tooltip.getByRole('link').tap();
    await expect(page).toHaveURL(new RegExp(`${escape(pages.entry('en', entry.id))}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(entry.names.en);
  });
});

test.describe('text fragments', () => {
  test('selecting words in a paragraph offers a link that opens scrolled to exactly that passage', async ({ browser, baseURL }) => {
    const { document: edition, slug } = await sample();
    const english = edition.texts.en;
    // A paragraph far down the page, and a few words from the middle of it.
    const block = english?.blocks.filter((candidate) => candidate.kind === 'paragraph').at(-1);
    if (!block) throw new Error('no paragraph');
    const words = block.text.split(' ');
    const passage = words.slice(Math.floor(words.length / 2), Math.floor(words.length / 2) + 4).join(' ');
    const context = await browser.newContext({ baseURL, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(pages.reader('en', slug, 'en-ru'));
    const cell = page.locator(`[id="${block.id}"] > [lang="en"]`);
    await cell.evaluate((element, wanted) => {
      // Select the passage as a reader would with the mouse: a range over its characters.
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const texts: Text[] = [];
      while (walker.nextNode()) texts.push(walker.currentNode as Text);
      const whole = texts.map((text) => text.data).join('');
      const start = whole.replace(/\s+/g, ' ').indexOf(wanted);
      const at = (offset: number) => {
        let rest = offset;
        for (const text of texts) {
          if (rest <= text.data.length) return { node: text, offset: rest };
          rest -= text.data.length;
        }
        throw new Error('offset out of range');
      };
      const range = document.createRange();
      const from = at(start);
      const to = at(start + wanted.length);
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    }, passage);
    const button = page.getByRole('button', { name: 'Copy a link to the selected passage' });
    await expect(button).toBeVisible();
    await button.click();
    await expect(page.getByRole('status').filter({ hasText: 'Link to the selected passage copied' })).toBeVisible();
    const address = await page.evaluate(() => navigator.clipboard.readText());
    expect(address).toContain(`${pages.reader('en', slug, 'en-ru')}#${block.id}:~:text=`);

    const reader = await context.newPage();
    await reader.goto(address);
    // The browser took the text directive (it is not part of location.hash) and scrolled to the passage.
    await expect.poll(() => reader.evaluate(() => location.hash)).toBe(`#${block.id}`);
    const visible = await reader.locator(`[id="${block.id}"] > [lang="en"]`).evaluate((element, wanted) => {
      const text = element.textContent ?? '';
      return text.replace(/\s+/g, ' ').includes(wanted) && element.getBoundingClientRect().top < innerHeight && element.getBoundingClientRect().bottom > 0;
    }, passage);
    expect(visible).toBe(true);
    await context.close();
  });
});
