/**
 * The column choice of the reading page: which languages it shows and in what order. The page holds
 * every language, in its default order; this module applies a choice by moving the cells of each row
 * (so that reading and tab order follow what is seen) and hiding the others. The choice lives in the
 * address (`?cols=en-ru`, see src/site/columns.ts), is remembered for the next visit, and is changed
 * with the picker (desktop) or the reading-language switch (phone). Without a choice the page shows
 * its default view, the order the server wrote the columns in (the interface language first).
 * Changing the choice keeps the paragraph the reader is at in view, and names it in the address
 * (`#s1-p2`), so that a reload or a shared link returns there. Dispatches `reader:columns` on the
 * document with the new choice, once the address names it.
 */
import { languages } from '../model/languages';
import { columnsParam, columnsSegment, defaultColumns, isDefaultColumns, moveColumn, parseColumns, pendingAttribute, withColumn, withFirst, withoutColumn, type Columns } from '../contract/columns';

/** Where the last chosen view is remembered; the early script of the page reads it too. */
export const columnsStorageKey = 'reader.columns';
export interface ColumnsChange {
  columns: Columns;
}

declare global {
  interface DocumentEventMap {
    'reader:columns': CustomEvent<ColumnsChange>;
  }
}

/** The choice the address names, or the page's default view (`defaults`) when it names none (or nothing valid). */
export function columnsFromAddress(address: URL, defaults: Columns = defaultColumns): Columns {
  const value = address.searchParams.get(columnsParam);
  return (value !== null && parseColumns(value)) || defaults;
}

/**
 * The address of `columns` on this page: the query set, or removed for the default view (`defaults`);
 * the fragment set to `place` (the ID of the row being read) when there is one; other parts kept.
 */
export function addressWith(address: URL, columns: Columns, defaults: Columns = defaultColumns, place?: string): URL {
  const next = new URL(address);
  if (isDefaultColumns(columns, defaults)) next.searchParams.delete(columnsParam);
  else next.searchParams.set(columnsParam, columnsSegment(columns));
  if (place) next.hash = place;
  return next;
}

/**
 * Puts the children of `container` that carry `data-col` in the order of `columns`, the others after
 * them; shows those of `shown` (by default `columns`) and hides the rest. Touches only what differs,
 * so that applying the view the server rendered (most visits) changes nothing and costs the page no
 * second layout.
 */
export function arrange(container: Element, columns: Columns, shown: Columns = columns): void {
  const byLanguage = new Map<string, HTMLElement>();
  const current: HTMLElement[] = [];
  for (const child of container.children) {
    if (child instanceof HTMLElement && child.dataset.col) {
      byLanguage.set(child.dataset.col, child);
      current.push(child);
    }
  }
  const order = [...columns, ...languages.filter((language) => !columns.includes(language))]
    .map((language) => byLanguage.get(language))
    .filter((element) => element !== undefined);
  const inOrder = order.every((element, index) => current[index] === element);
  for (const element of order) {
    if (!inOrder) container.append(element);
    const hidden = !shown.includes(element.dataset.col as (typeof languages)[number]);
    if (element.hidden !== hidden) element.hidden = hidden;
  }
}

