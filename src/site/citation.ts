import 'server-only';
import { bibtex, chicagoBibliography, chicagoNote, cslJson, type CslItem } from '../citation';
import { languageNames, languages, type Language } from '../model/languages';
import type { DocumentText, ArchiveDocument } from '../model/types';
import { defaultLocale, type Locale } from '../i18n/config';
import { getT } from '../i18n/server';
import { citeBlock } from '../contract/block-place';
import { citeFormats, citeTokens, type CiteData, type CiteFormat } from '../contract/cite-data';
import { sourceText } from '../model/document';
import { documentPath } from '../contract/paths';
import { openValues } from '../contract/page';
import { siteAddress } from './site-url';

/**
 * Citations of a document: each language version cited as what it is (the issuer's official text, or
 * an unofficial translation made for the edition), with the permalink of the reading page (a full address
 * on `SITE_URL`, root-relative without it: see site-url.ts; the page script gives it the page's origin). The
 * Chicago citations are in English, the style's language (see src/citation/); the dialog around them
 * speaks the interface language.
 */

/** The language the citations are written in: Chicago's, and the CSL locale's. */
const citationLanguage: Locale = defaultLocale;

/** What the cited version is, in the citation's language: "Japanese version, unofficial translation made for this edition". */
function versionDescription(text: DocumentText): string {
  const name = languageNames[text.lang].en;
  const { role, provenance } = text.frontMatter;
  if (role === 'source') return `${name} original${provenance.official ? ', official text' : ''}`;
  return `${name} version, ${provenance.official ? 'official translation' : 'unofficial translation made for this edition'}`;
}

/** The CSL item of one language version of a document, or of one of its blocks (`block`: its ID and place). */
export function citationItem(document: ArchiveDocument, language: Language, locale: Locale, block?: { id: string; place: string }): CslItem {
  const text = document.texts[language] ?? sourceText(document);
  const { frontMatter } = text;
  const [year, month, day] = frontMatter.date.split('-').map(Number);
  const key = `${document.slug}-${text.lang}${block ? `-${block.id}` : ''}`;
  const url = siteAddress(documentPath(locale, document.slug)) + (block ? `#${block.id}` : '');
  return {
    id: key,
    'citation-key': key,
    type: 'document',
    title: frontMatter.title,
    author: [{ literal: frontMatter.provenance.issuer }],
    ...(frontMatter.provenance.official || !frontMatter.provenance.translator ? {} : { translator: [{ literal: frontMatter.provenance.translator }] }),
    issued: { 'date-parts': [[year, month, day]] },
    language: text.lang,
    medium: versionDescription(text),
    'container-title': getT(citationLanguage)('site.name'),
    URL: url,
    // Formats without a field for it (BibTeX) carry the block's place and the version's status here.
    note: block ? `${block.place}. ${versionDescription(text)}` : versionDescription(text),
  };
}

function formatAll(item: CslItem, locator?: string): Record<CiteFormat, string> {
  return { chicago: chicagoNote(item, locator), 'csl-json': cslJson(item), bibtex: bibtex(item) };
}

/** The document-level Chicago citation (a bibliography entry) of one version, for the page itself. */
export function documentCitation(document: ArchiveDocument, language: Language, locale: Locale): string {
  return chicagoBibliography(citationItem(document, language, locale));
}

/** How a version is named in the dialog: "Japanese: unofficial translation made for this edition". */
export function versionLabel(locale: Locale, text: DocumentText): string {
  const t = getT(locale);
  return t('citation.versionLabel', { language: languageNames[text.lang][locale], status: t(text.frontMatter.provenance.official ? 'citation.official' : 'citation.unofficial') });
}

/** Everything the cite dialog of the reading page of `locale` needs. */
export function citeData(document: ArchiveDocument, locale: Locale): CiteData {
  const t = getT(locale);
  const inCitations = getT(citationLanguage);
  const versions = languages.flatMap((language) => {
    const text = document.texts[language];
    if (!text) return [];
    const paragraph = formatAll(citationItem(document, language, locale, { id: citeTokens.id, place: citeTokens.place }), citeTokens.place);
    const whole = citationItem(document, language, locale);
    return [{ lang: language, label: versionLabel(locale, text), document: { ...formatAll(whole), chicago: chicagoBibliography(whole) }, paragraph }];
  });
  return {
    address: siteAddress(documentPath(locale, document.slug)),
    strings: {
      document: t('citation.document'),
      paragraph: t('citation.paragraph', openValues(['place'])),
      more: t('citation.more'),
      version: t('citation.version'),
      format: t('citation.format'),
      citation: t('citation.citation'),
      copy: t('citation.copy'),
      copied: t('citation.copied'),
      copyFailed: t('citation.copyFailed'),
      close: t('citation.close'),
    },
    formats: citeFormats.map((id) => ({ id, label: t(`citation.formats.${id}`) })),
    versions,
    places: Object.fromEntries(sourceText(document).blocks.map((block) => [block.id, citeBlock(inCitations, block.id)])),
  };
}
