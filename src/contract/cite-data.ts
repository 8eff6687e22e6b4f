/**
 * What the reading page's cite dialog gets: one JSON file per document and interface language
 * (`/<lang>/documents/<slug>/cite.json`), fetched by the page script when a reader first opens the
 * dialog. Citations are formatted at build time (src/citation/); a paragraph's are templates in which
 * the page script puts the block's ID and place. Shared by the route that writes it and the script
 * that reads it; pure types and the substitution itself.
 */
import type { Language } from '../model/languages';

export const citeFormats = ['chicago', 'csl-json', 'bibtex'] as const;
export type CiteFormat = (typeof citeFormats)[number];

/** Stand-ins, in paragraph templates, for the block ID and for the place ("1.1 ¶2"). */
export const citeTokens = { id: 'CITEBLOCKID', place: 'CITEPLACE' } as const;

export interface CiteVersion {
  lang: Language;
  /** "Japanese: unofficial translation made for this edition", in the interface language. */
  label: string;
  /** The document-level citation in each format. */
  document: Record<CiteFormat, string>;
  /** The paragraph-level citation in each format, with `citeTokens` to fill in. */
  paragraph: Record<CiteFormat, string>;
}

export interface CiteData {
  /**
   * The reading page's address as the citations give it: a full address on `SITE_URL`, or root-relative
   * when the build did not know the site's address. The script puts the page's own origin in front
   * of its path (`atOrigin`), so that a copied citation names the site where it was read.
   */
  address: string;
  /** Interface strings of the dialog. */
  strings: {
    /** "Cite this document". */
    document: string;
    /** "Cite {place}": a template (templates.ts) with the block's place to fill in. */
    paragraph: string;
    /** The button of the page's "Cite" disclosure that opens the dialog: "Other language versions and formats". */
    more: string;
    version: string;
    format: string;
    citation: string;
    copy: string;
    copied: string;
    copyFailed: string;
    close: string;
  };
  formats: Array<{ id: CiteFormat; label: string }>;
  versions: CiteVersion[];
  /** How each block is cited in the citations (the style's language): block ID → place. */
  places: Record<string, string>;
}

/** A paragraph citation from its template: `id` and `place` put in, escaped as the format needs. */
export function fillCitation(template: string, format: CiteFormat, id: string, place: string): string {
  const value = (text: string) => (format === 'csl-json' ? JSON.stringify(text).slice(1, -1) : text);
  return template.replaceAll(citeTokens.id, value(id)).replaceAll(citeTokens.place, value(place));
}

/** `text` with the reading page's address as built (`address`) replaced by the same path on `origin`. */
export function atOrigin(text: string, address: string, origin: string): string {
  return text.replaceAll(address, `${origin}${new URL(address, origin).pathname}`);
}
