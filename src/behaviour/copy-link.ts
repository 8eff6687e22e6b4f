/**
 * Copy-link buttons of the reading page: one per row, beside its ¶ permalink (row-gutter.ts). They
 * need this script, so this script makes them (the page without JavaScript offers the ¶ link alone;
 * the buttons take no room in the row, so nothing moves when they arrive). A button copies the
 * address of its row in the current view (this page, its column choice, the row's ID) and announces
 * the result in the page's status line. Their labels and messages are templates on the rows
 * (`RowTemplate.CopyLabel`, `.Copied`, `.CopyFailed`), filled with the place of each row (the name
 * of its permalink, its number: `1.1 ¶2`).
 */
import { Attribute, fillTemplate, RowTemplate } from '../contract/page';
import { announce } from './announce';
import { writeClipboard } from './clipboard';
import { addRowTools, placeOf } from './row-gutter';

const icon =
  '<svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14"><path d="M6.5 9.5l3-3M7 4.5l1-1a2.5 2.5 0 013.5 3.5l-1 1M9 11.5l-1 1A2.5 2.5 0 014.5 9l1-1" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/></svg>';

/** The address of the row `id` in the view the reader has now (`address`), at the path of `pinned` (the edition's address) if given. */
export function rowAddress(id: string, address: URL = new URL(location.href), pinned?: string | null): string {
  const url = new URL(address);
  if (pinned) url.pathname = new URL(pinned, url).pathname;
  url.hash = id;
  return url.toString();
}

export function startCopyLink(root: Document): void {
  const rows = root.querySelector<HTMLElement>(`[${Attribute.Rows}]`);
  if (!rows) return;
  const template = root.createElement('button');
  template.type = 'button';
  template.className = 'gutter-button';
  template.setAttribute(Attribute.Copy, '');
  template.innerHTML = icon;
  addRowTools(root, rows, (place) => {
    const button = template.cloneNode(true) as HTMLElement;
    button.setAttribute('aria-label', fillTemplate(rows, RowTemplate.CopyLabel, { place }));
    button.title = button.getAttribute('aria-label') ?? '';
    return button;
  });
  rows.addEventListener('click', async (event) => {
    const button = event.target instanceof Element ? event.target.closest(`button[${Attribute.Copy}]`) : null;
    const row = button?.closest<HTMLElement>(`[${Attribute.Row}]`);
    if (!button || !row) return;
    const url = rowAddress(row.id, undefined, root.querySelector(`[${Attribute.CiteAddress}]`)?.getAttribute(Attribute.CiteAddress));
    try {
      await writeClipboard(url);
      announce(root, fillTemplate(rows, RowTemplate.Copied, { place: placeOf(row) }));
    } catch {
      announce(root, fillTemplate(rows, RowTemplate.CopyFailed, { url }));
    }
  });
}
