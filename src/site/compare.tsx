import 'server-only';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { locales, type Locale } from '../i18n/config';
import { getT } from '../i18n/server';
import { editionRecord, titleFor } from '../model/document';
import { changesPath, comparePath, editionPath } from '../contract/paths';
import { LanguageChanges } from './changelog';
import { siteContent } from './content';
import { editionDiffs } from './edition-data';
import { ComparePairs, editionName, editionPairs } from './edition-note';
import { localeOrNotFound } from './locale-params';
import { pageMetadata, pathsFor } from './metadata';
import { renderedParams } from './rendered-documents';
import { SiteFooter, SiteHeader } from './site-header';

/**
 * The comparison of two editions of a document (`/en/documents/<slug>/compare/1-3/`, `comparePath`):
 * for each language version, what the editions file says changed in every edition between them, then
 * each block and note that differs, the wording of the older edition against the newer's, as the
 * changelog shows one edition against the one before (the same components, the same anchors:
 * `#e3-en-s1-1-p1`). Blocks split, merged or removed in between are followed through every edition's
 * fates (src/editions/diff.ts). Every pair is built: a static host cannot compute one on request, and
 * the page needs no script.
 */

export interface CompareParams {
  lang: string;
  slug: string;
  /** `<from>-<to>`, the older edition first. */
  pair: string;
}

/**
 * Every (locale, document, pair of editions). An archive where every document is in its first edition
 * still gets one page, the first document's edition compared with itself: Next's static export builds
 * no route without a page, and fails. An incremental build narrows them to the changed documents'
 * (`renderedParams`).
 */
export async function compareParams(): Promise<CompareParams[]> {
  const { documents } = await siteContent().catalog();
  const pairs = documents.flatMap((document) => editionPairs(document).map(([from, to]) => ({ slug: document.slug, pair: `${from}-${to}` })));
  const some = pairs.length > 0 ? pairs : documents.slice(0, 1).map((document) => ({ slug: document.slug, pair: `${document.editions[0].number}-${document.editions[0].number}` }));
  return renderedParams(locales.flatMap((lang) => some.map((params) => ({ lang, ...params }))));
}

/** Unknown locale, document or edition, or a pair not older first → 404. */
async function lookup(params: CompareParams) {
  const locale = localeOrNotFound(params.lang);
  const document = await siteContent().document(params.slug);
  const match = /^([1-9][0-9]*)-([1-9][0-9]*)$/.exec(params.pair);
  if (!document || !match) notFound();
  const older = editionRecord(document, Number(match[1]));
  const newer = editionRecord(document, Number(match[2]));
  if (!older || !newer || older.number > newer.number) notFound();
  return { locale, document, older, newer };
}

export async function compareMetadata(params: CompareParams): Promise<Metadata> {
  const { locale, document, older, newer } = await lookup(params);
  const t = getT(locale);
  const title = titleFor(document, locale).title;
  return pageMetadata({
    locale,
    title: t('editions.compareTitle', { from: older.number, to: newer.number, title }),
    description: t('editions.compareIntro', { from: older.number, to: newer.number }),
    paths: pathsFor((candidate: Locale) => comparePath(candidate, document.slug, older.number, newer.number)),
  });
}

export async function ComparePage({ params }: { params: CompareParams }) {
  const { locale, document, older, newer } = await lookup(params);
  const t = getT(locale);
  const heading = titleFor(document, locale);
  const alternates = pathsFor((candidate: Locale) => comparePath(candidate, document.slug, older.number, newer.number));
  const diffs = older === newer ? [] : await editionDiffs(document, older.number, newer.number);
  const between = document.editions.filter((edition) => edition.number > older.number && edition.number <= newer.number);
  return (
    <>
      <SiteHeader locale={locale} t={t} alternates={alternates} />
      <main id="main-content" tabIndex={-1} className="changes">
        <p className="breadcrumb">
          <a href={changesPath(locale, document.slug)}>{t('editions.changesHeading')}</a>
        </p>
        <h1>{t('editions.compareHeading', { from: older.number, to: newer.number })}</h1>
        <p className="lede" lang={heading.lang}>
          {heading.title}
        </p>
        <p>{t('editions.compareIntro', { from: older.number, to: newer.number })}</p>
        <ul className="compare-editions">
          {[older, newer].map((edition) => (
            <li key={edition.number}>
              <a href={editionPath(locale, document.slug, edition.number)}>{editionName(locale, t, edition)}</a>
              {edition.summary ? <>: {edition.summary[locale]}</> : null}
            </li>
          ))}
        </ul>
        <ComparePairs locale={locale} t={t} document={document} shown={[older.number, newer.number]} />
        <section className="edition" aria-labelledby={`e${newer.number}`}>
          <h2 id={`e${newer.number}`}>{t('editions.pair', { from: older.number, to: newer.number })}</h2>
          {diffs.length === 0 ? <p>{t('editions.noChanges')}</p> : null}
          {diffs.map((diff) => (
            <LanguageChanges
              key={diff.language}
              locale={locale}
              t={t}
              document={document}
              edition={newer}
              previous={older}
              diff={diff}
              records={between.flatMap((edition) => edition.changes[diff.language] ?? [])}
            />
          ))}
        </section>
      </main>
      <SiteFooter t={t} />
    </>
  );
}
