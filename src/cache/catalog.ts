/**
 * The content cache's layout and the catalog's parts, shared by the writer (`./write.ts`) and the reader
 * (`./read.ts`). No pipeline and no file access.
 *
 * `<root>/.content/catalog.json`: the `Catalog`. `<root>/.content/documents/<slug>.json`: each
 * `ArchiveDocument`, without hast positions. `<root>/.content/mentions/<entry-id>.json`: the
 * `EntryMentions` of each mentioned glossary entry. `<root>/.content/editions/<slug>/<n>.json`: each
 * `PastEdition` of a document (a superseded edition, with its glossary snapshot), without hast positions.
 */
import { join } from 'node:path';
import { textProgress } from '../model/document';
import { languages, type Language } from '../model/languages';
import type { BlockMentions, DocumentMentions, DocumentSummary, ArchiveDocument, TextSummary } from '../model/types';

/** The cache's folder, relative to the project root. Fixed: the site and the writer must agree. */
export const cacheFolder = '.content';

/** Version of the cache's layout; raise it whenever the shape of what is written changes. */
export const cacheFormat = 4;

/** Where the cache of the project at `root` lives. */
export function cachePaths(root: string) {
  const folder = join(root, cacheFolder);
  const documents = join(folder, 'documents');
  const mentions = join(folder, 'mentions');
  const editions = join(folder, 'editions');
  return {
    folder,
    catalog: join(folder, 'catalog.json'),
    documents,
    /** The file of one document; `slug` must match `slugPattern`. */
    document: (slug: string) => join(documents, `${slug}.json`),
    mentions,
    /** The mentions of one glossary entry; `entry` must be a glossary entry ID (`slugPattern`). */
    entryMentions: (entry: string) => join(mentions, `${entry}.json`),
    editions,
    /** The past editions of one document; `slug` must match `slugPattern`. */
    documentEditions: (slug: string) => join(editions, slug),
    /** One past edition of a document; `slug` must match `slugPattern`, `n` be a positive integer. */
    pastEdition: (slug: string, n: number) => join(editions, slug, `${n}.json`),
  };
}

/** What lists and descriptions need of a document: front matter and first paragraph of each version. */
export function summarize(document: ArchiveDocument): DocumentSummary {
  const texts: Partial<Record<Language, TextSummary>> = {};
  for (const lang of languages) {
    const text = document.texts[lang];
    if (!text) continue;
    const translated = text.blocks.filter((block) => !block.untranslated);
    const lead = translated.find((block) => block.kind === 'paragraph' && block.id !== 'dateline') ?? translated[0];
    texts[lang] = { lang, frontMatter: text.frontMatter, lead: text.frontMatter.summary ?? lead?.text ?? '', progress: textProgress(text) };
  }
  const editions = document.editions.map(({ number, date, summary }) => ({ number, date, summary }));
  return { slug: document.slug, source: document.source, texts, editions };
}

/**
 * The mentions of one document, by glossary entry: each block (in the source's reading order) with the
 * distinct labels each language gives the entry there.
 */
export function documentMentions(document: ArchiveDocument): Map<string, DocumentMentions> {
  const order = document.texts[document.source]?.blocks.map((block) => block.id) ?? [];
  const perEntry = new Map<string, Map<string, BlockMentions>>();
  for (const language of languages) {
    for (const mention of document.texts[language]?.mentions ?? []) {
      const blocks = perEntry.get(mention.ref) ?? new Map<string, BlockMentions>();
      perEntry.set(mention.ref, blocks);
      const entry = blocks.get(mention.block) ?? { block: mention.block, labels: [] };
      blocks.set(mention.block, entry);
      if (!entry.labels.some((label) => label.language === language && label.text === mention.text)) {
        entry.labels.push({ language, text: mention.text });
      }
    }
  }
  const result = new Map<string, DocumentMentions>();
  for (const [ref, blocks] of perEntry) {
    const sorted = [...blocks.values()].sort((a, b) => order.indexOf(a.block) - order.indexOf(b.block));
    result.set(ref, { slug: document.slug, blocks: sorted });
  }
  return result;
}
