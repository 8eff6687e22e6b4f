/**
 * Editions as a reader meets them: a superseded edition's permanent page (its notice, every word of
 * its text, its anchors, its links to the current text, its own glossary for the tooltips), the
 * reading page's "changed in edition N" marks leading to the previous wording on the changelog, the
 * changelog with and without JavaScript, and the RFC 5829 link relations. What to expect is read from
 * the content (the archive and the content cache's copy of each superseded edition), not written here.
 */
import { join } from 'node:path';
import type { Browser, Locator, Page } from '@playwright/test';
import { openContentCache } from '../../src/cache/read';
import { diffEditions, type DiffPart, type LanguageDiff } from '../../src/editions/diff';
import { languages } from '../../src/model/languages';
import type { ArchiveDocument, EditionRecord, PastEdition } from '../../src/model/types';
import { expect, test } from './fixtures';
import { getEdition, messages, rowNameOf, type Locale } from './site';

const cache = openContentCache(join(import.meta.dirname, '..', '..'));

/** The first document with more than one edition, and its editions as the cache has them. */
async function editions() {
  const { documents } = await getEdition();
  const document = documents.find((candidate) => candidate.editions.length > 1);
  test.skip(!document, 'no document has a second edition yet');
  if (!document) throw new Error('unreachable');
  const current = document.editions.at(-1);
  const first = await cache.pastEdition(document.slug, document.editions[0].number);
  if (!current || !first) throw new Error(`no past edition of ${document.slug} in the content cache: run npm run build`);
  const previous = document.editions.at(-2);
  const before = previous && previous !== document.editions[0] ? await cache.pastEdition(document.slug, previous.number) : first;
  if (!previous || !before) throw new Error('no previous edition');
  return { document, slug: document.slug, current, first, previous, before };
}

const paths = {
  reader: (locale: Locale, slug: string) => `/${locale}/documents/${slug}/`,
  edition: (locale: Locale, slug: string, n: number) => `/${locale}/documents/${slug}/editions/${n}/`,
  changes: (locale: Locale, slug: string) => `/${locale}/documents/${slug}/changes/`,
  compare: (locale: Locale, slug: string, from: number, to: number) => `/${locale}/documents/${slug}/compare/${from}-${to}/`,
  anchor: (edition: number, language: string, id: string) => `e${edition}-${language}-${id}`,
};

/** An interface string of `locale` with its values put in. */
function say(locale: Locale, key: keyof ReturnType<typeof messages>['editions'], values: Record<string, string | number> = {}): string {
  const template = messages(locale).editions[key];
  if (typeof template !== 'string') throw new Error(`editions.${key} is not a string`);
  return Object.entries(values).reduce((text, [name, value]) => text.replaceAll(`{{${name}}}`, String(value)), template);
}

