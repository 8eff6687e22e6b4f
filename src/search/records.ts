/**
 * The records of the search index: one per block (heading or paragraph) and language version of a
 * document, so that a result is the paragraph itself, its words highlighted, linked to its row; one
 * per note body and language, linked to the note; and one per glossary entry and language, linked to
 * the entry's page. A block's record carries, as searchable metadata, the names and variants of the
 * entries it mentions. Pure: from a document or the glossary to records; src/export/search-index.ts
 * hands them to Pagefind.
 */
import { languages, type Language } from '../model/languages';
import { facetValues } from '../model/facets';
import type { ArchiveDocument, DocumentSummary, GlossaryItem } from '../model/types';
import { titleFor } from '../model/document';
import { columnsParam, columnsSegment, defaultColumns, withFirst } from '../contract/columns';
import { documentSubpath, glossarySubpath, noteAnchor } from '../contract/paths';
import type { SearchFilters, SearchMeta } from './format';

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
  /**
   * The date (YYYY-MM-DD) of a block's or a note's document, for Pagefind's sort by date; a glossary
   * entry's record has none, and a search sorted by date leaves it out (Pagefind sorts only the
   * records that have the key).
   */
  sort?: { date: string };
  /** Searched with the content, never shown (see `termsMeta`). */
  meta?: SearchMeta;
}

/** The names and variants of an entry in one language. */
function namesOf(item: GlossaryItem, language: Language): string[] {
  return [item.names[language], ...(item.variants?.[language] ?? [])];
}

/**
 * The names and variants of an entry in every language, its own language first: a reader may search
 * a name in any language or transliteration ("Шойгу", "ショイグ", "Shoygu") and find every mention.
 */
function allNamesOf(item: GlossaryItem, language: Language): string[] {
  return [...new Set([language, ...languages.filter((other) => other !== language)].flatMap((each) => namesOf(item, each)))];
}

/**
 * Every block of every language version of `document` that has text, then every note body, in
 * language then reading order. `glossary` gives the names of the entries a block mentions.
 */
export function searchRecords(document: ArchiveDocument, glossary: ReadonlyMap<string, GlossaryItem> = new Map()): SearchRecord[] {
  return languages.flatMap((language) => {
    const text = document.texts[language];
    if (!text) return [];
    const view = `?${columnsParam}=${columnsSegment(withFirst(defaultColumns, language))}`;
    const page = `${documentSubpath(document.slug)}${view}`;
    const title = titleFor(document, language).title;
    // The document's facets, from its source text: every language version is filtered alike.
    const source = document.texts[document.source];
    const date = source?.frontMatter.date ?? '';
    const narrowing = source ? Object.fromEntries(Object.entries(facetValues(source.frontMatter)).filter(([, values]) => values.length > 0)) : {};
    const blocks = text.blocks
      .filter((block) => block.text.trim() !== '')
      .map((block): SearchRecord => {
        const entries = new Set(text.mentions.filter((mention) => mention.block === block.id && !mention.inNote).map((mention) => mention.ref));
        const terms = [...new Set([...entries].flatMap((id) => (glossary.has(id) ? allNamesOf(glossary.get(id) as GlossaryItem, language) : [])))];
        return {
          url: `${page}#${block.id}`,
          content: block.text,
          language,
          filters: { document: [title], ...narrowing, date: [date] },
          sort: { date },
          ...(terms.length > 0 ? { meta: { terms: terms.join(' · ') } } : {}),
        };
      });
    const labels = new Map(text.anchors.filter((anchor) => !anchor.inNote).map((anchor) => [anchor.ref, anchor.text]));
    const notes = text.notes
      .filter((note) => note.text.trim() !== '')
      .map(
        (note): SearchRecord => ({
          url: `${page}#${noteAnchor(note.id)}`,
          content: note.text,
          language,
          filters: { document: [title], kind: ['note'], label: [labels.get(note.id) || note.id], date: [date] },
          sort: { date },
        }),
      );
    return [...blocks, ...notes];
  });
}

/**
 * One record per glossary entry and language: its name, other names and description, linked to its
 * page (`glossary/<id>/`, relative to an interface language's root), with its names in the other
 * languages to search, so that any name the glossary knows, "Shoygu", "Шойгу" or "Southern Kurils",
 * finds the entry.
 */
export function glossaryRecords(glossary: Iterable<GlossaryItem>): SearchRecord[] {
  const items = [...glossary];
  return languages.flatMap((language) =>
    items.map((item) => {
      const own = namesOf(item, language);
      const others = allNamesOf(item, language).filter((name) => !own.includes(name));
      return {
        url: glossarySubpath(item.id),
        content: [own.join(' · '), item.description[language]].join('. '),
        language,
        filters: { document: [item.names[language]], kind: ['entry'], entry: [item.id] },
        ...(others.length > 0 ? { meta: { terms: others.join(' · ') } } : {}),
      };
    }),
  );
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
