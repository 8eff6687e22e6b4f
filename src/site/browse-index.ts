import 'server-only';
import { facets, facetValues, newestFirst, type Facet } from '../model/facets';
import type { Catalog, DocumentSummary, GlossaryItem } from '../model/types';
import type { DocumentType } from '../model/schema';
import { sourceText } from '../model/document';
import type { Locale } from '../i18n/config';
import type { TFunction } from '../i18n/server';
import { siteContent } from './content';

/**
 * The archive as the browsing pages list it: every document newest first, and for each facet each
 * value's documents, newest first. Computed once per catalog from the document summaries (the
 * catalog is in memory while the site is built); every list page reads it.
 */
export interface BrowseIndex {
  newest: DocumentSummary[];
  values: Record<Facet, Map<string, DocumentSummary[]>>;
  /** The date each document is listed under, by slug. */
  dates: Map<string, string>;
  glossary: Map<string, GlossaryItem>;
}

const built = new WeakMap<Catalog, BrowseIndex>();

/** The date a document is listed under: its source text's. */
export const documentDate = (summary: DocumentSummary) => sourceText(summary).frontMatter.date;

export function browseIndexOf(catalog: Catalog): BrowseIndex {
  const known = built.get(catalog);
  if (known) return known;
  const newest = catalog.documents
    .map((summary) => ({ summary, slug: summary.slug, date: documentDate(summary) }))
    .sort(newestFirst)
    .map(({ summary }) => summary);
  const values = Object.fromEntries(facets.map((facet) => [facet, new Map<string, DocumentSummary[]>()])) as BrowseIndex['values'];
  for (const summary of newest) {
    const own = facetValues(sourceText(summary).frontMatter);
    for (const facet of facets) {
      for (const value of new Set(own[facet])) {
        const list = values[facet].get(value) ?? [];
        list.push(summary);
        values[facet].set(value, list);
      }
    }
  }
  const dates = new Map(newest.map((summary) => [summary.slug, documentDate(summary)]));
  const index = { newest, values, dates, glossary: new Map(catalog.glossary.map((item) => [item.id, item])) };
  built.set(catalog, index);
  return index;
}

/** The browsing index of the site's content. */
export async function siteBrowseIndex(): Promise<BrowseIndex> {
  return browseIndexOf(await siteContent().catalog());
}

/** What a facet value is called in `locale`: a year, a document type, or a glossary entry's name. */
export function valueLabel(index: Pick<BrowseIndex, 'glossary'>, facet: Facet, value: string, locale: Locale, t: TFunction): string {
  if (facet === 'year') return value;
  if (facet === 'type') return t(`browse.types.${value as DocumentType}`);
  return index.glossary.get(value)?.names[locale] ?? value;
}

/** A facet's values, most documents first (years newest first), then by name. */
export function orderedValues(index: BrowseIndex, facet: Facet, locale: Locale, t: TFunction): Array<{ value: string; label: string; count: number }> {
  const entries = [...index.values[facet]].map(([value, documents]) => ({ value, label: valueLabel(index, facet, value, locale, t), count: documents.length }));
  if (facet === 'year') return entries.sort((a, b) => b.value.localeCompare(a.value));
  return entries.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, locale));
}
