import { assetLoaderScript } from './asset-loader';
import { pageScriptPath, printStylesheetPath } from './assets';

/**
 * In a page's `<head>`: the loader of its script (src/site/asset-loader.ts), and its print
 * stylesheet in `<noscript>`: linked there for readers without JavaScript, added by the page script
 * for the others (src/behaviour/print-stylesheet.ts), so that no page fetches it before its text has
 * painted.
 */
export function PageAssets() {
  return (
    <>
      <script data-site="" dangerouslySetInnerHTML={{ __html: assetLoaderScript(pageScriptPath()) }} />
      <noscript data-print="">
        <link rel="stylesheet" href={printStylesheetPath()} media="print" />
      </noscript>
    </>
  );
}
