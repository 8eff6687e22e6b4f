/**
 * Column choices: which languages the reader shows and in what order. A choice is written in the
 * reading page's address as the query `cols`, a hyphen-joined list (`?cols=ru-en`, `?cols=ja`,
 * `?cols=en-ru-ja`); one page holds every language and applies the choice itself, so a shared link
 * reproduces the view. Without the query (or with one that names no valid choice) the page shows its
 * default view: every language, the interface language's first when the document has that version
 * (`readingDefault`), the others in canonical order. Pure: used on the server, in the page script and
 * in the reading page's early script.
 */
import { isLanguage, languages, type Language } from '../model/languages';

export type Columns = readonly Language[];

/** Every language in canonical order: the default view of a page whose interface language has no version. */
export const defaultColumns: Columns = languages;

/**
 * The default view of a reading page in the interface language `locale`: the reader's own language
 * first (on a phone, the one language shown), when the document has it; the others after it.
 */
export function readingDefault(locale: Language, has: (language: Language) => boolean): Columns {
  return has(locale) ? withFirst(defaultColumns, locale) : defaultColumns;
}

/** `['ru', 'en']` → `ru-en`. */
export function columnsSegment(columns: Columns): string {
  return columns.join('-');
}

/** The name of the query that carries the column choice. */
export const columnsParam = 'cols';

/**
 * `ru-en` → `['ru', 'en']`; undefined for anything that is not an ordered subset without repeats (so
 * never more parts than languages). Short: the reading page's early inline script carries it.
 */
export function parseColumns(segment: string): Columns | undefined {
  const parts = segment.split('-');
  return new Set(parts).size === parts.length && parts.every(isLanguage) ? parts : undefined;
}

/** The choice the address names, or the page's default view (`defaults`) when it names none (or nothing valid). */
export function columnsFromAddress(address: URL, defaults: Columns = defaultColumns): Columns {
  const value = address.searchParams.get(columnsParam);
  return (value !== null && parseColumns(value)) || defaults;
}

/**
 * The address of `columns` on this page: the query set, or removed for the default view (`defaults`);
 * the fragment set to `place` (the ID of the row being read) when there is one; other parts kept.
 */
export function addressWith(address: URL, columns: Columns, defaults: Columns = defaultColumns, place?: string): URL {
  const next = new URL(address);
  if (isDefaultColumns(columns, defaults)) next.searchParams.delete(columnsParam);
  else next.searchParams.set(columnsParam, columnsSegment(columns));
  if (place) next.hash = place;
  return next;
}

/** The query of a view on the reading page: `?cols=ja-ru-en`, or nothing for the page's default view. */
export function viewQuery(columns: Columns, defaults: Columns = defaultColumns): string {
  return isDefaultColumns(columns, defaults) ? '' : `?${columnsParam}=${columnsSegment(columns)}`;
}

/** True when `columns` is the page's default view (`defaults`; every language in canonical order unless told). */
export function isDefaultColumns(columns: Columns, defaults: Columns = defaultColumns): boolean {
  return columnsSegment(columns) === columnsSegment(defaults);
}

export function withColumn(columns: Columns, language: Language): Columns {
  return [...columns, language];
}

export function withoutColumn(columns: Columns, language: Language): Columns {
  return columns.filter((candidate) => candidate !== language);
}

/** Swaps the column at `index` with its neighbour to the left (-1) or right (+1). */
export function moveColumn(columns: Columns, index: number, direction: -1 | 1): Columns {
  const target = index + direction;
  if (target < 0 || target >= columns.length) return columns;
  const next = [...columns];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

/** The same columns with `language` first: the phone layout's reading-language switch. */
export function withFirst(columns: Columns, language: Language): Columns {
  return [language, ...columns.filter((candidate) => candidate !== language)];
}
