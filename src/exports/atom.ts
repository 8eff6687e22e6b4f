/**
 * An Atom feed (RFC 4287) as XML, from a plain description of it: the feed's identity, title, links and
 * author, and its entries, each with its identity, title, dates, links, a plain-text summary and, when
 * given, XHTML content. Written with xastscript and serialized by ./xml.ts, so every text and
 * attribute value is escaped. The caller gives dates as RFC 3339 date-times (`atomDate`) and ids as
 * absolute IRIs (`atomId`); links may be relative references, which a reader resolves against the
 * feed's own address (RFC 4287 §4.2.7.1 and RFC 3986).
 */
import { createHash } from 'node:crypto';
import type { Element, ElementContent } from 'xast';
import { x } from 'xastscript';
import { block, xmlDocument } from './xml';

export const atomNamespace = 'http://www.w3.org/2005/Atom';
export const xhtmlNamespace = 'http://www.w3.org/1999/xhtml';

/** The media type of an Atom feed. */
export const atomContentType = 'application/atom+xml; charset=utf-8';

export interface AtomLink {
  href: string;
  /** `alternate`, `self`, `related` … */
  rel: string;
  type?: string;
  hreflang?: string;
  title?: string;
}

export interface AtomEntry {
  /** An absolute IRI that never changes (`atomId`). */
  id: string;
  title: string;
  /** The language of the title, when it is not the feed's. */
  titleLang?: string;
  /** RFC 3339 date-times. */
  updated: string;
  published?: string;
  links: AtomLink[];
  /** What changed, as plain text. */
  summary: string;
  /** The same at more length, as XHTML elements (`p`, `ul`, `h3` … with `lang` where a text is in another language). */
  content?: Element[];
}

export interface AtomFeed {
  id: string;
  /** The language of the feed's texts (`xml:lang` of the root). */
  lang: string;
  title: string;
  subtitle?: string;
  /** RFC 3339; the latest `updated` of its entries. */
  updated: string;
  links: AtomLink[];
  author: { name: string; uri?: string };
  /** Newest first. */
  entries: AtomEntry[];
  /**
   * An archive document of an archived feed (RFC 5005 §4): marked `<fh:archive/>`, its entries never
   * change. Its links say where the current feed and the neighbouring archives are (`current`,
   * `prev-archive`, `next-archive`).
   */
  archive?: boolean;
}

/** The namespace of RFC 5005's feed history elements. */
export const feedHistoryNamespace = 'http://purl.org/syndication/history/1.0';

/** A calendar date (YYYY-MM-DD) as an RFC 3339 date-time: midnight UTC of that day. */
export function atomDate(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`"${date}" is not a date (YYYY-MM-DD)`);
  return `${date}T00:00:00Z`;
}

/**
 * The namespace of the feed's ids (RFC 9562 name-based UUIDs): a random UUID made once for this
 * project. Never change it: readers know entries by their ids.
 */
export const atomIdNamespace = '5f0c8a5e-8f43-4d3b-9b8e-2f4a7c61d0e9';

/**
 * A permanent, absolute id for `name` (`ru/<slug>/2`): `urn:uuid:` and the version-5 (SHA-1,
 * name-based) UUID of the name in `atomIdNamespace`. The same name gives the same id on every build,
 * with or without the site's address, and wherever the site is served: RFC 4287 §4.2.6 asks that an
 * entry's id never change when its feed moves.
 */
export function atomId(name: string): string {
  const namespace = Buffer.from(atomIdNamespace.replaceAll('-', ''), 'hex');
  const bytes = createHash('sha1').update(namespace).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const link = ({ href, rel, type, hreflang, title }: AtomLink) => x('link', { rel, href, type, hreflang, title });

function entryElement(entry: AtomEntry): Element {
  return block('entry', {}, 1, [
    x('id', entry.id),
    x('title', { 'xml:lang': entry.titleLang }, entry.title),
    x('updated', entry.updated),
    entry.published ? x('published', entry.published) : null,
    ...entry.links.map(link),
    x('summary', { type: 'text' }, entry.summary),
    entry.content?.length ? x('content', { type: 'xhtml' }, [block('div', { xmlns: xhtmlNamespace }, 3, entry.content)]) : null,
  ]);
}

/** The feed as an Atom document. */
export function toAtom(feed: AtomFeed): string {
  const author: ElementContent[] = [x('name', feed.author.name), ...(feed.author.uri ? [x('uri', feed.author.uri)] : [])];
  return xmlDocument(
    block('feed', { xmlns: atomNamespace, ...(feed.archive ? { 'xmlns:fh': feedHistoryNamespace } : {}), 'xml:lang': feed.lang }, 0, [
      x('id', feed.id),
      feed.archive ? x('fh:archive') : null,
      x('title', feed.title),
      feed.subtitle ? x('subtitle', feed.subtitle) : null,
      x('updated', feed.updated),
      ...feed.links.map(link),
      block('author', {}, 1, author),
      ...feed.entries.map(entryElement),
    ]),
  );
}
