/**
 * Citations of the edition's documents, formatted by a maintained CSL processor: Citation.js with
 * citeproc-js (`@citation-js/plugin-csl`) and the Chicago Manual of Style 17th edition, full notes and
 * bibliography (`@citation/csl-style-chicago-fullnote-bibliography`, the CSL project's style file
 * from npm), in CSL's own en-US locale; BibTeX (biblatex fields, UTF-8) by `@citation-js/plugin-bibtex`.
 * Nothing is fetched: style and locale come with the packages. Runs at build time only.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import chicagoModule from '@citation/csl-style-chicago-fullnote-bibliography';

/** A CSL-JSON item: the fields the edition's citations use (https://citationstyles.org/). */
export interface CslItem {
  id: string;
  'citation-key': string;
  type: 'document';
  title: string;
  author: Array<{ literal: string }>;
  translator?: Array<{ literal: string }>;
  issued: { 'date-parts': [[number, number, number]] };
  language: string;
  /** What the cited version is: language, and official or made for the edition. */
  medium: string;
  'container-title': string;
  URL: string;
  /** A note for formats that have no field for `medium` or a place (BibTeX): "1.1 ¶2. Japanese version, …". */
  note?: string;
}

/** The style's name as registered with Citation.js. */
export const chicagoStyle = 'chicago-fullnote-bibliography';
/** CSL locale of the Chicago citations: the style's own language; other locales are not packaged. */
export const citationLocale = 'en-US';

// The package's CommonJS entry gives `{ default: info }` to ESM importers, its ESM entry `info` itself.
const chicago = ('content' in chicagoModule ? chicagoModule : (chicagoModule as unknown as { default: typeof chicagoModule }).default).content;
plugins.config.get('@csl').styles.add(chicagoStyle, chicago);
// UTF-8 fields for biber and biblatex (the BibTeX mapping would drop every non-Latin letter), and the
// edition's own keys (slugs and block IDs: letters, digits, hyphens) kept as they are.
Object.assign(plugins.config.get('@bibtex').format, { asciiOnly: false, checkLabel: false });

/** A Chicago full note citing `item`, at `locator` (a place in it, such as "1.1 ¶2") if given. */
export function chicagoNote(item: CslItem, locator?: string): string {
  const entry = locator ? [{ id: item.id, locator, label: 'page' }] : [{ id: item.id }];
  return new Cite(item).format('citation', { template: chicagoStyle, lang: citationLocale, format: 'text', entry }).trim();
}

/** A Chicago bibliography entry for `item`. */
export function chicagoBibliography(item: CslItem): string {
  return new Cite(item).format('bibliography', { template: chicagoStyle, lang: citationLocale, format: 'text' }).trim();
}

/** `item` as a BibTeX entry (biblatex fields: `date`, `translator`, `language`). */
export function bibtex(item: CslItem): string {
  return new Cite(item).format('biblatex').trim();
}

/** `item` as CSL-JSON: an array of one item, indented, as reference managers import it. */
export function cslJson(item: CslItem): string {
  return JSON.stringify([item], null, 2);
}
