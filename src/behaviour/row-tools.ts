/**
 * The tools of each row of the reading page: its ¶ permalink, the copy-link and cite buttons, and in
 * the phone layout the other languages the row can show under its text, one at a time. This script
 * puts them together in the row's gutter (`.gutter-tools`, a popover) with a button that opens them
 * (`.tools-toggle`), showing the row's number as the permalink does. With a fine pointer on a wide
 * screen the CSS shows them in place and hides the button; on phones and touch screens the button,
 * the row's one control, opens them as a sheet at the bottom of the window, which closes once a tool
 * has been used. Without this script the row has
 * its ¶ permalink alone. Labels: `data-tools-label` and `data-reveal-label` on the rows; language
 * names: the reading-language switch (`[data-read]`). Follows the column choice (`reader:columns`): the
 * languages offered are those shown, but the first.
 */
import { parseColumns, type Columns } from '../contract/columns';
import { arrange } from './columns';

/** Closes the sheet around `tool`, if it is one and open. */
function closeSheet(tool: Element): void {
  const sheet = tool.closest<HTMLElement>('.gutter-tools');
  if (sheet?.matches(':popover-open')) sheet.hidePopover();
}

/** The languages shown, in order: the cells of the row of column names that are not hidden. */
function shownColumns(rows: Element): Columns {
  return parseColumns([...rows.querySelectorAll<HTMLElement>('.row-heads > [data-col]:not([hidden])')].map((cell) => cell.dataset.col).join('-')) ?? [];
}

/** Orders the options of `choice` as `columns`, and offers those shown but the first. */
const followColumns = (choice: Element, columns: Columns) => arrange(choice, columns, columns.slice(1));

/** The choice of languages a row can reveal: a checkbox each, those shown but the first offered. */
function revealChoice(legend: string, names: ReadonlyMap<string, string>, columns: Columns): HTMLFieldSetElement {
  const choice = document.createElement('fieldset');
  choice.className = 'reveal';
  choice.append(Object.assign(document.createElement('legend'), { textContent: legend }));
  for (const [language, name] of names) {
    const label = document.createElement('label');
    label.dataset.col = language;
    const input = Object.assign(document.createElement('input'), { type: 'checkbox', value: language });
    label.append(input, name);
    choice.append(label);
  }
  followColumns(choice, columns);
  return choice;
}

/** Shows the row's cell in `language` under the first (the CSS captions it with `data-reveal`), or none. */
function reveal(row: Element, language: string | undefined, names: ReadonlyMap<string, string>): void {
  for (const cell of row.querySelectorAll<HTMLElement>(':scope > [data-col]')) {
    if (language && cell.dataset.col === language) cell.dataset.reveal = names.get(language) ?? language;
    else delete cell.dataset.reveal;
  }
  for (const input of row.querySelectorAll<HTMLInputElement>('.reveal input')) input.checked = input.value === language;
}

export function startRowTools(root: Document): void {
  const rows = root.querySelector<HTMLElement>('[data-rows]');
  if (!rows) return;
  const names = new Map([...root.querySelectorAll<HTMLElement>('[data-read]')].map((button) => [button.dataset.read ?? '', button.textContent ?? '']));
  const label = rows.dataset.toolsLabel ?? '{place}';
  const columns = shownColumns(rows);
  for (const gutter of rows.querySelectorAll<HTMLElement>('[data-pid] > .gutter')) {
    const permalink = gutter.querySelector<HTMLElement>('.pilcrow');
    const place = permalink?.getAttribute('aria-label') ?? '';
    const sheet = document.createElement('div');
    sheet.className = 'gutter-tools';
    sheet.popover = 'auto';
    sheet.append(...gutter.childNodes, revealChoice(rows.dataset.revealLabel ?? '', names, columns));
    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'gutter-button tools-toggle';
    // The row's number, as the permalink shows it where there is room for the tools.
    toggle.textContent = permalink?.textContent ?? '¶';
    toggle.setAttribute('aria-label', label.replace('{place}', place));
    toggle.popoverTargetElement = sheet;
    gutter.append(toggle, sheet);
  }

  rows.addEventListener('change', (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.closest('.reveal')) return;
    const row = input.closest('[data-pid]');
    if (row) reveal(row, input.checked ? input.value : undefined, names);
    closeSheet(input);
  });
  rows.addEventListener('click', (event) => {
    const tool = event.target instanceof Element ? event.target.closest('.gutter-tools a, .gutter-tools button') : null;
    if (tool) closeSheet(tool);
  });
  // The languages offered follow the columns shown; a revealed one that is now first or hidden is put away.
  root.addEventListener('reader:columns', (event) => {
    const columns: Columns = event.detail.columns;
    for (const choice of rows.querySelectorAll('.reveal')) followColumns(choice, columns);
    for (const cell of rows.querySelectorAll<HTMLElement>('[data-reveal]')) {
      if (columns.indexOf(cell.dataset.col as Columns[number]) < 1 && cell.parentElement) reveal(cell.parentElement, undefined, names);
    }
  });
}
