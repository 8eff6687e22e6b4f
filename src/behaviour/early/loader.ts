/**
 * Every page's loader, inline in its head (src/site/page-assets.tsx): imports the page script (an ES
 * module, src/behaviour/index.ts) once the text has painted, so that it is not fetched while the page
 * is still showing its text (on a slow connection a request made before the first paint competes with
 * the page and delays it). It waits for the browser's first contentful paint entry, which the browser
 * reports once that frame is on screen (not the first paint, which may be the background alone). A
 * tab opened in the background paints nothing, and loads its script when it is first shown. A browser
 * without paint timing (before Safari 14.1, Firefox 84, Chrome 60) never loads it, and reads the page
 * as it would without JavaScript. A column choice the reading page's early script holds the rows back
 * for loads the script at once instead (column-choice.ts).
 */

/** The page script's address (`/assets/site.<hash>.js`), put in by the bundle step, which builds that script first. */
declare const PAGE_SCRIPT_ADDRESS: string;

// No need to stop observing: there is one first contentful paint, and a module is imported once.
new PerformanceObserver((list) => list.getEntriesByName('first-contentful-paint')[0] && import(PAGE_SCRIPT_ADDRESS)).observe({ type: 'paint', buffered: true });

// A module, so that the declaration above stays in this file.
export {};
