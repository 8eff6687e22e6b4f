import 'server-only';
import { languageNames, languages, type Language } from '../content/languages';
import type { Edition, EditionDocument, GlossaryItem } from '../content/types';
import { glossaryKinds } from '../content/schema';
import type { Locale } from '../i18n/config';
import type { TFunction } from '../i18n/server';
import { citeBlock } from './cite';
import { sourceText, textFor } from './edition';
import { documentPath } from './paths';

/** Where an entry is mentioned in one block: the labels as each language writes them. */
interface BlockMentions {
  block: string;
  labels: { language: Language; text: string }[];
}

interface DocumentMentions {
  document: EditionDocument;
  blocks: BlockMentions[];
}

/** Every mention of every entry, by document and block (in reading order), with each language's wording. */
function mentionIndex(edition: Edition): Map<string, DocumentMentions[]> {
  const index = new Map<string, DocumentMentions[]>();
  for (const document of edition.documents) {
    const order = sourceText(document).blocks.map((block) => block.id);
    const perEntry = new Map<string, Map<string, BlockMentions>>();
    for (const language of languages) {
      for (const mention of document.texts[language]?.mentions ?? []) {
        const blocks = perEntry.get(mention.ref) ?? new Map<string, BlockMentions>();
        perEntry.set(mention.ref, blocks);
        const entry = blocks.get(mention.block) ?? { block: mention.block, labels: [] };
        blocks.set(mention.block, entry);
        if (!entry.labels.some((label) => label.language === language && label.text === mention.text)) {
          entry.labels.push({ language, text: mention.text });
        }
      }
    }
    for (const [ref, blocks] of perEntry) {
      const sorted = [...blocks.values()].sort((a, b) => order.indexOf(a.block) - order.indexOf(b.block));
      index.set(ref, [...(index.get(ref) ?? []), { document, blocks: sorted }]);
    }
  }
  return index;
}

function Entry({ item, locale, t, mentions }: { item: GlossaryItem; locale: Locale; t: TFunction; mentions: DocumentMentions[] }) {
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
          mentions.map(({ document, blocks }) => {
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
                          <q key={`${label.language}:${label.text}`} lang={label.language}>
                            {label.text}
                          </q>
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
export function Glossary({ locale, t, edition }: { locale: Locale; t: TFunction; edition: Edition }) {
  const mentions = mentionIndex(edition);
  return (
    <div className="glossary">
      <h1>{t('glossary.title')}</h1>
      <p className="lede">{t('glossary.description')}</p>
      <nav aria-label={t('glossary.title')} className="glossary-kinds">
        <ul className="inline-list">
          {glossaryKinds
            .filter((kind) => edition.glossary.some((item) => item.kind === kind))
            .map((kind) => (
              <li key={kind}>
                <a href={`#kind_${kind}`}>{t(`glossary.kindsPlural.${kind}`)}</a>
              </li>
            ))}
        </ul>
      </nav>
      {glossaryKinds.map((kind) => {
        const items = edition.glossary.filter((item) => item.kind === kind);
        if (items.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`kind_${kind}`} className="glossary-kind">
            <h2 id={`kind_${kind}`}>{t(`glossary.kindsPlural.${kind}`)}</h2>
            {items.map((item) => (
              <Entry key={item.id} item={item} locale={locale} t={t} mentions={mentions.get(item.id) ?? []} />
            ))}
          </section>
        );
      })}
    </div>
  );
}
