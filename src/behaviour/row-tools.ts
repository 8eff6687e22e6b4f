/**
 * The tools of each row of the reading page: its ¶ permalink, the copy-link and cite buttons, and in
 * the phone layout the other languages the row can show under its text, one at a time. This script
 * puts them together in the row's gutter (`.gutter-tools`, a popover) with a button that opens them
 * (`.tools-toggle`), showing the row's number as the permalink does; tools added later go into the
 * popover beside the permalink (row-gutter.ts). With a fine pointer on a wide screen the CSS shows
 * them in place and hides the button; on phones and touch screens the button, the row's one control,
 * opens them as a sheet at the bottom of the window, which closes once a tool has been used. Without
 * this script the row has its ¶ permalink alone. Labels: templates on the rows
 * (`RowTemplate.ToolsLabel`, `RowTemplate.RevealLabel`); language names: the reading-language
 * switch (`Attribute.Read`). Follows the column choice: the languages offered are those shown, but the
 * first.
 */
import type { Columns } from '../contract/columns';
import { Attribute, fillTemplate, PageEvent, RowTemplate } from '../contract/page';
import { arrange } from './columns';
import { controlsAdded, permalinkOf, placeOf, placeTool } from './row-gutter';
import { shownColumns } from './shown-columns';

/** Closes the sheet around `tool`, if it is one and open. */
function closeSheet(tool: Element): void {
  const sheet = tool.closest<HTMLElement>('.gutter-tools');
  if (sheet?.matches(':popover-open')) sheet.hidePopover();
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
    label.setAttribute(Attribute.Column, language);
    const input = Object.assign(document.createElement('input'), { type: 'checkbox', value: language });
    label.append(input, name);
    choice.append(label);
  }
  followColumns(choice, columns);
  return choice;
}

/** Shows the row's cell in `language` under the first (the CSS captions it with `Attribute.Reveal`), or none. */
function reveal(row: Element, language: string | undefined, names: ReadonlyMap<string, string>): void {
  for (const cell of row.querySelectorAll(`:scope > [${Attribute.Column}]`)) {
    if (language && cell.getAttribute(Attribute.Column) === language) cell.setAttribute(Attribute.Reveal, names.get(language) ?? language);
    else cell.removeAttribute(Attribute.Reveal);
  }
  for (const input of row.querySelectorAll<HTMLInputElement>('.reveal input')) input.checked = input.value === language;
}

export function startRowTools(root: Document): void {
  const rows = root.querySelector<HTMLElement>(`[${Attribute.Rows}]`);
  if (!rows) return;
  const names = new Map([...root.querySelectorAll(`[${Attribute.Read}]`)].map((button) => [button.getAttribute(Attribute.Read) ?? '', button.textContent ?? '']));
  const columns = shownColumns(root);
  for (const row of rows.querySelectorAll<HTMLElement>(`[${Attribute.Row}]`)) {
    const gutter = row.querySelector(':scope > .gutter');
    const permalink = permalinkOf(row);
    if (!gutter || !permalink) continue;
    const place = placeOf(row);
    const sheet = document.createElement('div');
    sheet.className = 'gutter-tools';
    sheet.popover = 'auto';
    sheet.append(...gutter.childNodes);
    placeTool(permalink, revealChoice(rows.getAttribute(RowTemplate.RevealLabel) ?? '', names, columns));
    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'gutter-button tools-toggle';
    // The row's number, as the permalink shows it where there is room for the tools.
    toggle.textContent = permalink.textContent ?? '¶';
    toggle.setAttribute('aria-label', fillTemplate(rows, RowTemplate.ToolsLabel, { place }));
    toggle.popoverTargetElement = sheet;
    gutter.append(toggle, sheet);
  }
  controlsAdded(root);

  rows.addEventListener('change', (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.closest('.reveal')) return;
    const row = input.closest(`[${Attribute.Row}]`);
    if (row) reveal(row, input.checked ? input.value : undefined, names);
    closeSheet(input);
  });
  rows.addEventListener('click', (event) => {
    const tool = event.target instanceof Element ? event.target.closest('.gutter-tools a, .gutter-tools button') : null;
    if (tool) closeSheet(tool);
  });
  // The languages offered follow the columns shown; a revealed one that is now first or hidden is put away.
  root.addEventListener(PageEvent.Columns, (event) => {
    const { columns: shown } = event.detail;
    for (const choice of rows.querySelectorAll('.reveal')) followColumns(choice, shown);
    for (const cell of rows.querySelectorAll(`[${Attribute.Reveal}]`)) {
      if (shown.indexOf(cell.getAttribute(Attribute.Column) as Columns[number]) < 1 && cell.parentElement) reveal(cell.parentElement, undefined, names);
    }
  });
}
