/**
 * The page's status line (`.page-status`, `role="status"`): what the page script has just done ("Link
 * copied"), said to screen readers and shown at the bottom edge of the window for a few seconds, away
 * from the text the reader acted on. `startAnnounce` adds it to a page whose script may speak, before
 * anything is said (a live region must be there before its text changes).
 */
import { Attribute } from '../contract/page';

/** How long a message stays visible (ms). */
const shownFor = 4000;
const timers = new WeakMap<Element, ReturnType<typeof setTimeout>>();

export function startAnnounce(root: Document): void {
  if (!root.querySelector(`[${Attribute.Rows}]`)) return;
  const status = root.createElement('p');
  status.className = 'page-status';
  status.setAttribute('role', 'status');
  root.body.append(status);
}

export function announce(root: Document, message: string): void {
  const status = root.querySelector('.page-status');
  if (!status) return;
  status.textContent = message;
  clearTimeout(timers.get(status));
  timers.set(
    status,
    setTimeout(() => (status.textContent = ''), shownFor),
  );
}
