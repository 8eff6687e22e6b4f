import 'server-only';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { Language } from '../model/languages';
import type { ArchiveDocument, EditionChange, EditionRecord } from '../model/types';
import { locales, type Locale } from '../i18n/config';
import { getT, type TFunction } from '../i18n/server';
import { currentEdition, textFor , titleFor } from '../model/document';
import type { BlockChange, DiffPart, LanguageDiff, NoteChange } from '../editions/diff';
import { citeBlock } from '../contract/block-place';
import { changeAnchor, changesPath, documentPath, editionPath } from '../contract/paths';
import { siteContent } from './content';
import { editionDiffs } from './edition-data';
import { ComparePairs, editionName, hasChangelog } from './edition-note';
import { localeOrNotFound } from './locale-params';
import { pageMetadata, pathsFor } from './metadata';
import { SiteFooter, SiteHeader } from './site-header';
import { renderedParams } from './rendered-documents';

/**
 * The changelog of a document (`/en/documents/<slug>/changes/`): every edition, the newest first, with
 * its date and summary in the interface language, and for each language version what changed and why
 * (as the editions file says, in the version's language), then each block and note that changed, the
 * wording before and after, the words removed and added marked (`<del>`, `<ins>`, each named for
 * screen readers, struck through or underlined, not told by colour alone). Each change has an anchor
 * (`#e2-en-s1-1-p1`, `changeAnchor`) that the reading page's "changed in edition N" marks link to.
 * Complete HTML: it needs no script.
 */

export interface ChangesParams {
  lang: string;
  slug: string;
}

/**
 * Every (locale, document) pair of a document with more than one edition. An archive where every
 * document is in its first edition still gets one changelog, the first document's (its one edition):
 * Next's static export builds no route without a page, and fails.
 */
export async function changesParams(): Promise<ChangesParams[]> {
  const { documents } = await siteContent().catalog();
  const withChanges = documents.filter(hasChangelog);
  return renderedParams(locales.flatMap((lang) => (withChanges.length > 0 ? withChanges : documents.slice(0, 1)).map((document) => ({ lang, slug: document.slug }))));
}

async function lookup(params: ChangesParams) {
  const locale = localeOrNotFound(params.lang);
  const document = await siteContent().document(params.slug);
  if (!document) notFound();
  return { locale, document };
}

export async function changesMetadata(params: ChangesParams): Promise<Metadata> {
  const { locale, document } = await lookup(params);
  const t = getT(locale);
  const title = titleFor(document, locale).title;
  return pageMetadata({
    locale,
    title: t('editions.changesTitle', { title }),
    description: currentEdition(document).summary?.[locale] ?? t('editions.changesIntro'),
    paths: pathsFor((candidate: Locale) => changesPath(candidate, document.slug)),
  });
}

/** The text of a diff as one wording: `side` keeps the runs that are not the other side's, and marks its own. */
function Wording({ t, parts, side }: { t: TFunction; parts: readonly DiffPart[]; side: 'removed' | 'added' }) {
  const other = side === 'removed' ? 'added' : 'removed';
  return (
    <>
      {parts.map((part, index) => {
        if (part.kind === 'same') return part.text;
        if (part.kind === other) return null;
        const Tag = side === 'removed' ? 'del' : 'ins';
        return (
          <Tag key={index}>
            <span className="sr-only">{t(side === 'removed' ? 'editions.removedWords' : 'editions.addedWords')}</span>
            {part.text}
            <span className="sr-only">{t('editions.endChange')}</span>
          </Tag>
        );
      })}
    </>
  );
}

/** The wording before and after a change, side by side on a wide screen; one of them for a block added or removed. */
function BeforeAfter({ t, language, parts, before, after }: { t: TFunction; language: Language; parts: readonly DiffPart[]; before: boolean; after: boolean }) {
  const sides = [
    { side: 'removed', shown: before, className: 'diff-before', label: t('editions.before') },
    { side: 'added', shown: after, className: 'diff-after', label: t('editions.after') },
  ] as const;
  return (
    <div className="diff-pair">
      {sides
        .filter(({ shown }) => shown)
        .map(({ side, className, label }) => (
          <div key={side} className={`diff-side ${className}`}>
            <p className="diff-label">{label}</p>
            <p className="diff-text" lang={language}>
              <Wording t={t} parts={parts} side={side} />
            </p>
          </div>
        ))}
    </div>
  );
}

interface ChangeProps {
  locale: Locale;
  t: TFunction;
  document: ArchiveDocument;
  edition: EditionRecord;
  previous: EditionRecord;
  language: Language;
}

/** One block's change: where it is (linked to that edition's page), what kind of change, and the wording before and after. */
function BlockChangeItem({ locale, t, document, edition, previous, language, change }: ChangeProps & { change: BlockChange }) {
  const [on, number] = change.after.length > 0 ? [change.after, edition.number] : [change.before, previous.number];
  const places = on.map((block) => citeBlock(t, block.id)).join(', ');
  const count = change.kind === 'split' ? change.after.length : change.before.length;
  return (
    <li className="change" id={changeAnchor(edition.number, language, change.id)}>
      <p className="change-head">
        <a href={`${editionPath(locale, document.slug, number)}#${on[0].id}`}>{places}</a> · {t(`editions.kinds.${change.kind}`, { count })}
      </p>
      {change.why ? <p lang="en">{change.why}</p> : null}
      <BeforeAfter t={t} language={language} parts={change.parts} before={change.before.length > 0} after={change.after.length > 0} />
    </li>
  );
}

