import 'server-only';
import { languageNames, languages } from '../model/languages';
import type { Catalog, EntryDocumentMentions, GlossaryItem, MentionCount } from '../model/types';
import { glossaryKinds } from '../model/schema';
import { glossaryExports } from '../exports/files';
import type { Locale } from '../i18n/config';
import type { TFunction } from '../i18n/server';
import { citeBlock } from '../contract/block-place';
import { placeholder } from '../contract/page';
import { BrokenLinkNotice } from './broken-link-notice';
import { browsePath, documentPath, glossaryPagePath, glossaryPath } from '../contract/paths';
import type { Facet } from '../model/facets';
import { formatDate } from '../i18n/server';
import { Pagination } from './browse';

interface EntryProps {
  item: GlossaryItem;
  locale: Locale;
  t: TFunction;
}

/** What the glossary says of an entry: its names in every language with variants, description and authority link. */
function EntryDetails({ item, locale, t }: EntryProps) {
  return (
    <>
      <dl className="entry-names" aria-label={t('glossary.names')}>
        {languages.map((language) => (
          <div key={language}>
            <dt>{languageNames[language][locale]}</dt>
            <dd lang={language}>
              {item.names[language]}
              {item.variants?.[language]?.length ? (
                <span className="variants">{t('glossary.variants', { list: item.variants[language].join(t('glossary.listSeparator')) })}</span>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
      <p className="entry-description">{item.description[locale]}</p>
      {item.wikidata ? (
        <p className="entry-authority">
          <a href={`https://www.wikidata.org/wiki/${item.wikidata}`}>{t('glossary.wikidata', { id: item.wikidata })}</a>
        </p>
      ) : null}
    </>
  );
}

/** "12 mentions in 3 documents", in the interface language. */
function mentionSummary(t: TFunction, count: MentionCount): string {
  return t('glossary.mentionSummary', { count: count.mentions, documents: t('glossary.documentCount', { count: count.documents }) });
}

/** An entry of the glossary index: names, description and a link to its page with every mention. */
function EntrySummary({ item, locale, t, count }: EntryProps & { count: MentionCount | undefined }) {
  return (
    <article className="entry" id={item.id} data-entry={item.id}>
      <h3>{item.names[locale]}</h3>
      <EntryDetails item={item} locale={locale} t={t} />
      <p className="entry-mentions">{count ? <a href={glossaryPath(locale, item.id)}>{mentionSummary(t, count)}</a> : t('glossary.noMentions')}</p>
    </article>
  );
}

/** One document that mentions an entry, as its entry page lists it: with the date it is listed under. */
export interface MentioningDocument {
  mentions: EntryDocumentMentions;
  date: string;
}

/**
 * The documents that mention an entry, one page of them, newest first: each document's title (a link to
 * it), date and number of mentions, and a link to each paragraph that mentions it. The wordings are on
 * the reading page, not here, so that the page stays small however often the entry is mentioned.
 */
function MentionedDocuments({ locale, t, documents }: { locale: Locale; t: TFunction; documents: readonly MentioningDocument[] }) {
  return (
    <ul className="mention-documents">
      {documents.map(({ mentions: { slug, source, titles, blocks }, date }) => {
        const lang = titles[locale] === undefined ? source : locale;
        return (
          <li key={slug} className="mention-document">
            <p className="mention-title">
              <a href={documentPath(locale, slug)} lang={lang}>
                {titles[lang]}
              </a>{' '}
              <span className="mention-count">
                {formatDate(locale, date)} · {t('browse.mentionCount', { count: blocks.length })}
              </span>
            </p>
            <ul className="inline-list mention-list">
              {blocks.map(({ block }) => (
                <li key={block}>
                  <a href={`${documentPath(locale, slug)}#${block}`}>{citeBlock(t, block)}</a>
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}

export interface EntryPageProps extends EntryProps {
  /** This page's documents, newest first. */
  documents: readonly MentioningDocument[];
  /** Mentions and documents in all. */
  count: MentionCount;
  page: number;
  pages: number;
  /** The facets under which the entry has documents of its own (a participant, a place…), with their number. */
  facets: ReadonlyArray<{ facet: Facet; count: number }>;
}

/** The page of one glossary entry: what the glossary says of it, and a page of the documents that mention it. */
export function GlossaryEntry({ item, locale, t, documents, count, page, pages, facets }: EntryPageProps) {
  return (
    <article className="glossary glossary-entry" data-entry={item.id}>
      <p className="entry-up">
        <a href={`${glossaryPath(locale)}#${item.id}`}>{t('glossary.title')}</a> · {t(`glossary.kinds.${item.kind}`)}
      </p>
      <h1>{item.names[locale]}</h1>
      <EntryDetails item={item} locale={locale} t={t} />
      {facets.length > 0 ? (
        <ul className="inline-list browse-links">
          {facets.map(({ facet, count: documentCount }) => (
            <li key={facet}>
              <a href={browsePath(locale, facet, item.id)}>
                {t(`browse.facets.${facet}`)}: {t('browse.documentCount', { count: documentCount })}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <section className="entry-mentions" aria-labelledby="mentions">
        <h2 id="mentions" className="entry-mentions-label">
          {t('browse.mentionedIn')}
        </h2>
        {count.documents === 0 ? <p>{t('glossary.noMentions')}</p> : <p>{mentionSummary(t, count)}{pages > 1 ? ` · ${t('browse.page', { page, pages })}` : null}</p>}
        <MentionedDocuments locale={locale} t={t} documents={documents} />
        <Pagination t={t} page={page} pages={pages} href={(n) => glossaryPagePath(locale, item.id, n)} />
      </section>
    </article>
  );
}

/** The whole glossary as TBX for terminology tools: ISO 30042:2019, and 2008 for older tools. */
function GlossaryDownloads({ t }: { t: TFunction }) {
  return (
    <section className="glossary-kind" aria-labelledby="glossary-downloads">
      <h2 id="glossary-downloads">{t('glossary.downloadTitle')}</h2>
      <ul>
        {glossaryExports.map((file) => (
          <li key={file.name}>
            <a href={file.href}>{t(file.edition === '2019' ? 'glossary.downloadTbx' : 'glossary.downloadTbx2008')}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Every glossary entry, grouped by kind, each with its names, description and a link to its page of mentions. */
export function Glossary({ locale, t, catalog }: { locale: Locale; t: TFunction; catalog: Catalog }) {
  return (
    <div className="glossary">
      <BrokenLinkNotice
        targets="article[id]"
        content={{ message: t('glossary.unknownEntry', { id: placeholder('id') }), suggestion: t('glossary.didYouMean', { name: placeholder('place') }), dismiss: t('reader.dismiss') }}
      />
      <h1>{t('glossary.title')}</h1>
      <p className="lede">{t('glossary.description')}</p>
      <nav aria-label={t('glossary.title')} className="glossary-kinds">
        <ul className="inline-list">
          {glossaryKinds
            .filter((kind) => catalog.glossary.some((item) => item.kind === kind))
            .map((kind) => (
              <li key={kind}>
                <a href={`#kind_${kind}`}>{t(`glossary.kindsPlural.${kind}`)}</a>
              </li>
            ))}
        </ul>
      </nav>
      {glossaryKinds.map((kind) => {
        const items = catalog.glossary.filter((item) => item.kind === kind);
        if (items.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`kind_${kind}`} className="glossary-kind">
            <h2 id={`kind_${kind}`}>{t(`glossary.kindsPlural.${kind}`)}</h2>
            {items.map((item) => (
              <EntrySummary key={item.id} item={item} locale={locale} t={t} count={Object.hasOwn(catalog.mentions, item.id) ? catalog.mentions[item.id] : undefined} />
            ))}
          </section>
        );
      })}
      <GlossaryDownloads t={t} />
    </div>
  );
}
