import 'server-only';
import packageJson from '../../package.json';
import { isLanguage, languages, type Language } from '../model/languages';
import type { ArchiveDocument, EditionRecord, GlossaryItem, PastEdition } from '../model/types';
import { pastEditions, versionsWithText, type Versioned } from '../model/document';
import { documentSchemaName, toDocumentJson } from '../exports/document-json';
import { exportFiles, pastEditionExportFiles, type ExportFile } from '../exports/files';
import { toPlainText } from '../exports/plain-text';
import { toTei } from '../exports/tei';
import { toTbx, type TbxEdition } from '../exports/tbx';
import { toTmx } from '../exports/tmx';
import { exportedEdition, pastEditionDocument, pastEditionGlossary } from '../exports/edition';
import { translatedOnly } from '../exports/translated';
import { defaultLocale, isLocale, type Locale } from '../i18n/config';
import { formatDate, formatList, getT, type TFunction } from '../i18n/server';
import { siteContent } from './content';
import { documentPath, editionExportPath, editionPath, exportPath, glossaryPath, schemaPath } from '../contract/paths';
import { absoluteUrl, siteAddress } from './site-url';
import { renderedParams } from './rendered-documents';

/**
 * Every export file of every document, and of each of its past editions: the static params of the
 * exports route (`path`: `[file]`, or `['editions', n, file]`).
 */
export async function exportParams(): Promise<Array<{ slug: string; path: string[] }>> {
  const documents = renderedParams((await siteContent().catalog()).documents);
  return documents.flatMap((document) => [
    ...exportFiles(document.slug, versionsWithText(document.texts)).map((file) => ({ slug: document.slug, path: [file.name] })),
    ...pastEditions(document).flatMap((edition) =>
      // JSON and TEI hold every language: their names do not depend on which versions the edition had.
      pastEditionExportFiles(document.slug, edition.number, {}).map((file) => ({ slug: document.slug, path: editionExportPath(document.slug, edition.number, file.name).split('/').slice(3) })),
    ),
  ]);
}

/** The export files of a document with their addresses, for the reading page's download list. */
export function documentExports(document: { slug: string; texts: Partial<Record<Language, Versioned>> }): Array<ExportFile & { href: string }> {
  return exportFiles(document.slug, versionsWithText(document.texts)).map((file) => ({ ...file, href: exportPath(document.slug, file.name) }));
}

/**
 * The content of the export file at `path` under `/exports/<slug>/`: `[file]` of the current edition,
 * `['editions', n, file]` of past edition n (src/contract/paths.ts). Undefined when there is no such
 * file.
 */
export async function renderExport(slug: string, path: readonly string[]): Promise<{ file: ExportFile; body: string } | undefined> {
  const content = siteContent();
  const document = await content.document(slug);
  if (!document) return undefined;
  if (path.length === 1) return exportBody(document, await content.glossaryIndex(), path[0]);
  const [, edition, name] = path;
  const number = Number(edition);
  if (path.length !== 3 || !Number.isInteger(number) || editionExportPath(slug, number, name) !== `/exports/${slug}/${path.join('/')}`) return undefined;
  const past = await content.pastEdition(slug, number);
  return past ? pastExportBody(document, past, name) : undefined;
}

/**
 * The content of the export file `name` of `document`, or undefined when the document has no such
 * file. Labels are the interface strings of the file's language (English for the multilingual files).
 */
export function exportBody(current: ArchiveDocument, glossary: ReadonlyMap<string, GlossaryItem>, name: string): { file: ExportFile; body: string } | undefined {
  // What is not yet translated is in no export (src/exports/translated.ts).
  const document = translatedOnly(current);
  const file = exportFiles(document.slug, document.texts).find((candidate) => candidate.name === name);
  if (!file) return undefined;
  const body = fileBody(document, glossary, file, (locale) => documentPath(locale, document.slug));
  return body === undefined ? undefined : { file, body };
}

/**
 * The content of the export file `name` of past edition `past` of `document` (src/exports/files.ts:
 * JSON and TEI, `<slug>.edition-<n>.json`), built from that edition's texts and the glossary entries
 * as they stood then; its permalinks are the edition's own page. Undefined when it has no such file;
 * throws when `past` is not a past edition of `document`.
 */
export function pastExportBody(document: ArchiveDocument, past: PastEdition, name: string): { file: ExportFile; body: string } | undefined {
  const file = pastEditionExportFiles(document.slug, past.number, past.texts).find((candidate) => candidate.name === name);
  if (!file) return undefined;
  const body = fileBody(pastEditionDocument(document, past), pastEditionGlossary(past), file, (locale) => editionPath(locale, document.slug, past.number));
  return body === undefined ? undefined : { file, body };
}

