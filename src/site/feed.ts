import 'server-only';
import type { Element } from 'xast';
import { x } from 'xastscript';
import { atomDate, atomId, toAtom, type AtomEntry } from '../exports/atom';
import { languageNames, languages } from '../model/languages';
import type { DocumentSummary, EditionRecord } from '../model/types';
import { sourceText, textFor, titleFor } from '../model/document';
import type { Locale } from '../i18n/config';
import { formatDate, formatList, getT } from '../i18n/server';
import { browsePath, changesPath, editionPath, facetFeedPath, feedArchivePath, feedPath, libraryPath } from '../contract/paths';
import type { Facet } from '../model/facets';
import { siteBrowseIndex, valueLabel } from './browse-index';
import { siteContent } from './content';
import { changelogKey, summaryKey } from './page-keys';
import { absoluteUrl, siteAddress } from './site-url';

/**
 * The Atom feed of one interface language (`/<lang>/feed.xml`): one entry per edition of every
 * document, newest first. A document's edition 1 is its arrival ("New document: …", with its date,
 * place and languages, and its first paragraph); each later edition is "Edition 2 of …: <its summary>",
 * with what changed in each language version and why. The history is paged as an archived feed
 * (RFC 5005): the current feed holds the newest entries, and archive documents of `feedPageSize`
 * entries each, numbered from the oldest, hold the rest (`archivedFeed`). Each facet value a reader
 * may follow has a feed of its own, paged the same way (`facetFeedXml`).
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
export async function feedXml(locale: Locale, archive?: number): Promise<string | undefined> {
  const { documents } = await siteContent().catalog();
  return archivedFeed(locale, await feedEntries(locale, documents), archive, collectionPlace(locale));
}

/**
 * The feed of one facet value (`/<lang>/feeds/participant/kono-taro.xml`, its archives under
 * `…/kono-taro/<n>.xml`): the entries of the documents that have the value. Its id is
 * `feed/<lang>/<facet>/<value>`, the entries' ids are the collection's. Undefined when the value or the
 * archive does not exist.
 */
export async function facetFeedXml(locale: Locale, facet: Facet, value: string, archive?: number): Promise<string | undefined> {
  const index = await siteBrowseIndex();
  const documents = index.values[facet].get(value);
  if (!documents) return undefined;
  const t = getT(locale);
  return archivedFeed(locale, await feedEntries(locale, documents), archive, {
    id: atomId(`feed/${locale}/${facet}/${value}`),
    title: t('browse.feedTitle', { site: t('site.name'), value: `${t(`browse.facets.${facet}`)}: ${valueLabel(index, facet, value, locale, t)}` }),
    current: facetFeedPath(locale, facet, value),
    archive: (n) => facetFeedPath(locale, facet, value, n),
    alternate: browsePath(locale, facet, value),
  });
}

/** How many entries an archive document of a feed holds; the current feed holds from one to this many. */
export const feedPageSize = 50;

/**
 * The number of archive documents of a feed of `total` entries: the entries oldest first, cut into
 * full pages of `feedPageSize`, all but the newest page (which the current feed holds, so that it is
 * never empty while there are entries). A page, once full and archived, never changes as entries are
 * added after it.
 */
export function archiveCount(total: number, size = feedPageSize): number {
  return Math.max(0, Math.ceil(total / size) - 1);
}

interface FeedPlace {
  id: string;
  title: string;
  current: string;
  archive: (n: number) => string;
  alternate: string;
}

/** The entries of `documents` in `locale`, newest first, with the changelogs of the documents that have more than one edition. */
async function feedEntries(locale: Locale, documents: readonly DocumentSummary[]): Promise<FeedEntry[]> {
  const content = siteContent();
  const changelogs = new Map<string, EditionRecord[]>();
  for (const summary of documents) {
    if (summary.editions.length < 2) continue;
    const full = await content.document(summary.slug);
    if (full) changelogs.set(summary.slug, full.editions);
  }
  return sortedEntries(locale, documents, changelogs);
}

/**
 * The current feed (`archive` undefined) or archive document `archive` (1 the oldest) of a feed whose
 * `entries` are newest first, paged as RFC 5005 archived feeds: the current feed links its newest
 * archive (`prev-archive`); each archive links the current feed (`current`) and its older and newer
 * archives (`prev-archive`, `next-archive`). Undefined for an archive that does not exist.
 */
