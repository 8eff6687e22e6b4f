/** Reading a document's language versions: the source, and the version for a reader of one language. */
import type { Language } from './languages';
import type { BlockFate } from './schema';
import type { Block, EditionRecord, TextProgress } from './types';

/** A document or its summary: anything with a source language and language versions. */
export interface WithTexts<T> {
  slug: string;
  source: Language;
  texts: Partial<Record<Language, T>>;
}

/** The source text of a document (or its summary); every document has one (the validator makes sure). */
export function sourceText<T>(document: WithTexts<T>): T {
  const text = document.texts[document.source];
  if (!text) throw new Error(`the document ${document.slug} has no source text`);
  return text;
}

/**
 * The text to use for a reader of `language`: that language's version when it exists, else the
 * source. Callers mark the result with its own `lang`.
 */
export function textFor<T>(document: WithTexts<T>, language: Language): T {
  return document.texts[language] ?? sourceText(document);
}

/** The one edition of a document that has no `editions.yaml`: edition 1, without a recorded date. */
export function firstEditionOnly(): EditionRecord[] {
  return [{ number: 1, changes: {}, fates: {} }];
}

/** The current edition of a document (or of its summary): the last of its editions. */
export function currentEdition<T extends { number: number }>(document: { slug: string; editions: T[] }): T {
  const edition = document.editions.at(-1);
  if (!edition) throw new Error(`the document ${document.slug} has no edition`);
  return edition;
}

/** Edition `n` of a document (or of its summary), or undefined when it has no such edition. */
export function editionRecord<T extends { number: number }>(document: { editions: T[] }, n: number): T | undefined {
  return document.editions.find((edition) => edition.number === n);
}

/** The editions a document has superseded (all but the current one), oldest first. */
export function pastEditions<T extends { number: number }>(document: { editions: T[] }): T[] {
  return document.editions.slice(0, -1);
}

/**
 * For the `lang` version of a document: by block ID or note ID, the latest edition whose changelog of
 * that language names it, or that gave it the text of a block split or merged into it (a fate). A
 * block or note absent from the map is as it was in edition 1.
 */
export function lastChangedIn(document: { editions: EditionRecord[] }, lang: Language): Map<string, number> {
  const changed = new Map<string, number>();
  for (const edition of document.editions) {
    for (const change of edition.changes[lang] ?? []) {
      for (const id of [...change.blocks, ...change.notes]) changed.set(id, edition.number);
    }
    for (const fate of Object.values(edition.fates)) {
      for (const id of 'split' in fate ? fate.split : 'merged' in fate ? [fate.merged] : []) changed.set(id, edition.number);
    }
  }
  return changed;
}

/** A block ID that an edition retired: the edition, and whether the block was removed, split or merged. */
export interface RetiredBlock {
  edition: number;
  fate: BlockFate;
}

/**
 * By block ID: the block IDs a document no longer has, each with the edition that retired it and its
 * fate, so that a link to one can say where its text went.
 */
export function retiredBlocks(document: { editions: EditionRecord[] }): Map<string, RetiredBlock> {
  const retired = new Map<string, RetiredBlock>();
  for (const edition of document.editions) {
    for (const [id, fate] of Object.entries(edition.fates)) retired.set(id, { edition: edition.number, fate });
  }
  return retired;
}

/** A language version as far as its title goes: a translation may have none yet (`title` left out). */
interface Titled {
  lang: Language;
  frontMatter: { title?: string };
}

/**
 * The title of a document for a reader of `language`, with the language it is in: that version's
 * title when it has one, else the source's (whose title the validator requires).
 */
export function titleFor(document: WithTexts<Titled>, language: Language): { title: string; lang: Language } {
  const own = document.texts[language];
  if (own?.frontMatter.title !== undefined) return { title: own.frontMatter.title, lang: own.lang };
  const source = sourceText(document);
  return { title: source.frontMatter.title ?? document.slug, lang: source.lang };
}

/** How much of a language version is translated: its sentences, and how many are not yet (`:untranslated`). */
export function textProgress(text: { blocks: readonly Pick<Block, 'sentences'>[] }): TextProgress {
  const sentences = text.blocks.flatMap((block) => block.sentences);
  return { sentences: sentences.length, untranslated: sentences.filter((sentence) => sentence.untranslated).length };
}

/** A language version, or its summary in the catalog: enough to tell how much of it is translated. */
export type Versioned = { blocks: readonly Pick<Block, 'sentences'>[] } | { progress: TextProgress };

/** The share of a version that is translated, in whole percent, rounded down (100 only when nothing is left). */
export function translatedPercent(text: Versioned): number {
  const { sentences, untranslated } = 'progress' in text ? text.progress : textProgress(text);
  return sentences === 0 ? 100 : Math.floor((100 * (sentences - untranslated)) / sentences);
}

/** True when a version has any translated text (a source always has). */
export function hasText(text: Versioned): boolean {
  const { sentences, untranslated } = 'progress' in text ? text.progress : textProgress(text);
  return sentences > untranslated;
}

/** The language versions of `texts` that have any translated text. */
export function versionsWithText<T extends Versioned>(texts: Partial<Record<Language, T>>): Partial<Record<Language, T>> {
  const result: Partial<Record<Language, T>> = {};
  for (const [language, text] of Object.entries(texts) as Array<[Language, T | undefined]>) {
    if (text && hasText(text)) result[language] = text;
  }
  return result;
}
