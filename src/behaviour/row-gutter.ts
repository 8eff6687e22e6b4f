/**
 * The gutter of each row of the reading page: its ¶ permalink (server-rendered: the row's number,
 * named by its place, "1.1 ¶2"), and the tools the page script adds beside it. The tools keep one
 * order, whichever behaviour starts first: the permalink, copy link (copy-link.ts), cite (cite.ts),
 * and the phone's other languages (row-tools.ts, which also gathers the tools into a sheet). A tool
 * goes where the permalink is: in the gutter, or in the sheet once row-tools.ts has made it. Adding
 * tools tells the keys of the text (row-keys.ts) by `PageEvent.RowControls`.
 */
import { Attribute, PageEvent } from '../contract/page';

/** The row tools, in the order they are shown; anything else in their container comes after them. */
const toolOrder = ['.pilcrow', `[${Attribute.Copy}]`, `[${Attribute.CiteRow}]`, '.reveal'];

const rankOf = (node: Element) => {
  const rank = toolOrder.findIndex((each) => node.matches(each));
  return rank < 0 ? toolOrder.length : rank;
};

/** The permalink of a row (`.pilcrow`). */
export function permalinkOf(row: Element): HTMLElement | null {
  return row.querySelector<HTMLElement>(':scope > .gutter .pilcrow');
}

/** How the interface names a row's place ("1.1 ¶2"): the name of its permalink, else its ID. */
export function placeOf(row: Element): string {
  return permalinkOf(row)?.getAttribute('aria-label') ?? row.id;
}

/** Puts `tool` beside `permalink`, in its place among the row's tools. */
export function placeTool(permalink: Element, tool: Element): void {
  const container = permalink.parentElement;
  if (!container) return;
  const rank = rankOf(tool);
  container.insertBefore(tool, [...container.children].find((child) => rankOf(child) > rank) ?? null);
}

/** Tells the other behaviours that the rows have new controls. */
export function controlsAdded(root: Document): void {
  root.dispatchEvent(new Event(PageEvent.RowControls));
}

/** Adds the tool `make` returns for each row of `rows` (given the row's place) beside its permalink. */
export function addRowTools(root: Document, rows: Element, make: (place: string) => HTMLElement): void {
  for (const row of rows.querySelectorAll(`[${Attribute.Row}]`)) {
    const permalink = permalinkOf(row);
    if (permalink) placeTool(permalink, make(placeOf(row)));
  }
  controlsAdded(root);
}
