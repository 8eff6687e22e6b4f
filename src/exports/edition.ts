/**
 * Which edition an export carries. Every export function takes a document whose last edition is the
 * one it exports: the current document as it is, or a past edition laid out as a document
 * (`pastEditionDocument`) whose editions end at it, so that the export of edition 1 says edition 1 and
 * its history stops there.
 */
import { currentEdition } from '../model/document';
import type { ArchiveDocument, EditionRecord, PastEdition } from '../model/types';

/** The edition `document` is in: its last. */
export function exportedEdition(document: Pick<ArchiveDocument, 'slug' | 'editions'>): EditionRecord {
  return currentEdition(document);
}

/**
 * A past edition as a document to export: its own texts, and the document's editions up to and
 * including it. Fails when `past` is not an edition of `document` before its current one.
 */
export function pastEditionDocument(document: ArchiveDocument, past: PastEdition): ArchiveDocument {
  const index = document.editions.findIndex((edition) => edition.number === past.number);
  if (past.slug !== document.slug || index < 0 || index === document.editions.length - 1) {
    throw new Error(`${past.slug} edition ${past.number} is not a past edition of ${document.slug}`);
  }
  return { slug: document.slug, source: past.source, texts: past.texts, editions: document.editions.slice(0, index + 1) };
}

/** The glossary of a past edition as the exports take it: by entry ID. */
export function pastEditionGlossary(past: PastEdition): Map<string, PastEdition['glossary'][number]> {
  return new Map(past.glossary.map((item) => [item.id, item]));
}
