/**
 * The interface language: remembered for the root page (which picks the language of a first visit),
 * and the language switch (`a[data-keep-hash]`) keeps the reader's place: the paragraph anchor and
 * the column choice of the address go along to the same page in the other language.
 */

/** Where the interface language is remembered; the root and 404 pages read it (src/site/locale-choice.ts). */
export const localeStorageKey = 'reader.locale';

export function startLocaleMemory(root: Document): void {
  try {
    localStorage.setItem(localeStorageKey, root.documentElement.lang);
  } catch {
    // Storage may be disabled; the root page then falls back to the browser's languages.
  }
  root.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[data-keep-hash]') : null;
    if (!(link instanceof HTMLAnchorElement)) return;
    link.search = location.search;
    link.hash = location.hash;
  });
}
