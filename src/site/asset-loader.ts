/**
 * How a page loads its script: after the text has painted, so that it is not fetched while the page
 * is still showing its text (on a slow connection a request made during parsing competes with the
 * page and delays its first paint). An inline script in the head waits for the document to be parsed
 * and for the next frame, then imports the page script (an ES module, src/behaviour/index.ts), which
 * adds the print stylesheet (src/behaviour/print-stylesheet.ts). A tab opened in the background
 * paints no frame: its script loads when it is first shown. A column choice the reading page's early
 * script holds the rows back for imports the script at once (src/site/column-choice.ts). Pure: used
 * on the server, and by the tests.
 */
export function assetLoaderScript(script: string): string {
  return `addEventListener("DOMContentLoaded",()=>requestAnimationFrame(()=>setTimeout(()=>import(${JSON.stringify(script)}))))`;
}
