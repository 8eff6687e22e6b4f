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
 * A cache opened with `keep` reads its catalog once and keeps a handful of recent documents (a page's
 * metadata and the page itself ask for the same one in turn); memory stays flat however many
 * documents the archive has. Without `keep` nothing is kept (development, and one-pass readers).
 */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { z } from 'zod';
import { languages } from '../model/languages';
import { slugPattern } from '../model/schema';
import type { Catalog, DocumentSummary, ArchiveDocument, EntryDocumentMentions, EntryMentions, GlossaryItem } from '../model/types';
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
const documentShape = z.looseObject({ slug: z.string(), source: language, texts });
const catalogShape = z.object({
  format: z.literal(cacheFormat),
  glossary: z.array(z.looseObject({ id: z.string() })),
  documents: z.array(documentShape),
  mentions: z.record(z.string(), z.object({ mentions: z.number(), documents: z.number() })),
});
const fullDocumentShape = documentShape.extend({
  texts: z.partialRecord(language, z.looseObject({ lang: language, blocks: z.array(z.looseObject({ id: z.string() })), notes: z.array(z.unknown()) })),
});
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

  /** Documents read most recently, oldest first. */
  const recent = new Map<string, Promise<ArchiveDocument>>();

  return {
    catalog: async () => (await loadCatalog()).catalog,
    glossaryIndex: async () => (await loadCatalog()).glossary,
    summary: async (slug) => (await loadCatalog()).bySlug.get(slug),
    async document(slug) {
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
