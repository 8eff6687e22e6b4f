/**
 * Citations of the archive's documents, every format made from one CSL-JSON record (`CslItem`): the
 * styles by a maintained CSL processor, Citation.js with citeproc-js (`@citation-js/plugin-csl`; the
 * styles are in styles.ts: Chicago from npm, SIST 02 and GOST R 7.0.5 vendored); BibTeX (biblatex
 * fields, UTF-8) by `@citation-js/plugin-bibtex`; RIS by `@citation-js/plugin-ris`; and the Highwire
 * Press `citation_*` meta tags that reference managers (Zotero's Embedded Metadata translator) read.
 * Nothing is fetched: styles and locales come with the packages or the repository. Build time only.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { citationStyles, type CitationStyleId } from './styles';

export { citationStyles, localStyle, type CitationStyleId } from './styles';

/** A CSL date: year, month, day (numbers, or strings of digits, which CSL-JSON allows too). */
export interface CslDate {
  'date-parts': [[number, number, number] | [string, string, string]];
}

/**
 * The CSL-JSON record of one language version of one edition of a document, or of one of its blocks,
 * as cited in one language (https://citationstyles.org/). A press release is a CSL `report` with the
 * genre "press release": Chicago writes it as CMOS 14.194 asks ("Issuer. “Title.” Press release. …"),
 * SIST 02 and GOST R 7.0.5 as a report, and reference managers map it to their report type (Zotero
 * `report`, RIS `RPRT`, biblatex `@report`).
 */
export interface CslItem {
  id: string;
  'citation-key': string;
  type: 'report';
  /** "press release", in the citation's language. */
  genre: string;
  /**
   * The version's own title; when the version's language is not the citation's, followed by the
   * title in the citation's language in brackets, as the styles ask ("Четвертый раунд … [Fourth Round …]").
   */
  title: string;
  /** The body that issued the statement. */
  author: Array<{ literal: string }>;
  translator?: Array<{ literal: string }>;
  /** The site, which publishes the edition. */
  publisher: string;
  /** The date of the statement: the date of the press release, which every style and reference manager shows as its date. */
  issued: CslDate;
  /** The edition's number: Chicago writes "2nd ed.", GOST "2-е изд.", SIST 02 "第2版". */
  edition: number;
  /**
   * When the edition was published (CSL has no variable for an edition's date: this is the date the
   * cited text became available). Absent for an edition without a recorded date. The styles show the
   * edition by its number and its permanent address, not by this date.
   */
  'available-date'?: CslDate;
  /** The day the reader cites it: a stand-in at build time, which the page script replaces (see cite-data.ts). */
  accessed: CslDate;
  language: string;
  /** What the cited version is: language, and official or made for the edition. */
  medium: string;
  /** The edition's permanent address (with the block's ID as fragment for a block). */
  URL: string;
  /** A note for formats that have no field for `medium` or a place (BibTeX): "1.1 ¶2. Japanese version, …". */
  note?: string;
}

// UTF-8 fields for biber and biblatex (the BibTeX mapping would drop every non-Latin letter), and the
// edition's own keys (slugs and block IDs: letters, digits, hyphens) kept as they are.
Object.assign(plugins.config.get('@bibtex').format, { asciiOnly: false, checkLabel: false });

const options = (style: CitationStyleId) => ({ template: citationStyles[style].template, lang: citationStyles[style].locale, format: 'text' as const });

/** A note citing `item` in `style`, at `locator` (a place in it, such as "1.1 ¶2") if given: Chicago's full note. */
export function styleNote(item: CslItem, style: CitationStyleId, locator?: string): string {
  const entry = locator ? [{ id: item.id, locator, label: 'page' }] : [{ id: item.id }];
  return new Cite(item).format('citation', { ...options(style), entry }).trim();
}

/** A bibliography entry for `item` in `style`. */
export function styleBibliography(item: CslItem, style: CitationStyleId): string {
  // SIST 02 puts two spaces after an institution's name (its name macro's suffix, then the title's space).
  return new Cite(item).format('bibliography', options(style)).trim().replace(/ {2,}/g, ' ');
}

/** `item` as a BibTeX entry (biblatex fields: `date`, `translator`, `language`, `urldate`). */
export function bibtex(item: CslItem): string {
  return new Cite(item).format('biblatex').trim();
}

/**
 * `item` as RIS, the tags mapped by `@citation-js/plugin-ris`, one tag a line, lines ending in CR LF
 * as the format asks. Its own writer is not used: it wraps values at 70 characters, which breaks an
 * address in two for an importer that joins continued lines with a space (Citation.js's own does).
 */
export function ris(item: CslItem): string {
  const [entry] = new Cite(item).format('ris', { format: 'object' });
  const { TY, ...tags } = entry ?? {};
  const lines = Object.entries(tags).flatMap(([tag, value]) => [value].flat().map((one) => `${tag}  - ${one}`));
  return [`TY  - ${TY}`, ...lines, 'ER  - ', ''].join('\r\n');
}

/** `item` as CSL-JSON: an array of one item, indented, as reference managers import it. */
export function cslJson(item: CslItem): string {
  return JSON.stringify([item], null, 2);
}

/** A CSL date as Highwire Press writes it: 2019/05/30. */
const highwireDate = ({ 'date-parts': [[year, month, day]] }: CslDate) => [year, month, day].map((part, index) => String(part).padStart(index ? 2 : 4, '0')).join('/');

/**
 * The Highwire Press `citation_*` meta tags of `item` (name, content), as Zotero's Embedded Metadata
 * translator reads them: `citation_technical_report_institution` makes the item a report, with the
 * issuer as institution; title, date (the statement's), language and the edition's address. No
 * `citation_author` (the translator splits an institution's name into a person's first and last name)
 * and no `citation_publisher` (a report's publisher and institution are one Zotero field).
 * `DC.type` gives the report's type ("press release"); the edition reaches the reference manager through
 * its address, as a Zotero report has no edition field.
 */
export function highwireTags(item: CslItem): Array<{ name: string; content: string }> {
  return [
    { name: 'citation_title', content: item.title },
    { name: 'citation_technical_report_institution', content: item.author.map((author) => author.literal).join('; ') },
    { name: 'citation_publication_date', content: highwireDate(item.issued) },
    { name: 'citation_language', content: item.language },
    { name: 'citation_public_url', content: item.URL },
    { name: 'DC.type', content: item.genre },
  ];
}
