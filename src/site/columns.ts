/**
 * Column choices: which languages the reader shows and in what order. A choice is written in the URL
 * as a hyphen-joined list (`ru-en`, `ja`, `en-ru-ja`); every ordered non-empty subset is a page of its
 * own, so a shared link opens the same view without JavaScript. Pure: used on the server and in
 * client leaves alike.
 */
import { languages, type Language } from '../content/languages';

export type Columns = readonly Language[];

export const defaultColumns: Columns = languages;

/** `['ru', 'en']` → `ru-en`. */
export function columnsSegment(columns: Columns): string {
  return columns.join('-');
}

/** `ru-en` → `['ru', 'en']`; undefined for anything that is not an ordered subset without repeats. */
export function parseColumns(segment: string): Columns | undefined {
  const parts = segment.split('-');
  if (parts.length === 0 || parts.length > languages.length) return undefined;
  const result: Language[] = [];
  for (const part of parts) {
    const language = languages.find((candidate) => candidate === part);
    if (!language || result.includes(language)) return undefined;
    result.push(language);
  }
  return result;
}

/** Every ordered non-empty subset of the languages: 3 + 6 + 6 = 15 for three languages. */
export function allColumnChoices(): Columns[] {
  const choices: Columns[] = [];
  const extend = (prefix: Language[]) => {
    for (const language of languages) {
      if (prefix.includes(language)) continue;
      const next = [...prefix, language];
      choices.push(next);
      extend(next);
    }
  };
  extend([]);
  return choices;
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
