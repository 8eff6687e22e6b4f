import 'server-only';
import type { CSSProperties } from 'react';
import { languageNames, languages, type Language } from '../content/languages';
import type { Block, DocumentText, EditionDocument, GlossaryItem } from '../content/types';
import type { Locale } from '../i18n/config';
import { formatList, type TFunction } from '../i18n/server';
import { citeBlock } from './cite';
import { ColumnMemory } from './column-memory.client';
import {
  columnsSegment,
  defaultColumns,
  moveColumn,
  withColumn,
  withFirst,
  withoutColumn,
  type Columns,
} from './columns';
import { CopyLink } from './copy-link';
import { DateAndPlace } from './date-and-place';
import { sourceText, textFor } from './edition';
import { HashNotice } from './hash-notice.client';
import { absoluteUrl, documentPath, glossaryPath, libraryPath } from './paths';
import {
  noteId,
  prepareContent,
  renderPrepared,
  Tooltips,
  type NoteReference,
  type NumberedNote,
  type PreparedContent,
  type RichTextContext,
} from './rich-text';

export interface ReaderProps {
  locale: Locale;
  t: TFunction;
  document: EditionDocument;
  glossary: ReadonlyMap<string, GlossaryItem>;
  columns: Columns;
  /** True on `/documents/<slug>/<cols>/`, false on the default address. */
  explicitColumns: boolean;
}

const headingTags = { 1: 'h1', 2: 'h2', 3: 'h3', 4: 'h4', 5: 'h5', 6: 'h6' } as const;

