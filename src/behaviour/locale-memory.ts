/**
 * The interface language: remembered for the root page and the 404 page, which pick the language of
 * a reader whose address names none (src/behaviour/early/locale-choice.ts), and the language switch
 * (`Attribute.KeepPlace`) keeps the reader's place: the paragraph anchor and the column choice of the
 * address go along to the same page in the other language.
 */
import { Attribute, StorageKey } from '../contract/page';

export function startLocaleMemory(root: Document): void {
  try {
    localStorage.setItem(StorageKey.Locale, root.documentElement.lang);
  } catch {
    // Storage may be disabled; the root page then falls back to the browser's languages.
  }
  root.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest(`a[${Attribute.KeepPlace}]`) : null;
    if (!(link instanceof HTMLAnchorElement)) return;
    link.search = location.search;
    link.hash = location.hash;
  });
}
