import 'server-only';
import { languageNames, languages } from '../model/languages';
import type { Catalog, EntryDocumentMentions, GlossaryItem, MentionCount } from '../model/types';
import { glossaryKinds } from '../model/schema';
import { glossaryExports } from '../exports/files';
import type { Locale } from '../i18n/config';
import type { TFunction } from '../i18n/server';
import { citeBlock } from '../contract/block-place';
import { readingDefault, viewQuery, withFirst } from '../contract/columns';
import { placeholder } from '../contract/page';
import { BrokenLinkNotice } from './broken-link-notice';
import { documentPath, glossaryPath } from '../contract/paths';

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

/** Every mention of an entry, by document: each block a link to its paragraph, each wording a link to it with its language first. */
function MentionList({ locale, t, mentions }: { locale: Locale; t: TFunction; mentions: readonly EntryDocumentMentions[] }) {
  return mentions.map(({ slug, source, titles, blocks }) => {
    const lang = titles[locale] === undefined ? source : locale;
    // The document page's default view, and the views that put another language first.
    const defaults = readingDefault(locale, (language) => titles[language] !== undefined);
    return (
      <div key={slug} className="mention-document">
        <p className="mention-title" lang={lang}>
          {titles[lang]}
        </p>
        <ul className="mention-list">
          {blocks.map(({ block, labels }) => (
            <li key={block}>
              <a href={`${documentPath(locale, slug)}#${block}`}>{citeBlock(t, block)}</a>
              <span className="mention-labels">
                {labels.map((label) => (
                  // Each wording links to its paragraph, with its language as the first column.
                  <a key={`${label.language}:${label.text}`} href={`${documentPath(locale, slug)}${viewQuery(withFirst(defaults, label.language), defaults)}#${block}`}>
                    <q lang={label.language}>{label.text}</q>
                  </a>
                ))}
              </span>
            </li>
          ))}
        </ul>
      </div>
    );
  });
}

/** The page of one glossary entry: what the glossary says of it and every mention of it in every document. */
export function GlossaryEntry({ item, locale, t, mentions }: EntryProps & { mentions: readonly EntryDocumentMentions[] }) {
  const count: MentionCount = { mentions: mentions.reduce((sum, { blocks }) => sum + blocks.length, 0), documents: mentions.length };
  return (
    <article className="glossary glossary-entry" data-entry={item.id}>
      <p className="entry-up">
        <a href={`${glossaryPath(locale)}#${item.id}`}>{t('glossary.title')}</a> · {t(`glossary.kinds.${item.kind}`)}
      </p>
      <h1>{item.names[locale]}</h1>
      <EntryDetails item={item} locale={locale} t={t} />
      <section className="entry-mentions" aria-labelledby="mentions">
        <h2 id="mentions" className="entry-mentions-label">
          {t('glossary.mentions', { count: count.mentions })}
        </h2>
        {mentions.length === 0 ? <p>{t('glossary.noMentions')}</p> : <p>{mentionSummary(t, count)}</p>}
        <MentionList locale={locale} t={t} mentions={mentions} />
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
        message={t('glossary.unknownEntry', { id: placeholder('id') })}
        suggestion={t('glossary.didYouMean', { name: placeholder('place') })}
        targets="article[id]"
        dismiss={t('reader.dismiss')}
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
