import 'server-only';
import { languageNames, languages } from '../model/languages';
import type { DocumentSummary } from '../model/types';
import type { Locale } from '../i18n/config';
import type { TFunction } from '../i18n/server';
import { DateAndPlace } from './date-and-place';
import { sourceText, titleFor, translatedPercent } from '../model/document';
import { documentPath, feedPath } from '../contract/paths';

/** The list of documents, newest first: title, date, place and the languages each is available in. */
export function Library({ locale, t, documents: summaries }: { locale: Locale; t: TFunction; documents: readonly DocumentSummary[] }) {
  const documents = [...summaries].sort((a, b) =>
    sourceText(b).frontMatter.date.localeCompare(sourceText(a).frontMatter.date),
  );
  return (
    <div className="library">
      <h1>{t('library.title')}</h1>
      <p className="lede">{t('site.tagline')}</p>
      <p className="feed-link">
        <a href={feedPath(locale)}>
          {t('feed.link')}
        </a>
      </p>
      <h2 className="sr-only">{t('library.documents', { count: documents.length })}</h2>
      <ul className="document-list">
        {documents.map((document) => {
          const local = titleFor(document, locale);
          const summary = document.texts[locale]?.frontMatter.summary;
          return (
            <li key={document.slug} className="document-card">
              <h3 lang={local.lang}>
                <a href={documentPath(locale, document.slug)}>{local.title}</a>
              </h3>
              {summary ? <p lang={locale}>{summary}</p> : null}
              <dl className="doc-meta">
                <DateAndPlace locale={locale} t={t} document={document} time={false} />
                <div>
                  <dt>{t('library.texts', { count: languages.length })}</dt>
                  <dd>
                    <ul className="inline-list">
                      {languages.map((language) => {
                        const text = document.texts[language];
                        const percent = text ? translatedPercent(text) : 0;
                        const status = !text
                          ? t('library.missing')
                          : text.frontMatter.role === 'source'
                            ? t('library.source')
                            : percent < 100
                              ? t('library.progress', { percent })
                              : t('library.translation');
                        return (
                          <li key={language} className={text ? undefined : 'is-missing'}>
                            {t('library.textStatus', { language: languageNames[language][locale], status })}
                          </li>
                        );
                      })}
                    </ul>
                  </dd>
                </div>
              </dl>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
