/**
 * Counterparts across the columns of a row. Pointing at a sentence (`Attribute.Sentence`), focusing a
 * link in it, or selecting text in it marks the sentences of the other columns that share one of its
 * IDs; pointing at or focusing a glossary mention (`Attribute.Term`) marks the mentions of the same
 * entry in the other columns of the row. The marks are classes (`is-active`, `is-counterpart`) that the CSS
 * shows; nothing else on the page changes.
 */
import { Attribute } from '../contract/page';

const sentenceSelector = `[${Attribute.Sentence}]`;
const termSelector = `a[${Attribute.Term}]`;

/** The IDs of a sentence element: `s1-p1.2 s1-p1.3` → both. */
const idsOf = (element: Element) => (element.getAttribute(Attribute.Sentence) ?? '').split(/\s+/).filter(Boolean);

/** The elements of the other columns of `row` that correspond to `target` (a sentence or a mention). */
export function counterparts(row: Element, target: Element): Element[] {
  const cell = target.closest('[lang]');
  const others = [...row.children].filter((child) => child !== cell && child.hasAttribute('lang'));
  if (target.matches(termSelector)) {
    // Mentions of one entry lead to the same glossary page.
    const entry = target.getAttribute('href');
    return others.flatMap((other) => [...other.querySelectorAll(termSelector)].filter((link) => link.getAttribute('href') === entry));
  }
  const ids = new Set(idsOf(target));
  return others.flatMap((other) => [...other.querySelectorAll(sentenceSelector)].filter((sentence) => idsOf(sentence).some((id) => ids.has(id))));
}

export function startAlignment(root: Document): void {
  const rows = root.querySelector<HTMLElement>(`[${Attribute.Rows}]`);
  if (!rows) return;
  let marked: Element[] = [];
  let current: Element | undefined;

  const clear = () => {
    for (const element of marked) element.classList.remove('is-active', 'is-counterpart');
    marked = [];
    current = undefined;
  };
  const mark = (node: Node | null) => {
    const element = node instanceof Element ? node : node?.parentElement;
    const target = element?.closest(termSelector) ?? element?.closest(sentenceSelector);
    const row = target?.closest(`[${Attribute.Row}]`);
    if (!target || !row || !rows.contains(row)) {
      clear();
      return;
    }
    if (target === current) return;
    clear();
    current = target;
    target.classList.add('is-active');
    marked.push(target);
    for (const counterpart of counterparts(row, target)) {
      counterpart.classList.add('is-counterpart');
      marked.push(counterpart);
    }
  };

  rows.addEventListener('mouseover', (event) => mark(event.target as Node | null));
  rows.addEventListener('mouseleave', clear);
  rows.addEventListener('focusin', (event) => mark(event.target as Node | null));
  rows.addEventListener('focusout', (event) => {
    if (!(event.relatedTarget instanceof Node) || !rows.contains(event.relatedTarget)) clear();
  });
  root.addEventListener('selectionchange', () => {
    const selection = root.getSelection();
    if (!selection || selection.rangeCount === 0 || !rows.contains(selection.anchorNode)) return;
    mark(selection.anchorNode);
  });
}
