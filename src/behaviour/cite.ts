/**
 * Citing: the "Cite" disclosure of the reading page (`Attribute.Cite`, a Chicago citation of the
 * document rendered at build time) gets, once opened, a button for every language version and format,
 * and each row a "Cite" button beside its permalink (row-gutter.ts), labelled by a template on the
 * rows (`RowTemplate.CiteLabel`). Both open one shared dialog (src/behaviour/cite-dialog.ts) on the
 * language version of the first column shown. The citations
 * come from the document's `cite.json`, and the dialog's code from its own file of the bundle, both
 * fetched when first needed: whole-document citations as they are, a paragraph's from a template
 * with its ID and place, and the page's address as built given this page's origin.
 */
import { atOrigin, type CiteData } from '../contract/cite-data';
import { Attribute, fill, fillTemplate, RowTemplate } from '../contract/page';
import type { Scope, citeDialog } from './cite-dialog';
import { addRowTools, placeOf } from './row-gutter';
import { shownColumns } from './shown-columns';

const icon =
  '<svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14"><path d="M3 9.5h3.5V13H3zM3 9.5C3 6 4 4.5 6.5 3.5M9.5 9.5H13V13H9.5zM9.5 9.5c0-3.5 1-5 3.5-6" fill="none" stroke="currentColor" stroke-width="1.4"/></svg>';

export function startCite(root: Document): void {
  const rows = root.querySelector<HTMLElement>(`[${Attribute.Rows}]`);
  const disclosure = root.querySelector<HTMLElement>(`details[${Attribute.Cite}]`);
  const source = disclosure?.getAttribute(Attribute.Cite);
  if (!rows || !disclosure || !source) return;
  // The citation rendered at build time names the page's address as built: give it this page's origin.
  const rendered = disclosure.querySelector('.cite-text');
  const address = disclosure.getAttribute(Attribute.CiteAddress);
  if (rendered?.textContent && address) rendered.textContent = atOrigin(rendered.textContent, address, location.origin);

  /** The citations and the dialog's code, fetched once (again after a failure: the connection may be back). */
  let loading: Promise<{ data: CiteData; dialog: typeof citeDialog } | undefined> | undefined;
  const load = () =>
    (loading ??= Promise.all([
      fetch(source).then((response) => (response.ok ? (response.json() as Promise<CiteData>) : undefined)),
      import('./cite-dialog'),
    ])
      .then(([data, { citeDialog: dialog }]) => (data ? { data, dialog } : undefined))
      .catch(() => undefined)
      .then((loaded) => {
        if (!loaded) loading = undefined;
        return loaded;
      }));

  addRowTools(root, rows, (place) => {
    const button = Object.assign(root.createElement('button'), { type: 'button', className: 'gutter-button', innerHTML: icon });
    button.setAttribute(Attribute.CiteRow, '');
    button.setAttribute('aria-label', fillTemplate(rows, RowTemplate.CiteLabel, { place }));
    button.title = button.getAttribute('aria-label') ?? '';
    return button;
  });
  const more = Object.assign(root.createElement('button'), { type: 'button', className: 'button' });

  let show: ReturnType<typeof citeDialog> | undefined;
  /** Opens the dialog from `trigger` on the document, or on the block of `row`. */
  const open = async (trigger: HTMLElement, row?: Element) => {
    const loaded = await load();
    if (!loaded) return;
    show ??= loaded.dialog(root, loaded.data);
    const what: Scope = row && { id: row.id, title: fill(loaded.data.strings.paragraph, { place: placeOf(row) }) };
    // The language version first shown: that of the first column the reader sees.
    show(trigger, what, shownColumns(root)[0]);
  };

  more.addEventListener('click', () => void open(more));
  // Opening the disclosure fetches the citations; the button to the dialog comes with them.
  disclosure.addEventListener('toggle', async () => {
    const loaded = await load();
    if (!loaded || more.isConnected) return;
    more.textContent = loaded.data.strings.more;
    disclosure.append(more);
  });
  rows.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLElement>(`button[${Attribute.CiteRow}]`) : null;
    const row = button?.closest(`[${Attribute.Row}]`);
    if (!button || !row) return;
    void open(button, row);
  });
}
