/**
 * TEI P5 XML of one document. The header names the document, its issuer and date, the edition that
 * publishes it, and which language versions are the issuer's and which are translations made for the
 * edition. The edition of the document the file holds is its `editionStmt` (`edition n="2"` with the
 * `date when` it was published), and the header's `revisionDesc` has a `change` for it and for every
 * edition before it, newest first, as TEI recommends (`n`, `when`, its summary in each language as a
 * `p` with `xml:lang`; "First edition." for edition 1). Glossary entries the document mentions become a `standOff` of people, places,
 * organisations and events (`listPerson`, `listPlace`, `listOrg`, `listEvent`) and, for offices,
 * systems and concepts, a taxonomy in the header's `encodingDesc/classDecl` (where TEI P5 puts
 * taxonomies: `standOff` may not hold one); every mention in the text points at its entry
 * (`persName`, `placeName`, `orgName`, `name type="event"`, `roleName`, `term`, each with `ref="#id"`). Each
 * language version is a `text` of its own in a `group`, with `xml:lang`; every heading and paragraph
 * carries `xml:id="<lang>.<block ID>"` (translations point at the source's with `corresp`), every
 * sentence is an `s`, and notes are `note`s in the `back` of their language, pointed at from the words
 * they are about (`seg type="note-anchor"`).
 *
 * Identifiers: blocks `ru.s1-1-p2`, sentences `ru.s1-1-p2.1` (source only: a translation's sentence
 * points at them with `corresp`), notes `ru.note.<note ID>`, glossary entries their ID (with a leading
 * `_` when it starts with a digit, which an `xml:id` may not).
 */
import type { Element as HastElement, ElementContent as HastContent } from 'hast';
import type { Element, ElementContent } from 'xast';
import { x } from 'xastscript';
import { languageNames, languages, type Language } from '../model/languages';
import type { GlossaryKind } from '../model/schema';
import type { Block, DocumentText, ArchiveDocument, GlossaryItem, NoteBody } from '../model/types';
import { exportedEdition } from './edition';
import { block, xmlDocument } from './xml';

export const teiNamespace = 'http://www.tei-c.org/ns/1.0';

export interface TeiOptions {
  /** The publisher of the file: the name of the reader. */
  publisher: string;
  /** Absolute address of the document's reading page; left out when the site's address is unknown. */
  permalink?: string;
}

/** The TEI element of a mention of each kind of glossary entry, and the list its entry goes in. */
const kindElements: Record<GlossaryKind, { inline: string; type?: string }> = {
  person: { inline: 'persName' },
  place: { inline: 'placeName' },
  organisation: { inline: 'orgName' },
  event: { inline: 'name', type: 'event' },
  system: { inline: 'term' },
  concept: { inline: 'term' },
  // A post ("Chief of Staff, Ground Self-Defense Force"): a role, listed with the terms.
  office: { inline: 'roleName' },
};

/** An `xml:id` for a glossary entry ID: itself, or `_` + itself when it starts with a digit. */
export const entryXmlId = (id: string) => (/^[0-9]/.test(id) ? `_${id}` : id);
export const blockXmlId = (language: Language, id: string) => `${language}.${id}`;
export const noteXmlId = (language: Language, id: string) => `${language}.note.${id}`;

const property = (node: HastElement, name: string): string | undefined => {
  const value = node.properties?.[name];
  return typeof value === 'string' ? value : Array.isArray(value) ? value.join(' ') : undefined;
};

interface InlineContext {
  language: Language;
  source: Language;
  glossary: ReadonlyMap<string, GlossaryItem>;
}