/** A paragraph or heading of one language, its content given as HTML (see `renderPrepared`). */
function BlockElement({ block, html }: { block: Block; html: string }) {
  if (block.kind === 'heading') {
    const Tag = headingTags[Math.min(Math.max(block.depth, 1), 6) as keyof typeof headingTags];
    return <Tag className={`block block-h${block.depth}`} dangerouslySetInnerHTML={{ __html: html }} />;
  }
  return <p className="block" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** The notes of the document in the interface language (or the source's, if that version is missing), numbered. */
function numberedNotes(document: EditionDocument, locale: Locale): Map<string, NumberedNote> {
  const text = textFor(document, locale);
  return new Map(text.notes.map((body, index) => [body.id, { number: index + 1, body, lang: text.lang }]));
}

interface TocItem {
  block: Block;
  children: TocItem[];
}

function tocTree(blocks: readonly Block[]): TocItem[] {
  const root: TocItem[] = [];
  const stack: { depth: number; items: TocItem[] }[] = [{ depth: 1, items: root }];
  for (const block of blocks) {
    if (block.kind !== 'heading' || block.depth < 2) continue;
    while (stack.length > 1 && stack[stack.length - 1].depth >= block.depth) stack.pop();
    const item: TocItem = { block, children: [] };
    stack[stack.length - 1].items.push(item);
    stack.push({ depth: block.depth, items: item.children });
  }
  return root;
}

function TocList({ items }: { items: TocItem[] }) {
  return (
    <ol>
      {items.map(({ block, children }) => (
        <li key={block.id}>
          <a href={`#${block.id}`}>{block.text}</a>
          {children.length > 0 ? <TocList items={children} /> : null}
        </li>
      ))}
    </ol>
  );
}

function Metadata({ locale, t, document, glossary }: Pick<ReaderProps, 'locale' | 't' | 'document' | 'glossary'>) {
  const participants = (sourceText(document).frontMatter.participants ?? []).flatMap((id) => glossary.get(id) ?? []);
  return (
    <dl className="doc-meta" aria-label={t('reader.metadata')}>
      <DateAndPlace locale={locale} t={t} document={document} />
      {participants.length > 0 ? (
        <div>
          <dt>{t('reader.participants')}</dt>
          <dd>
            <ul className="inline-list">
              {participants.map((item) => (
                <li key={item.id}>
                  <a href={glossaryPath(locale, item.id)}>{item.names[locale]}</a>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ) : null}
      <div>
        <dt>{t('reader.sourceLanguage')}</dt>
        <dd>{languageNames[document.source][locale]}</dd>
      </div>
    </dl>
  );
}

function ColumnPicker({ locale, t, document, columns }: Pick<ReaderProps, 'locale' | 't' | 'document' | 'columns'>) {
  const href = (next: Columns) => documentPath(locale, document.slug, next);
  const hidden = languages.filter((language) => !columns.includes(language));
  const name = (language: Language) => t(`languages.${language}`);
  return (
    <nav className="column-picker" aria-labelledby="column-picker-label">
      <p id="column-picker-label" className="picker-label">
        {t('reader.columns')}
      </p>
      <ol className="chips">
        {columns.map((language, index) => (
          <li key={language} className="chip">
            {index > 0 ? (
              <a href={href(moveColumn(columns, index, -1))} aria-label={t('reader.moveLeft', { language: name(language) })} className="chip-action">
                <span aria-hidden="true">←</span>
              </a>
            ) : null}
            <span className="chip-name">{languageNames[language][locale]}</span>
            {index < columns.length - 1 ? (
              <a href={href(moveColumn(columns, index, 1))} aria-label={t('reader.moveRight', { language: name(language) })} className="chip-action">
                <span aria-hidden="true">→</span>
              </a>
            ) : null}
            {columns.length > 1 ? (
              <a href={href(withoutColumn(columns, language))} aria-label={t('reader.hide', { language: name(language) })} className="chip-action">
                <span aria-hidden="true">×</span>
              </a>
            ) : null}
          </li>
        ))}
        {hidden.map((language) => (
          <li key={language} className="chip chip-hidden">
            <a href={href(withColumn(columns, language))} aria-label={t('reader.show', { language: name(language) })} className="chip-add">
              <span aria-hidden="true">+ </span>
              {languageNames[language][locale]}
            </a>
          </li>
        ))}
      </ol>
      <p className="picker-hint">{t('reader.columnsHint')}</p>
    </nav>
  );
}

/** Phone layout: one language at a time; these links put another language first. */
function ReadingLanguageSwitch({ locale, t, document, columns }: Pick<ReaderProps, 'locale' | 't' | 'document' | 'columns'>) {
  return (
    <nav className="reading-switch" aria-label={t('reader.readingLanguage')}>
      <ul>
        {languages.map((language) => (
          <li key={language}>
            <a href={documentPath(locale, document.slug, withFirst(columns, language))} aria-current={columns[0] === language ? 'true' : undefined}>
              {languageNames[language][locale]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function ColumnHeader({ locale, t, text, language }: { locale: Locale; t: TFunction; text: DocumentText | undefined; language: Language }) {
  if (!text) {
    return (
      <div className="col-head col-missing">
        <p className="col-language">{languageNames[language][locale]}</p>
        <p>{t('reader.notTranslated', { language: t(`languages.${language}`) })}</p>
      </div>
    );
  }
  const { provenance, role } = text.frontMatter;
  return (
    <div className="col-head">
      <p className="col-language">
        {languageNames[language][locale]}
        <span className="col-role"> · {t(role === 'source' ? 'reader.sourceText' : 'reader.translationText')}</span>
      </p>
      <p className={provenance.official ? 'badge badge-official' : 'badge badge-unofficial'}>
        {t(provenance.official ? 'reader.official' : 'reader.unofficial')}
      </p>
      <dl className="provenance">
        <div>
          <dt>{t('reader.issuer')}</dt>
          <dd lang={language}>
            {provenance.url ? <a href={provenance.url}>{provenance.issuer}</a> : provenance.issuer}
          </dd>
        </div>
        {provenance.translator ? (
          <div>
            <dt>{t('reader.translator')}</dt>
            <dd lang={language}>{provenance.translator}</dd>
          </div>
        ) : null}
      </dl>
      {provenance.method ? (
        <details className="method">
          <summary>{t('reader.method')}</summary>
          <p lang={language}>{provenance.method}</p>
        </details>
      ) : null}
    </div>
  );
}

export function Reader({ locale, t, document, glossary, columns, explicitColumns }: ReaderProps) {
  const source = sourceText(document);
  const notes = numberedNotes(document, locale);
  const context: RichTextContext = { locale, t, glossary, notes };
  const viewPath = documentPath(locale, document.slug, columns);
  const names = (list: readonly Language[]) => formatList(locale, list.map((language) => t(`languages.${language}`)));

  // Give each note anchor of the shown texts its ids, collect the note markers per column and the
  // glossary entries mentioned (each gets one tooltip on the page).
  const noteReferences = new Map<Language, NoteReference[]>();
  const cells = new Map<string, { block: Block; prepared: PreparedContent }>();
  const terms = new Set<string>();
  const usedNotes = new Set<string>();
  for (const language of columns) {
    const text = document.texts[language];
    if (!text) continue;
    const references: NoteReference[] = [];
    for (const block of text.blocks) {
      const prepared = prepareContent(block.element.children, `${language}-${block.id}`);
      references.push(...prepared.noteReferences);
      for (const term of prepared.terms) terms.add(term);
      for (const reference of prepared.noteReferences) usedNotes.add(reference.note);
      cells.set(`${language}:${block.id}`, { block, prepared });
    }
    noteReferences.set(language, references);
  }
  // The reader's own language version (or the source): table of contents and note bodies.
  const notesText = textFor(document, locale);
  const noteBodies = notesText.notes.map((body) => ({ body, prepared: prepareContent(body.children, `note-${body.id}`) }));
  for (const { prepared } of noteBodies) for (const term of prepared.terms) terms.add(term);
  const toc = tocTree(notesText.blocks);

  return (
    <>
      <HashNotice message={t('reader.unknownParagraph', { id: '{id}' })} dismiss={t('reader.dismiss')} />
      <ColumnMemory
        current={explicitColumns ? columnsSegment(columns) : undefined}
        base={documentPath(locale, document.slug)}
        defaultSegment={columnsSegment(defaultColumns)}
      />
      <div className="doc-head">
        <p className="breadcrumb">
          <a href={libraryPath(locale)}>{t('nav.library')}</a>
        </p>
        <Metadata locale={locale} t={t} document={document} glossary={glossary} />
        {toc.length > 0 ? (
          <details className="toc" id="toc">
            <summary>{t('reader.contents')}</summary>
            <nav aria-label={t('reader.contents')} lang={notesText.lang}>
              <TocList items={toc} />
            </nav>
          </details>
        ) : null}
        <ColumnPicker locale={locale} t={t} document={document} columns={columns} />
        <ReadingLanguageSwitch locale={locale} t={t} document={document} columns={columns} />
      </div>

      <div className="rows" style={{ '--columns': columns.length, '--permalink-base': JSON.stringify(absoluteUrl(`${viewPath}#`)) } as CSSProperties} data-columns={columnsSegment(columns)} data-copy-failed={t('reader.copyFailed', { url: '{url}' })}>
        <div className="row row-heads">
          <div className="gutter" />
          {columns.map((language) => (
            <div key={language} className="cell">
              <ColumnHeader locale={locale} t={t} text={document.texts[language]} language={language} />
            </div>
          ))}
        </div>
        {source.blocks.map((block) => {
          const place = citeBlock(t, block.id);
          const others = columns.slice(1);
          return (
            <div key={block.id} className="row" id={block.id} data-pid={block.id} data-kind={block.kind}>
              <div className="gutter">
                <a className="gutter-button pilcrow" href={`#${block.id}`} aria-label={t('reader.permalink', { place })}>
                  ¶
                </a>
                <CopyLink path={`${viewPath}#${block.id}`} label={t('reader.copyLink', { place })} copied={t('reader.copied', { place })} />
                {others.length > 0 ? (
                  <label className="gutter-button reveal">
                    <input type="checkbox" className="reveal-input" />
                    <span className="sr-only">{t('reader.showOthers', { languages: names(others) })}</span>
                    <span aria-hidden="true" className="reveal-icon">
                      {others.map((language) => (
                        <span key={language}>{language.toUpperCase()}</span>
                      ))}
                    </span>
                  </label>
                ) : null}
              </div>
              {columns.map((language) => {
                const cell = cells.get(`${language}:${block.id}`);
                return (
                  <div key={language} className={cell ? 'cell' : 'cell cell-missing'} lang={language}>
                    {cell ? <BlockElement block={cell.block} html={renderPrepared(cell.prepared, context)} /> : null}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>

      {notesText.notes.length > 0 ? (
        <section className="notes" aria-labelledby="notes-heading">
          <h2 id="notes-heading">{t('reader.notesHeading')}</h2>
          <ol>
            {noteBodies.map(({ body, prepared }, index) => (
              <li key={body.id} id={noteId(body.id)} className="note">
                <p className="note-kind">
                  <span className="note-number">{index + 1}</span> {t(`notes.${body.kind}`)}
                </p>
                <div
                  className="note-body"
                  lang={notesText.lang}
                  dangerouslySetInnerHTML={{ __html: renderPrepared(prepared, context) }}
                />
                <ul className="backlinks">
                  {columns.flatMap((language) =>
                    (noteReferences.get(language) ?? [])
                      .filter((reference) => reference.note === body.id)
                      .map((reference) => (
                        <li key={reference.markerId}>
                          <a href={`#${reference.markerId}`}>
                            <span aria-hidden="true">↩ </span>
                            {t('reader.backToText', { language: t(`languages.${language}`) })}
                          </a>
                        </li>
                      )),
                  )}
                </ul>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <Tooltips terms={terms} notes={usedNotes} context={context} />
    </>
  );
}
