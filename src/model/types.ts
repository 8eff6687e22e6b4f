/**
 * What the pipeline makes of the content: the typed model that the validator checks and the site
 * renders. Produced by the pipeline (`loadDocument()` in src/pipeline/process.ts); the content cache
 * (src/cache/write.ts) stores each document as it is and sums up the archive in a `Catalog`.
 */
import type { Element, ElementContent } from 'hast';
import type { Language } from './languages';
import type { BlockFate, FrontMatter, GlossaryEntry } from './schema';

/** A sentence of a block: one line of it in the Markdown. */
export interface Sentence {
  /**
   * The IDs of the source sentences it renders (`s1-1-p2.1`): one in the source; in a translation
   * usually one, two or more where it renders several source sentences as one.
   */
  ids: string[];
  /** Its plain text. */
  text: string;
  /** 1-based line in its file. */
  line: number;
  /**
   * Not yet translated: the line is `:untranslated` (docs/content-format.md, "Untranslated text"). Its
   * `text` is empty; what it renders is the source's sentence of the same ID, never shown as this text.
   */
  untranslated?: boolean;
}

/** A heading or paragraph of one language version, identified by its block ID. */
export interface Block {
  /** The block ID, shared by every language (`s1-1-p2`). */
  id: string;
  kind: 'heading' | 'paragraph';
  /** Heading level; 0 for paragraphs. */
  depth: number;
  /**
   * The sanitized element (`h1`–`h6` or `p`) carrying `data-pid`. Glossary mentions inside it are
   * `span[data-term]`, note anchors `span[data-note]`.
   */
  element: Element;
  /** The plain text of the block: what a reader reads, without markup or IDs. */
  text: string;
  /** 1-based line of the block in its file. */
  line: number;
  /** Its sentences, in order (`span[data-sid]` in `element`). */
  sentences: Sentence[];
  /**
   * Every sentence of it is untranslated (`span[data-untranslated]`, empty): the block has no text
   * yet. A block with some untranslated sentences has them marked on the sentences only.
   */
  untranslated?: boolean;
}

export type NoteKind = 'editorial' | 'translator';

/** The body of a note in one language. */
export interface NoteBody {
  id: string;
  kind: NoteKind;
  /** Sanitized block content of the note. */
  children: ElementContent[];
  text: string;
  line: number;
  /** Not yet translated: its body is `:untranslated` alone, and `children` and `text` are empty. */
  untranslated?: boolean;
}

/** A place in a text that points at a glossary entry or a note. */
export interface Reference {
  /** The glossary entry ID or the note ID. */
  ref: string;
  /** The block the reference stands in, or the note whose body it stands in. */
  block: string;
  /** True when the reference stands in a note's body rather than in the running text. */
  inNote: boolean;
  /** Plain text of the label ("Северной Кореи"); empty for a point anchor. */
  text: string;
  /**
   * A mention marked `quirk`: its label is the source's own wrong form of the entry's name (a
   * misspelling, an inaccurate title), explained by the note whose anchor holds it.
   */
  quirk?: boolean;
  line: number;
  column: number;
}

/** One language version of a document. */
export interface DocumentText {
  lang: Language;
  /** Path of the file, relative to the project root. */
  path: string;
  frontMatter: FrontMatter;
  /** Where each top-level front matter field is written in the file (its key), for messages about a field's value. */
  frontMatterPlaces?: Partial<Record<keyof FrontMatter, { line: number; column: number }>>;
  blocks: Block[];
  notes: NoteBody[];
  mentions: Reference[];
  anchors: Reference[];
}

/** One change of one language version in an edition, as `editions.yaml` records it. */
export interface EditionChange {
  /** Block IDs of the version whose text changed. */
  blocks: string[];
  /** Note IDs whose body changed. */
  notes: string[];
  /** Glossary entries whose text in this language changed for this edition. */
  entries: string[];
  /** What changed and why, in the language of the version. */
  what: string;
  why: string;
  /** 1-based line of the change in `editions.yaml`. */
  line: number;
}

/** One edition of a document: its number, date and changelog. */
export interface EditionRecord {
  /** 1, 2, 3 … */
  number: number;
  /**
   * When it was published, YYYY-MM-DD. Absent only for a document without `editions.yaml`, which is
   * in its first edition and has no recorded publication date.
   */
  date?: string;
  /** What the edition is, in each language (from edition 2). */
  summary?: Record<Language, string>;
  /** The changelog of each language version (empty for edition 1). */
  changes: Partial<Record<Language, EditionChange[]>>;
  /** Block IDs of the edition before that this one removed, split or merged. */
  fates: Record<string, BlockFate>;
}

