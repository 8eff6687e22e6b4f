import { Attribute, dataAttribute } from '../contract/page';
import { laterStylesheetPath, printStylesheetPath } from './assets';
import { EarlyScript } from './early-script';
import { siteIconPath } from './site-icon';

/**
 * In a page's `<head>`: the loader of its script (src/behaviour/early/loader.ts), and in `<noscript>`
 * what no first paint needs, the screen's later rules (src/app/later.css: the dialog, the tooltips, the
 * notes…), the print stylesheet and the site's icon: linked there for readers without JavaScript,
 * added by the page script for the others (src/behaviour/later-stylesheets.ts), so that no page
 * fetches them before its text has painted. Until then the page's icon is an empty `data:` one
 * (`pageIcons`, src/site/metadata.ts), or the browser would ask for `/favicon.ico` as the page loads.
 */
export function PageAssets() {
  return (
    <>
      <EarlyScript name="loader" />
      <noscript {...dataAttribute(Attribute.LaterStylesheets)}>
        <link rel="stylesheet" href={laterStylesheetPath()} />
        <link rel="stylesheet" href={printStylesheetPath()} media="print" />
        <link rel="icon" href={siteIconPath} />
      </noscript>
    </>
  );
}
