/**
 * What the export may hold once Next's runtime is out of it (finish.ts): the elements, attributes,
 * comments and scripts of a page, and the files of out/ as the finish step leaves it (the steps
 * after it add the search index, the headers and the compressed copies). Everything here is the site's own output;
 * anything else on a page or in out/ fails the build, named, so that what a Next.js upgrade adds (a
 * new comment marker, a `<template>`, a `data-` payload, a renamed payload file) stops the build
 * instead of shipping. Removing Next's runtime stays a list of what Next writes (strip-runtime.ts);
 * this is the verdict on what remains.
 *
 * Names are listed, never content: any text, attribute value or inline stylesheet passes. The lists
 * were taken from a build (every element, attribute, comment, script and file of out/ after the
 * finish step), plus what content may bring beyond the current documents: the pipeline's sanitize
 * schema is read here, so that a new document cannot fail the build. When a component renders a new
 * element or attribute, or the site writes a new kind of file, the build names it: add it here.
 */
import { Parser } from 'htmlparser2';
import { find, html as htmlProperties } from 'property-information';
import { documentSchemaName } from '../exports/document-json';
import { exportFiles, glossaryExports, pastEditionExportFiles } from '../exports/files';
import { languages } from '../model/languages';
import { locales } from '../i18n/config';
import { sanitizeSchema } from '../pipeline/sanitize-schema';
import { assetsDir, laterPrefix, partPrefix, printPrefix, scriptPrefix } from '../site/asset-names';
import { Attribute, RowTemplate, SearchTemplate } from '../contract/page';
import { browsePath, changesPath, citeDataPath, comparePath, documentPath, editionExportPath, editionPath, editionTipsPath, exportPath, facetFeedPath, feedArchivePath, feedPath, glossaryPagePath, glossaryPath, glossaryTipsPath, homePath, libraryPagePath, libraryPath, readerStringsPath, schemaPath, searchPath, sitemapPath } from '../contract/paths';

/**
 * The elements the site's components (src/app, src/site) render, each with the attributes it may
 * carry. The data attributes of the page–script contract (src/contract/) are allowed on any of them
 * and not repeated here (`contractAttributes`); the `data-*` names below are the stylesheets' own hooks
 * (`data-locale-block`, `data-entry`) and Next's on the styles it inlines. The `<style>` elements are the
 * CSS Next inlines (`experimental.inlineCss`): its attributes are Next's, the stylesheet is ours.
 * Every `<script>` is an inline script of the site's own, marked `data-site` (see `scriptProblem`);
 * the Content-Security-Policy is built from their hashes (security-headers.ts).
 */
const componentElements: Record<string, readonly string[]> = {
  a: ['aria-current', 'aria-label', 'class', 'href', 'hreflang', 'id', 'lang', 'rel'],
  article: ['class', 'data-entry', 'id'],
  body: [],
  button: ['aria-label', 'aria-pressed', 'class', 'data-dismiss', 'disabled', 'hidden', 'type'],
  code: [],
  dd: ['lang'],
  del: [],
  details: ['class', 'id'],
  div: ['aria-label', 'class', 'data-default', 'data-locale-block', 'hidden', 'id', 'lang', 'role', 'tabindex'],
  dl: ['aria-label', 'class'],
  dt: [],
  fieldset: ['aria-describedby', 'class'],
  footer: ['class'],
  form: ['action', 'aria-label', 'class', 'role'],
  h1: ['aria-label', 'class'],
  h2: ['aria-label', 'class', 'id'],
  h3: ['aria-label', 'class', 'id', 'lang'],
  head: [],
  header: ['class'],
  html: ['lang'],
  ins: [],
  input: ['aria-describedby', 'aria-keyshortcuts', 'aria-label', 'checked', 'enterkeyhint', 'id', 'name', 'placeholder', 'type', 'value'],
  label: ['class', 'for'],
  legend: ['class'],
  li: ['aria-hidden', 'class', 'id', 'lang'],
  link: ['href', 'hreflang', 'media', 'rel', 'sizes', 'type'],
  main: ['class', 'id', 'tabindex'],
  meta: ['charset', 'content', 'media', 'name', 'property'],
  nav: ['aria-label', 'class', 'lang'],
  noscript: [],
  option: ['selected', 'value'],
  ol: ['aria-label', 'class'],
  p: ['class', 'hidden', 'id', 'lang', 'role'],
  q: ['lang'],
  script: [],
  select: ['aria-label', 'name'],
  section: ['aria-labelledby', 'class', 'data-locale-block', 'lang'],
  span: ['aria-hidden', 'class', 'data-note', 'data-untranslated', 'lang'],
  style: [],
  summary: [],
  sup: ['class'],
  time: ['datetime'],
  title: [],
  ul: ['class'],
};

