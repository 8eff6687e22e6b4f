import 'server-only';
import type { Element, ElementContent, Root } from 'hast';
import { toJsxRuntime, type Components } from 'hast-util-to-jsx-runtime';
import type { ReactNode } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
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

/**
 * Gives every mention and note anchor of `content` a unique id (`<prefix>-<n>`), on a copy, so that
 * tooltips, `aria-describedby` and the notes list's back-links can refer to them. Deterministic: the
 * same content and prefix always give the same ids.
 */
export function prepareContent(content: readonly ElementContent[], prefix: string): { root: Root; noteReferences: NoteReference[] } {
  const root: Root = { type: 'root', children: structuredClone([...content]) };
  const noteReferences: NoteReference[] = [];
  let counter = 0;
  const walk = (nodes: Root['children']) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      if (node.tagName === 'span' && (typeof node.properties.dataTerm === 'string' || typeof node.properties.dataNote === 'string')) {
        const uid = `${prefix}-${counter++}`;
        node.properties.dataUid = uid;
        if (typeof node.properties.dataNote === 'string') noteReferences.push({ note: node.properties.dataNote, markerId: markerId(uid) });
      }
      walk(node.children);
    }
  };
  walk(root.children);
  return { root, noteReferences };
}

export const markerId = (uid: string) => `nr_${uid}`;
export const tooltipId = (uid: string) => `tip_${uid}`;
export const noteId = (note: string) => `n_${note}`;

function property(node: Element | undefined, name: string): string | undefined {
  const value = node?.properties[name];
  return typeof value === 'string' ? value : undefined;
}

/** Glossary mention: a link to the entry with a server-rendered tooltip that CSS shows on hover and focus. */
function Mention({ item, uid, context, children }: { item: GlossaryItem; uid: string; context: RichTextContext; children: ReactNode }) {
  const { locale, t } = context;
  const href = glossaryPath(locale, item.id);
  return (
    <span className="tipped term" data-term={item.id}>
      <a className="term-link" href={href} aria-describedby={tooltipId(uid)}>
        {children}
      </a>
      <span className="tip" role="tooltip" id={tooltipId(uid)} lang={locale}>
        <span className="tip-head">
          <span className="tip-name">{item.names[locale]}</span>
          <span className="tip-kind">{t(`glossary.kinds.${item.kind}`)}</span>
        </span>
        <span className="tip-body">{item.description[locale]}</span>
        <span className="tip-names">
          {languages.map((language) => (
            <span key={language} lang={language}>
              {item.names[language]}
            </span>
          ))}
        </span>
        <a className="tip-more" href={href} tabIndex={-1}>
          {t('glossary.openEntry', { name: item.names[locale] })}
        </a>
      </span>
    </span>
  );
}

/** Note anchor: the annotated span, then a numbered marker whose tooltip holds the note in the interface language. */
function NoteAnchor({ note, uid, context, children }: { note: string; uid: string; context: RichTextContext; children: ReactNode }) {
  const numbered = context.notes.get(note);
  return (
    <>
      <span className="note-anchor" data-note={note}>
        {children}
      </span>
      {numbered ? (
        <span className="tipped note-ref">
          <a
            href={`#${noteId(note)}`}
            id={markerId(uid)}
            aria-label={context.t('reader.noteMarker', { number: numbered.number })}
            aria-describedby={tooltipId(uid)}
          >
            <sup>{numbered.number}</sup>
          </a>
          <span className="tip" role="tooltip" id={tooltipId(uid)} lang={numbered.lang}>
            <span className="tip-head" lang={context.locale}>
              <span className="tip-kind">{context.t(`notes.${numbered.body.kind}`)}</span>
            </span>
            {renderNodes(numbered.body.children, context, { prefix: `${uid}-note`, inline: true, plain: true })}
          </span>
        </span>
      ) : null}
    </>
  );
}

interface RenderOptions {
  /** Prefix of the ids given to mentions and markers; unique on the page. */
  prefix: string;
  /** Render paragraphs as spans: for content placed inside a paragraph (tooltips). */
  inline?: boolean;
  /** Mentions and anchors as plain text, without links or tooltips (inside a tooltip). */
  plain?: boolean;
}

function renderRoot(root: Root, context: RichTextContext, options: RenderOptions): ReactNode {
  const components: Partial<Components> = {
    span(props) {
      const { node, children } = props;
      const term = property(node, 'dataTerm');
      const note = property(node, 'dataNote');
      const uid = property(node, 'dataUid');
      if (options.plain || !uid) return <span>{children}</span>;
      if (term) {
        const item = context.glossary.get(term);
        return item ? (
          <Mention item={item} uid={uid} context={context}>
            {children}
          </Mention>
        ) : (
          <span>{children}</span>
        );
      }
      if (note) {
        return (
          <NoteAnchor note={note} uid={uid} context={context}>
            {children}
          </NoteAnchor>
        );
      }
      return <span>{children}</span>;
    },
  };
  if (options.inline) components.p = ({ children }) => <span className="tip-para">{children}</span>;
  return toJsxRuntime(root, { Fragment, jsx, jsxs, components, passNode: true });
}

/** Renders sanitized hast content (a block's or a note's children) with mentions and notes made interactive. */
export function renderNodes(content: readonly ElementContent[], context: RichTextContext, options: RenderOptions): ReactNode {
  return renderRoot(prepareContent(content, options.prefix).root, context, options);
}

/** Renders content already given ids by `prepareContent`. */
export function renderPrepared(root: Root, context: RichTextContext, options: RenderOptions): ReactNode {
  return renderRoot(root, context, options);
}
