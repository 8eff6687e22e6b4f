/**
 * Takes the Next.js runtime out of an exported page. The site is rendered by React at build time and
 * needs no framework in the browser: its behaviours are one small script of its own
 * (src/behaviour/). Next's App Router has no switch for that, so this step removes, from each HTML
 * file of the export:
 * - `<script>` elements that load Next's chunks (`/_next/…`), and their `<link rel="preload">`s;
 * - Next's inline scripts: the RSC payload (`self.__next_f`), the Turbopack bootstrap, React's
 *   streaming helpers (`$RC`…);
 * - React's Suspense and text-separator comments, and the `<div hidden>` Next puts first in the body
 *   for streamed metadata (only that one: the body's first child, holding nothing but Suspense comments);
 * - what only Next's runtime reads or what repeats a tag beside it, bytes of every page's first round
 *   trip: the inline stylesheet's `data-precedence` and `data-href` (the file it was inlined from stays
 *   in out/, `styleSources`), and `twitter:title` and `twitter:description` where they repeat
 *   `og:title` and `og:description`, which X's card reader takes in their absence.
 * It knows what Next writes; it does not judge what is left. The allow-list does
 * (page-allow-list.ts): whatever this step misses after a Next upgrade fails the build there.
 * Works on the tokenizer's offsets (htmlparser2): the rest of the page is kept byte for byte.
 */
import { Parser } from 'htmlparser2';
import { Attribute } from '../contract/page';

/** What was removed from a page. */
export interface StripResult {
  html: string;
  removed: { scripts: number; preloads: number; payloads: number; comments: number };
  /** The `/_next/` files the inline stylesheets were made of (their `data-href`, removed). */
  styleSources: string[];
}

/** Next's attributes of an inline stylesheet, which only its client router reads. */
const styleRouterAttribute = / data-(?:precedence|href)="[^"]*"/g;
/** Next writes these from the OpenGraph title and description. */
const twitterRepeats: Record<string, string> = { 'twitter:title': 'og:title', 'twitter:description': 'og:description' };

/** Inline scripts that are Next's or React's: payload, bootstrap, streaming helpers. */
const runtimeInline = /self\.__next_f|__next_s|TURBOPACK|\$RC|\$RS|\$RX|\$RV|requestAnimationFrame\(function\(\)\{\$RT/;
/** Comments React and Next write into prerendered HTML. */
const reactComment = /^(?:\$|\/\$|\$\?|\$!| |&|\/&)$/;
/** React's Suspense boundary markers, the only content of Next's streamed-metadata div. */
const suspenseComment = /^\/?\$$/;

const isRuntimeSource = (src: string) => src.startsWith('/_next/');

export function stripRuntime(html: string): StripResult {
  const cuts: Array<[number, number]> = [];
  const removed = { scripts: 0, preloads: 0, payloads: 0, comments: 0 };
  const styleSources: string[] = [];
  const openGraph = new Map<string, string>();
  const twitter: Array<{ range: [number, number]; name: string; content: string }> = [];
  let script: { start: number; attributes: Record<string, string>; text: string } | undefined;
  /**
   * Next's streamed-metadata div: `<div hidden="">` as the body's first child, holding only Suspense
   * comments. `awaiting` until the body's first child is met; then the candidate div, until it closes.
   */
  let metadata: 'before body' | 'awaiting' | 'done' | { start: number; depth: number; markers: number; onlyMarkers: boolean } = 'before body';
  let depth = 0;
  const notMetadata = () => {
    if (metadata === 'awaiting') metadata = 'done';
    else if (typeof metadata === 'object') metadata.onlyMarkers = false;
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        depth++;
        if (name === 'body') metadata = 'awaiting';
        else if (metadata === 'awaiting' && name === 'div' && Object.keys(attributes).join() === 'hidden' && attributes.hidden === '') {
          metadata = { start: parser.startIndex, depth, markers: 0, onlyMarkers: true };
        } else notMetadata();
        if (name === 'script') script = { start: parser.startIndex, attributes, text: '' };
        if (name === 'style' && attributes['data-href'] !== undefined) {
          styleSources.push(attributes['data-href']);
          const start = parser.startIndex;
          for (const match of html.slice(start, parser.endIndex).matchAll(styleRouterAttribute)) cuts.push([start + match.index, start + match.index + match[0].length]);
        }
        if (name === 'meta' && attributes.property?.startsWith('og:')) openGraph.set(attributes.property, attributes.content ?? '');
        if (name === 'meta' && attributes.name !== undefined && attributes.name in twitterRepeats) {
          twitter.push({ range: [parser.startIndex, parser.endIndex + 1], name: attributes.name, content: attributes.content ?? '' });
        }
        if (name === 'link') {
          const rel = (attributes.rel ?? '').toLowerCase().split(/\s+/);
          const scriptPreload = (rel.includes('preload') && attributes.as === 'script') || rel.includes('modulepreload');
          if (scriptPreload && isRuntimeSource(attributes.href ?? '')) {
            cuts.push([parser.startIndex, parser.endIndex + 1]);
            removed.preloads++;
          }
        }
      },
      ontext(text) {
        if (script) script.text += text;
        else if (text.trim()) notMetadata();
      },
      oncomment(comment) {
        if (!suspenseComment.test(comment)) notMetadata();
        else if (typeof metadata === 'object') metadata.markers++;
        if (reactComment.test(comment)) {
          cuts.push([parser.startIndex, parser.endIndex + 1]);
          removed.comments++;
        }
      },
      onclosetag(name) {
        if (typeof metadata === 'object' && metadata.depth === depth) {
          if (metadata.onlyMarkers && metadata.markers > 0) cuts.push([metadata.start, parser.endIndex + 1]);
          metadata = 'done';
        }
        depth--;
        if (name === 'script' && script) {
          const { start, attributes, text } = script;
          script = undefined;
          const range: [number, number] = [start, parser.endIndex + 1];
          if (attributes.src !== undefined && isRuntimeSource(attributes.src)) {
            cuts.push(range);
            removed.scripts++;
          } else if (attributes.src === undefined && runtimeInline.test(text) && !(Attribute.Site in attributes)) {
            cuts.push(range);
            removed.payloads++;
          }
        }
      },
    },
    { decodeEntities: false, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  for (const { range, name, content } of twitter) if (openGraph.get(twitterRepeats[name]) === content) cuts.push(range);

  // Ranges never cross; nested ones (a comment inside a removed div) fold into their container.
  cuts.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let result = '';
  let position = 0;
  for (const [start, end] of cuts) {
    if (start < position) continue;
    result += html.slice(position, start);
    position = end;
  }
  result += html.slice(position);
  return { html: settleFeedLink(result), removed, styleSources };
}

/** The layout's `<link rel="alternate">` to the Atom feed (src/app/[lang]/layout.tsx), as React writes it. */
const feedLink = /<link rel="alternate" type="application\/atom\+xml" href="[^"<>]*"\/>/;

/**
 * Puts the feed's link last in the head. React hoists a `<link>` into the head at the point its
 * rendering reaches first, so its place among Next's metadata varied from one build of the same page to
 * the next; at a fixed place, two builds of the same content are the same bytes (an incremental build's
 * pages and a clean build's, src/export/incremental.ts).
 */
export function settleFeedLink(html: string): string {
  const found = feedLink.exec(html);
  const headEnd = html.indexOf('</head>');
  if (!found || headEnd < 0 || found.index > headEnd) return html;
  const without = html.slice(0, found.index) + html.slice(found.index + found[0].length);
  const end = headEnd - found[0].length;
  return without.slice(0, end) + found[0] + without.slice(end);
}
