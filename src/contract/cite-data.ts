/**
 * What the reading page's cite dialog gets: one JSON file per document and interface language
 * (`/<lang>/documents/<slug>/cite.json`), fetched by the page script when a reader first opens the
 * dialog. Citations are formatted at build time (src/citation/, all from one CSL record per version);
 * a paragraph's are templates in which the page script puts the block's ID and place, and every
 * citation carries a stand-in date of access (`citeAccessed`) that the page script replaces with the
 * day the reader cites. Shared by the route that writes it and the script that reads it; pure types
 * and the substitutions themselves.
 */
import type { Language } from '../model/languages';

/** Chicago; SIST 02 (Japanese pages) and GOST R 7.0.5 (Russian pages); then the formats for reference managers. */
export const citeFormats = ['chicago', 'sist02', 'gost', 'csl-json', 'bibtex', 'ris'] as const;
export type CiteFormat = (typeof citeFormats)[number];

/** Stand-ins, in paragraph templates, for the block ID and for the place ("1.1 ¶2"). */
export const citeTokens = { id: 'CITEBLOCKID', place: 'CITEPLACE' } as const;

/**
 * The stand-in date of access, [year, month, day], in every citation as built: a day no document of the
 * archive carries, with a two-digit month and day, so each format writes it in its own way
 * (9999-11-22, 22.11.9999, 9999/11/22, and in CSL-JSON `[["9999", "11", "22"]]`: date parts may be
 * strings there, so that a two-digit "07" stays valid JSON) and `fillAccessed` finds it in each.
 */
export const citeAccessed = ['9999', '11', '22'] as const;

/**
 * A format the dialog offers: its label, the language of its text (a style's), and its file: the
 * start of its `data:` address (with the media type) and its name.
 */
export interface CiteFormatOption {
  id: CiteFormat;
  label: string;
  lang?: Language;
  file: { data: string; name: string };
}

export interface CiteVersion {
  lang: Language;
  /** "Japanese: unofficial translation made for this edition", in the interface language. */
  label: string;
  /** The document-level citation in each format offered. */
  document: Partial<Record<CiteFormat, string>>;
  /** The paragraph-level citation in each format offered, with `citeTokens` to fill in. */
  paragraph: Partial<Record<CiteFormat, string>>;
}

export interface CiteData {
  /**
   * The address the citations give: the permanent address of the edition shown (a full address on
   * `SITE_URL`, or root-relative when the build did not know the site's address). The script puts the
   * page's own origin in front of its path (`atOrigin`), so that a copied citation names the site
   * where it was read.
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
    /** "Save as file". */
    save: string;
    close: string;
  };
  formats: CiteFormatOption[];
  versions: CiteVersion[];
  /** How each block is cited in the citations (the style's language): block ID → place. */
  places: Record<string, string>;
}

/** `text` with the address as built (`address`) replaced by the same path on `origin`. */
export function atOrigin(text: string, address: string, origin: string): string {
  return text.replaceAll(address, `${origin}${new URL(address, origin).pathname}`);
}