function NoteChangeItem({ t, edition, language, change }: Omit<ChangeProps, 'document' | 'previous' | 'locale'> & { change: NoteChange }) {
  return (
    <li className="change" id={changeAnchor(edition.number, language, `n_${change.id}`)}>
      <p className="change-head">
        {t('editions.note', { id: change.id })} · {t(`editions.kinds.${change.kind}`, { count: 1 })}
      </p>
      <BeforeAfter t={t} language={language} parts={change.parts} before={Boolean(change.before)} after={Boolean(change.after)} />
    </li>
  );
}

/** What the editions file says changed in a language version and why, in that version's language. */
function Records({ t, language, records }: { t: TFunction; language: Language; records: readonly EditionChange[] }) {
  if (records.length === 0) return null;
  return (
    <ul className="change-records">
      {records.map((record) => (
        <li key={record.line}>
          <dl>
            <dt>{t('editions.what')}</dt>
            <dd lang={language}>{record.what}</dd>
            <dt>{t('editions.why')}</dt>
            <dd lang={language}>{record.why}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}

/**
 * One language version's changes from edition `previous` to edition `edition`: what the editions file
 * says of them (`records`), then each block and note that changed. Shared by the changelog (one
 * edition and the one before) and the comparison of any two editions (src/site/compare.tsx).
 */
export function LanguageChanges(props: Omit<ChangeProps, 'language'> & { diff: LanguageDiff; records: readonly EditionChange[] }) {
  const { t, edition, diff, records } = props;
  const { language } = diff;
  const empty = diff.blocks.length === 0 && diff.notes.length === 0;
  return (
    <section className="language-changes" aria-labelledby={`e${edition.number}-${language}`}>
      <h3 id={`e${edition.number}-${language}`}>{t(`languages.${language}`)}</h3>
      <Records t={t} language={language} records={records} />
      {empty ? <p>{t('editions.noChanges')}</p> : null}
      {!empty ? (
        <ol className="changes-list">
          {diff.blocks.map((change) => (
            <BlockChangeItem key={change.id} {...props} language={language} change={change} />
          ))}
          {diff.notes.map((change) => (
            <NoteChangeItem key={`n_${change.id}`} t={t} edition={edition} language={language} change={change} />
          ))}
        </ol>
      ) : null}
    </section>
  );
}

/** One edition: its name and date, summary, a link to its text, and (from the second) its changes per language. */
async function EditionChanges({ locale, t, document, edition }: { locale: Locale; t: TFunction; document: ArchiveDocument; edition: EditionRecord }) {
  const index = document.editions.indexOf(edition);
  const previous = index > 0 ? document.editions[index - 1] : undefined;
  const diffs = previous ? await editionDiffs(document, previous.number, edition.number) : [];
  const current = edition === currentEdition(document);
  return (
    <section className="edition" aria-labelledby={`e${edition.number}`}>
      <h2 id={`e${edition.number}`}>{editionName(locale, t, edition)}</h2>
      <p>{edition.summary?.[locale] ?? (previous ? '' : t('editions.firstEdition'))}</p>
      <p>
        <a href={current ? documentPath(locale, document.slug) : editionPath(locale, document.slug, edition.number)}>{current ? t('editions.readCurrent') : t('editions.editionPage')}</a>
      </p>
      {previous
        ? diffs.map((diff) => (
            <LanguageChanges key={diff.language} locale={locale} t={t} document={document} edition={edition} previous={previous} diff={diff} records={edition.changes[diff.language] ?? []} />
          ))
        : null}
    </section>
  );
}

export async function ChangesPage({ params }: { params: ChangesParams }) {
  const { locale, document } = await lookup(params);
  const t = getT(locale);
  const text = textFor(document, locale);
  const alternates = pathsFor((candidate: Locale) => changesPath(candidate, document.slug));
  const newestFirst = [...document.editions].reverse();
  const editions = await Promise.all(newestFirst.map((edition) => EditionChanges({ locale, t, document, edition })));
  return (
    <>
      <SiteHeader locale={locale} t={t} alternates={alternates} />
      <main id="main-content" tabIndex={-1} className="changes">
        <p className="breadcrumb">
          <a href={documentPath(locale, document.slug)}>{t('editions.backToText')}</a>
        </p>
        <h1>{t('editions.changesHeading')}</h1>
        <p className="lede" lang={titleFor(document, locale).lang}>
          {titleFor(document, locale).title}
        </p>
        <p>{t('editions.changesIntro')}</p>
        <ComparePairs locale={locale} t={t} document={document} />
        {editions}
      </main>
      <SiteFooter t={t} />
    </>
  );
}
