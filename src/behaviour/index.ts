/**
 * The page script: every behaviour of the site's pages, one small module each, attached to the
 * server-rendered markup by data attributes. Loaded with `defer`, so it never delays the first paint;
 * without it the pages read, link and navigate completely. Bundled by src/export/bundle-behaviour.ts.
 */
import { startAlignment } from './alignment';
import { startAnnounce } from './announce';
import { startCite } from './cite';
import { startColumns } from './columns';
import { startCopyLink } from './copy-link';
import { startHashNotice } from './hash-notice';
import { startTextFragments } from './text-fragment';
import { startLocaleMemory } from './locale-memory';
import { startRowTools } from './row-tools';
import { startSearch } from './search';
import { startTooltips } from './tooltips';

for (const start of [startLocaleMemory, startAnnounce, startRowTools, startColumns, startTooltips, startCopyLink, startCite, startHashNotice, startAlignment, startTextFragments, startSearch]) {
  try {
    start(document);
  } catch (error) {
    // One behaviour failing leaves the others working.
    console.error(error);
  }
}
