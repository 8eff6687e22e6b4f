/**
 * Addresses on paper: the printed reading page names the address it was read at, wherever the site is
 * served. The server can only write the address it was built for (`SITE_URL`), or a root-relative one
 * without it; this module puts in this page's own address, column choice included (without the
 * fragment): in the citation header printed at the top (src/site/print-header.tsx, with today's date)
 * and in the permalink printed under each row (`--permalink-base` on the rows, set through the CSSOM,
 * which the Content-Security-Policy allows where it refuses a style attribute; the print CSS shows it,
 * and takes the address the page was built with from `Attribute.PermalinkBase` without this script).
 * The address is filled in at once; the date and the permalinks on `beforeprint` (so that the date is
 * the day of printing) and when the column choice changes (`PageEvent.Columns`), not for the first
 * view: formatting a date loads the browser's locale data (tens of milliseconds on a phone, a long
 * task), and a custom property on the rows restyles every cell.
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
  const update = (printing: boolean) => {
    const address = pageAddress(new URL(location.href));
    const target = head?.querySelector(`[${Attribute.PrintAddress}]`);
    if (target) target.textContent = address;
    if (!printing) return;
    rows?.style.setProperty('--permalink-base', JSON.stringify(`${address}#`));
    const printed = head?.querySelector<HTMLElement>(`[${Attribute.PrintDate}]`);
    const day = printed?.querySelector('dd');
    if (!printed || !day) return;
    // The server writes no date (an empty <time> is not valid HTML): the first print puts one in.
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
