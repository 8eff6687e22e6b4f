/**
 * Addresses on paper: the printed reading page names the address it was read at, wherever the site is
 * served. The server can only write the address it was built for (`SITE_URL`), or a root-relative one
 * without it; this module puts in this page's own address, column choice included (without the
 * fragment): in the citation header printed at the top (src/site/print-header.tsx, with today's date)
 * and in the permalink printed under each row (`--permalink-base` on the rows, set through the CSSOM,
 * which the Content-Security-Policy allows where it refuses a style attribute; the print CSS shows it,
 * and takes the address the page was built with from `Attribute.PermalinkBase` without this script).
 * The header is filled at once, and again when the column choice changes (`PageEvent.Columns`) and on
 * `beforeprint`, so that the date is the day of printing. The permalinks are set on `beforeprint` (and
 * on a column change) only: a custom property on the rows restyles every cell, which the first view of
 * the page should not pay for.
 */
import { Attribute, PageEvent } from '../contract/page';

/** This page's address without its fragment. */
export function pageAddress(address: URL): string {
  const url = new URL(address);
  url.hash = '';
  return url.toString();
}

/** `date` as `<time datetime>` wants it: the local calendar day, YYYY-MM-DD. */
export function localDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function startPrintAddress(root: Document): void {
  const head = root.querySelector(`[${Attribute.PrintHeader}]`);
  const rows = root.querySelector<HTMLElement>(`[${Attribute.Rows}]`);
  if (!head && !rows) return;
  const update = (permalinks: boolean) => {
    const address = pageAddress(new URL(location.href));
    const base = JSON.stringify(`${address}#`);
    if (permalinks) rows?.style.setProperty('--permalink-base', base);
    const target = head?.querySelector(`[${Attribute.PrintAddress}]`);
    if (target) target.textContent = address;
    const printed = head?.querySelector<HTMLElement>(`[${Attribute.PrintDate}]`);
    const day = printed?.querySelector('dd');
    if (!printed || !day) return;
    // The server writes no date (an empty <time> is not valid HTML): the first update puts one in.
    const time = day.querySelector('time') ?? day.appendChild(root.createElement('time'));
    const now = new Date();
    time.dateTime = localDate(now);
    time.textContent = new Intl.DateTimeFormat(root.documentElement.lang || undefined, { dateStyle: 'long' }).format(now);
    printed.hidden = false;
  };
  update(false);
  root.addEventListener(PageEvent.Columns, () => update(true));
  addEventListener('beforeprint', () => update(true));
}
