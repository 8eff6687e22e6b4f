import { Attribute, dataAttribute } from '../contract/page';
import { printStylesheetPath } from './assets';
import { EarlyScript } from './early-script';

/**
 * In a page's `<head>`: the loader of its script (src/behaviour/early/loader.ts), and its print
 * stylesheet in `<noscript>`: linked there for readers without JavaScript, added by the page script
 * for the others (src/behaviour/print-stylesheet.ts), so that no page fetches it before its text has
 * painted.
 */
export function PageAssets() {
  return (
    <>
      <EarlyScript name="loader" />
      <noscript {...dataAttribute(Attribute.PrintStylesheet)}>
        <link rel="stylesheet" href={printStylesheetPath()} media="print" />
      </noscript>
    </>
  );
}
