/**
 * Citing: the "Cite" disclosure of the reading page (`details[data-cite]`, a Chicago citation of the
 * document rendered at build time) gets, once opened, a button for every language version and format,
 * and each row a "Cite" button beside its copy-link button. Both open one shared dialog
 * (src/behaviour/cite-dialog.ts) on the language version of the first column shown. The citations
 * come from the document's `cite.json`, and the dialog's code from its own file of the bundle, both
 * fetched when first needed: whole-document citations as they are, a paragraph's from a template
 * with its ID and place, and the page's address as built given this page's origin.
 */
import { atOrigin, type CiteData } from '../contract/cite-data';
import type { Scope, citeDialog } from './cite-dialog';

const icon =
  '<svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14"><path d="M3 9.5h3.5V13H3zM3 9.5C3 6 4 4.5 6.5 3.5M9.5 9.5H13V13H9.5zM9.5 9.5c0-3.5 1-5 3.5-6" fill="none" stroke="currentColor" stroke-width="1.4"/></svg>';

export function startCite(root: Document): void {
  const rows = root.querySelector<HTMLElement>('[data-rows]');
  const disclosure = root.querySelector<HTMLElement>('details[data-cite]');
  const source = disclosure?.dataset.cite;
  if (!rows || !disclosure || !source) return;
  // The citation rendered at build time names the page's address as built: give it this page's origin.
  const rendered = disclosure.querySelector('.cite-text');
  const address = disclosure.dataset.citeAddress;
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

  // One "Cite" button per row, beside the copy-link button (before the phone's reveal control).
  const label = rows.dataset.citeLabel ?? '{place}';
  for (const permalink of rows.querySelectorAll<HTMLElement>('[data-pid] .pilcrow')) {
    const place = permalink.getAttribute('aria-label') ?? permalink.closest('[data-pid]')?.id ?? '';
    const button = Object.assign(root.createElement('button'), { type: 'button', className: 'gutter-button', innerHTML: icon });
    button.dataset.citeRow = '';
    button.setAttribute('aria-label', label.replace('{place}', place));
    button.title = button.getAttribute('aria-label') ?? '';
    permalink.parentElement?.insertBefore(button, permalink.parentElement.querySelector('.reveal'));
  }
  const more = Object.assign(root.createElement('button'), { type: 'button', className: 'button' });

  let show: ReturnType<typeof citeDialog> | undefined;
  const open = async (trigger: HTMLElement, what: Scope) => {
    const loaded = await load();
    if (!loaded) return;
    show ??= loaded.dialog(root, loaded.data);
    // The language version first shown: that of the first column the reader sees (in this row).
    const row = trigger.closest('[data-pid]') ?? rows.querySelector('[data-pid]');
    show(trigger, what, row?.querySelector<HTMLElement>(':scope > [lang]:not([hidden])')?.lang);
  };

  more.addEventListener('click', () => void open(more, undefined));
  // Opening the disclosure fetches the citations; the button to the dialog comes with them.
  disclosure.addEventListener('toggle', async () => {
    const loaded = await load();
    if (!loaded || more.isConnected) return;
    more.textContent = loaded.data.strings.more;
    disclosure.append(more);
  });
  rows.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLElement>('button[data-cite-row]') : null;
    const row = button?.closest<HTMLElement>('[data-pid]');
    if (!button || !row) return;
    void open(button, { id: row.id, label: row.querySelector('.pilcrow')?.getAttribute('aria-label') ?? row.id });
  });
}
