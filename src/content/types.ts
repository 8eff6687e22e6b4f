/**
 * What the pipeline makes of the content: the typed model that the validator checks and the site
 * renders. Produced by `loadEdition()` in `./load.ts`.
 */
import type { Element, ElementContent } from 'hast';
import type { Language } from './languages';
import type { FrontMatter, GlossaryEntry } from './schema';

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
  line: number;
  column: number;
}

/** One language version of a document. */
export interface DocumentText {
  lang: Language;
  /** Path of the file, relative to the project root. */
  path: string;
  frontMatter: FrontMatter;
  blocks: Block[];
  notes: NoteBody[];
  mentions: Reference[];
  anchors: Reference[];
}

/** A document with its source and translations. */
export interface EditionDocument {
  /** Folder name: `2019-05-30-japan-russia-2plus2`. */
  slug: string;
  /** Language of the source text. */
  source: Language;
  /** Language versions present, in the canonical language order. */
  texts: Partial<Record<Language, DocumentText>>;
}

export interface GlossaryItem extends GlossaryEntry {
  id: string;
}

export interface Edition {
  documents: EditionDocument[];
  /** Glossary entries in file order. */
  glossary: GlossaryItem[];
}
