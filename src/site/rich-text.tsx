import 'server-only';
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { CONTINUE, visit } from 'unist-util-visit';
import type { Language } from '../model/languages';
import type { GlossaryItem, NoteBody } from '../model/types';
import type { Locale } from '../i18n/config';
import type { TFunction } from '../i18n/server';
import { glossaryPath, noteAnchor } from '../contract/paths';
import { Attribute } from '../contract/page';

/** A note as the reader sees it: its number in the document and its body in one language. */
export interface NumberedNote {
  number: number;
  body: NoteBody;
  lang: Language;
}

/** What rendering annotated text needs to know besides the text. */
export interface RichTextContext {
  locale: Locale;
  t: TFunction;
  glossary: ReadonlyMap<string, GlossaryItem>;
  notes: ReadonlyMap<string, NumberedNote>;
}

/** A note anchor met while preparing a block: which note, and the id of its marker. */
export interface NoteReference {
  note: string;
  markerId: string;
}

/** Content made ready for rendering, with what it refers to. */
export interface PreparedContent {
  root: Root;
  /** The note markers of the content, in order. */
  noteReferences: NoteReference[];
}

/**
 * Gives every note anchor of `content` a unique id (`<prefix>-<n>`), on a copy, so that the notes
 * list's back-links can refer to its marker. Deterministic: the same content and prefix always give
 * the same ids.
 */
export function prepareContent(content: readonly ElementContent[], prefix: string): PreparedContent {
  const root: Root = { type: 'root', children: structuredClone([...content]) };
  const noteReferences: NoteReference[] = [];
  let counter = 0;
  const walk = (nodes: Root['children']) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      if (node.tagName === 'span') {
        const { dataNote } = node.properties;
        if (typeof dataNote === 'string') {
          const uid = `${prefix}-${counter++}`;
          node.properties.dataUid = uid;
          noteReferences.push({ note: dataNote, markerId: markerId(uid) });
        }
      }
      walk(node.children);
    }
  };
  walk(root.children);
  return { root, noteReferences };
}

/** The id of a note marker (the notes list links back to it). */
export const markerId = (uid: string) => `nr_${uid}`;
/** The id of a note in the notes list (its markers link to it). */
export const noteId = noteAnchor;

function property(node: Element, name: string): string | undefined {
  const value = node.properties[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Turns the mention and note-anchor spans of `root` (in place) into what the reader gets: a mention
 * becomes a link to its glossary entry, marked `Attribute.Term`; a note anchor keeps its span (its class)
 * and is followed by its numbered marker (`Attribute.NoteRef`), a link to the note. The page script gives
 * both their tooltip (the entry from the glossary's JSON, the note from the notes list); without
 * JavaScript they are plain links.
 */
function makeInteractive(root: Root, context: RichTextContext): void {
  const { locale, glossary, notes, t } = context;
  visit(root, 'element', (node, index, parent) => {
    if (node.tagName !== 'span') return CONTINUE;
    const term = property(node, 'dataTerm');
    const note = property(node, 'dataNote');
    const uid = property(node, 'dataUid');
    if (!term && !note) return CONTINUE;
    const item = term ? glossary.get(term) : undefined;
    if (item) {
      node.tagName = 'a';
      // Marked, not named: the link's address names the entry (glossaryEntryOf), and each byte counts on the reading page.
      node.properties = { href: glossaryPath(locale, item.id), [Attribute.Term]: '' };
      return CONTINUE;
    }
    const numbered = note ? notes.get(note) : undefined;
    // The words a note is about: marked by their class alone, the marker after them names the note.
    if (!note || !numbered || !uid || !parent || index === undefined) {
      node.properties = note ? { className: ['note-anchor'] } : {};
      return CONTINUE;
    }
    node.properties = { className: ['note-anchor'] };
    const marker: Element = {
      type: 'element',
      tagName: 'sup',
      properties: { className: ['note-ref'] },
      children: [
        {
          type: 'element',
          tagName: 'a',
          properties: {
            href: `#${noteId(note)}`,
            id: markerId(uid),
            ariaLabel: t('reader.noteMarker', { number: numbered.number }),
            // Marked, not named: the address names the note.
            [Attribute.NoteRef]: '',
          },
          children: [{ type: 'text', value: String(numbered.number) }],
        },
      ],
    };
    parent.children.splice(index + 1, 0, marker);
    // The anchor's own children are still visited; the marker just inserted is not.
    return index + 2;
  });
}

/**
 * Serializes prepared content to HTML, which the components write into the page as it is
 * (`dangerouslySetInnerHTML`), without a React element per node of the text. The content was
 * sanitized by the pipeline; `toHtml` escapes text and attribute values.
 */
function renderHtml(root: Root, context: RichTextContext): string {
  makeInteractive(root, context);
  return toHtml(root);
}

/**
 * Shortens the sentence IDs (`Attribute.Sentence`) of the block `blockId` to what follows the block's
 * own ID (`s1-p1.2` → `2`): its row names the block (`Attribute.Row`), and the page script looks for a
 * sentence's counterparts within the row (src/behaviour/alignment.ts). An ID of another block stays
 * whole. About a hundred bytes of the reading page's first round trip.
 */
function shortenSentenceIds(root: Root, blockId: string): void {
  const prefix = `${blockId}.`;
  visit(root, 'element', (node) => {
    const ids = property(node, 'dataSid');
    if (ids === undefined) return;
    node.properties.dataSid = ids
      .split(' ')
      .map((id) => (id.startsWith(prefix) ? id.slice(prefix.length) : id))
      .join(' ');
  });
}

/**
 * The HTML of content already given ids by `prepareContent`, with mentions and notes made interactive;
 * the content of a row's block (`blockId`) with its sentence IDs shortened (`shortenSentenceIds`).
 * It works on the prepared copy in place: render each prepared content once.
 */
export function renderPrepared(prepared: PreparedContent, context: RichTextContext, blockId?: string): string {
  if (blockId !== undefined) shortenSentenceIds(prepared.root, blockId);
  return renderHtml(prepared.root, context);
}
