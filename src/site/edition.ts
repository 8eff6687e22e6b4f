import 'server-only';
import { loadEdition } from '../content/load';
import type { Language } from '../content/languages';
import type { DocumentText, Edition, EditionDocument, GlossaryItem } from '../content/types';

let loading: Promise<Edition> | undefined;

/**
 * The edition, loaded once per build process: the content cannot change while the site is being
 * rendered. `loadEdition` throws with the validator's report when the content has errors, which
 * stops the build.
 */
export function getEdition(): Promise<Edition> {
  loading ??= loadEdition();
  return loading;
}

export async function getDocument(slug: string): Promise<EditionDocument | undefined> {
  const edition = await getEdition();
  return edition.documents.find((document) => document.slug === slug);
}

export async function getGlossaryIndex(): Promise<Map<string, GlossaryItem>> {
  const edition = await getEdition();
  return new Map(edition.glossary.map((item) => [item.id, item]));
}

/** The source text of a document; every document has one (the validator makes sure). */
export function sourceText(document: EditionDocument): DocumentText {
  const text = document.texts[document.source];
  if (!text) throw new Error(`the document ${document.slug} has no source text`);
  return text;
}

/**
 * The text to use for a reader of `language`: that language's version when it exists, else the
 * source. Callers mark the result with its own `lang`.
 */
export function textFor(document: EditionDocument, language: Language): DocumentText {
  return document.texts[language] ?? sourceText(document);
}
