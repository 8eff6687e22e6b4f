import 'server-only';
import { languageNames, languages } from '../content/languages';
import type { Catalog, DocumentMentions, DocumentSummary, GlossaryItem } from '../content/types';
import { glossaryKinds } from '../content/schema';
import type { Locale } from '../i18n/config';
import type { TFunction } from '../i18n/server';
import { citeBlock } from './cite';
import { textFor } from './edition';
import { defaultColumns, viewQuery, withFirst } from './columns';
import { documentPath } from './paths';

interface EntryProps {
  item: GlossaryItem;
  locale: Locale;
  t: TFunction;
  /** The entry's mentions (from the catalog's mention index), by document. */
  mentions: readonly DocumentMentions[];
  documents: ReadonlyMap<string, DocumentSummary>;
}

function Entry({ item, locale, t, mentions, documents }: EntryProps) {
  return (
    <article className="entry" id={item.id} data-entry={item.id}>
      <h3>{item.names[locale]}</h3>
      <dl className="entry-names" aria-label={t('glossary.names')}>
        {languages.map((language) => (
          <div key={language}>
            <dt>{languageNames[language][locale]}</dt>
            <dd lang={language}>
              {item.names[language]}
              {item.variants?.[language]?.length ? <span className="variants"> ({item.variants[language].join(', ')})</span> : null}
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
      <div className="entry-mentions">
        <p className="entry-mentions-label">{t('glossary.mentions')}</p>
        {mentions.length === 0 ? (
          <p>{t('glossary.noMentions')}</p>
        ) : (
          mentions.map(({ slug, blocks }) => {
            const document = documents.get(slug);
            if (!document) return null;
            const local = textFor(document, locale);
            return (
              <div key={document.slug} className="mention-document">
                <p className="mention-title" lang={local.lang}>
                  {local.frontMatter.title}
                </p>
                <ul className="mention-list">
                  {blocks.map(({ block, labels }) => (
                    <li key={block}>
                      <a href={`${documentPath(locale, document.slug)}#${block}`}>{citeBlock(t, block)}</a>
                      <span className="mention-labels">
                        {labels.map((label) => (
                          // Each wording links to its paragraph, with its language as the first column.
                          <a key={`${label.language}:${label.text}`} href={`${documentPath(locale, document.slug)}${viewQuery(withFirst(defaultColumns, label.language))}#${block}`}>
                            <q lang={label.language}>{label.text}</q>
                          </a>
                        ))}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })
        )}
      </div>
    </article>
  );
}

/** Every glossary entry, grouped by kind, each with its names, description and back-links to its mentions. */
export function Glossary({ locale, t, catalog }: { locale: Locale; t: TFunction; catalog: Catalog }) {
  const documents = new Map(catalog.documents.map((document) => [document.slug, document]));
  return (
    <div className="glossary">
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
              <Entry key={item.id} item={item} locale={locale} t={t} mentions={Object.hasOwn(catalog.mentions, item.id) ? catalog.mentions[item.id] : []} documents={documents} />
            ))}
          </section>
        );
      })}
    </div>
  );
}