/** TEI inline content for sanitized hast phrasing content (see src/pipeline/sanitize-schema.ts). */
function inline(nodes: readonly HastContent[], context: InlineContext): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type === 'text') return [{ type: 'text', value: node.value }];
    if (node.type !== 'element') return [];
    const children = () => inline(node.children, context);
    switch (node.tagName) {
      case 'span': {
        const sid = property(node, 'dataSid');
        if (sid !== undefined) {
          const ids = sid.split(/\s+/).filter(Boolean);
          if (context.language === context.source) return [x('s', { 'xml:id': blockXmlId(context.language, ids[0] ?? '') }, children())];
          return [x('s', { n: ids.join(' '), corresp: ids.map((id) => `#${blockXmlId(context.source, id)}`).join(' ') }, children())];
        }
        const term = property(node, 'dataTerm');
        if (term !== undefined) {
          const kind = context.glossary.get(term)?.kind ?? 'concept';
          const { inline: name, type } = kindElements[kind];
          return [x(name, { type, ref: `#${entryXmlId(term)}` }, children())];
        }
        const note = property(node, 'dataNote');
        if (note !== undefined) return [x('seg', { type: 'note-anchor', corresp: `#${noteXmlId(context.language, note)}` }, children())];
        return children();
      }
      case 'em':
        return [x('hi', { rend: 'italic' }, children())];
      case 'strong':
        return [x('hi', { rend: 'bold' }, children())];
      case 'sup':
        return [x('hi', { rend: 'superscript' }, children())];
      case 'sub':
        return [x('hi', { rend: 'subscript' }, children())];
      case 'code':
        return [x('code', children())];
      case 'a': {
        const href = property(node, 'href');
        return href ? [x('ref', { target: href }, children())] : children();
      }
      case 'br':
        return [x('lb')];
      case 'wbr':
        return [];
      default:
        return children();
    }
  });
}

function blockElement(text: DocumentText, item: Block, context: InlineContext): Element {
  const attributes: Record<string, string | undefined> = { 'xml:id': blockXmlId(text.lang, item.id), n: item.id };
  if (text.lang !== context.source) attributes.corresp = `#${blockXmlId(context.source, item.id)}`;
  return x(item.kind === 'heading' ? 'head' : 'p', attributes, inline(item.element.children, context));
}

/** The body of one language version: headings open nested `div`s by their level; the level-1 heading heads the body. */
function body(text: DocumentText, context: InlineContext): Element {
  interface Open {
    depth: number;
    element: Element;
    children: Array<Element>;
  }
  const root: Open = { depth: 1, element: x('body'), children: [] };
  const stack: Open[] = [root];
  const close = (open: Open, depth: number) => {
    open.element.children = block(open.element.name, {}, depth, open.children).children;
  };
  for (const item of text.blocks) {
    if (item.kind === 'heading' && item.depth >= 2) {
      while (stack.length > 1 && stack[stack.length - 1].depth >= item.depth) {
        const done = stack.pop();
        if (done) close(done, 4 + stack.length);
      }
      const div: Open = { depth: item.depth, element: x('div', { type: item.depth === 2 ? 'section' : 'subsection', n: item.id }), children: [] };
      stack[stack.length - 1].children.push(div.element);
      stack.push(div);
    }
    stack[stack.length - 1].children.push(blockElement(text, item, context));
  }
  while (stack.length > 0) {
    const done = stack.pop();
    if (done) close(done, 4 + stack.length);
  }
  return root.element;
}

/** A note of one language: its paragraphs (as inline content when it has only one). */
function noteElement(text: DocumentText, note: NoteBody, context: InlineContext): Element {
  const anchoredIn = [...new Set(text.anchors.filter((anchor) => anchor.ref === note.id && !anchor.inNote).map((anchor) => anchor.block))];
  const paragraphs = note.children.filter((child): child is HastElement => child.type === 'element');
  const id = noteXmlId(text.lang, note.id);
  const content =
    paragraphs.length === 1 && paragraphs[0].tagName === 'p'
      ? inline(paragraphs[0].children, context)
      : paragraphs.map((paragraph, index) => x('p', { 'xml:id': `${id}.p${index + 1}` }, inline(paragraph.children, context)));
  return x('note', { 'xml:id': id, type: note.kind, n: note.id, target: anchoredIn.map((blockId) => `#${blockXmlId(text.lang, blockId)}`).join(' ') || undefined }, content);
}

