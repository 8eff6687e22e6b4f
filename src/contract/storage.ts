/**
 * What the page script remembers in the browser (`localStorage`) from one visit to the next, and
 * its early scripts read before the page is shown. Storage may be disabled: every reader of these
 * keys works without them. An enum, as attributes.ts explains.
 */
export enum StorageKey {
  /** The reader's last column choice (`ru-en`), unless it is the page's default view. */
  Columns = 'reader.columns',
  /** The interface language of the last page read: the root page and the 404 page pick it. */
  Locale = 'reader.locale',
}
