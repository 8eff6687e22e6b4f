import 'server-only';
import { languages, type Language } from '../model/languages';
import type { Block, ArchiveDocument, GlossaryItem, NoteBody } from '../model/types';
import type { Locale } from '../i18n/config';
import type { TFunction } from '../i18n/server';
import { blockNumber, rowName } from '../contract/block-place';
import { readingDefault, type Columns } from '../contract/columns';
import { sourceText, textFor } from '../model/document';
import { prepareContent, renderPrepared, type NoteReference, type NumberedNote, type PreparedContent, type RichTextContext } from './rich-text';

/**
 * What the reading page of a document shows, in one interface language, ready for its components
 * (reader.tsx): the columns in the order written, one row per block of the source with a cell per
 * language, the table of contents and the notes. The text's HTML is rendered here, each block and
 * note once.
 */

/** The default view of the reading page of `document` in `locale`: the reader's language first, when the document has it. */
export function defaultView(document: ArchiveDocument, locale: Locale): Columns {
  return readingDefault(locale, (language) => Boolean(document.texts[language]));
}

/** A section of the table of contents, with its subsections. */
export interface ContentsItem {
  block: Block;
  children: ContentsItem[];
}

/** One language's cell of a row; empty where that version lacks the block. */
export interface ReadingCell {
  language: Language;
  content?: {
    block: Block;
    html: string;
    /** The one heading of a section: in the first column of the default view that has the block. */
    heading: boolean;
  };
}

/** A row: a block of the source and its counterparts, in the order of the default view. */
export interface ReadingRow {
  id: string;
  /** How the interface names the row ("Section 1.1, paragraph 2"): the name of its permalink and the labels of its tools. */
  place: string;
  /** The block's number as the gutter shows it, on two lines (`1.1\n¶2`). */
  number: string;
  cells: ReadingCell[];
}

/** A note of the notes list, with a back-link to each of its markers, column by column. */
export interface ReadingNote {
  id: string;
  number: number;
  kind: NoteBody['kind'];
  html: string;
  backlinks: Array<{ language: Language; markerId: string }>;
}

export interface ReadingView {
  /** The page's default view: the columns, in the order the server writes them. */
  order: Columns;
  rows: ReadingRow[];
  /** The language of the table of contents and of the notes: the reader's own version, or the source. */
  lang: Language;
  contents: ContentsItem[];
  notes: ReadingNote[];
}

/** The notes of the document in the interface language (or the source's, if that version is missing), numbered. */
function numberedNotes(document: ArchiveDocument, locale: Locale): Map<string, NumberedNote> {
  const text = textFor(document, locale);
  return new Map(text.notes.map((body, index) => [body.id, { number: index + 1, body, lang: text.lang }]));
}

/** The sections and subsections of `blocks` (headings of depth 2 and below), nested. */
function contentsTree(blocks: readonly Block[]): ContentsItem[] {
  const root: ContentsItem[] = [];
  const stack: { depth: number; items: ContentsItem[] }[] = [{ depth: 1, items: root }];
  for (const block of blocks) {
    if (block.kind !== 'heading' || block.depth < 2) continue;
    while (stack.length > 1 && stack[stack.length - 1].depth >= block.depth) stack.pop();
    const item: ContentsItem = { block, children: [] };
    stack[stack.length - 1].items.push(item);
    stack.push({ depth: block.depth, items: item.children });
  }
  return root;
}

export function readingView({ document, locale, t, glossary }: { document: ArchiveDocument; locale: Locale; t: TFunction; glossary: ReadonlyMap<string, GlossaryItem> }): ReadingView {
  const context: RichTextContext = { locale, t, glossary, notes: numberedNotes(document, locale) };
  // Give each note anchor its ids and collect the note markers per column.
  const noteReferences = new Map<Language, NoteReference[]>();
  const prepared = new Map<string, { block: Block; content: PreparedContent }>();
  for (const language of languages) {
    const text = document.texts[language];
    if (!text) continue;
    const references: NoteReference[] = [];
    for (const block of text.blocks) {
      const content = prepareContent(block.element.children, `${language}-${block.id}`);
      references.push(...content.noteReferences);
      prepared.set(`${language}:${block.id}`, { block, content });
    }
    noteReferences.set(language, references);
  }
  const order = defaultView(document, locale);
  const headingLanguage = (id: string) => order.find((language) => prepared.has(`${language}:${id}`));
  const rows = sourceText(document).blocks.map(({ id }): ReadingRow => ({
    id,
    place: rowName(t, id),
    number: blockNumber(id).replace(' ', '\n'),
    cells: order.map((language) => {
      const cell = prepared.get(`${language}:${id}`);
      return cell ? { language, content: { block: cell.block, html: renderPrepared(cell.content, context), heading: language === headingLanguage(id) } } : { language };
    }),
  }));

  // The reader's own language version (or the source): table of contents and note bodies.
  const own = textFor(document, locale);
  const notes = own.notes.map((body, index): ReadingNote => ({
    id: body.id,
    number: index + 1,
    kind: body.kind,
    html: renderPrepared(prepareContent(body.children, `note-${body.id}`), context),
    backlinks: order.flatMap((language) =>
      (noteReferences.get(language) ?? []).filter((reference) => reference.note === body.id).map(({ markerId }) => ({ language, markerId })),
    ),
  }));
  return { order, rows, lang: own.lang, contents: contentsTree(own.blocks), notes };
}
