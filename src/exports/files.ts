/**
 * The export files of a document, built with the site: one TMX, one JSON, one TEI and a plain text per
 * language version, all under `/exports/<slug>/`. Language-independent (not per interface language).
 * Each file's extension is a standard one, so that any static host serves it with a fitting type.
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

const types: Record<ExportFormat, string> = {
  tmx: 'application/x-tmx+xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
  tei: 'application/tei+xml; charset=utf-8',
  text: 'text/plain; charset=utf-8',
};

/** The export files of a document with the given language versions, multilingual formats first. */
export function exportFiles(slug: string, present: Partial<Record<Language, unknown>>): ExportFile[] {
  const file = (format: ExportFormat, name: string, language?: Language): ExportFile => ({ format, name, contentType: types[format], ...(language ? { language } : {}) });
  return [
    file('tmx', `${slug}.tmx`),
    file('json', `${slug}.json`),
    file('tei', `${slug}.tei.xml`),
    ...languages.filter((language) => present[language]).map((language) => file('text', `${slug}.${language}.txt`, language)),
  ];
}
