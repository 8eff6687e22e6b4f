import 'server-only';
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { CONTINUE, visit } from 'unist-util-visit';
import { languages, type Language } from '../content/languages';
import type { GlossaryItem, NoteBody } from '../content/types';
import type { Locale } from '../i18n/config';
import type { TFunction } from '../i18n/server';
import { glossaryPath } from './paths';

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
  /** The glossary entries the content mentions. */
  terms: Set<string>;
}

/**
 * Gives every note anchor of `content` a unique id (`<prefix>-<n>`), on a copy, so that the notes
 * list's back-links can refer to its marker, and collects the glossary entries mentioned (their one
 * shared tooltip is rendered by `Tooltips`). Deterministic: the same content and prefix always give
 * the same ids.
 */
export function prepareContent(content: readonly ElementContent[], prefix: string): PreparedContent {
  const root: Root = { type: 'root', children: structuredClone([...content]) };
  const noteReferences: NoteReference[] = [];
  const terms = new Set<string>();
  let counter = 0;
  const walk = (nodes: Root['children']) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      if (node.tagName === 'span') {
        const { dataTerm, dataNote } = node.properties;
        if (typeof dataTerm === 'string') terms.add(dataTerm);
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
  return { root, noteReferences, terms };
}

export const markerId = (uid: string) => `nr_${uid}`;
export const noteId = (note: string) => `n_${note}`;
/** The id of the one tooltip of a glossary entry on a page. */
export const termTooltipId = (entry: string) => `tip-${entry}`;
/** The id of the one tooltip of a note on a page. */
export const noteTooltipId = (note: string) => `tip-${noteId(note)}`;

function property(node: Element, name: string): string | undefined {
  const value = node.properties[name];
  return typeof value === 'string' ? value : undefined;
}

interface RenderOptions {
  /** Mentions and anchors as plain text, without links or markers (inside a tooltip). */
  plain?: boolean;
}

/**
 * Turns the mention and note-anchor spans of `root` (in place) into what the reader gets: a mention
 * becomes a link to its glossary entry described by the entry's shared tooltip (without JavaScript a
 * plain link); a note anchor keeps its span and is followed by its numbered marker. With `plain`,
 * both become bare spans.
 */
function makeInteractive(root: Root, context: RichTextContext, options: RenderOptions): void {
  const { locale, glossary, notes, t } = context;
  visit(root, 'element', (node, index, parent) => {
    if (node.tagName !== 'span') return CONTINUE;
    const term = property(node, 'dataTerm');
    const note = property(node, 'dataNote');
    const uid = property(node, 'dataUid');
    if (!term && !note) return CONTINUE;
    if (options.plain) {
      node.properties = {};
      return CONTINUE;
    }
    const item = term ? glossary.get(term) : undefined;
    if (item) {
      node.tagName = 'a';
      node.properties = { href: glossaryPath(locale, item.id), dataTerm: item.id, ariaDescribedBy: [termTooltipId(item.id)] };
      return CONTINUE;
    }
    const numbered = note ? notes.get(note) : undefined;
    if (!note || !numbered || !uid || !parent || index === undefined) {
      node.properties = note ? { className: ['note-anchor'], dataNote: note } : {};
      return CONTINUE;
    }
    node.properties = { className: ['note-anchor'], dataNote: note };
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
            ariaDescribedBy: [noteTooltipId(note)],
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
 * Serializes prepared content to HTML. The reader's text is static: given to React as an HTML string
 * (`dangerouslySetInnerHTML`), it is not hydrated element by element, and the page's React payload
 * carries it as one string instead of a tree. The content was sanitized by the pipeline; `toHtml`
 * escapes text and attribute values.
 */
function renderHtml(root: Root, context: RichTextContext, options: RenderOptions): string {
  makeInteractive(root, context, options);
  return toHtml(root);
}

/**
 * The HTML of content already given ids by `prepareContent`, with mentions and notes made interactive.
 * It works on the prepared copy in place: render each prepared content once.
 */
export function renderPrepared(prepared: PreparedContent, context: RichTextContext): string {
  return renderHtml(prepared.root, context, {});
}

/** The tooltip of one glossary entry: its note in the interface language, its names in every language, a link. */
function TermTooltip({ item, context }: { item: GlossaryItem; context: RichTextContext }) {
  const { locale, t } = context;
  return (
    <div className="tip" role="tooltip" id={termTooltipId(item.id)} lang={locale}>
      <p className="tip-head">
        <span className="tip-name">{item.names[locale]}</span>
        <span className="tip-kind">{t(`glossary.kinds.${item.kind}`)}</span>
      </p>
      <p>{item.description[locale]}</p>
      <p className="tip-names">
        {languages.map((language) => (
          <span key={language} lang={language}>
            {item.names[language]}
          </span>
        ))}
      </p>
      <a className="tip-more" href={glossaryPath(locale, item.id)} tabIndex={-1}>
        {t('glossary.openEntry', { name: item.names[locale] })}
      </a>
    </div>
  );
}

/** The tooltip of one note: its kind and its body, in the language of the notes. */
function NoteTooltip({ note, context }: { note: NumberedNote; context: RichTextContext }) {
  return (
    <div className="tip" role="tooltip" id={noteTooltipId(note.body.id)} lang={note.lang}>
      <p className="tip-head tip-kind" lang={context.locale}>
        {context.t(`notes.${note.body.kind}`)}
      </p>
      <div dangerouslySetInnerHTML={{ __html: renderHtml({ type: 'root', children: structuredClone(note.body.children) }, context, { plain: true }) }} />
    </div>
  );
}

/**
 * One tooltip per glossary entry and per note used on the page, shared by all their mentions and
 * markers (`aria-describedby`). Hidden until the page script shows one next to a term; without
 * JavaScript a mention is a plain link to its glossary entry.
 */
export function Tooltips({ terms, notes, context }: { terms: Iterable<string>; notes: Iterable<string>; context: RichTextContext }) {
  return (
    <div className="tips">
      {[...terms].flatMap((id) => {
        const item = context.glossary.get(id);
        return item ? [<TermTooltip key={id} item={item} context={context} />] : [];
      })}
      {[...notes].flatMap((id) => {
        const note = context.notes.get(id);
        return note ? [<NoteTooltip key={id} note={note} context={context} />] : [];
      })}
    </div>
  );
}