function languageText(text: DocumentText, context: InlineContext): Element {
  const official = text.frontMatter.provenance.official;
  const children: Element[] = [body(text, context)];
  if (text.notes.length > 0) {
    children.push(block('back', {}, 4, [block('div', { type: 'notes' }, 5, text.notes.map((note) => noteElement(text, note, context)))]));
  }
  return block('text', { 'xml:lang': text.lang, type: text.frontMatter.role, subtype: official ? 'official' : 'unofficial' }, 3, children);
}

/** The names of a glossary entry in every language, as `element`s with `xml:lang`. */
const names = (item: GlossaryItem, element: string) => languages.map((language) => x(element, { 'xml:lang': language }, item.names[language]));
const idno = (item: GlossaryItem) => (item.wikidata ? [x('idno', { type: 'wikidata' }, item.wikidata)] : []);
const ofKind = (items: readonly GlossaryItem[], ...kinds: GlossaryKind[]) => items.filter((item) => kinds.includes(item.kind));

/** The standOff lists of the people, places, organisations and events the document mentions. */
function standOff(items: readonly GlossaryItem[]): Element | undefined {
  const lists: Element[] = [];
  const people = ofKind(items, 'person');
  if (people.length) lists.push(block('listPerson', {}, 2, people.map((item) => block('person', { 'xml:id': entryXmlId(item.id) }, 3, [...names(item, 'persName'), ...idno(item)]))));
  const places = ofKind(items, 'place');
  if (places.length) lists.push(block('listPlace', {}, 2, places.map((item) => block('place', { 'xml:id': entryXmlId(item.id) }, 3, [...names(item, 'placeName'), ...idno(item)]))));
  const organisations = ofKind(items, 'organisation');
  if (organisations.length) lists.push(block('listOrg', {}, 2, organisations.map((item) => block('org', { 'xml:id': entryXmlId(item.id) }, 3, [...names(item, 'orgName'), ...idno(item)]))));
  const events = ofKind(items, 'event');
  if (events.length) lists.push(block('listEvent', {}, 2, events.map((item) => block('event', { 'xml:id': entryXmlId(item.id) }, 3, [...idno(item), ...names(item, 'label')]))));
  return lists.length ? block('standOff', {}, 1, lists) : undefined;
}

/**
 * The header's `encodingDesc`: the offices, systems and concepts the document mentions, as a taxonomy
 * of `classDecl` (a category each, its kind in `n`, its name in each language as a `term` of a
 * `catDesc`, its Wikidata item as an `idno` in a `catDesc` of its own), or undefined when it mentions
 * none.
 */
function encodingDesc(items: readonly GlossaryItem[]): Element | undefined {
  const terms = ofKind(items, 'office', 'system', 'concept');
  if (terms.length === 0) return undefined;
  const category = (item: GlossaryItem) =>
    block('category', { 'xml:id': entryXmlId(item.id), n: item.kind }, 5, [
      ...languages.map((language) => x('catDesc', { 'xml:lang': language }, x('term', item.names[language]))),
      ...idno(item).map((id) => x('catDesc', {}, [id])),
    ]);
  return block('encodingDesc', {}, 2, [
    block('classDecl', {}, 3, [block('taxonomy', {}, 4, [x('desc', 'Offices, systems and concepts named in the document'), ...terms.map(category)])]),
  ]);
}

/** What the header says of one language version: source or translation, official or made for the edition. */
function versionStatement(text: DocumentText): string {
  const name = languageNames[text.lang].en;
  const { provenance, role } = text.frontMatter;
  if (role === 'source') return `${name}: the source text${provenance.official ? ', official (published by the issuer)' : ''}`;
  return provenance.official ? `${name}: official translation published by the issuer` : `${name}: unofficial translation made for this edition by ${provenance.translator ?? 'the editors'}`;
}

