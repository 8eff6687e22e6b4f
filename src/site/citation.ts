import 'server-only';
import type { Metadata } from 'next';
import { bibtex, citationStyles, cslJson, highwireTags, localStyle, ris, styleBibliography, styleNote, type CitationStyleId, type CslDate, type CslItem } from '../citation';
import { languageNames, languages, type Language } from '../model/languages';
import type { ArchiveDocument, DocumentText, EditionRecord } from '../model/types';
import type { Locale } from '../i18n/config';
import { getT } from '../i18n/server';
import { citeBlock } from '../contract/block-place';
import { citeAccessed, citeTokens, type CiteData, type CiteFormat, type CiteFormatOption } from '../contract/cite-data';
import { currentEdition, sourceText, type WithTexts , titleFor } from '../model/document';
import { editionPath } from '../contract/paths';
import { openValues } from '../contract/page';
import { siteAddress } from './site-url';

/**
 * Citations of a document: one CSL record (`citationRecord`) of a language version of one edition,
 * from which every citation is made, so that none can disagree with another: Chicago, the local
 * convention (SIST 02, GOST R 7.0.5), CSL-JSON, BibTeX, RIS, the paragraph citations and the
 * `citation_*` meta tags of the page. Each version is cited as what it is (the issuer's official
 * text, or an unofficial translation made for the edition), at the edition's permanent address (a
 * full address on `SITE_URL`, root-relative without it: see site-url.ts; the page script gives it the
 * page's origin), so that a citation always leads to the text that was cited.
 */

/** The edition cited: its number and, when recorded, its date. */
export type CitedEdition = Pick<EditionRecord, 'number' | 'date'>;

export interface CitationRecordInput {
  /** The texts of the edition cited: the document (its current edition) or a past edition (`PastEdition`). */
  document: WithTexts<DocumentText>;
  edition: CitedEdition;
  /** The language version cited. */
  version: Language;
  /** The language the citation is written in (a style's; for the data formats, the interface's). */
  language: Language;
  /** The interface language of the edition's page the address leads to. */
  locale: Locale;
  /** A block: its ID (the address's fragment) and its place as the citation names it ("1.1 ¶2"). */
  block?: { id: string; place: string };
}

const cslDate = (isoDate: string): CslDate => {
  const [year, month, day] = isoDate.split('-').map(Number);
  return { 'date-parts': [[year ?? 0, month ?? 1, day ?? 1]] };
};

/** What the cited version is, in the citation's language: "Japanese version, unofficial translation made for this edition". */
function versionDescription(text: DocumentText, language: Language): string {
  const { role, provenance } = text.frontMatter;
  if (language !== 'en') {
    const t = getT(language);
    return t('citation.versionLabel', { language: languageNames[text.lang][language], status: t(provenance.official ? 'citation.official' : 'citation.unofficial') });
  }
  const name = languageNames[text.lang].en;
  if (role === 'source') return `${name} original${provenance.official ? ', official text' : ''}`;
  return `${name} version, ${provenance.official ? 'official translation' : 'unofficial translation made for this edition'}`;
}

/**
 * The CSL record of one language version of one edition of a document, or of one of its blocks, as
 * cited in `language`: every citation and the page's meta tags are made from it.
 */
export function citationRecord({ document, edition, version, language, locale, block }: CitationRecordInput): CslItem {
  const text = document.texts[version] ?? sourceText(document);
  const inLanguage = document.texts[language];
  const { frontMatter } = text;
  const t = getT(language);
  const key = `${document.slug}-${text.lang}-ed${edition.number}${block ? `-${block.id}` : ''}`;
  const translated = text.lang !== language && inLanguage?.frontMatter.title !== undefined ? ` [${inLanguage.frontMatter.title}]` : '';
  const description = versionDescription(text, language);
  return {
    id: key,
    'citation-key': key,
    type: 'report',
    genre: t('citation.pressRelease'),
    title: `${titleFor(document, text.lang).title}${translated}`,
    // The issuer as the citation's language names it, where the document has that version.
    author: [{ literal: (inLanguage ?? text).frontMatter.provenance.issuer }],
    ...(frontMatter.provenance.official || !frontMatter.provenance.translator ? {} : { translator: [{ literal: frontMatter.provenance.translator }] }),
    publisher: t('site.name'),
    issued: cslDate(frontMatter.date),
    edition: edition.number,
    ...(edition.date ? { 'available-date': cslDate(edition.date) } : {}),
    accessed: { 'date-parts': [[...citeAccessed]] },
    language: text.lang,
    medium: description,
    URL: siteAddress(editionPath(locale, document.slug, edition.number)) + (block ? `#${block.id}` : ''),
    // Formats without a field for it (BibTeX) carry the block's place and the version's status here.
    note: block ? `${block.place}. ${description}` : description,
  };
}

