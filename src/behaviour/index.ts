/**
 * The page script: every behaviour of the site's pages, one small module each, attached to the
 * server-rendered markup by data attributes. Imported by the page's loader (src/site/asset-loader.ts)
 * once the text has painted; without it the pages read, link and navigate completely. Bundled by
 * src/export/bundle-behaviour.ts.
 *
 * The behaviours only add to the text (buttons, listeners, marks), so each starts in a task of its
 * own, and none of them keeps the page from answering input for long. The one exception is a column
 * choice the early script held the rows back for (`data-cols-pending`): the rows are invisible until
 * the columns are arranged, so the early script loads this at once, it arranges them as soon as the
 * page is parsed, and the other behaviours start after the next frame.
 */
import { startAlignment } from './alignment';
import { startAnnounce } from './announce';
import { startCite } from './cite';
import { startColumns } from './columns';
import { pendingAttribute } from '../contract/columns';
import { startCopyLink } from './copy-link';
import { startMissingTarget } from './missing-target';
import { startHeadings } from './headings';
import { startTextFragments } from './text-fragment';
import { startLocaleMemory } from './locale-memory';
import { startPrintAddress } from './print-address';
import { startPrintStylesheet } from './print-stylesheet';
import { startRowKeys } from './row-keys';
import { startRowTools } from './row-tools';
import { startSearch } from './search';
import { startTooltips } from './tooltips';

type Start = (root: Document) => void;

const starts: Start[] = [startPrintStylesheet, startLocaleMemory, startAnnounce, startRowTools, startColumns, startTooltips, startCopyLink, startCite, startRowKeys, startHeadings, startMissingTarget, startAlignment, startTextFragments, startPrintAddress, startSearch];

function run(start: Start): void {
  try {
    start(document);
  } catch (error) {
    // One behaviour failing leaves the others working.
    console.error(error);
  }
}

/**
 * Runs `starts` one task each, in order; then marks `<html>` with `data-behaviours="started"`, so
 * that a tool driving the page (a test, an assistive script) can tell when it has its behaviours.
 */
function startInTurn(rest: readonly Start[]): void {
  const [first, ...others] = rest;
  if (first) run(first);
  if (others.length > 0) setTimeout(() => startInTurn(others), 0);
  else document.documentElement.setAttribute('data-behaviours', 'started');
}

/** Calls `next` after the browser has painted a frame (at once in a hidden tab, which paints none): the rows just arranged first. */
function afterFirstPaint(next: () => void): void {
  if (document.visibilityState === 'hidden') setTimeout(next, 0);
  else requestAnimationFrame(() => setTimeout(next, 0));
}

if (document.documentElement.hasAttribute(pendingAttribute)) {
  // Loaded by the early script, this module may run before the page is parsed: arrange every row, not the first few.
  const arrange = () => {
    run(startColumns);
    afterFirstPaint(() => startInTurn(starts.filter((start) => start !== startColumns)));
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', arrange, { once: true });
  else arrange();
} else {
  // The page's loader (src/site/asset-loader.ts) imports this once the text has painted.
  startInTurn(starts);
}
