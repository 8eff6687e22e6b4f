/**
 * The export files of a document, built with the site: one TMX, one JSON, one TEI and a plain text per
 * language version, all under `/exports/<slug>/`. Language-independent (not per interface language).
 * Each file's name ends in its format's own ending, so that a host can give each format its media type
 * by the ending alone (src/export/security-headers.ts writes those rules for every way of serving).
 */
import { languages, type Language } from '../model/languages';

export type ExportFormat = 'tmx' | 'json' | 'tei' | 'text';

export interface ExportFile {
  format: ExportFormat;
  /** The language of a plain-text file; undefined for the multilingual formats. */
  language?: Language;
  /** File name: `<slug>.tmx`, `<slug>.json`, `<slug>.tei.xml`, `<slug>.<lang>.txt`. */
  name: string;
  /** What a server that knows the format should send as Content-Type. */
  contentType: string;
}

/** The folder (address) every export file is in, one folder per document: `/exports/<slug>/<file>`. */
export const exportsFolder = '/exports/';

/**
 * Each format's file-name ending and media type. TMX has no registered type (`application/x-tmx+xml`,
 * an XML type by its suffix); TEI's is registered (RFC 6129). Every format is UTF-8 text.
 */
export const exportFormats: Record<ExportFormat, { ending: string; contentType: string }> = {
  tmx: { ending: '.tmx', contentType: 'application/x-tmx+xml; charset=utf-8' },
  json: { ending: '.json', contentType: 'application/json; charset=utf-8' },
  tei: { ending: '.tei.xml', contentType: 'application/tei+xml; charset=utf-8' },
  text: { ending: '.txt', contentType: 'text/plain; charset=utf-8' },
};

/**
 * The whole glossary as TBX (src/exports/tbx.ts), one file per edition of ISO 30042, at the top of
 * `/exports/`: TBX-Basic of 2019 (`glossary.tbx`) and of 2008 (`glossary-2008.tbx`, for the tools that
 * read only that one). TBX has no registered media type: `application/x-tbx+xml`, an XML type by its
 * suffix, as translate-toolkit and Okapi name it.
 */
export const glossaryExports = [
  { edition: '2019', name: 'glossary.tbx', href: `${exportsFolder}glossary.tbx` },
  { edition: '2008', name: 'glossary-2008.tbx', href: `${exportsFolder}glossary-2008.tbx` },
] as const;

/** The ending and media type of the glossary's TBX files. */
export const glossaryExportFormat = { ending: '.tbx', contentType: 'application/x-tbx+xml; charset=utf-8' };

/** The export files of a document with the given language versions, multilingual formats first. */
export function exportFiles(slug: string, present: Partial<Record<Language, unknown>>): ExportFile[] {
  const file = (format: ExportFormat, stem: string, language?: Language): ExportFile => ({
    format,
    name: `${stem}${exportFormats[format].ending}`,
    contentType: exportFormats[format].contentType,
    ...(language ? { language } : {}),
  });
  return [
    file('tmx', slug),
    file('json', slug),
    file('tei', slug),
    ...languages.filter((language) => present[language]).map((language) => file('text', `${slug}.${language}`, language)),
  ];
}

/**
 * The formats a past edition is kept in: the two that hold every language version whole, with its
 * notes and the glossary entries as they stood (JSON and TEI). A translation memory (TMX) is for
 * translating with the current text, and the plain texts are in both of these; leaving them out keeps
 * each past edition at two files of the export.
 */
export const pastEditionFormats: readonly ExportFormat[] = ['json', 'tei'];

/**
 * The export files of past edition `edition` of a document: `<slug>.edition-<n>.json` and
 * `<slug>.edition-<n>.tei.xml`, so that a saved file names its edition (they live under
 * `/exports/<slug>/editions/<n>/`, src/contract/paths.ts).
 */
export function pastEditionExportFiles(slug: string, edition: number, present: Partial<Record<Language, unknown>>): ExportFile[] {
  return exportFiles(`${slug}.edition-${edition}`, present).filter((file) => pastEditionFormats.includes(file.format));
}