/** The styles offered on the pages of `locale`: Chicago, and the locale's own convention beside it. */
function stylesOf(locale: Locale): CitationStyleId[] {
  const local = localStyle[locale];
  return local ? ['chicago', local] : ['chicago'];
}

/** The media type and extension of each format's file (a style's: plain text). */
const files: Partial<Record<CiteFormat, { type: string; extension: string }>> = {
  'csl-json': { type: 'application/vnd.citationstyles.csl+json', extension: 'json' },
  bibtex: { type: 'application/x-bibtex', extension: 'bib' },
  ris: { type: 'application/x-research-info-systems', extension: 'ris' },
};
const plainText = { type: 'text/plain', extension: 'txt' };

/** The formats offered on the pages of `locale`, in the dialog's order. */
function formatsOf(locale: Locale): CiteFormat[] {
  return [...stylesOf(locale), 'csl-json', 'bibtex', 'ris'];
}

/** Every format of one version of `input` offered on its locale's pages, at `block` if given. */
export function citationsOf(input: Omit<CitationRecordInput, 'language'>): Partial<Record<CiteFormat, string>> {
  const { block } = input;
  // The data formats are in the interface language; each style in its own.
  const data = citationRecord({ ...input, language: input.locale });
  const styles = Object.fromEntries(
    stylesOf(input.locale).map((style) => {
      const item = citationRecord({ ...input, language: citationStyles[style].language });
      // Chicago cites a block in a full note with its place; the local conventions give the entry, with the block's address.
      return [style, style === 'chicago' && block ? styleNote(item, style, block.place) : styleBibliography(item, style)];
    }),
  );
  return { ...styles, 'csl-json': cslJson(data), bibtex: bibtex(data), ris: ris(data) };
}

/** The document-level Chicago citation (a bibliography entry) of one version of the current edition, for the page itself. */
export function documentCitation(document: ArchiveDocument, language: Language, locale: Locale): string {
  return styleBibliography(citationRecord({ document, edition: currentEdition(document), version: language, language: citationStyles.chicago.language, locale }), 'chicago');
}

/** The permanent address of the current edition of `document` as the citations give it. */
export function citedAddress(document: ArchiveDocument, locale: Locale, edition: CitedEdition = currentEdition(document)): string {
  return citationRecord({ document, edition, version: document.source, language: document.source, locale }).URL;
}

/**
 * The Highwire Press `citation_*` meta tags of a reading page or an edition page of `locale`: the
 * record of the version that page shows first (the interface language's, else the source), in its
 * own language. For `generateMetadata`'s `other`.
 */
export function citationMetadata(document: WithTexts<DocumentText>, edition: CitedEdition, locale: Locale): NonNullable<Metadata['other']> {
  const version = (document.texts[locale] ?? sourceText(document)).lang;
  const tags = highwireTags(citationRecord({ document, edition, version, language: version, locale }));
  return Object.fromEntries(tags.map((tag) => [tag.name, tag.content]));
}

/** How a version is named in the dialog: "Japanese: unofficial translation made for this edition". */
export function versionLabel(locale: Locale, text: DocumentText): string {
  const t = getT(locale);
  return t('citation.versionLabel', { language: languageNames[text.lang][locale], status: t(text.frontMatter.provenance.official ? 'citation.official' : 'citation.unofficial') });
}

/** Everything the cite dialog of a page of `locale` needs, for `edition` (the current one by default). */
export function citeData(document: ArchiveDocument, locale: Locale, edition: CitedEdition = currentEdition(document)): CiteData {
  const t = getT(locale);
  const inChicago = getT(citationStyles.chicago.language);
  const versions = languages.flatMap((language) => {
    const text = document.texts[language];
    if (!text) return [];
    const input = { document, edition, version: language, locale };
    const paragraph = citationsOf({ ...input, block: { id: citeTokens.id, place: citeTokens.place } });
    return [{ lang: language, label: versionLabel(locale, text), document: citationsOf(input), paragraph }];
  });
  const formats: CiteFormatOption[] = formatsOf(locale).map((id) => {
    const style = id in citationStyles ? citationStyles[id as CitationStyleId] : undefined;
    const file = files[id] ?? plainText;
    return {
      id,
      label: t(`citation.formats.${id}`),
      ...(style ? { lang: style.language } : {}),
      file: { data: `data:${file.type};charset=utf-8,`, name: `${document.slug}-ed${edition.number}.${file.extension}` },
    };
  });
  return {
    address: citedAddress(document, locale, edition),
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
      save: t('citation.save'),
      close: t('citation.close'),
    },
    formats,
    versions,
    places: Object.fromEntries(sourceText(document).blocks.map((block) => [block.id, citeBlock(inChicago, block.id)])),
  };
}
