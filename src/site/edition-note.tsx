import 'server-only';
import { Fragment } from 'react';
import type { ArchiveDocument, EditionRecord } from '../model/types';
import type { Locale } from '../i18n/config';
import { formatDate, type TFunction } from '../i18n/server';
import { currentEdition } from '../model/document';
import { changesPath, comparePath, documentPath, editionPath } from '../contract/paths';

/**
 * What a page says of the edition it shows: the edition, its date and what it changed, near the
 * title; on a superseded edition's page, a notice that it is superseded and by what; the RFC 5829
 * link relations between a document's editions and its changelog, in the page's `<head>`.
 */

interface EditionProps {
  locale: Locale;
  t: TFunction;
  document: ArchiveDocument;
}

/** "Edition 2 · 7 December 2026", or "Edition 1" for an edition without a recorded date. */
export function editionName(locale: Locale, t: TFunction, edition: Pick<EditionRecord, 'number' | 'date'>): string {
  return edition.date ? t('editions.editionDated', { number: edition.number, date: formatDate(locale, edition.date) }) : t('editions.edition', { number: edition.number });
}

/** Whether a document has a changelog: it has more than one edition. */
export function hasChangelog(document: { editions: readonly unknown[] }): boolean {
  return document.editions.length > 1;
}

/**
 * In the head of the reading page, with its other disclosures (Contents, Cite, Download): the current
 * edition and its date, which open on its summary (in the interface language) and the links to the
 * changelog and to each earlier edition; one line until opened. Nothing for a document in its first
 * edition without a date.
 */
export function EditionNote({ locale, t, document }: EditionProps) {
  const current = currentEdition(document);
  if (!current.date && !hasChangelog(document)) return null;
  const earlier = document.editions.filter((edition) => edition !== current).reverse();
  return (
    <details className="doc-tool edition-note">
      <summary>{editionName(locale, t, current)}</summary>
      {current.summary ? <p>{current.summary[locale]}</p> : null}
      {hasChangelog(document) ? (
        <p>
          <a href={changesPath(locale, document.slug)}>{t('editions.changes')}</a> · {t('editions.earlier')}:{' '}
          {earlier.map((edition, index) => (
            <Fragment key={edition.number}>
              {index > 0 ? ', ' : null}
              <a href={editionPath(locale, document.slug, edition.number)}>{editionName(locale, t, edition)}</a>
            </Fragment>
          ))}
        </p>
      ) : null}
    </details>
  );
}

/**
 * At the top of an edition's own page: for a superseded edition, which edition it is, when it was
 * published and superseded, with links to the current text and to the changelog; for the current
 * one, that it is current, with a link to the reading page, its usual address.
 */
export function EditionNotice({ locale, t, document, edition }: EditionProps & { edition: EditionRecord }) {
  const current = currentEdition(document);
  const date = edition.date ? formatDate(locale, edition.date) : '';
  const next = document.editions.find((candidate) => candidate.number > edition.number);
  const superseded = edition !== current && next;
  return (
    <div className={superseded ? 'edition-notice edition-superseded' : 'edition-notice'} role="note">
      <p>
        {superseded
          ? t('editions.superseded', { number: edition.number, count: current.number, date, until: next.date ? formatDate(locale, next.date) : '', next: next.number })
          : t(edition.date ? 'editions.current' : 'editions.currentUndated', { number: edition.number, date })}
      </p>
      <p>
        <a href={documentPath(locale, document.slug)}>{t('editions.readCurrent')}</a>
        {hasChangelog(document) ? (
          <>
            {' · '}
            <a href={changesPath(locale, document.slug)}>{t('editions.changes')}</a>
          </>
        ) : null}
      </p>
      <ComparePairs locale={locale} t={t} document={document} edition={edition.number} />
    </div>
  );
}

/** Every pair of editions of a document, the older first, oldest pair first: the comparisons it has. */
export function editionPairs(document: { editions: readonly Pick<EditionRecord, 'number'>[] }): [number, number][] {
  const numbers = document.editions.map((edition) => edition.number);
  return numbers.flatMap((from, index) => numbers.slice(index + 1).map((to): [number, number] => [from, to]));
}

/**
 * Links to the comparison of every pair of editions (on the changelog), or of `edition` with each
 * other edition (on an edition's page). The pair shown (`shown`) is marked as the current page.
 * Nothing for a document in its first edition.
 */
export function ComparePairs({ locale, t, document, edition, shown }: EditionProps & { edition?: number; shown?: readonly [number, number] }) {
  const pairs = editionPairs(document).filter(([from, to]) => edition === undefined || from === edition || to === edition);
  if (pairs.length === 0) return null;
  return (
    <nav className="compare-pairs" aria-label={t('editions.compare')}>
      <p>{t('editions.compare')}</p>
      <ul className="inline-list">
        {pairs.map(([from, to]) => (
          <li key={`${from}-${to}`}>
            <a href={comparePath(locale, document.slug, from, to)} aria-current={shown?.[0] === from && shown[1] === to ? 'page' : undefined}>
              {edition === undefined ? t('editions.pair', { from, to }) : t('editions.compareWith', { number: from === edition ? to : from })}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The link relations of RFC 5829 for a page of `document`: `version-history` to its changelog (when it
 * has one), `predecessor-version` to the edition before the one shown (`edition`), and, on a
 * superseded edition's page, `latest-version` to the reading page. React puts these `<link>`s in the
 * page's `<head>` wherever they are rendered.
 */
export function VersionLinks({ locale, document, edition }: { locale: Locale; document: ArchiveDocument; edition: EditionRecord }) {
  const index = document.editions.indexOf(edition);
  const before = index > 0 ? document.editions[index - 1] : undefined;
  return (
    <>
      {hasChangelog(document) ? <link rel="version-history" href={changesPath(locale, document.slug)} /> : null}
      {before ? <link rel="predecessor-version" href={editionPath(locale, document.slug, before.number)} /> : null}
      {edition !== currentEdition(document) ? <link rel="latest-version" href={documentPath(locale, document.slug)} /> : null}
    </>
  );
}
