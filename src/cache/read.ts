/**
 * The one reader of the content cache that `./write.ts` writes (`npm run content`, the first step of
 * `npm run build` and `npm run dev`). The site, the search index, the exports and the bench read content
 * through it, never from `content/` itself, so that no build worker runs the pipeline.
 *
 * Every file is parsed and checked here once: the catalog's format number first (a cache written by
 * another version is refused, not misread), then the fields every reader relies on. The cache is
 * written by `./write.ts` from the same types, so the depths of a document (its hast trees) are taken
 * as written. A missing or malformed file is a `ContentCacheError` that says what to run, never a
 * stack trace of ENOENT or a TypeError further on.
 *
 * A cache opened with `keep` reads its catalog once and keeps a handful of recent documents and past
 * editions (a page's metadata and the page itself ask for the same one in turn); memory stays flat
 * however many documents and editions the archive has. Without `keep` nothing is kept (development,
 * and one-pass readers).
 */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { z } from 'zod';
import { languages } from '../model/languages';
import { slugPattern } from '../model/schema';
import { currentEdition } from '../model/document';
import type { Catalog, DocumentSummary, ArchiveDocument, EntryDocumentMentions, EntryMentions, GlossaryItem, PastEdition } from '../model/types';
import { cacheFolder, cacheFormat, cachePaths } from './catalog';

/** The content cache is missing, from an older version, or does not match its catalog. */
export class ContentCacheError extends Error {
  constructor(problem: string) {
    super(`${problem}: run \`npm run build\` (or \`npm run content\`) to write the content cache ${cacheFolder}/ first.`);
    this.name = 'ContentCacheError';
    // The sentence says all there is to do; a stack trace would only hide it.
    this.stack = `${this.name}: ${this.message}`;
  }
}

const language = z.enum(languages);
const texts = z.partialRecord(language, z.looseObject({ lang: language, frontMatter: z.looseObject({ title: z.string() }) }));
const editions = z.array(z.looseObject({ number: z.number().int().positive(), date: z.string().optional() })).min(1);
const documentShape = z.looseObject({ slug: z.string(), source: language, texts, editions });
const catalogShape = z.object({
  format: z.literal(cacheFormat),
  glossary: z.array(z.looseObject({ id: z.string() })),
  documents: z.array(documentShape),
  mentions: z.record(z.string(), z.object({ mentions: z.number(), documents: z.number() })),
});
const fullTexts = z.partialRecord(language, z.looseObject({ lang: language, blocks: z.array(z.looseObject({ id: z.string() })), notes: z.array(z.unknown()) }));
const fullDocumentShape = documentShape.extend({
  texts: fullTexts,
  editions: z.array(z.looseObject({ number: z.number().int().positive(), changes: z.record(z.string(), z.array(z.unknown())), fates: z.record(z.string(), z.unknown()) })).min(1),
});
const pastEditionShape = z.looseObject({ slug: z.string(), number: z.number().int().positive(), source: language, texts: fullTexts, glossary: z.array(z.looseObject({ id: z.string() })) });
const entryMentionsShape = z.object({ entry: z.string(), documents: z.array(z.looseObject({ slug: z.string(), blocks: z.array(z.unknown()) })) });

/** What the cache of one project holds, read on demand. */
export interface ContentCache {
  /** The archive summed up: glossary, document summaries and how often each entry is mentioned. */
  catalog(): Promise<Catalog>;
  /** Glossary entries by ID. */
  glossaryIndex(): Promise<Map<string, GlossaryItem>>;
  /** The summary of one document (front matter and first paragraph of each version), or undefined. */
  summary(slug: string): Promise<DocumentSummary | undefined>;
  /** One document, or undefined when the archive has no document of that slug. */
  document(slug: string): Promise<ArchiveDocument | undefined>;
  /**
   * Edition `n` of a document, superseded and kept word for word, with the glossary entries it
   * mentions as they stood; undefined when the archive has no document of that slug or `n` is not one
   * of its past editions (the current edition is `document(slug)`).
   */
  pastEdition(slug: string, n: number): Promise<PastEdition | undefined>;
  /**
   * Every mention of a glossary entry, by document (in slug order): empty for an entry that is not
   * mentioned, undefined when the glossary has no entry of that ID.
   */
  mentions(entryId: string): Promise<EntryDocumentMentions[] | undefined>;
}

export interface ContentCacheOptions {
  /** Keep the catalog and a few recent documents between calls. Default: true. */
  keep?: boolean;
}

interface LoadedCatalog {
  catalog: Catalog;
  bySlug: Map<string, DocumentSummary>;
  glossary: Map<string, GlossaryItem>;
}

/** How many recently read documents a cache opened with `keep` holds. */
const recentLimit = 4;