/** The data attributes the page and its script agree on (src/contract/): any element of the site may carry them. */
const contractAttributes: ReadonlySet<string> = new Set<string>([...Object.values(Attribute), ...Object.values(RowTemplate), ...Object.values(SearchTemplate)]);

/**
 * The link relations of the site's `<link>`s: icon, print stylesheet, canonical, language alternates
 * and the Atom feed, and RFC 5829's between a document's editions and its changelog (edition-note.tsx).
 */
const linkRelations = new Set(['alternate', 'canonical', 'icon', 'stylesheet', 'version-history', 'predecessor-version', 'latest-version']);

/** Property names of the sanitize schema (`dataPid`) as they stand in HTML (`data-pid`). */
const attributeName = (definition: string | readonly unknown[]) => find(htmlProperties, typeof definition === 'string' ? definition : String(definition[0])).attribute;

/** What content may bring into a page: the elements and attributes the pipeline's sanitize schema keeps. */
function contentElements(): Map<string, string[]> {
  const attributes = sanitizeSchema.attributes ?? {};
  const everywhere = (attributes['*'] ?? []).map(attributeName);
  return new Map((sanitizeSchema.tagNames ?? []).map((tag) => [tag, [...everywhere, ...(attributes[tag] ?? []).map(attributeName)]]));
}

/** Every element a page may hold, with the attributes it may carry: the components' and the content's. */
export const pageElements: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const elements = new Map<string, Set<string>>();
  for (const [tag, names] of [...Object.entries(componentElements), ...contentElements()]) {
    const known = elements.get(tag) ?? new Set<string>();
    for (const name of names) known.add(name);
    elements.set(tag, known);
  }
  return elements;
})();

const unknown = 'which no component of the site renders';
const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

/** A script the site does not own: the start of its code, or its address. */
function scriptProblem(attributes: Record<string, string>, code: string): string | undefined {
  if (Attribute.Site in attributes) return undefined;
  const what = attributes.src !== undefined ? `src="${attributes.src}"` : `inline, starting ${JSON.stringify(code.slice(0, 60))}`;
  return `a <script> that is not the site's own (no data-site): ${what}`;
}

/**
 * What `html`, an exported page, holds beyond the allow-list: each thing once, as a phrase
 * (`a <template> element, which no component of the site renders`). Empty when the page is the site's own.
 */
export function pageProblems(html: string): string[] {
  const problems = new Set<string>();
  let script: { attributes: Record<string, string>; code: string } | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const allowed = pageElements.get(name);
        if (!allowed) {
          problems.add(`a <${name}> element, ${unknown}`);
          return;
        }
        if (name === 'script') script = { attributes, code: '' };
        // A script that is not the site's is named whole when it closes, not attribute by attribute.
        if (name === 'script' && !(Attribute.Site in attributes)) return;
        for (const attribute of Object.keys(attributes)) {
          if (!allowed.has(attribute) && !contractAttributes.has(attribute)) problems.add(`${article(attribute)} ${attribute} attribute on <${name}>, ${unknown}`);
        }
        if (name === 'link') {
          for (const relation of (attributes.rel ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
            if (!linkRelations.has(relation)) problems.add(`a <link rel="${relation}">, ${unknown}`);
          }
        }
      },
      ontext(text) {
        if (script) script.code += text;
      },
      onclosetag(name) {
        if (name !== 'script' || !script) return;
        const problem = scriptProblem(script.attributes, script.code);
        if (problem) problems.add(problem);
        script = undefined;
      },
      oncomment(comment) {
        const shown = comment.length > 40 ? `${comment.slice(0, 40)}…` : comment;
        problems.add(`a comment <!--${shown}-->, ${unknown}`);
      },
      onprocessinginstruction(name, data) {
        if (name.toLowerCase() !== '!doctype' || data.toLowerCase() !== '!doctype html') problems.add(`a <${data}> declaration, ${unknown}`);
      },
    },
    { decodeEntities: false, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return [...problems];
}

