/**
 * One heading per section, in the first column shown (the reading language). The server renders the
 * heading element in the first column of the default view and the other columns' titles as paragraphs
 * (src/site/reader.tsx); when the column choice puts another language first, this moves the heading
 * there: the elements are renamed, their attributes and content kept. So the outline has each
 * section once, and every title is read once, in its language.
 */

/** The level of a heading row's block, from its class (`block-h2` → 2). */
const levelOf = (block: Element) => /\bblock-h([1-6])\b/.exec(block.className)?.[1];

/** `element` as a `tag` element, with the same attributes and children, in its place. */
function rename(element: Element, tag: string): void {
  if (element.localName === tag) return;
  const renamed = element.ownerDocument.createElement(tag);
  for (const { name, value } of element.attributes) renamed.setAttribute(name, value);
  renamed.append(...element.childNodes);
  element.replaceWith(renamed);
}

/** Makes the block of the first shown cell of each heading row the heading, and the others paragraphs. */
export function placeHeadings(rows: Element): void {
  for (const row of rows.querySelectorAll('[data-pid]:has(> [lang] > [class*="block-h"])')) {
    let placed = false;
    for (const cell of row.querySelectorAll<HTMLElement>(':scope > [lang]')) {
      const block = cell.querySelector(':scope > .block');
      const level = block && levelOf(block);
      if (!block || !level) continue;
      const heading: boolean = !placed && !cell.hidden;
      rename(block, heading ? `h${level}` : 'p');
      placed ||= heading;
    }
  }
}

export function startHeadings(root: Document): void {
  const rows = root.querySelector('[data-rows]');
  if (!rows) return;
  // The column choice was applied before this started (columns.ts): follow it now, and then each change.
  placeHeadings(rows);
  root.addEventListener('reader:columns', () => placeHeadings(rows));
}
