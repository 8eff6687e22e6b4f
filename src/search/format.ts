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
import type { Facet } from '../model/facets';

/** The folder of the export that holds the index: `out/pagefind/`. */
export const searchFolder = 'pagefind';

/**
 * The name of the query that orders the search page's results (`&sort=date`: newest first); without
 * it, the most relevant first. The facets narrow the results by their own names (`&year=2019&…`).
 * Here rather than with the addresses of src/contract/paths.ts: the page script's search part alone
 * reads it, and that module's constants are bundled with every page.
 */
export const sortParam = 'sort';

/** The value of `sortParam` that puts the newest documents first (Pagefind's sort by `date`, descending). */
export const dateSort = 'date';

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

/** What a record is: a block of a text (the default), a note's body, or a glossary entry. */
export const kindFilter = 'kind';
export type SearchKind = 'note' | 'entry';

/**
 * The filter that names what a note is about: the words its anchor stands on in the text ("working
 * dinner"), in the record's language, shown as the result's place.
 */
export const labelFilter = 'label';

/**
 * On a glossary entry's record, the entry's ID: the search page finds the name of an entry the address
 * narrows to (`participant=kono-taro`) in the language of the page.
 */
export const entryFilter = 'entry';
/**
 * On a block's or a note's record, its document's date (YYYY-MM-DD): the search page merges the
 * results of the languages, each sorted by date by Pagefind, newest first. Never filtered by, so never loaded but
 * with a result.
 */
export const dateFilter = 'date';
/**
 * A record's filters: never searched, shown with its result; and on a block's record, the document's
 * facet values (`year`, `participant`…, src/model/facets.ts), which the search page narrows to when
 * the address names them.
 */
export type SearchFilters = Partial<Record<Facet, string[]>> & {
  /** The title of the document in the record's language; for a glossary entry, the entry's name. */
  [documentFilter]: [title: string];
  [kindFilter]?: [SearchKind];
  [labelFilter]?: [label: string];
  [entryFilter]?: [id: string];
  [dateFilter]?: [date: string];
};

/**
 * Searchable metadata of a block's record: the names and variants, in the record's language, of
 * the glossary entries the block mentions, so that a variant the text does not use ("Shoygu") finds
 * the paragraphs that mention the entry.
 */
export const termsMeta = 'terms';

export type SearchMeta = Partial<Record<typeof termsMeta, string>>;

/**
 * A search word as Pagefind's index holds it: the indexer drops the punctuation inside a word
 * ("2+2" is indexed as "22", "U.S." as "us"), while its query parser would split the word there
 * and search each part ("2" and "2"), finding every "(2)". Words are separated by white space.
 */
export function indexedWords(query: string): string {
  return query
    .split(/\s+/u)
    .map((word) => (/[\p{L}\p{N}][^\p{L}\p{N}\s]+[\p{L}\p{N}]/u.test(word) ? word.replace(/[^\p{L}\p{N}]+/gu, '') : word))
    .filter((word) => word !== '')
    .join(' ');
}

/** A word reduced to what search compares: lower case, letters and digits only. */
export function searchKey(word: string): string {
  return word.toLocaleLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Whether a word Pagefind marked in a result is the searched word being typed: it begins with it
 * ("Владивостоке" for "Влади"). For Japanese, whose words are segmented differently in the index and in
 * the query, a marked word that holds the searched one or is held by it. Pagefind's own stemming is
 * asked separately (a quoted search: see src/behaviour/search-results.ts); a marked word that is only
 * a shorter prefix of the searched one ("its" for "Iturup", "Four" for "fourth") is Pagefind's
 * fallback, not a match.
 */
export function beginsWith(marked: string, searched: string): boolean {
  const found = searchKey(marked);
  const wanted = searchKey(searched);
  if (!found || !wanted) return false;
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(wanted)) return found.includes(wanted) || wanted.includes(found);
  return found.startsWith(wanted);
}
