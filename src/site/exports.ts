import 'server-only';
import packageJson from '../../package.json';
import { isLanguage } from '../model/languages';
import type { ArchiveDocument, GlossaryItem } from '../model/types';
import { documentSchemaName, toDocumentJson } from '../exports/document-json';
import { exportFiles, type ExportFile } from '../exports/files';
import { toPlainText } from '../exports/plain-text';
import { toTei } from '../exports/tei';
import { toTmx } from '../exports/tmx';
import { defaultLocale, isLocale } from '../i18n/config';
import { getT } from '../i18n/server';
import { siteContent } from './content';
import { documentPath, exportPath, schemaPath } from '../contract/paths';
import { absoluteUrl, siteAddress } from './site-url';

/** Every export file of every document: the static params of the exports route. */
export async function exportParams(): Promise<Array<{ slug: string; file: string }>> {
  const { documents } = await siteContent().catalog();
  return documents.flatMap((document) => exportFiles(document.slug, document.texts).map((file) => ({ slug: document.slug, file: file.name })));
}

/** The export files of a document with their addresses, for the reading page's download list. */
export function documentExports(document: Pick<ArchiveDocument, 'slug' | 'texts'>): Array<ExportFile & { href: string }> {
  return exportFiles(document.slug, document.texts).map((file) => ({ ...file, href: exportPath(document.slug, file.name) }));
}

/** The content of one export file, or undefined when the document or the file does not exist. */
export async function renderExport(slug: string, name: string): Promise<{ file: ExportFile; body: string } | undefined> {
  const document = await siteContent().document(slug);
  if (!document) return undefined;
  return exportBody(document, await siteContent().glossaryIndex(), name);
}

/**
 * The content of the export file `name` of `document`, or undefined when the document has no such
 * file. Labels are the interface strings of the file's language (English for the multilingual files).
 */
export function exportBody(document: ArchiveDocument, glossary: ReadonlyMap<string, GlossaryItem>, name: string): { file: ExportFile; body: string } | undefined {
  const { slug } = document;
  const file = exportFiles(slug, document.texts).find((candidate) => candidate.name === name);
  if (!file) return undefined;
  const en = getT(defaultLocale);
  const permalink = absoluteUrl(documentPath(defaultLocale, slug));
  switch (file.format) {
    case 'tmx':
      return { file, body: toTmx(document, { tool: en('site.name'), toolVersion: packageJson.version }) };
    case 'json':
      return { file, body: `${JSON.stringify(toDocumentJson(document, glossary, { schemaUrl: siteAddress(schemaPath(documentSchemaName)), permalink }), null, 2)}\n` };
    case 'tei':
      return { file, body: toTei(document, glossary, { publisher: en('site.name'), permalink }) };
    case 'text': {
      const language = file.language;
      const text = language ? document.texts[language] : undefined;
      if (!language || !isLanguage(language) || !text) return undefined;
      // The text's own language is also an interface language: its labels and its reading page are in it.
      const locale = isLocale(language) ? language : defaultLocale;
      const t = getT(locale);
      const { official } = text.frontMatter.provenance;
      const body = toPlainText(document, language, {
        labels: {
          // A plural key: the heading agrees with the number of notes, as on the reading page.
          notes: t('reader.notesHeading', { count: text.notes.length }),
          issuer: t('reader.issuer'),
          translator: t('reader.translator'),
          status: t(official ? 'reader.official' : 'reader.unofficial'),
        },
        permalink: absoluteUrl(documentPath(locale, slug)),
      });
      return body === undefined ? undefined : { file, body };
    }
  }
}
