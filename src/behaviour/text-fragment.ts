/**
 * Links to a passage. Selecting text inside one cell of the reading page offers a button that copies
 * an address to exactly that passage: a URL text fragment (`#s1-1-p2:~:text=…`) scoped to the
 * paragraph by its ID and by a few words of context before and after it, so that it finds these
 * words, in this paragraph, in browsers that support text fragments (and the paragraph in the others).
 * The button's label and message are templates on the rows (`RowTemplate.FragmentLabel`,
 * `.FragmentCopied`); the result is said in the page's status line.
 */
import { Attribute, RowTemplate } from '../contract/page';
import { announce } from './announce';
import { writeClipboard } from './clipboard';

/** Characters the text-fragment syntax reserves, besides what encodeURIComponent already escapes. */
const encodeTerm = (text: string) => encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');

/** Scripts written without spaces between words: their context is counted in characters. */
const unspaced = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/;

/** The last (or first) few words of `text`, or characters for Japanese and Chinese. */
function context(text: string, side: 'before' | 'after'): string {
  const trimmed = side === 'before' ? text.trimEnd() : text.trimStart();
  if (!trimmed) return '';
  if (unspaced.test(trimmed)) return side === 'before' ? trimmed.slice(-8) : trimmed.slice(0, 8);
  const words = trimmed.split(/\s+/);
  return (side === 'before' ? words.slice(-3) : words.slice(0, 3)).join(' ');
}

/** The parts of a text directive for `selected` inside `whole`, which has `before` and `after` around it. */
export function textDirective(selected: string, before: string, after: string): string {
  const text = selected.replace(/\s+/g, ' ').trim();
  const spaced = !unspaced.test(text);
  const words = text.split(' ');
  let target: string;
  // A long passage is named by its start and end, which keeps the address short.
  if (spaced && words.length > 10) target = `${encodeTerm(words.slice(0, 4).join(' '))},${encodeTerm(words.slice(-4).join(' '))}`;
  else if (!spaced && text.length > 40) target = `${encodeTerm(text.slice(0, 12))},${encodeTerm(text.slice(-12))}`;
  else target = encodeTerm(text);
  const prefix = context(before.replace(/\s+/g, ' '), 'before');
  const suffix = context(after.replace(/\s+/g, ' '), 'after');
  return `text=${prefix ? `${encodeTerm(prefix)}-,` : ''}${target}${suffix ? `,-${encodeTerm(suffix)}` : ''}`;
}

/** The address of the passage: this page and view, the paragraph's ID, the text directive. */
export function passageAddress(address: URL, rowId: string, directive: string): string {
  const url = new URL(address);
  url.hash = '';
  return `${url.toString()}#${rowId}:~:${directive}`;
}

export function startTextFragments(root: Document): void {
  const rows = root.querySelector(`[${Attribute.Rows}]`);
  if (!rows) return;
  const label = rows.getAttribute(RowTemplate.FragmentLabel) ?? '';
  const copied = rows.getAttribute(RowTemplate.FragmentCopied) ?? '';
  const box = root.createElement('div');
  box.className = 'fragment-link';
  box.hidden = true;
  const button = root.createElement('button');
  button.type = 'button';
  button.textContent = label;
  box.append(button);
  let address = '';

  const hide = () => {
    box.hidden = true;
  };
  const update = () => {
    const selection = root.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
      if (!box.contains(root.activeElement)) hide();
      return;
    }
    const range = selection.getRangeAt(0);
    const start = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
    const cell = start?.closest(`[${Attribute.Row}] > [${Attribute.Column}]`);
    const row = cell?.parentElement;
    if (!cell || !row || !rows.contains(row) || !cell.contains(range.endContainer) || !range.toString().trim()) {
      hide();
      return;
    }
    const before = root.createRange();
    before.setStart(cell, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const after = root.createRange();
    after.setStart(range.endContainer, range.endOffset);
    after.setEnd(cell, cell.childNodes.length);
    address = passageAddress(new URL(location.href), row.id, textDirective(range.toString(), before.toString(), after.toString()));
    // Just after the cell, so that Tab from the selected text reaches the button next.
    cell.after(box);
    box.hidden = false;
    const rect = range.getBoundingClientRect();
    box.style.top = `${rect.bottom + scrollY + 6}px`;
    box.style.left = `${Math.max(8, Math.min(rect.left, root.documentElement.clientWidth - box.offsetWidth - 8)) + scrollX}px`;
  };

  let pending: ReturnType<typeof setTimeout> | undefined;
  root.addEventListener('selectionchange', () => {
    clearTimeout(pending);
    pending = setTimeout(update, 150);
  });
  button.addEventListener('click', async () => {
    try {
      await writeClipboard(address);
      announce(root, copied);
    } catch {
      announce(root, address);
    }
  });
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
}
