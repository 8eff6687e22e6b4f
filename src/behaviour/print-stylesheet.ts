/**
 * The print stylesheet: the page holds its link in `<noscript>` (src/site/page-assets.tsx), which only
 * readers without JavaScript get as an element; this adds that link to the page once the text has
 * painted (the page script starts then), long before anyone prints.
 */
import { Attribute } from '../contract/page';

export function startPrintStylesheet(root: Document): void {
  const fallback = root.querySelector(`noscript[${Attribute.PrintStylesheet}]`);
  const parsed = root.createElement('template');
  parsed.innerHTML = fallback?.textContent ?? '';
  const link = parsed.content.querySelector('link[rel="stylesheet"]');
  if (link) root.head.append(link);
}