/** Opens the content cache of the project at `root`. Nothing is read until asked for. */
export function openContentCache(root: string, { keep = true }: ContentCacheOptions = {}): ContentCache {
  const paths = cachePaths(root);

  /** Reads and parses one file of the cache; `problem` says what a missing file means. */
  async function readJson(path: string, problem: string): Promise<unknown> {
    const name = relative(paths.folder, path);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      const missing = error instanceof Error && 'code' in error && error.code === 'ENOENT';
      throw new ContentCacheError(missing ? problem : `The content cache's ${name} cannot be read (${error instanceof Error ? error.message : String(error)})`);
    }
    try {
      return JSON.parse(text);
    } catch {
      throw new ContentCacheError(`The content cache's ${name} is not JSON (a run stopped while writing it?)`);
    }
  }

  /** `value`, read from `path`, once its shape is checked; `T` is the type the writer wrote it from. */
  function checked<T>(value: unknown, path: string, shape: z.ZodType): T {
    const result = shape.safeParse(value);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new ContentCacheError(`The content cache's ${relative(paths.folder, path)} does not have the expected shape (${issue.path.join('.') || 'the file'}: ${issue.message})`);
    }
    // Written by ./write.ts from this type; its parts every reader relies on were checked above.
    return value as T;
  }

  /** Reads one file of the cache and checks its shape. */
  async function readChecked<T>(path: string, shape: z.ZodType, problem: string): Promise<T> {
    return checked<T>(await readJson(path, problem), path, shape);
  }

  async function readCatalog(): Promise<LoadedCatalog> {
    const raw = await readJson(paths.catalog, 'The content cache has no catalog.json');
    // The format first: a cache of another layout is refused by its number, not by a shape it lacks.
    const format = raw !== null && typeof raw === 'object' && 'format' in raw ? raw.format : undefined;
    if (format !== cacheFormat) throw new ContentCacheError(`The content cache is of format ${String(format)}, this version reads format ${cacheFormat}`);
    const catalog = checked<Catalog>(raw, paths.catalog, catalogShape);
    return {
      catalog,
      bySlug: new Map(catalog.documents.map((summary) => [summary.slug, summary])),
      glossary: new Map(catalog.glossary.map((item) => [item.id, item])),
    };
  }

  let loadingCatalog: Promise<LoadedCatalog> | undefined;
  function loadCatalog(): Promise<LoadedCatalog> {
    if (!keep) return readCatalog();
    loadingCatalog ??= readCatalog().catch((error: unknown) => {
      loadingCatalog = undefined;
      throw error;
    });
    return loadingCatalog;
  }

  async function readDocument(slug: string): Promise<ArchiveDocument> {
    const document = await readChecked<ArchiveDocument>(paths.document(slug), fullDocumentShape, `The content cache lists \`${slug}\` but has no documents/${slug}.json`);
    if (document.slug !== slug) throw new ContentCacheError(`The content cache's documents/${slug}.json holds \`${document.slug}\``);
    return document;
  }

  async function readPastEdition(slug: string, n: number, current: number): Promise<PastEdition> {
    const name = `editions/${slug}/${n}.json`;
    const edition = await readChecked<PastEdition>(paths.pastEdition(slug, n), pastEditionShape, `The content cache has \`${slug}\` in edition ${current} but no ${name}`);
    if (edition.slug !== slug || edition.number !== n) throw new ContentCacheError(`The content cache's ${name} holds edition ${edition.number} of \`${edition.slug}\``);
    return edition;
  }

  /** Documents and past editions read most recently, oldest first (with `keep`). */
  const recent = new Map<string, Promise<ArchiveDocument>>();
  const recentEditions = new Map<string, Promise<PastEdition>>();

  /** `read()`, or the same read made recently under `key`; at most `recentLimit` are kept. */
  function remembered<T>(kept: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> {
    if (!keep) return read();
    let value = kept.get(key);
    if (value) {
      kept.delete(key);
    } else {
      value = read();
      value.catch(() => kept.delete(key));
    }
    kept.set(key, value);
    for (const oldest of kept.keys()) {
      if (kept.size <= recentLimit) break;
      kept.delete(oldest);
    }
    return value;
  }

  return {
    catalog: async () => (await loadCatalog()).catalog,
    glossaryIndex: async () => (await loadCatalog()).glossary,
    summary: async (slug) => (await loadCatalog()).bySlug.get(slug),
    async document(slug) {
      // Checked before any path is built from it: a slug never reaches the file system unless it is one.
      if (!slugPattern.test(slug)) return undefined;
      if (!(await loadCatalog()).bySlug.has(slug)) return undefined;
      return remembered(recent, slug, () => readDocument(slug));
    },
    async pastEdition(slug, n) {
      // Checked before any path is built from them: only a slug and a positive integer reach the file system.
      if (!slugPattern.test(slug) || !Number.isSafeInteger(n) || n < 1) return undefined;
      const summary = (await loadCatalog()).bySlug.get(slug);
      if (!summary) return undefined;
      const current = currentEdition(summary).number;
      if (n >= current) return undefined;
      return remembered(recentEditions, `${slug}/${n}`, () => readPastEdition(slug, n, current));
    },
    async mentions(entryId) {
      // Checked before any path is built from it: an ID never reaches the file system unless it is an entry's.
      if (!slugPattern.test(entryId)) return undefined;
      const { catalog, glossary } = await loadCatalog();
      if (!glossary.has(entryId)) return undefined;
      if (!Object.hasOwn(catalog.mentions, entryId)) return [];
      const file = await readChecked<EntryMentions>(
        paths.entryMentions(entryId),
        entryMentionsShape,
        `The content cache counts mentions of \`${entryId}\` but has no mentions/${entryId}.json`,
      );
      return file.documents;
    },
  };
}
