/**
 * What the search index (src/export/search-index.ts) and the page script (src/behaviour/search.ts)
 * agree on: where each language's index lives and what a record carries besides its text. Pure and
 * free of Node, so that the page script can bundle it.
 *
 * The index is one Pagefind bundle per language of the texts (`/pagefind/ru/`, `/pagefind/ja/`,
 * `/pagefind/en/`). Pagefind searches one language per loaded `pagefind.js` (its WebAssembly holds
 * that language's stemmer), so the search page loads the bundle of every language and merges the
 * results.
 */
import type { Language } from '../model/languages';

/** The folder of the export that holds the index: `out/pagefind/`. */
export const searchFolder = 'pagefind';

/** The address of one language's bundle; its script is `pagefind.js` in it. */
export function searchBundlePath(language: Language): string {
  return `/${searchFolder}/${language}/`;
}

/**
 * The filter that names a record's document: its title in the record's language, shown with each
 * result. A filter, not metadata: Pagefind searches every metadata field of a record, and a title
 * there would make every paragraph of a document match the words of its title. A record carries no
 * metadata at all; its place is the block ID in its address, cited by the page in the reader's language.
 */
export const documentFilter = 'document';

export type SearchFilters = Record<typeof documentFilter, [title: string]>;
