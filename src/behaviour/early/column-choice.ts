/**
 * The reading page's early script, inline before the rows (src/site/document-page.tsx). When the
 * address names a column choice (`?cols=en-ru`) other than the page's default view (the interface
 * language first, see `readingDefault`; written on this script's element, `Attribute.DefaultView`), or
 * names none and the reader's last choice is remembered, it marks `<html>` so that the rows wait,
 * invisible, for the page script to arrange them (no flash of the default view), and it writes a
 * remembered choice into the address so that it can be shared and reloaded. The default view (most
 * visits, and every visit without JavaScript) is never held back. A view it holds the rows back for
 * loads the page script at once, rather than after the first paint as the page's loader does
 * (loader.ts): the rows are hidden until it runs. The CSS shows the rows after two seconds in any
 * case, should the page script never run.
 */
import { columnsParam, parseColumns } from '../../contract/columns';
import { Attribute, StorageKey } from '../../contract/page';

/** The page script's address (`/assets/site.<hash>.js`), put in by the bundle step, which builds that script first. */
declare const PAGE_SCRIPT_ADDRESS: string;

try {
  const standard = document.currentScript?.getAttribute(Attribute.DefaultView);
  const address = new URL(location.href);
  // The address's choice, else the remembered one (where storage is disabled this throws: nothing is held back).
  const named = address.searchParams.get(columnsParam);
  const choice = named ?? localStorage.getItem(StorageKey.Columns);
  if (choice !== null && choice !== standard && parseColumns(choice)) {
    if (named === null) {
      address.searchParams.set(columnsParam, choice);
      history.replaceState(history.state, '', address.href);
    }
    document.documentElement.setAttribute(Attribute.ColumnsPending, '');
    // A script element, not import(): it delays the load event until the rows are arranged, so that the
    // browser seeks a text fragment of the address (#…:~:text=) in the rows as the reader will see them.
    const script = document.createElement('script');
    script.type = 'module';
    script.src = PAGE_SCRIPT_ADDRESS;
    script.setAttribute(Attribute.Site, '');
    document.head.appendChild(script);
  }
} catch {
  // Whatever failed (an address the URL parser refuses, storage), the page shows its default view.
}
