import 'server-only';
import { languageNames, type Language } from '../model/languages';
import type { Block, DocumentText, ArchiveDocument } from '../model/types';
import type { Locale } from '../i18n/config';
import type { TFunction } from '../i18n/server';
import { Attribute, dataAttribute } from '../contract/page';
import { changesPath, readerStringsPath } from '../contract/paths';
import type { ChangeMark } from './edition-data';
import { ProvenanceList } from './provenance';
import type { ReaderEdition } from './reader';
import type { ReadingView } from './reading-view';
import { siteAddress } from './site-url';

/**
 * The rows of the reading page: a row of column names, a row of where each version comes from, then
 * one row per block, a cell per language, in the page's default view. The rows name the file of the
 * row tools' templates (src/contract/templates.ts `RowTemplate`), which the page script puts on them
 * (src/contract/reader-strings.ts).
 */

const headingTags = { 1: 'h1', 2: 'h2', 3: 'h3', 4: 'h4', 5: 'h5', 6: 'h6' } as const;

/**
 * A paragraph or heading of one language, its content given as HTML (see `renderPrepared`). A section
 * has one heading, in the first column shown (the reading language): the other columns give its title
 * as a paragraph styled like it, read once, in its language. The page script moves the heading when
 * the column choice puts another language first (src/behaviour/headings.ts).
 */
function BlockElement({ block, html, heading }: { block: Block; html: string; heading: boolean }) {
  if (block.kind === 'heading') {
    const depth = Math.min(Math.max(block.depth, 1), 6) as keyof typeof headingTags;
    const Tag = heading ? headingTags[depth] : 'p';
    // A heading is named by its words alone: a note marker in it is a link named of its own ("Note 6"),
    // which would otherwise run into the heading's name (src/behaviour/headings.ts does the same when it
    // moves the heading to another column).
    const label = heading && html.includes('class="note-ref"') ? block.text : undefined;
    return <Tag className={`block block-h${depth}`} aria-label={label} dangerouslySetInnerHTML={{ __html: html }} />;
  }
  return <p className="block" dangerouslySetInnerHTML={{ __html: html }} />;
}

interface ColumnProps {
  locale: Locale;
  t: TFunction;
  text: DocumentText | undefined;
  language: Language;
}

/** A column's name and what its text is: the row of names stays in view on wide screens (CSS). */
function ColumnName({ locale, t, text, language }: ColumnProps) {
  return (
    <p className="col-language">
      {languageNames[language][locale]}
      {text ? <span className="col-role"> · {t(text.frontMatter.role === 'source' ? 'reader.sourceText' : 'reader.translationText')}</span> : null}
    </p>
  );
}

/** Where a column's text comes from (below its name; scrolls away with the text). */
function ColumnHeader({ t, text, language }: ColumnProps) {
  if (!text) {
    return (
      <div className="col-head col-missing">
        <p>{t('reader.notTranslated', { language: t(`languages.${language}`) })}</p>
      </div>
    );
  }
  const { provenance } = text.frontMatter;
  return (
    <div className="col-head">
      <p className={provenance.official ? 'badge badge-official' : 'badge badge-unofficial'}>
        {t(provenance.official ? 'reader.official' : 'reader.unofficial')}
      </p>
      <ProvenanceList t={t} provenance={provenance} language={language} />
      {provenance.method ? (
        <details className="method">
          <summary>{t('reader.method')}</summary>
          <p lang={language}>{provenance.method}</p>
        </details>
      ) : null}
    </div>
  );
}

/**
 * On the reading page, under a block of one language that an edition changed: "Changed in edition 2",
 * a link to that change on the changelog, where the previous wording is. In the interface language.
 */
function ChangedMark({ locale, t, language, href, mark }: { locale: Locale; t: TFunction; language: Language; href: string; mark: ChangeMark | undefined }) {
  if (!mark) return null;
  return (
    <a className="changed-mark" href={`${href}#${mark.anchor}`} lang={language === locale ? undefined : locale}>
      {t('editions.changedIn', { number: mark.edition })}
    </a>
  );
}

/** On a superseded edition's page, in a row's gutter: a link to the same block in the current text (none when it was removed). */
function CurrentLink({ t, place, href }: { t: TFunction; place: string; href: string | undefined }) {
  if (!href) return null;
  return (
    <a className="gutter-button edition-current" href={href} aria-label={t('editions.toCurrent', { place })}>
      →
    </a>
  );
}

/**
 * A cell whose block is not yet translated: the source's text in its place, after a label in the
 * interface language that says so, each in its own language. No script: it is the page as written.
 */
function UntranslatedCell({ locale, t, text, lang }: { locale: Locale; t: TFunction; text: string; lang: Language }) {
  return (
    <>
      <p className="untranslated-label" lang={locale}>{t('reader.untranslatedSource', { language: t(`languages.${lang}`) })}</p>
      <p className="untranslated" lang={lang}>
        {text}
      </p>
    </>
  );
}

export function ReadingRows({ locale, t, document, view, edition }: { locale: Locale; t: TFunction; document: ArchiveDocument; view: ReadingView; edition: ReaderEdition }) {
  const { order, shown, rows } = view;
  const viewPath = edition.path;
  const heads = (Head: typeof ColumnName) =>
    order.map((language) => (
      <div key={language} className="cell" hidden={!shown.includes(language)} {...dataAttribute(Attribute.Column, language)}>
        <Head locale={locale} t={t} text={document.texts[language]} language={language} />
      </div>
    ));
  // The skip link of every page goes to `#main-content`: on the reading page, the text itself, past the
  // document's head and the column controls (1.1 ¶1 within ten key presses of the page's load). An
  // edition's page skips to its <main>, whose first words say which edition it is (`edition.notice`).
  const skipTarget = edition.notice ? {} : { id: 'main-content', tabIndex: -1 };
  return (
    <div
      {...skipTarget}
      className="rows"
      role="group"
      aria-label={t('reader.text')}
      {...dataAttribute(Attribute.Rows)}
      {...dataAttribute(Attribute.PermalinkBase, siteAddress(`${viewPath}#`))}
      {...dataAttribute(Attribute.ColumnCount, shown.length)}
      {...dataAttribute(Attribute.Strings, readerStringsPath(locale))}
      {...dataAttribute(Attribute.Tips, edition.tips)}
    >
      <div className="row row-heads">
        <div className="gutter" />
        {heads(ColumnName)}
      </div>
      <div className="row row-provenance">
        <div className="gutter" />
        {heads(ColumnHeader)}
      </div>
      {rows.map(({ id, place, number, cells }) => (
        <div key={id} className="row" id={id} {...dataAttribute(Attribute.Row)}>
          <div className="gutter">
            <a className="gutter-button pilcrow" href={`#${id}`} aria-label={place}>
              {number}
            </a>
            <CurrentLink t={t} place={place} href={edition.currentLinks?.get(id)} />
          </div>
          {cells.map(({ language, content, hidden, untranslated }) => (
            <div key={language} className={content ? 'cell' : untranslated ? 'cell cell-untranslated' : 'cell cell-missing'} lang={language} hidden={hidden} {...dataAttribute(Attribute.Column, language)}>
              {content ? <BlockElement block={content.block} html={content.html} heading={content.heading} /> : null}
              {untranslated ? <UntranslatedCell locale={locale} t={t} text={untranslated.text} lang={untranslated.lang} /> : null}
              {content ? <ChangedMark locale={locale} t={t} language={language} href={edition.changes ?? changesPath(locale, document.slug)} mark={edition.marks?.get(language)?.get(id)} /> : null}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
