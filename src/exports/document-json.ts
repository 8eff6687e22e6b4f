/**
 * The JSON export of one document: every block and sentence with its ID and its text in each language,
 * the glossary entries each block mentions (with the words each language uses), the notes, the
 * provenance of each language version, and the edition the file holds (its number, date and summary:
 * a past edition's export says its own, see ./edition.ts). Its shape is `documentExportSchema` (zod), published as JSON
 * Schema at `/schemas/document.schema.json` (`public/schemas/`, written by
 * `tsx src/exports/write-schema.ts`; a unit test keeps the file and this module in step).
 */
import { z } from 'zod';
import { languages, type Language } from '../model/languages';
import { glossaryKinds } from '../model/schema';
import type { ArchiveDocument, GlossaryItem } from '../model/types';
import { alignedBlocks, joinSentences } from './alignment-groups';
import { exportedEdition } from './edition';

/** Version of the export's shape; raised whenever the shape changes (2: the edition the file holds; 3: a version's title is absent while untranslated). */
export const documentExportFormat = 3;

/** File name of the published schema: `public/schemas/<name>`, served at `/schemas/<name>`. */
export const documentSchemaName = 'document.schema.json';

const language = z.enum(languages).describe('A language of the edition: ru (Russian), ja (Japanese), en (English).');
const text = z.string().min(1);

/** One value per language version present; languages without a version are absent. */
const perLanguage = <T extends z.ZodType>(value: T, description: string) =>
  z.strictObject({ ru: value.optional(), ja: value.optional(), en: value.optional() }).describe(description);

const sentenceId = z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.[1-9]\d*[a-z]?$/);
const blockId = z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
const entryId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

export const documentExportSchema = z
  .strictObject({
    $schema: z.string().describe('Address of this JSON Schema: absolute when the site was built with its address, else root-relative.'),
    format: z.literal(documentExportFormat).describe('Version of this export format.'),
    slug: entryId.describe('The document’s identifier, as in its addresses.'),
    source: language.describe('The language of the source text.'),
    date: z.iso.date().describe('Date of the statement, YYYY-MM-DD.'),
    permalink: z
      .url()
      .optional()
      .describe('The page of this text on this site: the reading page for the current edition, the edition’s own page for a past one; `#<block ID>` links to a block. Absent when the site was built without its address.'),
    edition: z
      .strictObject({
        number: z.int().min(1).describe('The edition this file holds: 1, 2, 3 … A document is corrected or revised in numbered editions, each kept at its own address.'),
        date: z.iso.date().optional().describe('When this edition was published, YYYY-MM-DD. Absent only for a document in its first edition with no recorded date.'),
        summary: perLanguage(text, 'What this edition changed, in each language (from edition 2).').optional(),
        permalink: z.url().optional().describe('The permanent page of this edition on this site. Absent when the site was built without its address.'),
      })
      .describe('The edition of the document this file holds.'),
    versions: z
      .array(
        z.strictObject({
          lang: language,
          role: z.enum(['source', 'translation']).describe('source: the original text; translation: a rendering of it.'),
          official: z.boolean().describe('true: published by the issuer; false: an unofficial translation made for this edition.'),
          title: text.optional().describe('The title in this language; absent while it is not yet translated.'),
          place: text.describe('Where the statement was made, in this language.'),
          issuer: text.describe('The body that issued the statement, as this version names it.'),
          translator: text.optional().describe('Who made this translation (unofficial versions).'),
          method: text.optional().describe('How the translation was made and checked (unofficial versions).'),
          url: z.url().optional().describe('Where the issuer published this version, if known.'),
          archive: z.url().optional().describe('An archived copy of that publication, if one is known.'),
        }),
      )
      .describe('The language versions, in canonical order (ru, ja, en).'),
    blocks: z
      .array(
        z.strictObject({
          id: blockId.describe('Block ID, the same in every language (`s1-1-p2`).'),
          kind: z.enum(['heading', 'paragraph']),
          depth: z.int().min(0).max(6).describe('Heading level; 0 for paragraphs.'),
          text: perLanguage(z.string(), 'The plain text of the block in each language.'),
          sentences: z
            .array(
              z.strictObject({
                ids: z.array(sentenceId).min(1).describe('Source sentence IDs (`s1-1-p2.1`): one, or several where a translation joins sentences.'),
                text: perLanguage(z.string(), 'The text of these sentences in each language.'),
              }),
            )
            .describe('Sentence alignment groups, in source order: the smallest sets of source sentences every language renders as a whole.'),
          mentions: z
            .array(
              z.strictObject({
                entry: entryId.describe('Glossary entry ID (see `glossary`).'),
                labels: perLanguage(z.array(text).min(1), 'The words each language uses for the entry in this block, in reading order.'),
              }),
            )
            .describe('Glossary entries mentioned in the block, in order of first mention.'),
          notes: z.array(entryId).describe('IDs of the notes anchored in this block (in any language).'),
        }),
      )
      .describe('Every heading and paragraph, in reading order.'),
    notes: z
      .array(
        z.strictObject({
          id: entryId,
          kind: z.enum(['editorial', 'translator']).describe('editorial: about the text and its edition; translator: about a rendering.'),
          text: perLanguage(text, 'The note in each language.'),
          anchors: z
            .array(z.strictObject({ lang: language, block: blockId, label: z.string().describe('The words the note is about; empty for a point.') }))
            .describe('Where the note is anchored.'),
        }),
      )
      .describe('Editorial and translator’s notes, in order.'),
    glossary: z
      .array(
        z.strictObject({
          id: entryId,
          kind: z.enum(glossaryKinds),
          names: z.strictObject({ ru: text, ja: text, en: text }).describe('The established name in each language.'),
          wikidata: z.string().regex(/^Q[1-9][0-9]*$/).optional().describe('Wikidata item ID.'),
        }),
      )
      .describe('The glossary entries this document mentions, in glossary order.'),
  })
  .describe('One document of the Diplomatic Records Reader: every language version, aligned by block and sentence.');

