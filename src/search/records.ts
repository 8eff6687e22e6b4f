/**
 * The records of the search index: one per block (heading or paragraph) and language version of a
 * document, so that a result is the paragraph itself, its words highlighted, linked to its row.
 * Pure: from a document to records; src/export/search-index.ts hands them to Pagefind.
 */
import { languages, type Language } from '../model/languages';
import type { DocumentSummary, ArchiveDocument } from '../model/types';
import { columnsParam, columnsSegment, defaultColumns, withFirst } from '../contract/columns';
import { documentSubpath } from '../contract/paths';
import type { SearchFilters } from './format';

export interface SearchRecord {
  /**
   * The block's permalink relative to the root of an interface language, with the block's language
   * as first column: `documents/<slug>/?cols=ja-ru-en#s1-1-p2`. The search page puts its own
   * `/<lang>/` before it (Pagefind's `baseUrl`) and cites the block from its ID. The column choice is
   * written even for the default order, so that a remembered choice cannot hide the language the
   * words were found in.
   */
  url: string;
  /** The block's plain text, as a reader reads it. */
  content: string;
  /** The language of the text: it decides the index, the stemmer and the word segmentation. */
  language: Language;
  filters: SearchFilters;
}

/** Every block of every language version of `document` that has text, in language then reading order. */
export function searchRecords(document: ArchiveDocument): SearchRecord[] {
  return languages.flatMap((language) => {
    const text = document.texts[language];
    if (!text) return [];
    const view = `?${columnsParam}=${columnsSegment(withFirst(defaultColumns, language))}`;
    return text.blocks
      .filter((block) => block.text.trim() !== '')
      .map((block) => ({
        url: `${documentSubpath(document.slug)}${view}#${block.id}`,
        content: block.text,
        language,
        filters: { document: [text.frontMatter.title] },
      }));
  });
}

/**
 * The languages that have an index, each with the number of documents in it: every language in which
 * some document has a text. The search page loads these bundles; the index step writes them, in
 * fragment files of about one document each.
 */
export function indexedLanguages(documents: readonly DocumentSummary[]): Map<Language, number> {
  const counts = new Map<Language, number>();
  for (const language of languages) {
    const count = documents.filter((document) => document.texts[language]).length;
    if (count > 0) counts.set(language, count);
  }
  return counts;
}