/**
 * The downloads of edition `edition` of a document, with their addresses, for the pages that list an
 * edition's files (the edition pages and the changelog): the reading page's downloads for the
 * current edition, the past edition's own files (JSON and TEI) for an earlier one. `texts`: the
 * language versions of that edition.
 */
export function editionExports(document: Pick<ArchiveDocument, 'slug' | 'editions'>, edition: number, texts: Partial<Record<Language, Versioned>>): Array<ExportFile & { href: string }> {
  if (edition === exportedEdition(document).number) return documentExports({ slug: document.slug, texts });
  return pastEditionExportFiles(document.slug, edition, texts).map((file) => ({ ...file, href: editionExportPath(document.slug, edition, file.name) }));
}

/**
 * What a download list calls each file, in `locale`: its format and the languages it holds ("TEI P5
 * XML (Russian, Japanese and English)", "Plain text, Japanese"). `texts`: the language versions of the
 * edition the files hold.
 */
export function exportLabel(locale: Locale, t: TFunction, texts: Partial<Record<Language, Versioned>>, source: Language): (file: ExportFile) => string {
  const name = (language: Language) => t(`languages.${language}`);
  const withText = versionsWithText(texts);
  const all = formatList(locale, languages.filter((language) => withText[language]).map(name));
  return (file) => (file.format === 'text' ? t('downloads.text', { language: name(file.language ?? source) }) : t(`downloads.${file.format}`, { languages: all }));
}

/**
 * The text of `file`, an export of `document` in the edition it is in (its last). `page` is the
 * address of the page that shows that text in an interface language: the reading page for the current
 * edition, the edition's own page for a past one.
 */
function fileBody(document: ArchiveDocument, glossary: ReadonlyMap<string, GlossaryItem>, file: ExportFile, page: (locale: Locale) => string): string | undefined {
  const { slug } = document;
  const edition = exportedEdition(document);
  const en = getT(defaultLocale);
  const permalink = absoluteUrl(page(defaultLocale));
  switch (file.format) {
    case 'tmx':
      return toTmx(document, { tool: en('site.name'), toolVersion: packageJson.version });
    case 'json': {
      const json = toDocumentJson(document, glossary, { schemaUrl: siteAddress(schemaPath(documentSchemaName)), permalink, editionPermalink: absoluteUrl(editionPath(defaultLocale, slug, edition.number)) });
      return `${JSON.stringify(json, null, 2)}\n`;
    }
    case 'tei':
      return toTei(document, glossary, { publisher: en('site.name'), permalink });
    case 'text': {
      const language = file.language;
      const text = language ? document.texts[language] : undefined;
      if (!language || !isLanguage(language) || !text) return undefined;
      // The text's own language is also an interface language: its labels and its reading page are in it.
      const locale = isLocale(language) ? language : defaultLocale;
      const t = getT(locale);
      const { official } = text.frontMatter.provenance;
      return toPlainText(document, language, {
        labels: {
          // A plural key: the heading agrees with the number of notes, as on the reading page.
          notes: t('reader.notesHeading', { count: text.notes.length }),
          issuer: t('reader.issuer'),
          translator: t('reader.translator'),
          status: t(official ? 'reader.official' : 'reader.unofficial'),
          edition: editionLine(locale, edition),
        },
        permalink: absoluteUrl(page(locale)),
      });
    }
  }
}

/** "Edition 2, December 7, 2026" in `locale`; "Edition 1" for an edition without a recorded date. */
export function editionLine(locale: Locale, edition: Pick<EditionRecord, 'number' | 'date'>): string {
  const t = getT(locale);
  return edition.date ? t('downloads.edition', { number: edition.number, date: formatDate(locale, edition.date) }) : t('downloads.editionUndated', { number: edition.number });
}

/** The whole glossary as TBX-Basic of the given edition of ISO 30042 (`/exports/glossary.tbx`, `/exports/glossary-2008.tbx`). */
export async function glossaryTbx(edition: TbxEdition): Promise<string> {
  const { glossary } = await siteContent().catalog();
  const site = absoluteUrl(glossaryPath(defaultLocale));
  return toTbx(glossary, {
    edition,
    publisher: getT(defaultLocale)('site.name'),
    ...(site ? { entryAddress: (id: string) => absoluteUrl(glossaryPath(defaultLocale, id)) ?? id } : {}),
  });
}
