import 'server-only';
import { languages, type Language } from '../model/languages';
import type { BlockFate } from '../model/schema';
import type { ArchiveDocument, EditionRecord, GlossaryItem } from '../model/types';
import { currentEdition, editionRecord } from '../model/document';
import { blockSuccessors, diffEditions, type LanguageDiff } from '../editions/diff';
import { changeAnchor } from '../contract/paths';
import { siteContent } from './content';

/**
 * What the edition pages, the changelog and the reading page's marks read of a document's editions:
 * the text of any edition (the document itself for the current one, the content cache's copy for a
 * superseded one), what changed from one edition to the next, and where a block of a superseded
 * edition stands in the current text.
 */

/** One edition's text, shaped as a document so that the reading components render it as they render the current one. */
export interface EditionText {
  record: EditionRecord;
  /** The document as it stood in this edition: its texts, and its editions up to this one. */
  document: ArchiveDocument;
  /** The glossary its mentions and tooltips show: the entries as they stood, over the current glossary. */
  glossary: ReadonlyMap<string, GlossaryItem>;
  /** Whether a later edition superseded it. */
  superseded: boolean;
}

/** The text of edition `number` of `document`, or undefined when the document has no such edition. */
export async function editionText(document: ArchiveDocument, number: number): Promise<EditionText | undefined> {
  const record = editionRecord(document, number);
  if (!record) return undefined;
  const glossary = await siteContent().glossaryIndex();
  if (record === currentEdition(document)) return { record, document, glossary, superseded: false };
  const past = await siteContent().pastEdition(document.slug, number);
  if (!past) return undefined;
  const editions = document.editions.filter((edition) => edition.number <= number);
  return {
    record,
    document: { slug: document.slug, source: past.source, texts: past.texts, editions },
    glossary: new Map([...glossary, ...past.glossary.map((item): [string, GlossaryItem] => [item.id, item])]),
    superseded: true,
  };
}

/** The fates of every edition after `from` up to and including `to`, oldest first: what the diff follows. */
export function fatesBetween(document: ArchiveDocument, from: number, to: number): Record<string, BlockFate>[] {
  return document.editions.filter((edition) => edition.number > from && edition.number <= to).map((edition) => edition.fates);
}

/**
 * The diffs computed for each document, by pair of editions: the reading page and the changelog of
 * every interface language ask for the same ones. Held only as long as the document itself (the
 * content cache keeps a few recent ones), so memory stays flat.
 */
const diffsOf = new WeakMap<ArchiveDocument, Map<string, Promise<LanguageDiff[]>>>();

/** What changed in each language version from edition `from` to edition `to` of `document`. */
export function editionDiffs(document: ArchiveDocument, from: number, to: number): Promise<LanguageDiff[]> {
  const pairs = diffsOf.get(document) ?? new Map<string, Promise<LanguageDiff[]>>();
  diffsOf.set(document, pairs);
  const key = `${from}-${to}`;
  let diffs = pairs.get(key);
  if (!diffs) {
    diffs = computeDiffs(document, from, to);
    pairs.set(key, diffs);
    diffs.catch(() => pairs.delete(key));
  }
  return diffs;
}

async function computeDiffs(document: ArchiveDocument, from: number, to: number): Promise<LanguageDiff[]> {
  const [older, newer] = await Promise.all([editionText(document, from), editionText(document, to)]);
  if (!older || !newer) throw new Error(`the document ${document.slug} has no edition ${older ? to : from}`);
  const fates = fatesBetween(document, from, to);
  return languages.filter((language) => older.document.texts[language] || newer.document.texts[language]).map((language) => diffEditions(older.document, newer.document, fates, language));
}

/** Where the reading page marks a block as changed: the edition that last changed it, and the anchor of that change on the changelog. */
export interface ChangeMark {
  edition: number;
  anchor: string;
}

/**
 * For each language version of `document`, the blocks of its current text that some edition changed
 * (or made, by a split or merge, or added), each with the last edition that did: the reading page's
 * "changed in edition N" marks. Empty for a document in its first edition.
 */
export async function changeMarks(document: ArchiveDocument): Promise<Map<Language, Map<string, ChangeMark>>> {
  const marks = new Map<Language, Map<string, ChangeMark>>();
  for (const [index, edition] of document.editions.entries()) {
    if (index === 0) continue;
    const previous = document.editions[index - 1].number;
    for (const diff of await editionDiffs(document, previous, edition.number)) {
      const language = marks.get(diff.language) ?? new Map<string, ChangeMark>();
      marks.set(diff.language, language);
      for (const change of diff.blocks) {
        for (const block of change.after) language.set(block.id, { edition: edition.number, anchor: changeAnchor(edition.number, diff.language, change.id) });
      }
    }
  }
  // A block changed in an edition and merged away in a later one has no place in the current text.
  for (const [language, blocks] of marks) {
    const current = new Set(document.texts[language]?.blocks.map((block) => block.id) ?? []);
    for (const id of blocks.keys()) if (!current.has(id)) blocks.delete(id);
  }
  return marks;
}

/**
 * For each block of edition `number`, the block of the current text it became (the first, if it was
 * split): the place the superseded page links each paragraph to. Absent when the block was removed.
 */
export function currentPlaces(document: ArchiveDocument, number: number, ids: readonly string[]): Map<string, string> {
  const successors = blockSuccessors(ids, fatesBetween(document, number, currentEdition(document).number));
  const current = new Set(Object.values(document.texts).flatMap((text) => text.blocks.map((block) => block.id)));
  const places = new Map<string, string>();
  for (const [id, next] of successors) {
    const found = next.find((candidate) => current.has(candidate));
    if (found) places.set(id, found);
  }
  return places;
}
