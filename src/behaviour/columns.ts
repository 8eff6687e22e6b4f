/**
 * The column choice of the reading page: which languages it shows and in what order. The page holds
 * every language, in its default order; this module applies a choice by moving the cells of each row
 * (so that reading and tab order follow what is seen) and hiding the others. The choice lives in the
 * address (`?cols=en-ru`, see src/contract/columns.ts), is remembered for the next visit, and is
 * changed with the picker (desktop) or the reading-language switch (phone). Without a choice the page
 * shows its default view, the order the server wrote the columns in (the interface language first).
 * Changing the choice keeps the paragraph the reader is at in view, and names it in the address
 * (`#s1-p2`), so that a reload or a shared link returns there. Dispatches `PageEvent.Columns` on the
 * document with each new choice once the address names it (and when it drops from the address a
 * query that names no other view than the default); the choice it starts from is the one the other
 * behaviours read themselves (shown-columns.ts).
 */
import { languages } from '../model/languages';
import { addressWith, columnsParam, columnsSegment, isDefaultColumns, moveColumn, parseColumns, withColumn, withFirst, withoutColumn, type Columns } from '../contract/columns';
import { Attribute, type ColumnsChange, PageEvent, StorageKey } from '../contract/page';
import { defaultView, shownColumns } from './shown-columns';

/**
 * Puts the children of `container` that carry `Attribute.Column` in the order of `columns`, the others after
 * them; shows those of `shown` (by default `columns`) and hides the rest. Touches only what differs,
 * so that applying the view the server rendered (most visits) changes nothing and costs the page no
 * second layout.
 */
export function arrange(container: Element, columns: Columns, shown: Columns = columns): void {
  const byLanguage = new Map<string, HTMLElement>();
  const current: HTMLElement[] = [];
  for (const child of container.children) {
    const language = child.getAttribute(Attribute.Column);
    if (child instanceof HTMLElement && language) {
      byLanguage.set(language, child);
      current.push(child);
    }
  }
  const order = [...columns, ...languages.filter((language) => !columns.includes(language))]
    .map((language) => byLanguage.get(language))
    .filter((element) => element !== undefined);
  const inOrder = order.every((element, index) => current[index] === element);
  for (const element of order) {
    if (!inOrder) container.append(element);
    const hidden = !shown.includes(element.getAttribute(Attribute.Column) as (typeof languages)[number]);
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
  for (const row of rows.querySelectorAll(`[${Attribute.Row}]`)) {
    const box = row.getBoundingClientRect();
    if (box.bottom > edge) return box.top <= edge ? { row, top: box.top } : undefined;
  }
  return undefined;
}

/** Remembers `columns` for the next visit (the early script reads it), or forgets the choice for the default view. */
function remember(columns: Columns, defaults: Columns): void {
  try {
    if (isDefaultColumns(columns, defaults)) localStorage.removeItem(StorageKey.Columns);
    else localStorage.setItem(StorageKey.Columns, columnsSegment(columns));
  } catch {
    // Storage may be disabled: the address alone then keeps the choice.
  }
}

/**
 * Shows `columns` on the page: rows, column heads, note back-links, picker and switch. Returns the row
 * the reader is at, kept where it was in the window.
 */
export function applyColumns(root: Document, columns: Columns): Element | undefined {
  const rows = root.querySelector<HTMLElement>(`[${Attribute.Rows}]`);
  if (!rows) return undefined;
  const place = rowInView(rows);
  for (const row of rows.querySelectorAll(':scope > .row')) arrange(row, columns);
  for (const list of root.querySelectorAll('.backlinks')) arrange(list, columns);
  setAttribute(rows, Attribute.ColumnCount, String(columns.length));

  const picker = root.querySelector(`[${Attribute.ColumnPicker}] .chips`);
  if (picker) {
    arrange(picker, columns);
    for (const chip of picker.querySelectorAll<HTMLElement>(`[${Attribute.Column}]`)) {
      const language = chip.getAttribute(Attribute.Column) ?? '';
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
      for (const button of chip.querySelectorAll<HTMLButtonElement>(`[${Attribute.Move}]`)) {
        const target = index + Number(button.getAttribute(Attribute.Move));
        const disabled = index < 0 || target < 0 || target >= columns.length;
        if (button.disabled !== disabled) button.disabled = disabled;
      }
    }
  }
  for (const button of root.querySelectorAll<HTMLElement>(`[${Attribute.Read}]`)) {
    setAttribute(button, 'aria-pressed', String(button.getAttribute(Attribute.Read) === columns[0]));
  }
  if (root.documentElement.hasAttribute(Attribute.ColumnsPending)) root.documentElement.removeAttribute(Attribute.ColumnsPending);
  if (place && place.row.getBoundingClientRect().top !== place.top) scrollBy({ top: place.row.getBoundingClientRect().top - place.top, behavior: 'instant' });
  return place?.row;
}

/** Applies the address's choice now, and every choice the reader makes later. */
export function startColumns(root: Document): void {
  const rows = root.querySelector<HTMLElement>(`[${Attribute.Rows}]`);
  if (!rows) return;
  const defaults = defaultView(root);
  const address = new URL(location.href);
  let current = shownColumns(root, address);
  const announce = () => root.dispatchEvent(new CustomEvent<ColumnsChange>(PageEvent.Columns, { detail: { columns: current } }));
  // A query that names nothing valid (or the default view) is dropped from the address, and that told.
  const dropped = address.searchParams.has(columnsParam) && isDefaultColumns(current, defaults);
  if (dropped) history.replaceState(history.state, '', addressWith(address, current, defaults));
  applyColumns(root, current);
  if (dropped) announce();

  const choose = (columns: Columns) => {
    if (columns.length === 0 || columnsSegment(columns) === columnsSegment(current)) return;
    current = columns;
    remember(columns, defaults);
    const place = applyColumns(root, columns);
    history.replaceState(history.state, '', addressWith(new URL(location.href), columns, defaults, place?.id));
    // Told once the address is the new view's: what follows the choice may copy or print it.
    announce();
  };

  const picker = root.querySelector(`[${Attribute.ColumnPicker}]`);
  picker?.addEventListener('change', (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement)) return;
    const language = parseColumns(box.value)?.[0];
    if (!language) return;
    choose(box.checked ? withColumn(current, language) : withoutColumn(current, language));
    box.focus({ preventScroll: true });
  });
  picker?.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>(`button[${Attribute.Move}]`) : null;
    const language = parseColumns(button?.closest(`[${Attribute.Column}]`)?.getAttribute(Attribute.Column) ?? '')?.[0];
    if (!button || !language) return;
    const index = current.indexOf(language);
    if (index < 0) return;
    choose(moveColumn(current, index, Number(button.getAttribute(Attribute.Move)) < 0 ? -1 : 1));
    // The button moved with its chip; keep it focused, or its neighbour when it is now disabled.
    const focusable = button.disabled ? button.parentElement?.querySelector<HTMLButtonElement>(`button[${Attribute.Move}]:not(:disabled)`) : button;
    focusable?.focus({ preventScroll: true });
  });
  root.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest(`[${Attribute.Read}]`) : null;
    const language = parseColumns(button?.getAttribute(Attribute.Read) ?? '')?.[0];
    if (language) choose(withFirst(current, language));
  });
}
