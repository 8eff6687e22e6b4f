import 'server-only';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { facets, newestFirst, pageCount, pageFromSegments, pageOf, pageSegments } from '../model/facets';
import type { EntryDocumentMentions, MentionCount } from '../model/types';
import { locales } from '../i18n/config';
import { getT } from '../i18n/server';
import { glossaryPagePath } from '../contract/paths';
import { siteBrowseIndex, type BrowseIndex } from './browse-index';
import { siteContent } from './content';
import { GlossaryEntry, type MentioningDocument } from './glossary';
import { localeOrNotFound } from './locale-params';
import type { SiteWidePages } from './rendered-documents';
import { pageMetadata, pathsFor, shorten } from './metadata';
import { SiteFooter, SiteHeader } from './site-header';

/**
 * The pages of a glossary entry (`/en/glossary/<id>/`, `/en/glossary/<id>/page/2/` …): the route's
 * one lookup, shared by `generateStaticParams`, `generateMetadata` and the page.
 */
export type EntryParams = { lang: string; entry: string; page?: string[] };

/** Every page of every glossary entry, mentioned or not, in every interface language: reading pages link to each. */
export async function entryParams() {
  const { glossary, mentions } = await siteContent().catalog();
  return locales.flatMap((lang) =>
    glossary.flatMap((item) => {
      const pages = pageCount(Object.hasOwn(mentions, item.id) ? mentions[item.id].documents : 0);
      return Array.from({ length: pages }, (_, index) => ({ lang, entry: item.id, page: pageSegments(index + 1) }));
    }),
  );
}

/**
 * The documents that mention an entry, newest first. Its pages are rendered one after another, and
 * each needs the whole list: the last few entries' lists are kept.
 */
const recent = new Map<string, MentioningDocument[]>();

async function mentioningDocuments(entry: string): Promise<MentioningDocument[]> {
  const known = recent.get(entry);
  if (known) return known;
  const { dates } = await siteBrowseIndex();
  const mentions: EntryDocumentMentions[] = (await siteContent().mentions(entry)) ?? [];
  const sorted = mentions
    .map((each) => ({ mentions: each, slug: each.slug, date: dates.get(each.slug) ?? '' }))
    .sort(newestFirst)
    .map(({ mentions: each, date }) => ({ mentions: each, date }));
  if (recent.size >= 8) recent.delete(recent.keys().next().value as string);
  recent.set(entry, sorted);
  return sorted;
}

async function lookup(params: EntryParams) {
  const locale = localeOrNotFound(params.lang);
  const item = (await siteContent().glossaryIndex()).get(params.entry);
  if (!item) notFound();
  const { mentions } = await siteContent().catalog();
  const count: MentionCount = Object.hasOwn(mentions, item.id) ? mentions[item.id] : { mentions: 0, documents: 0 };
  const page = pageFromSegments(params.page);
  const pages = pageCount(count.documents);
  if (page === undefined || page > pages) notFound();
  return { locale, item, count, page, pages };
}

/** The facets a glossary entry is a value of (not the year or the type), with their numbers of documents. */
function ownFacets(index: BrowseIndex, entry: string) {
  return facets.flatMap((facet) => {
    const documents = index.values[facet].get(entry);
    return documents && facet !== 'year' && facet !== 'type' ? [{ facet, count: documents.length }] : [];
  });
}

/**
 * A glossary entry's pages: the numbers of mentions and documents, the facets it is a value of, and
 * the page's documents with their dates and their mentions of it (titles included).
 */
export const entryPages: SiteWidePages<{ lang: string; entry: string; page?: string[] }> = {
  route: 'glossary-entry',
  params: entryParams,
  async shows(params) {
    const { item, count, page, pages } = await lookup(params);
    return { count, page, pages, facets: ownFacets(await siteBrowseIndex(), item.id), documents: pageOf(await mentioningDocuments(item.id), page) };
  },
};

export async function entryMetadata(params: EntryParams): Promise<Metadata> {
  const { locale, item, page, pages } = await lookup(params);
  const t = getT(locale);
  return pageMetadata({
    locale,
    title: `${item.names[locale]}${page > 1 ? ` · ${t('browse.page', { page, pages })}` : ''} · ${t('glossary.title')}`,
    description: shorten(item.description[locale]),
    paths: pathsFor((candidate) => glossaryPagePath(candidate, item.id, page)),
  });
}

/** One page of a glossary entry: the entry, and a page of the documents that mention it. */
export async function entryPage(params: EntryParams) {
  const { locale, item, count, page, pages } = await lookup(params);
  const t = getT(locale);
  const index = await siteBrowseIndex();
  const own = ownFacets(index, item.id);
  const documents = pageOf(await mentioningDocuments(item.id), page);
  return (
    <>
      <SiteHeader locale={locale} t={t} alternates={pathsFor((candidate) => glossaryPagePath(candidate, item.id, page))} section="glossary" />
      <main id="main-content" tabIndex={-1}>
        <GlossaryEntry item={item} locale={locale} t={t} documents={documents} count={count} page={page} pages={pages} facets={own} />
      </main>
      <SiteFooter t={t} />
    </>
  );
}
