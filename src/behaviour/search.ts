/**
 * Search. On every page, `/` (when the reader is not typing in a field) focuses the search field
 * (`form[role=search]`'s; the search page has its own in place of the header's, which is a plain
 * form that sends `?q=` to the search page). On the search page (`Attribute.Search`) it loads
 * src/behaviour/search-results.ts, which searches and shows the results.
 */
import { Attribute, SearchTemplate } from '../contract/page';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null;
}

export function startSearch(root: Document): void {
  const field = root.querySelector<HTMLInputElement>('form[role="search"] input[type="search"]');
  if (!field) return;
  root.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.isComposing || isTyping(event.target)) return;
    event.preventDefault();
    field.focus();
    field.select();
  });

  const page = root.querySelector(`[${Attribute.Search}]`);
  if (!page) return;
  import('./search-results').then(
    ({ startSearchResults }) => startSearchResults(root, page, field),
    (error: unknown) => {
      // The search page's own code did not arrive (the connection dropped): say so where results go.
      const status = page.querySelector(`[${Attribute.SearchStatus}]`);
      if (status) status.textContent = page.getAttribute(SearchTemplate.Failed);
      console.error(error);
    },
  );
}
