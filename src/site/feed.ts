import 'server-only';
import type { Element } from 'xast';
import { x } from 'xastscript';
import { atomDate, atomId, toAtom, type AtomEntry } from '../exports/atom';
import { languageNames, languages } from '../model/languages';
import type { DocumentSummary, EditionRecord } from '../model/types';
import { sourceText, textFor , titleFor } from '../model/document';
import type { Locale } from '../i18n/config';
import { formatDate, formatList, getT } from '../i18n/server';
import { changesPath, editionPath, feedPath, libraryPath } from '../contract/paths';
import { siteContent } from './content';
import { absoluteUrl, siteAddress } from './site-url';

/**
 * The Atom feed of one interface language (`/<lang>/feed.xml`): one entry per edition of every
 * document, newest first. A document's edition 1 is its arrival ("New document: …", with its date,
 * place and languages, and its first paragraph); each later edition is "Edition 2 of …: <its summary>",
 * with what changed in each language version and why. The whole history is in the one file (RFC 5005
 * paging can come when it grows long).
 *
 * - ids: `urn:uuid:` name-based ids (src/exports/atom.ts) of `feed/<lang>` and `<lang>/<slug>/<n>`,
 *   the same on every build and wherever the site is served, with or without `SITE_URL`.
 * - links: full addresses on `SITE_URL` when it is set; root-relative ones otherwise, which a feed
 *   reader resolves against the feed's own address (the feed is always fetched from the site).
 * - dates: an edition's date as midnight UTC; an edition without a recorded date (a document without
 *   `editions.yaml`) takes the date of the document itself, the day the statement was made.
 * - each entry links to the edition's permanent page (`alternate`) and the document's changelog
 *   (`related`).
 */
export async function feedXml(locale: Locale): Promise<string> {
  const content = siteContent();
  const { documents } = await content.catalog();
  // The changelogs are in each document's own file, read only for documents with more than one edition.
  const changelogs = new Map<string, EditionRecord[]>();
  for (const summary of documents) {
    if (summary.editions.length < 2) continue;
    const full = await content.document(summary.slug);
    if (full) changelogs.set(summary.slug, full.editions);
  }
  return feedOf(locale, documents, changelogs);
}

/** The feed of `documents` in `locale`; `changelogs`: the editions, with their changes, of the documents that have more than one. */
export function feedOf(locale: Locale, documents: readonly DocumentSummary[], changelogs: ReadonlyMap<string, readonly EditionRecord[]>): string {
  const t = getT(locale);
  const entries = documents.flatMap((summary) =>
    summary.editions.map((edition) =>
      feedEntry(
        locale,
        summary,
        edition,
        changelogs.get(summary.slug)?.find((candidate) => candidate.number === edition.number),
      ),
    ),
  );
  // Newest first; on the same day the later edition first, then by document.
  entries.sort((a, b) => b.date.localeCompare(a.date) || b.number - a.number || a.slug.localeCompare(b.slug));
  return toAtom({
    id: atomId(`feed/${locale}`),
    lang: locale,
    title: t('feed.title', { site: t('site.name') }),
    subtitle: t('feed.subtitle'),
    // An empty archive has no date to give: the epoch stands for "never updated".
    updated: entries[0]?.entry.updated ?? '1970-01-01T00:00:00Z',
    links: [
      { rel: 'self', href: siteAddress(feedPath(locale)), type: 'application/atom+xml' },
      { rel: 'alternate', href: siteAddress(libraryPath(locale)), type: 'text/html', hreflang: locale },
    ],
    author: { name: t('site.name'), uri: absoluteUrl(libraryPath(locale)) },
    entries: entries.map(({ entry }) => entry),
  });
}

/** The date of an edition, or of the document when the edition has none recorded. */
export function editionDate(summary: Pick<DocumentSummary, 'slug' | 'source' | 'texts'>, edition: Pick<EditionRecord, 'date'>): string {
  return edition.date ?? sourceText(summary).frontMatter.date;
}

function feedEntry(
  locale: Locale,
  summary: DocumentSummary,
  edition: Omit<EditionRecord, 'changes' | 'fates'>,
  record: EditionRecord | undefined,
): { entry: AtomEntry; date: string; number: number; slug: string } {
  const t = getT(locale);
  const local = textFor(summary, locale);
  const title = titleFor(summary, locale).title;
  const date = editionDate(summary, edition);
  const common = {
    id: atomId(`${locale}/${summary.slug}/${edition.number}`),
    updated: atomDate(date),
    published: atomDate(date),
    links: [
      { rel: 'alternate', href: siteAddress(editionPath(locale, summary.slug, edition.number)), type: 'text/html', hreflang: locale },
      { rel: 'related', href: siteAddress(changesPath(locale, summary.slug)), type: 'text/html', hreflang: locale },
    ],
  };
  const sortKeys = { date, number: edition.number, slug: summary.slug };
  if (edition.number === 1) {
    const languageList = formatList(
      locale,
      languages.filter((language) => summary.texts[language]).map((language) => t(`languages.${language}`)),
    );
    const documentDate = sourceText(summary).frontMatter.date;
    return {
      ...sortKeys,
      entry: {
        ...common,
        titleLang: locale,
        title: t('feed.newDocument', { title }),
        summary: t('feed.newDocumentSummary', { date: formatDate(locale, documentDate), place: local.frontMatter.place, languages: languageList }),
        content: local.lead ? [x('p', { lang: local.lang, 'xml:lang': local.lang }, local.lead)] : undefined,
      },
    };
  }
  const what = edition.summary?.[locale] ?? t('downloads.editionUndated', { number: edition.number });
  return {
    ...sortKeys,
    entry: {
      ...common,
      titleLang: locale,
      title: t('feed.newEdition', { number: edition.number, title, summary: what }),
      summary: what,
      content: [x('p', what), ...changeLists(locale, record)],
    },
  };
}

/** What changed in each language version, and why: a heading and a list per language, each change in the language of its version. */
function changeLists(locale: Locale, record: EditionRecord | undefined): Element[] {
  const t = getT(locale);
  return languages.flatMap((language) => {
    const changes = record?.changes[language] ?? [];
    if (changes.length === 0) return [];
    return [
      x('p', [x('strong', t('feed.changesIn', { language: languageNames[language][locale] }))]),
      x(
        'ul',
        { lang: language, 'xml:lang': language },
        changes.map((change) => x('li', `${change.what} — ${change.why}`)),
      ),
    ];
  });
}
