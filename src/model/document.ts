/** Reading a document's language versions: the source, and the version for a reader of one language. */
import type { Language } from './languages';
import type { EditionRecord } from './types';

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
