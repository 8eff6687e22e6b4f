import 'server-only';
import type { CSSProperties } from 'react';
import { languageNames, languages, type Language } from '../model/languages';
import type { Block, DocumentText, EditionDocument, GlossaryItem } from '../model/types';
import type { Locale } from '../i18n/config';
import type { TFunction } from '../i18n/server';
import { formatList } from '../i18n/server';
import { blockNumber, citeBlock } from '../contract/block-place';
import { documentCitation } from './citation';
import { DateAndPlace } from './date-and-place';
import { BrokenLinkNotice } from './broken-link-notice';
import { ProvenanceList } from './provenance';
import { sourceText, textFor } from '../model/document';
import type { ExportFile } from '../exports/files';
import { documentExports } from './exports';
import { readingDefault, type Columns } from '../contract/columns';
import { citeDataPath, documentPath, glossaryPath, glossaryTipsPath, libraryPath } from '../contract/paths';
import { PrintHeader } from './print-header';
import { siteAddress } from './site-url';
import {
  noteId,
  prepareContent,
  renderPrepared,
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
}

/** The default view of the reading page of `document` in `locale`: the reader's language first, when the document has it. */
export function defaultView(document: EditionDocument, locale: Locale): Columns {
  return readingDefault(locale, (language) => Boolean(document.texts[language]));
}

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
    return <Tag className={`block block-h${depth}`} dangerouslySetInnerHTML={{ __html: html }} />;
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
          <dt>{t('reader.participants', { count: participants.length })}</dt>
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

/**
 * The column choice: one chip per language, in the order shown, with a checkbox to show or hide it
 * and buttons to move it. Rendered in the page's default view (`defaultView`); the page
 * script applies the choice from the address (`?cols=en-ru`) and keeps the chips in step with it.
 * Needs JavaScript: without it the CSS hides the picker and every column is shown.
 */
function ColumnPicker({ locale, t, order }: Pick<ReaderProps, 'locale' | 't'> & { order: Columns }) {
  const name = (language: Language) => t(`languages.${language}`);
  return (
    <fieldset className="column-picker" data-column-picker="" aria-describedby="column-picker-hint">
      <legend className="picker-label">{t('reader.columnPicker')}</legend>
      <ol className="chips">
        {order.map((language, index) => (
          <li key={language} className="chip" data-col={language}>
            <button type="button" className="chip-action" data-move="-1" disabled={index === 0} aria-label={t('reader.moveLeft', { language: name(language) })}>
              <span aria-hidden="true">←</span>
            </button>
            <label className="chip-name">
              <input type="checkbox" defaultChecked value={language} />
              <span>{languageNames[language][locale]}</span>
            </label>
            <button type="button" className="chip-action" data-move="1" disabled={index === order.length - 1} aria-label={t('reader.moveRight', { language: name(language) })}>
              <span aria-hidden="true">→</span>
            </button>
          </li>
        ))}
      </ol>
      <p id="column-picker-hint" className="picker-hint">
        {t('reader.columnPickerHint')}
      </p>
    </fieldset>
  );
}

/**
 * "Cite": the document cited in Chicago style, as the source language version, rendered here at build
 * time. When it is opened, the page script fetches the citations from `data-cite` and adds a button that
 * opens the cite dialog (every language version; Chicago, CSL-JSON and BibTeX; a copy button).
 */
function CiteDocument({ locale, t, document }: Pick<ReaderProps, 'locale' | 't' | 'document'>) {
  return (
    <details className="doc-tool" data-cite={citeDataPath(locale, document.slug)} data-cite-address={siteAddress(documentPath(locale, document.slug))}>
      <summary>{t('citation.cite')}</summary>
      <p className="cite-text" lang="en">
        {documentCitation(document, document.source, locale)}
      </p>
    </details>
  );
}

