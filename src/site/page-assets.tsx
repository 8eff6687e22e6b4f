import { Attribute, dataAttribute } from '../contract/page';
import { laterStylesheetPath, printStylesheetPath } from './assets';
import { EarlyScript } from './early-script';

/**
 * In a page's `<head>`: the loader of its script (src/behaviour/early/loader.ts), and in `<noscript>`
 * the stylesheets no first paint needs, the screen's later rules (src/app/later.css: the dialog, the
 * tooltips, the notes…) and the print stylesheet: linked there for readers without JavaScript, added
 * by the page script for the others (src/behaviour/later-stylesheets.ts), so that no page fetches them
 * before its text has painted.
 */
export function PageAssets() {
  return (
    <>
      <EarlyScript name="loader" />
      <noscript {...dataAttribute(Attribute.LaterStylesheets)}>
        <link rel="stylesheet" href={laterStylesheetPath()} />
        <link rel="stylesheet" href={printStylesheetPath()} media="print" />
      </noscript>
    </>
  );
}
