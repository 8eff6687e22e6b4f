/**
 * The keyboard through the text of the reading page, by the WAI-ARIA Authoring Practices' roving
 * tabindex: each row is one Tab stop, its number in the gutter (the row's permalink). The row's other
 * controls (copy link, cite, the phone's reveal) and the links of its text (glossary mentions, note
 * markers) leave the Tab order; → and ← go through them in the order shown, and Escape goes back to
 * the number (an Escape the tooltip took to close itself is left to it). Without this script every
 * link is in the Tab order. The keys are told by a hint (`ElementId.KeysHint`): the description of the rows
 * for screen readers, shown by the CSS while a row's number has the keyboard focus. Controls other
 * behaviours add to the rows later (`PageEvent.RowControls`) leave the Tab order as they come.
 */
import { Attribute, ElementId, PageEvent } from '../contract/page';

const rowSelector = `[${Attribute.Row}]`;
const controlSelector = 'a[href], button, input, select, textarea, summary';

/** What a reader can reach in `row` now, in the order shown: its number first. */
function controls(row: Element): HTMLElement[] {
  return [...row.querySelectorAll<HTMLElement>(controlSelector)].filter((control) => !control.matches(':disabled') && control.checkVisibility());
}

/**
 * Leaves each row of `rows` one Tab stop: its number, the first control of its gutter the reader sees
 * (the permalink, or on phones and touch screens the button that opens the row's tools, row-tools.ts).
 */
function oneStopARow(rows: Element): void {
  for (const row of rows.querySelectorAll(rowSelector)) {
    const number = [...row.querySelectorAll<HTMLElement>(`:scope > .gutter :is(${controlSelector})`)].find((control) => control.checkVisibility());
    for (const control of row.querySelectorAll<HTMLElement>(controlSelector)) {
      if (control !== number) control.tabIndex = -1;
      else if (control.tabIndex < 0) control.removeAttribute('tabindex');
    }
  }
}

export function startRowKeys(root: Document): void {
  const rows = root.querySelector<HTMLElement>(`[${Attribute.Rows}]`);
  if (!rows) return;
  oneStopARow(rows);
  root.addEventListener(PageEvent.RowControls, () => oneStopARow(rows));
  const hint = root.getElementById(ElementId.KeysHint);
  if (hint) {
    hint.hidden = false;
    rows.setAttribute('aria-describedby', hint.id);
  }

  rows.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.target instanceof HTMLElement ? event.target : undefined;
    const row = target?.closest(rowSelector);
    if (!target || !row) return;
    const list = controls(row);
    const index = list.indexOf(target);
    if (index < 0) return;
    let next: HTMLElement | undefined;
    if (event.key === 'ArrowRight') next = list[index + 1];
    else if (event.key === 'ArrowLeft') next = list[index - 1];
    // An Escape that closed a tooltip (tooltips.ts) was taken above; the next one goes back to the number.
    else if (event.key === 'Escape') next = list[0];
    if (!next || next === target) return;
    event.preventDefault();
    next.focus();
  });
}