const formatDate = (locale: Locale, date: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
const normal = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The changes from the edition before the current one to the current one, in every language. */
function currentChanges(document: ArchiveDocument, before: PastEdition) {
  const { fates } = document.editions.at(-1) ?? { fates: {} };
  return languages.map((language) => diffEditions(before, document, [fates], language));
}

/** The wording of one side of a change, as the changelog writes it. */
const side = (parts: readonly DiffPart[], drop: DiffPart['kind']) =>
  parts
    .filter((part) => part.kind !== drop)
    .map((part) => part.text)
    .join('');

test.describe('a superseded edition’s page', () => {
  test('says which edition it is, when it was superseded and by which, and links to the current text and the changelog', async ({ page }) => {
    const { document, slug, current } = await editions();
    const edition = document.editions[0];
    const next = document.editions[1];
    if (!edition.date || !next.date) throw new Error('a superseded edition without a date');
    await page.goto(paths.edition('en', slug, edition.number));
    const notice = page.getByRole('note').filter({ hasText: say('en', 'readCurrent') });
    await expect(notice).toContainText(
      say('en', 'superseded', { number: edition.number, count: current.number, date: formatDate('en', edition.date), until: formatDate('en', next.date), next: next.number }),
    );
    await expect(notice.getByRole('link', { name: say('en', 'changes') })).toHaveAttribute('href', paths.changes('en', slug));
    await notice.getByRole('link', { name: say('en', 'readCurrent') }).click();
    await expect(page).toHaveURL(new RegExp(`${paths.reader('en', slug)}$`));
  });

  test('shows every word of that edition, block by block, in every language', async ({ page }) => {
    const { slug, first } = await editions();
    await page.goto(paths.edition('ru', slug, first.number));
    for (const language of languages) {
      const text = first.texts[language];
      if (!text) continue;
      const cells = await page.locator(`[data-pid] > [lang="${language}"]`).evaluateAll((nodes) =>
        nodes.map((node) => {
          const block = node.querySelector('.block')?.cloneNode(true);
          if (!(block instanceof Element)) return { pid: node.parentElement?.id, text: '' };
          // Note markers add their numbers to the text; everything else is the block's own.
          for (const marker of block.querySelectorAll('.note-ref')) marker.remove();
          return { pid: node.parentElement?.id, text: block.textContent ?? '' };
        }),
      );
      expect(cells.map((cell) => cell.pid)).toEqual(text.blocks.map((block) => block.id));
      for (const [index, block] of text.blocks.entries()) expect(normal(cells[index].text), `${language} ${block.id}`).toBe(normal(block.text));
    }
  });

  test('keeps its paragraph anchors, and links each paragraph to its place in the current text', async ({ page }) => {
    const { document, slug, first } = await editions();
    const source = first.texts[first.source];
    if (!source) throw new Error('no source text');
    const current = new Set(document.texts[document.source]?.blocks.map((block) => block.id));
    const kept = source.blocks.filter((block) => current.has(block.id)).at(-1);
    if (!kept) throw new Error('no block of the first edition is in the current text');
    await page.goto(`${paths.edition('en', slug, first.number)}#${kept.id}`);
    const row = page.locator(`[id="${kept.id}"]`);
    await expect(row).toBeInViewport();
    expect(await row.evaluate((element) => element.matches(':target'))).toBe(true);
    const link = row.getByRole('link', { name: say('en', 'toCurrent', { place: rowNameOf('en', kept.id) }) });
    await expect(link).toHaveAttribute('href', `${paths.reader('en', slug)}#${kept.id}`);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${paths.reader('en', slug)}#${kept.id}$`));
    await expect(page.locator(`[id="${kept.id}"]`)).toBeInViewport();
  });

  test('marks its sentences with their IDs, as the reading page does', async ({ page }) => {
    const { slug, first } = await editions();
    const source = first.texts[first.source];
    if (!source) throw new Error('no source text');
    await page.goto(paths.edition('en', slug, first.number));
    for (const block of source.blocks) {
      const shown = await page.locator(`[id="${block.id}"] > [lang="${first.source}"] [data-sid]`).evaluateAll((spans) => spans.map((span) => span.getAttribute('data-sid')));
      // Without the row's block ID (`s1-p1.2` → `2`), as on the reading page.
      expect(shown, block.id).toEqual(block.sentences.map((sentence) => sentence.ids.map((id) => id.replace(`${block.id}.`, '')).join(' ')));
    }
  });

  test('its tooltips show the glossary as it stood in that edition, from its own file', async ({ page }) => {
    const { slug, first } = await editions();
    const { glossary } = await getEdition();
    const source = first.texts[first.source];
    const mentions = source?.mentions.filter((candidate) => !candidate.inNote) ?? [];
    // An entry whose description has changed since, where there is one.
    const was = (id: string) => first.glossary.find((item) => item.id === id);
    const now = (id: string) => glossary.find((item) => item.id === id);
    const mention = mentions.find((candidate) => was(candidate.ref)?.description.en !== now(candidate.ref)?.description.en) ?? mentions[0];
    const entry = mention ? was(mention.ref) : undefined;
    if (!mention || !entry) throw new Error('no mention of a glossary entry in the first edition');
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(paths.edition('en', slug, first.number));
    await page.locator(`[id="${mention.block}"] > [lang="${first.source}"] a[data-term][href$="/glossary/${entry.id}/"]`).first().hover();
    await expect(page.getByRole('tooltip')).toContainText(normal(entry.description.en).slice(0, 40));
    // Its own glossary file and no other (the page script's strings, reader.json, are no glossary).
    expect(fetched.filter((path) => path.endsWith('tips.json'))).toEqual([`${paths.edition('en', slug, first.number)}tips.json`]);
  });

  test('the current edition’s own page says it is the current one', async ({ page }) => {
    const { slug, current } = await editions();
    if (!current.date) throw new Error('the current edition has no date');
    await page.goto(paths.edition('ja', slug, current.number));
    await expect(page.getByRole('note').first()).toContainText(say('ja', 'current', { number: current.number, date: formatDate('ja', current.date) }));
    await expect(page.locator('.edition-current')).toHaveCount(0);
  });
});

test.describe('the reading page', () => {
  test('names its edition and date, sums up what changed, and links the changelog and the earlier editions', async ({ page }) => {
    const { document, slug, current } = await editions();
    if (!current.date || !current.summary) throw new Error('the current edition has no date or summary');
    await page.goto(paths.reader('ru', slug));
    // One line near the title until opened: the edition and its date; then its summary and the links.
    const note = page.locator('.edition-note');
    await expect(note.locator('summary')).toHaveText(say('ru', 'editionDated', { number: current.number, date: formatDate('ru', current.date) }));
    await note.locator('summary').click();
    await expect(note.getByText(current.summary.ru)).toBeVisible();
    await expect(note.getByRole('link', { name: say('ru', 'changes') })).toHaveAttribute('href', paths.changes('ru', slug));
    for (const edition of document.editions.slice(0, -1)) {
      await expect(note.locator(`a[href="${paths.edition('ru', slug, edition.number)}"]`)).toHaveCount(1);
    }
  });

  test('marks each paragraph the edition changed, in its language, and the mark leads to the previous wording', async ({ page }) => {
    const { document, slug, current, before } = await editions();
    await page.goto(paths.reader('en', slug));
    const diffs = currentChanges(document, before);
    const marked = diffs.flatMap((diff) => diff.blocks.flatMap((change) => change.after.map((block) => ({ language: diff.language, block: block.id, change }))));
    expect(marked.length).toBeGreaterThan(0);
    for (const { language, block, change } of marked) {
      const mark = page.locator(`[id="${block}"] > [lang="${language}"] .changed-mark`);
      await expect(mark, `${language} ${block}`).toHaveText(say('en', 'changedIn', { number: current.number }));
      // Relative to the reading page, where each byte counts: the changelog's anchor for that change.
      const target = new URL((await mark.getAttribute('href')) ?? '', page.url());
      expect(`${target.pathname}${target.hash}`).toBe(`${paths.changes('en', slug)}#${paths.anchor(current.number, language, change.id)}`);
    }
    // No mark where nothing changed: as many marks as changed blocks.
    await expect(page.locator('.changed-mark')).toHaveCount(marked.length);

    const { language, block, change } = marked.find((each) => each.change.before.length > 0) ?? marked[0];
    await page.locator(`[id="${block}"] > [lang="${language}"] .changed-mark`).click();
    const item = page.locator(`[id="${paths.anchor(current.number, language, change.id)}"]`);
    await expect(item).toBeInViewport();
    expect(await item.evaluate((element) => element.matches(':target'))).toBe(true);
    if (change.before.length > 0) expect((await visibleTexts(item.locator('.diff-before .diff-text'))).join(' ')).toBe(normal(side(change.parts, 'added')));
  });
});

/** The texts of the elements `locator` finds, as a sighted reader reads them: without what is said to screen readers alone. */
async function visibleTexts(locator: Locator): Promise<string[]> {
  const texts = await locator.evaluateAll((nodes) =>
    nodes.map((node) => {
      const copy = node.cloneNode(true) as Element;
      for (const hidden of copy.querySelectorAll('.sr-only')) hidden.remove();
      return copy.textContent ?? '';
    }),
  );
  return texts.map(normal).filter(Boolean);
}

/** Checks that the changelog on `page` shows every change of the current edition, in every language, word for word. */
async function showsEveryChange(page: Page, document: ArchiveDocument, before: PastEdition) {
  const current = document.editions.at(-1);
  if (!current) throw new Error('no edition');
  await showsTheseChanges(page, currentChanges(document, before), current.number, current.changes);
}

/** Checks that `page` shows each change of `diffs` under its anchor (`e<number>-<language>-<id>`), word for word, and each record of `changes`. */
async function showsTheseChanges(page: Page, diffs: readonly LanguageDiff[], number: number, changes: EditionRecord['changes']) {
  const current = { number, changes };
  for (const diff of diffs) {
    for (const change of diff.blocks) {
      const item = page.locator(`[id="${paths.anchor(current.number, diff.language, change.id)}"]`);
      await expect(item, `${diff.language} ${change.id}`).toHaveCount(1);
      const removed = change.parts.filter((part) => part.kind === 'removed').map((part) => normal(part.text)).filter(Boolean);
      const added = change.parts.filter((part) => part.kind === 'added').map((part) => normal(part.text)).filter(Boolean);
      const shown = (selector: string) => visibleTexts(item.locator(selector));
      expect(await shown('del'), `${diff.language} ${change.id}: removed`).toEqual(removed);
      expect(await shown('ins'), `${diff.language} ${change.id}: added`).toEqual(added);
      if (change.before.length > 0) expect((await shown('.diff-before .diff-text')).join(' ')).toBe(normal(side(change.parts, 'added')));
      if (change.after.length > 0) expect((await shown('.diff-after .diff-text')).join(' ')).toBe(normal(side(change.parts, 'removed')));
    }
    for (const change of diff.notes) await expect(page.locator(`[id="${paths.anchor(current.number, diff.language, `n_${change.id}`)}"]`)).toHaveCount(1);
  }
  // Each language's record of what changed and why, marked with its language.
  for (const [language, records] of Object.entries(current.changes)) {
    for (const record of records ?? []) await expect(page.locator(`dd[lang="${language}"]`, { hasText: record.what }).first()).toBeVisible();
  }
}

async function changelogWithout(browser: Browser, baseURL: string | undefined, path: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(path);
  return page;
}

test.describe('the changelog', () => {
  test('shows every change, word for word, with JavaScript', async ({ page }) => {
    const { document, slug, before } = await editions();
    await page.goto(paths.changes('en', slug));
    await showsEveryChange(page, document, before);
  });

  test('shows every change, word for word, without JavaScript', async ({ browser, baseURL }) => {
    const { document, slug, before } = await editions();
    const page = await changelogWithout(browser, baseURL, paths.changes('ja', slug));
    // No script ran: the page script marks <html> when its behaviours start.
    expect(await page.locator('html').getAttribute('data-behaviours')).toBeNull();
    await showsEveryChange(page, document, before);
    await page.context().close();
  });

  test('lists the editions newest first, each with its date, and names removed and added words for screen readers', async ({ page }) => {
    const { document, slug } = await editions();
    await page.goto(paths.changes('en', slug));
    const headings = await page.locator('.edition > h2').allTextContents();
    expect(headings).toEqual(
      [...document.editions].reverse().map((edition) => (edition.date ? say('en', 'editionDated', { number: edition.number, date: formatDate('en', edition.date) }) : say('en', 'edition', { number: edition.number }))),
    );
    const del = page.locator('del').first();
    if ((await del.count()) > 0) {
      await expect(del.locator('.sr-only').first()).toHaveText(say('en', 'removedWords'));
      expect(await del.evaluate((element) => getComputedStyle(element).textDecorationLine)).toContain('line-through');
    }
    const ins = page.locator('ins').first();
    if ((await ins.count()) > 0) {
      await expect(ins.locator('.sr-only').first()).toHaveText(say('en', 'addedWords'));
      expect(await ins.evaluate((element) => getComputedStyle(element).textDecorationLine)).toContain('underline');
    }
  });
});

test.describe('comparing two editions', () => {
  /** The first edition against the current one, through every edition's fates, in every language; and what each edition after the first recorded. */
  async function firstToCurrent() {
    const found = await editions();
    const { document, first, current } = found;
    const later = document.editions.filter((edition) => edition.number > first.number);
    const diffs = languages.map((language) => diffEditions(first, document, later.map((edition) => edition.fates), language));
    const changes = Object.fromEntries(languages.map((language) => [language, later.flatMap((edition) => edition.changes[language] ?? [])]));
    return { ...found, diffs, changes, from: document.editions[0].number, to: current.number };
  }

  test('the changelog links every pair of editions, and the first against the current shows every change word for word', async ({ page }) => {
    // Every change of every language checked word for word: as long as the changelog's two tests together.
    test.slow();
    const { document, slug, diffs, changes, from, to } = await firstToCurrent();
    await page.goto(paths.changes('en', slug));
    const numbers = document.editions.map((edition) => edition.number);
    const pairs = numbers.flatMap((older, index) => numbers.slice(index + 1).map((newer) => paths.compare('en', slug, older, newer)));
    expect(await page.locator('.compare-pairs a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(pairs);
    await page.locator('.compare-pairs a').first().click();
    await expect(page).toHaveURL(new RegExp(`${paths.compare('en', slug, numbers[0], numbers[1])}$`));
    await page.goto(paths.compare('en', slug, from, to));
    await expect(page.locator('h1')).toHaveText(say('en', 'compareHeading', { from, to }));
    await expect(page.locator(`.compare-pairs a[aria-current="page"]`)).toHaveAttribute('href', paths.compare('en', slug, from, to));
    await showsTheseChanges(page, diffs, to, changes);
  });

  test('without JavaScript, in another interface language, every text with its language', async ({ browser, baseURL }) => {
    // Every change of every language checked word for word: as long as the changelog's two tests together.
    test.slow();
    const { slug, diffs, changes, from, to } = await firstToCurrent();
    const page = await changelogWithout(browser, baseURL, paths.compare('ja', slug, from, to));
    expect(await page.locator('html').getAttribute('data-behaviours')).toBeNull();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await showsTheseChanges(page, diffs, to, changes);
    // The wording compared is in its language version's language, whatever the interface's.
    for (const diff of diffs) {
      if (diff.blocks.length > 0) await expect(page.locator(`[id="${paths.anchor(to, diff.language, diff.blocks[0].id)}"] .diff-text`).first()).toHaveAttribute('lang', diff.language);
    }
    // A changed paragraph links to its place in an edition's page, by its anchor.
    const link = page.locator('.change-head a').first();
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^/ja/documents/${slug}/editions/[0-9]+/#[a-z0-9-]+$`));
    await page.context().close();
  });

  test('each edition’s page links its comparison with every other edition', async ({ page }) => {
    // Every edition's page, then a comparison: three large pages.
    test.slow();
    const { document, slug } = await editions();
    for (const edition of document.editions) {
      await page.goto(paths.edition('ru', slug, edition.number));
      const expected = document.editions
        .filter((other) => other !== edition)
        .map((other) => paths.compare('ru', slug, Math.min(edition.number, other.number), Math.max(edition.number, other.number)));
      expect(await page.locator('.edition-notice .compare-pairs a').evaluateAll((links) => links.map((link) => link.getAttribute('href'))), `edition ${edition.number}`).toEqual(expected);
    }
    await page.locator('.edition-notice .compare-pairs a').first().click();
    await expect(page).toHaveURL(/\/compare\/[0-9]+-[0-9]+\/$/);
    await expect(page.locator('h1')).toBeVisible();
  });
});

test.describe('link relations (RFC 5829)', () => {
  const relations = (page: Page) =>
    page.locator('head link[rel$="-version"], head link[rel="version-history"]').evaluateAll((links) => Object.fromEntries(links.map((link) => [link.getAttribute('rel'), link.getAttribute('href')])));

  test('the reading page, each edition’s page: version-history, predecessor-version, latest-version', async ({ page }) => {
    const { document, slug } = await editions();
    await page.goto(paths.reader('en', slug));
    const previous = document.editions.at(-2);
    if (!previous) throw new Error('no previous edition');
    expect(await relations(page)).toEqual({ 'version-history': paths.changes('en', slug), 'predecessor-version': paths.edition('en', slug, previous.number) });
    for (const [index, edition] of document.editions.entries()) {
      await page.goto(paths.edition('en', slug, edition.number));
      const expected: Record<string, string> = { 'version-history': paths.changes('en', slug) };
      if (index > 0) expected['predecessor-version'] = paths.edition('en', slug, document.editions[index - 1].number);
      if (index < document.editions.length - 1) expected['latest-version'] = paths.reader('en', slug);
      expect(await relations(page), `edition ${edition.number}`).toEqual(expected);
    }
  });
});
