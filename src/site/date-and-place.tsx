import 'server-only';
import type { Language } from '../model/languages';
import type { FrontMatter } from '../model/schema';
import type { Locale } from '../i18n/config';
import { formatDate, type TFunction } from '../i18n/server';
import { sourceText, textFor, type WithTexts } from '../model/document';

/**
 * The date (from the source) and the place (in the reader's language where a version exists) of a
 * document, as two items of a `dl.doc-meta`. Takes a whole document or its summary. `time`: the date
 * as a `<time>` (the document's own page); a page that lists documents (the library) gives it as text,
 * so that a reference manager does not take the first document's date for the page's (Zotero's
 * Embedded Metadata translator falls back to the first `time[datetime]` of a page).
 */
export function DateAndPlace({
  locale,
  t,
  document,
  time = true,
}: {
  locale: Locale;
  t: TFunction;
  document: WithTexts<{ lang: Language; frontMatter: FrontMatter }>;
  time?: boolean;
}) {
  const { date } = sourceText(document).frontMatter;
  const local = textFor(document, locale);
  return (
    <>
      <div>
        <dt>{t('reader.date')}</dt>
        <dd>{time ? <time dateTime={date}>{formatDate(locale, date)}</time> : formatDate(locale, date)}</dd>
      </div>
      <div>
        <dt>{t('reader.place')}</dt>
        <dd lang={local.lang}>{local.frontMatter.place}</dd>
      </div>
    </>
  );
}
