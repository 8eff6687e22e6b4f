/**
 * The reading page's interface strings that only its script uses: the templates of the row tools
 * (templates.ts `RowTemplate`), the hint of the keys of the text and the notice for an address that
 * names no paragraph. A reader without JavaScript never sees them, so they are not in the page, whose
 * HTML is kept within the first round trip of a connection (docs/reading-page.md): the rows name the
 * file that holds them (`Attribute.Strings`, `readerStringsPath`), one per interface language, and the
 * page script puts each where the page would have had it before its behaviours start
 * (src/behaviour/index.ts), so that they read the page as before. Shared by the route that writes the
 * file and the script that reads it.
 */
import { Attribute, ElementId } from './attributes';

/** What goes into an element: its attributes, by name, and under `content` its content, as HTML. */
export type StringsOfElement = Record<string, string>;

/** The key of an element's content (HTML) in `StringsOfElement`: no attribute has an empty name. */
export const contentKey = '';

/** The file: by the selector of the element they go into, the strings of that element. */
export type ReaderStrings = Record<string, StringsOfElement>;

/** The elements that get strings: the rows (their templates), the hint of the keys, the notice. */
export const stringTargets = {
  rows: `[${Attribute.Rows}]`,
  keysHint: `#${ElementId.KeysHint}`,
  notice: `[${Attribute.BrokenLinkNotice}]`,
} as const;

/** Puts `strings` into the elements of `root` they name; an element the page lacks is passed over. */
export function applyStrings(root: ParentNode, strings: ReaderStrings): void {
  for (const [selector, values] of Object.entries(strings)) {
    const element = root.querySelector(selector);
    if (!element) continue;
    for (const [name, value] of Object.entries(values)) {
      if (name === contentKey) element.innerHTML = value;
      else element.setAttribute(name, value);
    }
  }
}
