import { Attribute, dataAttribute } from '../contract/page';
import { laterStylesheetPath, printStylesheetPath } from './assets';
import { EarlyScript } from './early-script';
import { footerId } from './site-header';

/**
 * In a page's `<head>`: a hint that holds the first paint until the page's main content is parsed,
 * the loader of its script (src/behaviour/early/loader.ts), and in `<noscript>`
 * the stylesheets no first paint needs, the screen's later rules (src/app/later.css: the dialog, the
 * tooltips, the notes…) and the print stylesheet: linked there for readers without JavaScript, added
 * by the page script for the others (src/behaviour/later-stylesheets.ts), so that no page fetches them
 * before its text has painted.
 *
 * The hint (`<link rel="expect" blocking="render">`, Chromium 124 and later; other browsers ignore it)
 * names the site's footer, which follows the main content on every page that has one (`footer`; the
 * 404 page has none, and no hint: Chromium would warn of an element it never found): without it Chromium may paint a first frame as soon as the site's
 * header and a few rows are parsed and the rest in a second, and a reader sees the page drawn twice,
 * the largest text last. With it the first frame is the page as read. (Chromium lifts the block when
 * the element named is inserted, not when it is closed: naming the main content itself would let a
 * frame through halfway down the rows.) A page's HTML comes in one round trip (≤ 14 kB compressed),
 * so the wait is the parsing of the text only.
 */
export function PageAssets({ footer = true }: { footer?: boolean }) {
  return (
    <>
      {footer ? <link rel="expect" href={`#${footerId}`} blocking="render" /> : null}
      <EarlyScript name="loader" />
      <noscript {...dataAttribute(Attribute.LaterStylesheets)}>
        <link rel="stylesheet" href={laterStylesheetPath()} />
        <link rel="stylesheet" href={printStylesheetPath()} media="print" />
      </noscript>
    </>
  );
}
