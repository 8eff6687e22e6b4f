/**
 * The stylesheets no first paint needs, the screen's later rules and the print stylesheet: the page
 * holds their links in `<noscript>` (src/site/page-assets.tsx), which only readers without JavaScript
 * get as elements; this adds those links to the page once the text has painted (the page script
 * starts then), before anyone opens a tooltip or the cite dialog, or prints.
 */
import { Attribute } from '../contract/page';

export function startLaterStylesheets(root: Document): void {
  const fallback = root.querySelector(`noscript[${Attribute.LaterStylesheets}]`);
  const parsed = root.createElement('template');
  parsed.innerHTML = fallback?.textContent ?? '';
  root.head.append(...parsed.content.querySelectorAll('link[rel="stylesheet"]'));
}
