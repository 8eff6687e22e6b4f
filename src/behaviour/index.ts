/**
 * The page script: every behaviour of the site's pages, one small module each, attached to the
 * server-rendered markup by the attributes of the page–script contract (src/contract/page.ts).
 * Imported by the page's loader (src/behaviour/early/loader.ts) once the text has painted; without it
 * the pages read, link and navigate completely. Bundled by src/export/bundle-behaviour.ts.
 *
 * The behaviours only add to the text (buttons, listeners, marks), so each starts in a task of its
 * own, and none of them keeps the page from answering input for long. They do not depend on the
 * order they start in: each reads the state it starts from where it lives (the address, the
 * server's markup) and hears of changes by the events of src/contract/events.ts. The order below
 * only puts what a reader may reach for first first. The one exception is a column choice the early
 * script held the rows back for (`Attribute.ColumnsPending`): the rows are invisible until the
 * columns are arranged, so the early script loads this at once, it arranges them as soon as the page
 * is parsed, and the other behaviours start after the next frame.
 */
import { Attribute } from '../contract/page';
import { applyStrings, type ReaderStrings } from '../contract/reader-strings';
import { startAlignment } from './alignment';
import { startAnnounce } from './announce';
import { startCite } from './cite';
import { startColumns } from './columns';
import { startCopyLink } from './copy-link';
import { startHeadings } from './headings';
import { startLocaleMemory } from './locale-memory';
import { startMissingTarget } from './missing-target';
import { startPrintAddress } from './print-address';
import { startLaterStylesheets } from './later-stylesheets';
import { startRowKeys } from './row-keys';
import { startRowTools } from './row-tools';
import { startSearch } from './search';
import { startTextFragments } from './text-fragment';
import { startTooltips } from './tooltips';

type Start = (root: Document) => void;

const starts: Start[] = [startLaterStylesheets, startLocaleMemory, startAnnounce, startRowTools, startColumns, startTooltips, startCopyLink, startCite, startRowKeys, startHeadings, startMissingTarget, startAlignment, startTextFragments, startPrintAddress, startSearch];

function run(start: Start): void {
  try {
    start(document);
  } catch (error) {
    // One behaviour failing leaves the others working.
    console.error(error);
  }
}

/**
 * Runs `starts` one task each, in order; then marks `<html>` as started (`Attribute.Started`), so
 * that a tool driving the page (a test, an assistive script) can tell when it has its behaviours.
 */
function startInTurn(rest: readonly Start[]): void {
  const [first, ...others] = rest;
  if (first) run(first);
  if (others.length > 0) setTimeout(() => startInTurn(others), 0);
  else document.documentElement.setAttribute(Attribute.Started, 'started');
}

/** Calls `next` after the browser has painted a frame (at once in a hidden tab, which paints none): the rows just arranged first. */
function afterFirstPaint(next: () => void): void {
  if (document.visibilityState === 'hidden') setTimeout(next, 0);
  else requestAnimationFrame(() => setTimeout(next, 0));
}

/**
 * Fetches the strings of the reading page that only this script uses (src/contract/reader-strings.ts)
 * and puts them where the page would have had them; the behaviours start once they are in place, or
 * could not be fetched. Called once the rows are parsed.
 */
function placeStrings(): Promise<unknown> {
  const source = document.querySelector(`[${Attribute.Strings}]`)?.getAttribute(Attribute.Strings);
  return source
    ? fetch(source)
        .then((response) => response.json() as Promise<ReaderStrings>)
        .then((strings) => applyStrings(document, strings))
        .catch(console.error)
    : Promise.resolve();
}

if (document.documentElement.hasAttribute(Attribute.ColumnsPending)) {
  // Loaded by the early script, this module may run before the page is parsed: arrange every row, not the first few.
  const arrange = () => {
    const placed = placeStrings();
    run(startColumns);
    afterFirstPaint(() => placed.then(() => startInTurn(starts.filter((start) => start !== startColumns))));
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', arrange, { once: true });
  else arrange();
} else {
  // The page's loader imports this once the text has painted.
  placeStrings().then(() => startInTurn(starts));
}