/** Sets an attribute only when its value differs (an equal write still invalidates the page's style). */
function setAttribute(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/** A row showing less than this at the top of the window (px) is the one just read, not the one being read. */
const sliver = 48;

/**
 * The row the reader is at: the one at the top of the window (below the column names where they stay
 * in view), and how far from the top it is. None while the top of the window shows the document's
 * head: the reader has not started on the rows, or is not at one in particular.
 */
function rowInView(rows: Element): { row: Element; top: number } | undefined {
  const edge = Math.max(0, rows.querySelector('.row-heads')?.getBoundingClientRect().bottom ?? 0) + sliver;
  for (const row of rows.querySelectorAll('[data-pid]')) {
    const box = row.getBoundingClientRect();
    if (box.bottom > edge) return box.top <= edge ? { row, top: box.top } : undefined;
  }
  return undefined;
}

function remember(columns: Columns, defaults: Columns): void {
  try {
    if (isDefaultColumns(columns, defaults)) localStorage.removeItem(columnsStorageKey);
    else localStorage.setItem(columnsStorageKey, columnsSegment(columns));
  } catch {
    // Storage may be disabled: the address alone then keeps the choice.
  }
}

/**
 * Shows `columns` on the page: rows, column heads, note back-links, picker and switch. Returns the row
 * the reader is at, kept where it was in the window.
 */
export function applyColumns(root: Document, columns: Columns): Element | undefined {
  const rows = root.querySelector<HTMLElement>('[data-rows]');
  if (!rows) return undefined;
  const place = rowInView(rows);
  for (const row of rows.querySelectorAll(':scope > .row')) arrange(row, columns);
  for (const list of root.querySelectorAll('.backlinks')) arrange(list, columns);
  if (rows.style.getPropertyValue('--columns') !== String(columns.length)) rows.style.setProperty('--columns', String(columns.length));
  setAttribute(rows, 'data-count', String(columns.length));

  const picker = root.querySelector('[data-column-picker] .chips');
  if (picker) {
    arrange(picker, columns);
    for (const chip of picker.querySelectorAll<HTMLElement>('[data-col]')) {
      const language = chip.dataset.col ?? '';
      const index = columns.indexOf(language as (typeof languages)[number]);
      if (chip.hidden) chip.hidden = false;
      if (chip.classList.contains('chip-hidden') !== index < 0) chip.classList.toggle('chip-hidden', index < 0);
      const box = chip.querySelector('input');
      if (box) {
        if (box.checked !== index >= 0) box.checked = index >= 0;
        // The last language shown cannot be hidden.
        const last = index >= 0 && columns.length === 1;
        if (box.disabled !== last) box.disabled = last;
      }
      for (const button of chip.querySelectorAll<HTMLButtonElement>('[data-move]')) {
        const target = index + Number(button.dataset.move);
        const disabled = index < 0 || target < 0 || target >= columns.length;
        if (button.disabled !== disabled) button.disabled = disabled;
      }
    }
  }
  for (const button of root.querySelectorAll<HTMLElement>('[data-read]')) {
    setAttribute(button, 'aria-pressed', String(button.dataset.read === columns[0]));
  }
  if (root.documentElement.hasAttribute(pendingAttribute)) root.documentElement.removeAttribute(pendingAttribute);
  if (place && place.row.getBoundingClientRect().top !== place.top) scrollBy({ top: place.row.getBoundingClientRect().top - place.top, behavior: 'instant' });
  return place?.row;
}

/** Applies the address's choice now, and every choice the reader makes later. */
export function startColumns(root: Document): void {
  const rows = root.querySelector<HTMLElement>('[data-rows]');
  if (!rows) return;
  // The page's default view is the order the server wrote the columns in.
  const written = [...rows.querySelectorAll<HTMLElement>(':scope > .row-heads > [data-col]')].map((cell) => cell.dataset.col);
  const defaults = parseColumns(written.join('-')) ?? defaultColumns;
  const address = new URL(location.href);
  let current = columnsFromAddress(address, defaults);
  // A query that names nothing valid (or the default view) is dropped from the address.
  if (address.searchParams.has(columnsParam) && isDefaultColumns(current, defaults)) {
    history.replaceState(history.state, '', addressWith(address, current, defaults));
  }
  applyColumns(root, current);
  const announce = () => root.dispatchEvent(new CustomEvent('reader:columns', { detail: { columns: current } }));
  announce();

  const choose = (columns: Columns) => {
    if (columns.length === 0 || columnsSegment(columns) === columnsSegment(current)) return;
    current = columns;
    remember(columns, defaults);
    const place = applyColumns(root, columns);
    history.replaceState(history.state, '', addressWith(new URL(location.href), columns, defaults, place?.id));
    // Told once the address is the new view's: what follows the choice may copy or print it.
    announce();
  };

  const picker = root.querySelector('[data-column-picker]');
  picker?.addEventListener('change', (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement)) return;
    const language = parseColumns(box.value)?.[0];
    if (!language) return;
    choose(box.checked ? withColumn(current, language) : withoutColumn(current, language));
    box.focus({ preventScroll: true });
  });
  picker?.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-move]') : null;
    const language = parseColumns(button?.closest<HTMLElement>('[data-col]')?.dataset.col ?? '')?.[0];
    if (!button || !language) return;
    const index = current.indexOf(language);
    if (index < 0) return;
    choose(moveColumn(current, index, Number(button.dataset.move) < 0 ? -1 : 1));
    // The button moved with its chip; keep it focused, or its neighbour when it is now disabled.
    const focusable = button.disabled ? button.parentElement?.querySelector<HTMLButtonElement>('button[data-move]:not(:disabled)') : button;
    focusable?.focus({ preventScroll: true });
  });
  root.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-read]') : null;
    const language = parseColumns(button?.dataset.read ?? '')?.[0];
    if (language) choose(withFirst(current, language));
  });
}