export type DocumentExport = z.infer<typeof documentExportSchema>;

/** The JSON Schema of the export, as published. */
export function documentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(documentExportSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}

export interface DocumentJsonOptions {
  /** Address of the schema (root-relative when the site's address is unknown). */
  schemaUrl: string;
  /** Absolute address of the document's reading page (of the edition's page, for a past edition); left out when the site's address is unknown. */
  permalink?: string;
  /** Absolute address of the exported edition's permanent page; left out when the site's address is unknown. */
  editionPermalink?: string;
}

function perLanguageOf<T>(build: (language: Language) => T | undefined): Partial<Record<Language, T>> {
  const result: Partial<Record<Language, T>> = {};
  for (const language of languages) {
    const value = build(language);
    if (value !== undefined) result[language] = value;
  }
  return result;
}

export function toDocumentJson(document: ArchiveDocument, glossary: ReadonlyMap<string, GlossaryItem>, options: DocumentJsonOptions): DocumentExport {
  const texts = languages.flatMap((lang) => document.texts[lang] ?? []);
  const source = texts.find((text) => text.lang === document.source);
  const edition = exportedEdition(document);
  const mentioned = new Set(texts.flatMap((text) => text.mentions.map((mention) => mention.ref)));

  const blocks = alignedBlocks(document).map(({ id, blocks: versions, groups }) => {
    const first = versions[document.source] ?? Object.values(versions)[0];
    const entries = new Map<string, Partial<Record<Language, string[]>>>();
    for (const text of texts) {
      for (const mention of text.mentions) {
        if (mention.block !== id || mention.inNote) continue;
        const labels = entries.get(mention.ref) ?? {};
        entries.set(mention.ref, labels);
        const list = (labels[text.lang] ??= []);
        if (!list.includes(mention.text)) list.push(mention.text);
      }
    }
    const notes = [...new Set(texts.flatMap((text) => text.anchors.filter((anchor) => anchor.block === id && !anchor.inNote).map((anchor) => anchor.ref)))];
    return {
      id,
      kind: first?.kind ?? 'paragraph',
      depth: first?.depth ?? 0,
      text: perLanguageOf((lang) => versions[lang]?.text),
      sentences: groups.map((group) => ({
        ids: group.ids,
        text: perLanguageOf((lang) => {
          const sentences = group.sentences[lang];
          return sentences ? joinSentences(lang, sentences) : undefined;
        }),
      })),
      mentions: [...entries].map(([entry, labels]) => ({ entry, labels })),
      notes,
    };
  });

  const notes = (source?.notes ?? []).map((note) => ({
    id: note.id,
    kind: note.kind,
    text: perLanguageOf((lang) => document.texts[lang]?.notes.find((body) => body.id === note.id)?.text),
    anchors: texts.flatMap((text) =>
      text.anchors.filter((anchor) => anchor.ref === note.id && !anchor.inNote).map((anchor) => ({ lang: text.lang, block: anchor.block, label: anchor.text })),
    ),
  }));

  return {
    $schema: options.schemaUrl,
    format: documentExportFormat,
    slug: document.slug,
    source: document.source,
    date: source?.frontMatter.date ?? texts[0]?.frontMatter.date ?? '',
    ...(options.permalink ? { permalink: options.permalink } : {}),
    edition: {
      number: edition.number,
      ...(edition.date ? { date: edition.date } : {}),
      ...(edition.summary ? { summary: edition.summary } : {}),
      ...(options.editionPermalink ? { permalink: options.editionPermalink } : {}),
    },
    versions: texts.map(({ lang, frontMatter }) => ({
      lang,
      role: frontMatter.role,
      official: frontMatter.provenance.official,
      title: frontMatter.title,
      place: frontMatter.place,
      issuer: frontMatter.provenance.issuer,
      ...(frontMatter.provenance.translator ? { translator: frontMatter.provenance.translator } : {}),
      ...(frontMatter.provenance.method ? { method: frontMatter.provenance.method } : {}),
      ...(frontMatter.provenance.url ? { url: frontMatter.provenance.url } : {}),
      ...(frontMatter.provenance.archive ? { archive: frontMatter.provenance.archive } : {}),
    })),
    blocks,
    notes,
    glossary: [...glossary.values()]
      .filter((item) => mentioned.has(item.id))
      .map((item) => ({ id: item.id, kind: item.kind, names: item.names, ...(item.wikidata ? { wikidata: item.wikidata } : {}) })),
  };
}
