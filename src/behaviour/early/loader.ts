/**
 * Every page's loader, inline in its head (src/site/page-assets.tsx): imports the page script (an ES
 * module, src/behaviour/index.ts) after the text has painted, so that it is not fetched while the
 * page is still showing its text (on a slow connection a request made during parsing competes with
 * the page and delays its first paint). It waits for the document to be parsed and for the next
 * frame; a tab opened in the background paints no frame, and loads its script when it is first
 * shown. A column choice the reading page's early script holds the rows back for loads the script at
 * once instead (column-choice.ts).
 */

/** The page script's address (`/assets/site.<hash>.js`), put in by the bundle step, which builds that script first. */
declare const PAGE_SCRIPT_ADDRESS: string;

addEventListener('DOMContentLoaded', () => requestAnimationFrame(() => setTimeout(() => import(PAGE_SCRIPT_ADDRESS))));

// A module, so that the declaration above stays in this file.
export {};