/** A document with its source and translations. */
export interface ArchiveDocument {
  /** Folder name: `2019-05-30-japan-russia-2plus2`. */
  slug: string;
  /** Language of the source text. */
  source: Language;
  /** Language versions present, in the canonical language order. */
  texts: Partial<Record<Language, DocumentText>>;
  /**
   * Its editions, oldest first; the last is the text in `texts`. A document without `editions.yaml`
   * has one, edition 1, without a date.
   */
  editions: EditionRecord[];
}

/**
 * A superseded edition of a document, kept word for word (`editions/<n>/` in its folder): its texts,
 * and the glossary entries those texts mention as they stood in that edition (for its tooltips).
 */
export interface PastEdition {
  slug: string;
  /** Its edition number; always below the document's current one. */
  number: number;
  source: Language;
  texts: Partial<Record<Language, DocumentText>>;
  /** The glossary entries its texts mention, as they were. */
  glossary: GlossaryItem[];
}

export interface GlossaryItem extends GlossaryEntry {
  id: string;
}

export interface Archive {
  documents: ArchiveDocument[];
  /** Glossary entries in file order. */
  glossary: GlossaryItem[];
}

/** What lists and page descriptions show of one language version: everything but its text. */
export interface TextSummary {
  lang: Language;
  frontMatter: FrontMatter;
  /**
   * The version's `summary` when it has one, else the plain text of the first translated paragraph that
   * is not the `dateline` block (of the first translated block when there is no such paragraph; empty
   * when the version has no translated block), for page descriptions. Not shortened.
   */
  lead: string;
  /** How much of it is translated (`textProgress`). */
  progress: TextProgress;
}

/** How much of a language version is translated: its sentences, and how many of them are `:untranslated`. */
export interface TextProgress {
  sentences: number;
  untranslated: number;
}

/** A document as the library, the glossary and the sitemap see it: no blocks, notes or mentions. */
export interface DocumentSummary {
  slug: string;
  /** Language of the source text. */
  source: Language;
  /** Language versions present, in the canonical language order. */
  texts: Partial<Record<Language, TextSummary>>;
  /** Its editions, oldest first, without their changelogs: number, date and summary. */
  editions: Omit<EditionRecord, 'changes' | 'fates'>[];
}

/** A glossary entry's label as one language writes it in a block (`Северной Кореи`, `北朝鮮`). */
export interface MentionLabel {
  language: Language;
  text: string;
}

/** Where an entry is mentioned in one block (or note body): the labels as each language writes them. */
export interface BlockMentions {
  /** The block ID, or the note ID for a mention inside a note's body. */
  block: string;
  /** Distinct labels, languages in the canonical order, each language's in reading order. */
  labels: MentionLabel[];
}

/** Every mention of one entry in one document, blocks in the source's reading order. */
export interface DocumentMentions {
  slug: string;
  blocks: BlockMentions[];
}

/** An entry's mentions in one document, as its entry page lists them: with the document's titles. */
export interface EntryDocumentMentions extends DocumentMentions {
  /** Language of the document's source text: the title to show where a language has no version. */
  source: Language;
  /** The document's title in each language it has a version in. */
  titles: Partial<Record<Language, string>>;
}

/**
 * Every mention of one glossary entry (`.content/mentions/<entry-id>.json`), read only by that entry's
 * page. Written for mentioned entries only: the catalog's `mentions` tells which.
 */
export interface EntryMentions {
  /** The glossary entry ID. */
  entry: string;
  /** The documents that mention it, in slug order. */
  documents: EntryDocumentMentions[];
}

/** How often an entry is mentioned: what the glossary index says of it. */
export interface MentionCount {
  /** Blocks (and note bodies) that mention it, in every document together. */
  mentions: number;
  /** Documents that mention it. */
  documents: number;
}

/**
 * The archive summed up, for the pages that list documents or entries: written once by the content
 * cache (`.content/catalog.json`), small enough to keep in memory while the site is built. The
 * mentions themselves are in one file per entry (`EntryMentions`), so the catalog does not grow
 * with them.
 */
export interface Catalog {
  /** Version of the cache's layout; a cache written by another version is refused, not misread. */
  format: number;
  /** Glossary entries in file order. */
  glossary: GlossaryItem[];
  /** Every document, in slug order. */
  documents: DocumentSummary[];
  /**
   * By glossary entry ID: how often the entry is mentioned. Unmentioned entries are absent. Look up
   * with `Object.hasOwn`: an ID such as `constructor` is a valid slug.
   */
  mentions: Record<string, MentionCount>;
}