function archivedFeed(locale: Locale, entries: readonly FeedEntry[], archive: number | undefined, place: FeedPlace): string | undefined {
  const t = getT(locale);
  const part = feedPart(entries, archive);
  if (!part) return undefined;
  const { archives, shown } = part;
  const link = (rel: string, href: string) => ({ rel, href: siteAddress(href), type: 'application/atom+xml' });
  const links =
    archive === undefined
      ? [link('self', place.current), link('current', place.current), ...(archives > 0 ? [link('prev-archive', place.archive(archives))] : [])]
      : [
          link('self', place.archive(archive)),
          link('current', place.current),
          ...(archive > 1 ? [link('prev-archive', place.archive(archive - 1))] : []),
          ...(archive < archives ? [link('next-archive', place.archive(archive + 1))] : []),
        ];
  return toAtom({
    id: place.id,
    lang: locale,
    title: place.title,
    subtitle: t('feed.subtitle'),
    // An empty archive has no date to give: the epoch stands for "never updated".
    updated: shown[0]?.entry.updated ?? '1970-01-01T00:00:00Z',
    links: [...links, { rel: 'alternate', href: siteAddress(place.alternate), type: 'text/html', hreflang: locale }],
    author: { name: t('site.name'), uri: absoluteUrl(libraryPath(locale)) },
    entries: shown.map(({ entry }) => entry),
    archive: archive !== undefined,
  });
}

/**
 * The entries of the current feed (`archive` undefined) or of archive document `archive` of a feed whose
 * `entries` are newest first, newest first, and the number of archives; undefined for an archive that
 * does not exist.
 */
function feedPart<T>(entries: readonly T[], archive: number | undefined): { archives: number; shown: T[] } | undefined {
  const archives = archiveCount(entries.length);
  if (archive !== undefined && (!Number.isInteger(archive) || archive < 1 || archive > archives)) return undefined;
  const oldestFirst = [...entries].reverse();
  const page = archive === undefined ? oldestFirst.slice(archives * feedPageSize) : oldestFirst.slice((archive - 1) * feedPageSize, archive * feedPageSize);
  return { archives, shown: page.reverse() };
}

/** Where an entry goes in a feed: newest first; on the same day the later edition first, then by document. */
const newestEntryFirst = (a: EntryPlace, b: EntryPlace) => b.date.localeCompare(a.date) || b.number - a.number || a.slug.localeCompare(b.slug);

type EntryPlace = { date: string; number: number; slug: string };

/**
 * What the current feed or archive `archive` of a feed of `documents` shows that documents can change
 * (its key, src/site/rendered-documents.ts): the number of archives (its links), and each entry's
 * edition, with its document's summary and, for an edition after the first, its changelog.
 */
export async function feedPartKey(documents: readonly DocumentSummary[], archive?: number) {
  const places = documents.flatMap((summary) => summary.editions.map((edition) => ({ date: editionDate(summary, edition), number: edition.number, slug: summary.slug, summary })));
  const part = feedPart(places.sort(newestEntryFirst), archive);
  if (!part) return null;
  const shown = await Promise.all(part.shown.map(async ({ number, summary }) => [number, summaryKey(summary), number > 1 ? await changelogKey(summary.slug) : null]));
  return { archives: part.archives, shown };
}

type FeedEntry = ReturnType<typeof feedEntry>;

/** Every edition of every one of `documents` as a feed entry, newest first. */
function sortedEntries(locale: Locale, documents: readonly DocumentSummary[], changelogs: ReadonlyMap<string, readonly EditionRecord[]>): FeedEntry[] {
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
  return entries.sort(newestEntryFirst);
}

/**
 * The collection's feed of `documents` in `locale`: the current feed, or archive document `archive`
 * (undefined when there is no such archive); `changelogs`: the editions, with their changes, of the
 * documents that have more than one.
 */
export function feedOf(locale: Locale, documents: readonly DocumentSummary[], changelogs: ReadonlyMap<string, readonly EditionRecord[]>): string;
export function feedOf(locale: Locale, documents: readonly DocumentSummary[], changelogs: ReadonlyMap<string, readonly EditionRecord[]>, archive: number): string | undefined;
export function feedOf(locale: Locale, documents: readonly DocumentSummary[], changelogs: ReadonlyMap<string, readonly EditionRecord[]>, archive?: number): string | undefined {
  return archivedFeed(locale, sortedEntries(locale, documents, changelogs), archive, collectionPlace(locale));
}

/** Where the collection's feed of `locale` and its archives are. */
function collectionPlace(locale: Locale): FeedPlace {
  const t = getT(locale);
  return { id: atomId(`feed/${locale}`), title: t('feed.title', { site: t('site.name') }), current: feedPath(locale), archive: (n) => feedArchivePath(locale, n), alternate: libraryPath(locale) };
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
