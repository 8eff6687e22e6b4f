import 'server-only';
import { languages, type Language } from '../model/languages';
import type { Element, Root } from 'hast';
import type { Block, ArchiveDocument, DocumentText, GlossaryItem, NoteBody } from '../model/types';
import type { Locale } from '../i18n/config';
import type { TFunction } from '../i18n/server';
import { blockNumber, rowName } from '../contract/block-place';
import { readingDefault, type Columns } from '../contract/columns';
import { hasText, sourceText, textProgress } from '../model/document';
import { prepareContent, renderPrepared, type NoteReference, type NumberedNote, type PreparedContent, type RichTextContext } from './rich-text';

/**
 * What the reading page of a document shows, in one interface language, ready for its components
 * (reader.tsx): the columns in the order written, one row per block of the source with a cell per
 * language, the table of contents and the notes. The text's HTML is rendered here, each block and
 * note once.
 */

/**
 * The default view of the reading page of `document` in `locale`: the languages that have text in the
 * document (a translation just started, every line untranslated, has none), the reader's first when it
 * is one of them.
 */
export function defaultView(document: ArchiveDocument, locale: Locale): Columns {
  const withText = (language: Language) => {
    const text = document.texts[language];
    return text !== undefined && hasText(text);
  };
  return readingDefault(locale, withText).filter(withText);
}

/**
 * The version whose headings make the table of contents and whose notes the notes list shows: the
 * reader's own when it is wholly translated, else the source.
 */
function ownText(document: ArchiveDocument, locale: Locale): DocumentText {
  const own = document.texts[locale];
  return own && own.frontMatter.title !== undefined && textProgress(own).untranslated === 0 && own.notes.every((note) => !note.untranslated) ? own : sourceText(document);
}

/**
 * Fills each untranslated sentence of a partly translated block (an empty `span[data-untranslated]`)
 * with the source's sentences of the same IDs, in their language, after a label in the interface
 * language: never shown as the translation's text. CSS sets them apart.
 */
function fillUntranslated(root: Root, source: Block | undefined, sourceLang: Language, locale: Locale, t: TFunction): void {
  for (const node of root.children) {
    if (node.type !== 'element' || node.properties.dataUntranslated === undefined) continue;
    const ids = String(node.properties.dataSid ?? '').split(' ');
    const text = (source?.sentences ?? []).filter((sentence) => sentence.ids.some((id) => ids.includes(id))).map((sentence) => sentence.text).join(' ');
    const label: Element = { type: 'element', tagName: 'span', properties: { className: ['untranslated-label'], lang: locale }, children: [{ type: 'text', value: t('reader.untranslatedSentence') }] };
    const words: Element = { type: 'element', tagName: 'span', properties: { lang: sourceLang }, children: [{ type: 'text', value: text }] };
    node.properties.className = ['untranslated'];
    node.children = [label, { type: 'text', value: ' ' }, words];
  }
}

/** A section of the table of contents, with its subsections. */
export interface ContentsItem {
  block: Block;
  children: ContentsItem[];
}

/** One language's cell of a row; empty where that version lacks the block. */
export interface ReadingCell {
  language: Language;
  /** Not in the default view: hidden until the reader chooses it. */
  hidden?: boolean;
  /**
   * The block is not yet translated in this language: the source's text stands in its place, marked
   * (`content` is then absent).
   */
  untranslated?: { text: string; lang: Language };
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
  /**
   * Every language, in the order the server writes the columns: the default view's first (`shown`),
   * then the others, hidden until the reader chooses them.
   */
  order: Columns;
  /** The page's default view: the languages that have text, the reader's first. */
  shown: Columns;
  rows: ReadingRow[];
  /** The language of the table of contents and of the notes: the reader's own version, or the source. */
  lang: Language;
  contents: ContentsItem[];
  notes: ReadingNote[];
}

/** The notes of the document in the interface language (or the source's, if that version is not finished), numbered. */
function numberedNotes(document: ArchiveDocument, locale: Locale): Map<string, NumberedNote> {
  const text = ownText(document, locale);
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
  const shown = defaultView(document, locale);
  const order = [...shown, ...languages.filter((language) => !shown.includes(language))];
  const source = sourceText(document);
  const translated = (language: Language, id: string) => prepared.get(`${language}:${id}`)?.block.untranslated !== true;
  const headingLanguage = (id: string) => order.find((language) => prepared.has(`${language}:${id}`) && translated(language, id));
  const rows = source.blocks.map((sourceBlock): ReadingRow => ({
    id: sourceBlock.id,
    place: rowName(t, sourceBlock.id),
    number: blockNumber(sourceBlock.id).replace(' ', '\n'),
    cells: order.map((language): ReadingCell => {
      const id = sourceBlock.id;
      const hidden = shown.includes(language) ? {} : { hidden: true };
      const cell = prepared.get(`${language}:${id}`);
      if (!cell) return { language, ...hidden };
      if (cell.block.untranslated) return { language, ...hidden, untranslated: { text: sourceBlock.text, lang: source.lang } };
      fillUntranslated(cell.content.root, sourceBlock, source.lang, locale, t);
      return { language, ...hidden, content: { block: cell.block, html: renderPrepared(cell.content, context, id), heading: language === headingLanguage(id) } };
    }),
  }));

  // The reader's own language version when finished (or the source): table of contents and note bodies.
  const own = ownText(document, locale);
  const notes = own.notes.map((body, index): ReadingNote => ({
    id: body.id,
    number: index + 1,
    kind: body.kind,
    html: renderPrepared(prepareContent(body.children, `note-${body.id}`), context),
    backlinks: shown.flatMap((language) =>
      (noteReferences.get(language) ?? []).filter((reference) => reference.note === body.id).map(({ markerId }) => ({ language, markerId })),
    ),
  }));
  return { order, shown, rows, lang: own.lang, contents: contentsTree(own.blocks), notes };
}
