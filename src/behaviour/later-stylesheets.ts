/**
 * What no first paint needs, the screen's later rules, the print stylesheet and the site's icon: the
 * page holds their links in `<noscript>` (src/site/page-assets.tsx), which only readers without
 * JavaScript get as elements; this adds those links to the page once the text has painted (the page
 * script starts then), before anyone opens a tooltip or the cite dialog, or prints. The icon's link
 * takes the place of the page's own, an empty `data:` icon that keeps the browser from asking for
 * `/favicon.ico` while the page loads.
 */
import { Attribute } from '../contract/page';

export function startLaterStylesheets(root: Document): void {
  const fallback = root.querySelector(`noscript[${Attribute.LaterStylesheets}]`);
  const parsed = root.createElement('template');
  parsed.innerHTML = fallback?.textContent ?? '';
  if (parsed.content.querySelector('link[rel="icon"]')) root.querySelector('link[rel="icon"]')?.remove();
  root.head.append(...parsed.content.querySelectorAll('link'));
}
