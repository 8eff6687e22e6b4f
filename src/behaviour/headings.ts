/**
 * One heading per section, in the first column shown (the reading language). The server renders the
 * heading element in the first column of the default view and the other columns' titles as paragraphs
 * (src/site/reading-rows.tsx); when the column choice puts another language first, this moves the
 * heading there: the elements are renamed, their attributes and content kept. So the outline has each
 * section once, and every title is read once, in its language.
 */
import type { Columns } from '../contract/columns';
import { Attribute, PageEvent } from '../contract/page';
import { shownColumns } from './shown-columns';

/** The level of a heading row's block, from its class (`block-h2` → 2). */
const levelOf = (block: Element) => /\bblock-h([1-6])\b/.exec(block.className)?.[1];

/**
 * `element` as a `tag` element, with the same attributes and children, in its place. A heading is
 * named by its words alone, as the server names it: a note marker in it is a link with a name of its
 * own ("Note 6"), not part of the heading's ("Free and Open Indo-Pacific"). A paragraph has no name.
 */
function rename(element: Element, tag: string): void {
  if (element.localName === tag) return;
  const renamed = element.ownerDocument.createElement(tag);
  for (const { name, value } of element.attributes) if (name !== 'aria-label') renamed.setAttribute(name, value);
  renamed.append(...element.childNodes);
  if (tag !== 'p' && renamed.querySelector('.note-ref')) {
    const words = renamed.cloneNode(true) as Element;
    for (const marker of words.querySelectorAll('.note-ref')) marker.remove();
    renamed.ariaLabel = words.textContent;
  }
  element.replaceWith(renamed);
}

/** Makes the block of the first cell of `columns` that has one in each heading row the heading, and the others paragraphs. */
export function placeHeadings(rows: Element, columns: Columns): void {
  for (const row of rows.querySelectorAll(`[${Attribute.Row}]:has(> [lang] > [class*="block-h"])`)) {
    const blocks = new Map<string, { block: Element; level: string }>();
    for (const cell of row.querySelectorAll(`:scope > [${Attribute.Column}]`)) {
      const block = cell.querySelector(':scope > .block');
      const level = block && levelOf(block);
      if (block && level) blocks.set(cell.getAttribute(Attribute.Column) ?? '', { block, level });
    }
    const first = columns.find((language) => blocks.has(language));
    for (const [language, { block, level }] of blocks) rename(block, language === first ? `h${level}` : 'p');
  }
}

export function startHeadings(root: Document): void {
  const rows = root.querySelector(`[${Attribute.Rows}]`);
  if (!rows) return;
  // The columns shown now (arranged yet or not), and then each choice.
  placeHeadings(rows, shownColumns(root));
  root.addEventListener(PageEvent.Columns, (event) => placeHeadings(rows, event.detail.columns));
}
