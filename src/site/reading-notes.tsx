import 'server-only';
import type { TFunction } from '../i18n/server';
import { Attribute, dataAttribute } from '../contract/page';
import type { ReadingView } from './reading-view';
import { noteId } from './rich-text';

/**
 * The notes of the reading page, in the reader's language (or the source's), numbered: each with its
 * kind, its text and a link back to each of its markers, one per column. The page script shows a
 * note in a tooltip from here (src/behaviour/tooltips.ts) and keeps the back-links in the order of
 * the columns shown.
 */
export function ReadingNotes({ t, view }: { t: TFunction; view: ReadingView }) {
  const { notes, lang } = view;
  if (notes.length === 0) return null;
  return (
    <section className="notes" aria-labelledby="notes-heading">
      <h2 id="notes-heading">{t('reader.notesHeading', { count: notes.length })}</h2>
      <ol>
        {notes.map(({ id, number, kind, html, backlinks }) => (
          <li key={id} id={noteId(id)} className="note">
            {/* Its kind, after its number: also the head of its tooltip (src/behaviour/tip-content.ts). */}
            <p className="note-kind">
              <span className="note-number">{number}</span> {t(`notes.${kind}`)}
            </p>
            <div className="note-body" lang={lang} dangerouslySetInnerHTML={{ __html: html }} />
            <ul className="backlinks">
              {backlinks.map(({ language, markerId }) => (
                <li key={markerId} {...dataAttribute(Attribute.Column, language)}>
                  {/* Its arrow, not read out, is drawn by later.css. */}
                  <a href={`#${markerId}`}>{t('reader.backToText', { language: t(`languages.${language}`) })}</a>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