export function toTei(document: ArchiveDocument, glossary: ReadonlyMap<string, GlossaryItem>, { publisher, permalink }: TeiOptions): string {
  const texts = languages.flatMap((language) => document.texts[language] ?? []);
  const source = texts.find((text) => text.lang === document.source) ?? texts[0];
  if (!source) throw new Error(`the document ${document.slug} has no text`);
  const mentioned = new Set(texts.flatMap((text) => text.mentions.map((mention) => mention.ref)));
  const items = [...glossary.values()].filter((item) => mentioned.has(item.id));
  const { frontMatter } = source;

  const titleStmt = block('titleStmt', {}, 3, [
    ...texts.flatMap((text) => (text.frontMatter.title === undefined ? [] : [x('title', { 'xml:lang': text.lang, type: text.lang === document.source ? 'main' : 'alt' }, text.frontMatter.title)])),
    x('author', {}, x('orgName', { 'xml:lang': source.lang }, frontMatter.provenance.issuer)),
    ...texts
      .filter((text) => !text.frontMatter.provenance.official)
      .map((text) => block('respStmt', {}, 4, [x('resp', `unofficial translation into ${languageNames[text.lang].en}`), x('name', { 'xml:lang': text.lang }, text.frontMatter.provenance.translator ?? publisher)])),
  ]);
  const edition = exportedEdition(document);
  const editionStmt = block('editionStmt', {}, 3, [
    x('edition', { n: String(edition.number) }, [
      { type: 'text', value: `Edition ${edition.number}` },
      ...(edition.date ? [{ type: 'text' as const, value: ', ' }, x('date', { when: edition.date }, edition.date)] : []),
    ]),
  ]);
  const revisionDesc = block(
    'revisionDesc',
    {},
    2,
    document.editions.toReversed().map((record) =>
      block('change', { n: String(record.number), when: record.date }, 3, record.summary ? languages.map((language) => x('p', { 'xml:lang': language }, record.summary?.[language])) : [x('p', record.number === 1 ? 'First edition.' : `Edition ${record.number}.`)]),
    ),
  );
  const publicationStmt = block('publicationStmt', {}, 3, [x('publisher', publisher), permalink ? x('idno', { type: 'URI' }, permalink) : null, x('idno', { type: 'slug' }, document.slug)]);
  const sourceDesc = block('sourceDesc', {}, 3, [
    block('listBibl', {}, 4, [
      ...texts.map((text) =>
        block('bibl', { type: text.frontMatter.role, subtype: text.frontMatter.provenance.official ? 'official' : 'unofficial', 'xml:lang': text.lang }, 5, [
          text.frontMatter.title === undefined ? null : x('title', text.frontMatter.title),
          x('author', {}, x('orgName', text.frontMatter.provenance.issuer)),
          x('date', { when: text.frontMatter.date }),
          x('pubPlace', text.frontMatter.place),
          text.frontMatter.provenance.translator ? block('respStmt', {}, 6, [x('resp', 'translated by'), x('name', text.frontMatter.provenance.translator)]) : null,
          text.frontMatter.provenance.method ? x('note', { type: 'method' }, text.frontMatter.provenance.method) : null,
          text.frontMatter.provenance.url ? x('ref', { target: text.frontMatter.provenance.url }, text.frontMatter.provenance.url) : null,
          text.frontMatter.provenance.archive ? x('ref', { type: 'archive', target: text.frontMatter.provenance.archive }, text.frontMatter.provenance.archive) : null,
        ]),
      ),
    ]),
  ]);
  const profileDesc = block('profileDesc', {}, 2, [
    block('langUsage', {}, 3, texts.map((text) => x('language', { ident: text.lang }, versionStatement(text)))),
  ]);
  const header = block('teiHeader', {}, 1, [block('fileDesc', {}, 2, [titleStmt, editionStmt, publicationStmt, sourceDesc]), encodingDesc(items), profileDesc, revisionDesc]);
  const group = block(
    'group',
    {},
    2,
    texts.map((text) => languageText(text, { language: text.lang, source: document.source, glossary })),
  );
  const tei = block('TEI', { xmlns: teiNamespace, 'xml:lang': 'en' }, 0, [header, standOff(items), block('text', {}, 1, [group])]);
  return xmlDocument(tei);
}
