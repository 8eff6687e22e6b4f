/**
 * The column choice the reading page shows, read where it lives rather than from the cells: the
 * choice the address names (the column choice, columns.ts, keeps the address in step with what it
 * shows, and the early script puts a remembered choice there), else the page's default view, which
 * the server writes on the early script of the page (`Attribute.DefaultView`). So a behaviour that
 * follows the columns may start before or after the column choice has arranged them; it hears of
 * later choices by `PageEvent.Columns`.
 */
import { columnsFromAddress, defaultColumns, parseColumns, type Columns } from '../contract/columns';
import { Attribute } from '../contract/page';

/** The page's default view, as the server wrote it. */
export function defaultView(root: Document): Columns {
  return parseColumns(root.querySelector(`[${Attribute.DefaultView}]`)?.getAttribute(Attribute.DefaultView) ?? '') ?? defaultColumns;
}

/** The columns shown on the page `root` at `address`, in order. */
export function shownColumns(root: Document, address: URL = new URL(location.href)): Columns {
  return columnsFromAddress(address, defaultView(root));
}