/** Stands for a name that comes from content (a slug, a glossary entry) or a content hash, in an address built by the site's own path functions. */
const named = '\u0000';

/** Stands for an edition number in an address built by the site's own path functions: no real edition has sixteen digits. */
const anyEdition = Number.MAX_SAFE_INTEGER;

/** An address of the site (`/en/documents/\0/`) as the shape of a path in out/ (`en/documents/[^/]+/index.html`). */
function fileShape(address: string): string {
  const file = address.endsWith('/') ? `${address}index.html` : address;
  return file
    .slice(1)
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replaceAll(named, '[^/]+')
    .replaceAll(String(anyEdition), '[1-9][0-9]*');
}

/**
 * The files of out/ after the finish step, as shapes of their paths, built from the site's own
 * addresses (src/site/paths.ts) so that they follow them: the pages of each interface language, the
 * 404 page Next writes three times from src/app/global-not-found.tsx, the JSON beside the reading and
 * glossary pages, the Atom feed of each language, the downloads (a past edition's under its number), the
 * glossary's TBX files, the schema, the page script and print stylesheet
 * (src/site/asset-names.ts), what src/app writes at the root, and the stylesheets and media of
 * Next's own under `_next/static/` that a page still refers to. No script of Next's is among them.
 */
const siteFiles = new RegExp(
  `^(?:${[
    homePath(),
    '/404.html',
    '/404/',
    '/_not-found/',
    ...locales.flatMap((locale) => [
      libraryPath(locale),
      documentPath(locale, named),
      editionPath(locale, named, anyEdition),
      editionTipsPath(locale, named, anyEdition),
      changesPath(locale, named),
      comparePath(locale, named, anyEdition, anyEdition),
      citeDataPath(locale, named),
      glossaryPath(locale),
      glossaryPath(locale, named),
      glossaryTipsPath(locale),
      readerStringsPath(locale),
      searchPath(locale),
      feedPath(locale),
      libraryPagePath(locale, anyEdition),
      browsePath(locale),
      browsePath(locale, named),
      browsePath(locale, named, named),
      browsePath(locale, named, named, anyEdition),
      glossaryPagePath(locale, named, anyEdition),
      feedArchivePath(locale, anyEdition),
      facetFeedPath(locale, named, named),
      facetFeedPath(locale, named, named, anyEdition),
    ]),
    ...exportFiles(named, Object.fromEntries(languages.map((language) => [language, true]))).map((file) => exportPath(named, file.name)),
    ...pastEditionExportFiles(named, anyEdition, Object.fromEntries(languages.map((language) => [language, true]))).map((file) => editionExportPath(named, anyEdition, file.name)),
    ...glossaryExports.map((file) => file.href),
    schemaPath(documentSchemaName),
    ...[scriptPrefix, partPrefix].map((prefix) => `/${assetsDir}/${prefix}${named}.js`),
    ...[printPrefix, laterPrefix].map((prefix) => `/${assetsDir}/${prefix}${named}.css`),
    '/icon.svg',
    '/robots.txt',
    sitemapPath(),
    sitemapPath(anyEdition),
    `/_next/static/chunks/${named}.css`,
    `/_next/static/media/${named}`,
  ]
    .map(fileShape)
    .join('|')})$`,
);

/** Whether `path` (relative to out/, with `/`) is a file the site writes. */
export const isSiteFile = (path: string) => siteFiles.test(path);

/** The phrase for a file of out/ that the site does not write. */
export const unknownFile = 'a file that no part of the site writes';
