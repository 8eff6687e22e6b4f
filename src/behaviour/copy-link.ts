/**
 * Copy-link buttons of the reading page: one per row, beside its ¶ permalink. They need this script,
 * so this script makes them (the page without JavaScript offers the ¶ link alone; the CSS keeps room
 * for the button, so nothing moves when it arrives). A button copies the address of its row in the
 * current view (this page, its column choice, the row's ID) and announces the result in the status
 * beside it. Their labels come from templates on the rows (`data-copy-label`, `data-copied`,
 * `data-copy-failed`) and the place of each row (the name of its permalink, its number: `1.1 ¶2`).
 */
import { writeClipboard } from './clipboard';

/** How long the announcement stays visible (ms). */
const messageTime = 4000;
const icon =
  '<svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14"><path d="M6.5 9.5l3-3M7 4.5l1-1a2.5 2.5 0 013.5 3.5l-1 1M9 11.5l-1 1A2.5 2.5 0 014.5 9l1-1" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/></svg>';

/** The address of the row `id` in the view the reader has now. */
export function rowAddress(id: string, address: URL = new URL(location.href)): string {
  const url = new URL(address);
  url.hash = id;
  return url.toString();
}

const fill = (template: string | undefined, name: string, value: string) => (template ?? '').replace(`{${name}}`, value);

/** Adds the copy button and its status after the permalink of each row. */
function addButtons(rows: HTMLElement): void {
  const template = document.createElement('span');
  template.className = 'copy-link';
  template.innerHTML = `<button type="button" class="gutter-button" data-copy="">${icon}</button><span role="status" class="copy-status"></span>`;
  for (const permalink of rows.querySelectorAll<HTMLElement>('[data-pid] > .gutter > .pilcrow')) {
    const place = permalink.getAttribute('aria-label') ?? permalink.closest('[data-pid]')?.id ?? '';
    const copy = template.cloneNode(true) as HTMLElement;
    const button = copy.querySelector('button');
    if (!button) continue;
    button.setAttribute('aria-label', fill(rows.dataset.copyLabel, 'place', place));
    button.title = button.getAttribute('aria-label') ?? '';
    button.dataset.copied = fill(rows.dataset.copied, 'place', place);
    permalink.after(copy);
  }
}

export function startCopyLink(root: Document): void {
  const rows = root.querySelector<HTMLElement>('[data-rows]');
  if (!rows) return;
  addButtons(rows);
  const timers = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>();
  rows.addEventListener('click', async (event) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLElement>('button[data-copy]') : null;
    const row = button?.closest<HTMLElement>('[data-pid]');
    if (!button || !row) return;
    const status = button.parentElement?.querySelector<HTMLElement>('[role="status"]');
    const url = rowAddress(row.id);
    let message: string;
    try {
      await writeClipboard(url);
      message = button.dataset.copied ?? '';
    } catch {
      message = fill(rows.dataset.copyFailed ?? '{url}', 'url', url);
    }
    if (!status) return;
    status.textContent = message;
    status.toggleAttribute('data-visible', message !== '');
    clearTimeout(timers.get(status));
    timers.set(
      status,
      setTimeout(() => {
        status.textContent = '';
        status.removeAttribute('data-visible');
      }, messageTime),
    );
  });
}
