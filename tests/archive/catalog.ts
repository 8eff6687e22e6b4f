/**
 * What the `archive` browser tests expect, read from the content cache that the build of the generated
 * archive wrote (`.scratch/archive/.content/catalog.json`), never from the pages under test: each
 * document's date and facets, and how many documents mention each glossary entry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { facetValues, newestFirst, type Facet } from '../../src/model/facets';
import type { Catalog, DocumentSummary } from '../../src/model/types';
import { archiveRoot } from './where';

export interface ListedDocument {
  slug: string;
  date: string;
  facets: Record<Facet, string[]>;
}

let read: { catalog: Catalog; newest: ListedDocument[] } | undefined;

function source(summary: DocumentSummary) {
  const text = summary.texts[summary.source];
  if (!text) throw new Error(`${summary.slug} has no source text`);
  return text.frontMatter;
}

/** The catalog of the generated archive, and its documents newest first (as every list of the site orders them). */
export function archiveCatalog(): { catalog: Catalog; newest: ListedDocument[] } {
  if (read) return read;
  const catalog = JSON.parse(readFileSync(join(archiveRoot, '.content', 'catalog.json'), 'utf8')) as Catalog;
  const newest = catalog.documents.map((summary) => ({ slug: summary.slug, date: source(summary).date, facets: facetValues(source(summary)) })).sort(newestFirst);
  read = { catalog, newest };
  return read;
}

/** The documents that have `value` among their values of `facet`, newest first. */
export function documentsOf(facet: Facet, value: string): ListedDocument[] {
  return archiveCatalog().newest.filter((document) => document.facets[facet].includes(value));
}

/** The value of `facet` with the most documents (the first of them, by ID, on a tie). */
export function commonestValue(facet: Facet): string {
  const counts = new Map<string, number>();
  for (const document of archiveCatalog().newest) for (const value of document.facets[facet]) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
}

/** A glossary entry's name in English. */
export function englishName(id: string): string {
  return archiveCatalog().catalog.glossary.find((item) => item.id === id)?.names.en ?? id;
}
