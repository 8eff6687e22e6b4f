/**
 * The events the behaviours of the page script tell each other by, dispatched on the document. A
 * behaviour that needs to know what another did listens for its event, and reads the state it
 * starts from where that state lives (the address, the server's markup), so that no behaviour
 * depends on the order they start in. An enum, as attributes.ts explains.
 */
import type { Columns } from './columns';

export enum PageEvent {
  /**
   * The column choice changed (src/behaviour/columns.ts), or the address that names it: dispatched
   * after each choice, once the address names it, and when the column choice drops from the address
   * a query that names no other view than the default. The choice a page starts with is not told: a
   * behaviour reads it from the address (src/behaviour/shown-columns.ts). Its detail: `ColumnsChange`.
   */
  Columns = 'reader:columns',
  /**
   * Controls were added to the rows (a row tool: src/behaviour/row-gutter.ts): the keys of the text
   * (src/behaviour/row-keys.ts) take them out of the Tab order.
   */
  RowControls = 'reader:row-controls',
}

export interface ColumnsChange {
  columns: Columns;
}

declare global {
  interface DocumentEventMap {
    [PageEvent.Columns]: CustomEvent<ColumnsChange>;
    [PageEvent.RowControls]: Event;
  }
}
