import 'server-only';
import { readFile } from 'node:fs/promises';
import { cacheFolder, cacheFormat, cachePaths } from '../content/catalog';
import type { Language } from '../content/languages';
import { slugPattern } from '../content/schema';
import type { Catalog, DocumentSummary, EditionDocument, EntryDocumentMentions, EntryMentions, GlossaryItem } from '../content/types';

/**
 * The edition as the site reads it: from the content cache that `npm run content` writes (the first
 * step of `npm run build` and `npm run dev`), never from the content itself, so that no build worker
 * runs the pipeline. The catalog is read once per process; documents one at a time, a few kept; the
 * mentions of a glossary entry when its page asks for them, none kept.
 *
 * In development nothing is kept: run `npm run content` after editing content and reload the page.
 */

const paths = cachePaths(process.cwd());
const keep = process.env.NODE_ENV !== 'development';

/** The content cache is missing, from an older version, or does not match its catalog. */
export class ContentCacheError extends Error {
  constructor(problem: string) {
    super(`${problem}: run \`npm run build\` (or \`npm run content\`) to write the content cache ${cacheFolder}/ first.`);
    this.name = 'ContentCacheError';
    // The sentence says all there is to do; a stack trace would only hide it.
    this.stack = `${this.name}: ${this.message}`;
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

/** Reads one JSON file of the cache; a missing file is a `ContentCacheError`, not a stack trace of ENOENT. */
async function readCacheFile(path: string, name: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    if (isMissing(error)) throw new ContentCacheError(`The content cache has no ${name}`);
    throw error;
  }
}

interface LoadedCatalog {
  catalog: Catalog;
  bySlug: Map<string, DocumentSummary>;
  glossary: Map<string, GlossaryItem>;
}

let loadingCatalog: Promise<LoadedCatalog> | undefined;

async function readCatalog(): Promise<LoadedCatalog> {
  // Written by src/content/cache.ts from the same types; its format number guards against an older layout.
  const catalog = (await readCacheFile(paths.catalog, 'catalog.json')) as Catalog;
  if (catalog.format !== cacheFormat) throw new ContentCacheError(`The content cache is of format ${catalog.format}, this site reads format ${cacheFormat}`);
  return {
    catalog,
    bySlug: new Map(catalog.documents.map((summary) => [summary.slug, summary])),
    glossary: new Map(catalog.glossary.map((item) => [item.id, item])),
  };
}

function loadCatalog(): Promise<LoadedCatalog> {
  if (!keep) return readCatalog();
  loadingCatalog ??= readCatalog().catch((error: unknown) => {
    loadingCatalog = undefined;
    throw error;
  });
  return loadingCatalog;
}

/** The edition summed up: glossary, document summaries and how often each entry is mentioned. Read once per process. */
export async function getCatalog(): Promise<Catalog> {
  return (await loadCatalog()).catalog;
}

/** Glossary entries by ID. */
export async function getGlossaryIndex(): Promise<Map<string, GlossaryItem>> {
  return (await loadCatalog()).glossary;
}

/** The summary of one document (front matter and first paragraph of each version), or undefined. */
export async function getSummary(slug: string): Promise<DocumentSummary | undefined> {
  return (await loadCatalog()).bySlug.get(slug);
}

/**
 * Every mention of a glossary entry, by document (in slug order): empty for an entry that is not
 * mentioned, undefined when the glossary has no entry of that ID.
 */
export async function getMentions(entryId: string): Promise<EntryDocumentMentions[] | undefined> {
  // Checked before any path is built from it: an ID never reaches the file system unless it is an entry's.
  if (!slugPattern.test(entryId)) return undefined;
  const { catalog, glossary } = await loadCatalog();
  if (!glossary.has(entryId)) return undefined;
  if (!Object.hasOwn(catalog.mentions, entryId)) return [];
  try {
    // Written by src/content/cache.ts from the same type.
    return ((await readCacheFile(paths.entryMentions(entryId), `mentions/${entryId}.json`)) as EntryMentions).documents;
  } catch (error) {
    if (error instanceof ContentCacheError) throw new ContentCacheError(`The content cache counts mentions of \`${entryId}\` but has no mentions/${entryId}.json`);
    throw error;
  }
}

/**
 * Documents read most recently, oldest first. A page's metadata and the page itself ask for the same
 * document one after the other; a handful is enough, and memory stays flat however many documents
 * the edition has.
 */
const recent = new Map<string, Promise<EditionDocument>>();
const recentLimit = 4;

async function readDocument(slug: string): Promise<EditionDocument> {
  try {
    // Written by src/content/cache.ts from the same type.
    return (await readCacheFile(paths.document(slug), `documents/${slug}.json`)) as EditionDocument;
  } catch (error) {
    if (error instanceof ContentCacheError) throw new ContentCacheError(`The content cache lists \`${slug}\` but has no documents/${slug}.json`);
    throw error;
  }
}

/** One document, or undefined when the edition has no document of that slug. */
export async function getDocument(slug: string): Promise<EditionDocument | undefined> {
  // Checked before any path is built from it: a slug never reaches the file system unless it is one.
  if (!slugPattern.test(slug)) return undefined;
  if (!(await loadCatalog()).bySlug.has(slug)) return undefined;
  if (!keep) return readDocument(slug);
  let document = recent.get(slug);
  if (document) {
    recent.delete(slug);
  } else {
    document = readDocument(slug);
    document.catch(() => recent.delete(slug));
  }
  recent.set(slug, document);
  for (const oldest of recent.keys()) {
    if (recent.size <= recentLimit) break;
    recent.delete(oldest);
  }
  return document;
}

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