/** "Download": the export files of the document, with their formats and languages. */
function Downloads({ locale, t, document }: Pick<ReaderProps, 'locale' | 't' | 'document'>) {
  const name = (language: Language) => t(`languages.${language}`);
  const all = formatList(locale, languages.filter((language) => document.texts[language]).map(name));
  const label = (file: ExportFile) => (file.format === 'text' ? t('downloads.text', { language: name(file.language ?? document.source) }) : t(`downloads.${file.format}`, { languages: all }));
  return (
    <details className="doc-tool">
      <summary>{t('downloads.title')}</summary>
      <ul>
        {documentExports(document).map((file) => (
          <li key={file.name}>
            <a href={file.href}>{label(file)}</a>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Phone layout: one language at a time; these buttons put another language first (page script). */
function ReadingLanguageSwitch({ locale, t, order }: Pick<ReaderProps, 'locale' | 't'> & { order: Columns }) {
  return (
    <nav className="reading-switch" aria-label={t('reader.readingLanguage')}>
      <ul>
        {languages.map((language) => (
          <li key={language}>
            <button type="button" data-read={language} aria-pressed={language === order[0] ? 'true' : 'false'}>
              {languageNames[language][locale]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
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

export function Reader({ locale, t, document, glossary }: ReaderProps) {
  const source = sourceText(document);
  const notes = numberedNotes(document, locale);
  const context: RichTextContext = { locale, t, glossary, notes };
  const viewPath = documentPath(locale, document.slug);

  // Give each note anchor its ids and collect the note markers per column.
  const noteReferences = new Map<Language, NoteReference[]>();
  const cells = new Map<string, { block: Block; prepared: PreparedContent }>();
  for (const language of languages) {
    const text = document.texts[language];
    if (!text) continue;
    const references: NoteReference[] = [];
    for (const block of text.blocks) {
      const prepared = prepareContent(block.element.children, `${language}-${block.id}`);
      references.push(...prepared.noteReferences);
      cells.set(`${language}:${block.id}`, { block, prepared });
    }
    noteReferences.set(language, references);
  }
  // The reader's own language version (or the source): table of contents and note bodies.
  const notesText = textFor(document, locale);
  const noteBodies = notesText.notes.map((body) => ({ body, prepared: prepareContent(body.children, `note-${body.id}`) }));
  const toc = tocTree(notesText.blocks);
  const order = defaultView(document, locale);
  // The one heading of a section: in the first column of the default view that has the block.
  const headingLanguage = (id: string) => order.find((language) => cells.has(`${language}:${id}`));

  return (
    <>
      <BrokenLinkNotice
        message={t('reader.unknownParagraph', { id: '{id}' })}
        suggestion={t('reader.didYouMean', { place: '{place}' })}
        targets="[data-pid]"
        dismiss={t('reader.dismiss')}
        contents={toc.length > 0 ? t('reader.openContents') : undefined}
      />
      <div className="doc-head">
        <PrintHeader locale={locale} t={t} document={document} address={siteAddress(viewPath)} />
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
        <CiteDocument locale={locale} t={t} document={document} />
        <Downloads locale={locale} t={t} document={document} />
        <ColumnPicker locale={locale} t={t} order={order} />
        <ReadingLanguageSwitch locale={locale} t={t} order={order} />
      </div>

      <p className="tip" id="keys-hint" hidden>
        {t('reader.keysHint')}
      </p>
      <div
        className="rows"
        role="group"
        aria-label={t('reader.text')}
        style={{ '--permalink-base': JSON.stringify(siteAddress(`${viewPath}#`)), '--columns': order.length } as CSSProperties}
        data-rows=""
        data-count={order.length}
        data-copy-label={t('reader.copyLink', { place: '{place}' })}
        data-copied={t('reader.copied', { place: '{place}' })}
        data-copy-failed={t('reader.copyFailed', { url: '{url}' })}
        data-fragment-label={t('reader.linkToPassage')}
        data-fragment-copied={t('reader.passageLinkCopied')}
        data-cite-label={t('citation.paragraph', { place: '{place}' })}
        data-tips={glossaryTipsPath(locale)}
        data-close-label={t('reader.closeTip')}
        data-tools-label={t('reader.rowTools', { place: '{place}' })}
        data-reveal-label={t('reader.revealLanguage')}
      >
        <div className="row row-heads">
          <div className="gutter" />
          {order.map((language) => (
            <div key={language} className="cell" data-col={language}>
              <ColumnName locale={locale} t={t} text={document.texts[language]} language={language} />
            </div>
          ))}
        </div>
        <div className="row row-provenance">
          <div className="gutter" />
          {order.map((language) => (
            <div key={language} className="cell" data-col={language}>
              <ColumnHeader locale={locale} t={t} text={document.texts[language]} language={language} />
            </div>
          ))}
        </div>
        {source.blocks.map((block) => {
          const place = citeBlock(t, block.id);
          return (
            <div key={block.id} className="row" id={block.id} data-pid={block.id}>
              <div className="gutter">
                <a className="gutter-button pilcrow" href={`#${block.id}`} aria-label={place}>
                  {blockNumber(block.id).replace(' ', '\n')}
                </a>
              </div>
              {order.map((language) => {
                const cell = cells.get(`${language}:${block.id}`);
                return (
                  <div key={language} className={cell ? 'cell' : 'cell cell-missing'} lang={language} data-col={language}>
                    {cell ? <BlockElement block={cell.block} html={renderPrepared(cell.prepared, context)} heading={language === headingLanguage(block.id)} /> : null}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>

      {notesText.notes.length > 0 ? (
        <section className="notes" aria-labelledby="notes-heading">
          <h2 id="notes-heading">{t('reader.notesHeading', { count: notesText.notes.length })}</h2>
          <ol>
            {noteBodies.map(({ body, prepared }, index) => (
              <li key={body.id} id={noteId(body.id)} className="note" data-kind-label={t(`notes.${body.kind}`)}>
                <p className="note-kind">
                  <span className="note-number">{index + 1}</span> {t(`notes.${body.kind}`)}
                </p>
                <div className="note-body" lang={notesText.lang} dangerouslySetInnerHTML={{ __html: renderPrepared(prepared, context) }} />
                <ul className="backlinks">
                  {order.flatMap((language) =>
                    (noteReferences.get(language) ?? [])
                      .filter((reference) => reference.note === body.id)
                      .map((reference) => (
                        <li key={reference.markerId} data-col={language}>
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
    </>
  );
}
