import 'server-only';
import type { ArchiveDocument, EditionRecord } from '../model/types';
import type { Locale } from '../i18n/config';
import { formatDate, type TFunction } from '../i18n/server';
import { currentEdition, textFor , titleFor } from '../model/document';
import { Attribute, dataAttribute } from '../contract/page';

/**
 * The citation header of a printed reading page, shown only in print (globals.css): the document's
 * title (in the reader's language, or the source's), the site, the edition (its number, and its date
 * when recorded; the current one unless `edition` says which), the address of the page and the date
 * it was printed. The title stands here once: print hides the title row, which would repeat it
 * in every column. The server writes the address it knows (`address`: a full address on `SITE_URL`,
 * root-relative without it, never a guessed host) and no date (the date's row stays hidden); the page script
 * (src/behaviour/print-address.ts) puts in the address the page is read at, with its column choice,
 * and the date, again just before printing.
 */
export function PrintHeader({
  locale,
  t,
  document,
  address,
  edition = currentEdition(document),
}: {
  locale: Locale;
  t: TFunction;
  document: ArchiveDocument;
  address: string;
  edition?: Pick<EditionRecord, 'number' | 'date'>;
}) {
  const text = textFor(document, locale);
  return (
    <div className="print-head" {...dataAttribute(Attribute.PrintHeader)}>
      <p className="print-edition">{t('site.name')}</p>
      <p className="print-title" lang={titleFor(document, locale).lang}>
        {titleFor(document, locale).title}
      </p>
      <dl>
        <div>
          <dt>{t('reader.printEdition')}</dt>
          <dd {...dataAttribute(Attribute.PrintEdition)}>
            {edition.number}
            {edition.date ? <> ({formatDate(locale, edition.date)})</> : null}
          </dd>
        </div>
        <div>
          <dt>{t('reader.printAddress')}</dt>
          <dd {...dataAttribute(Attribute.PrintAddress)}>{address}</dd>
        </div>
        <div {...dataAttribute(Attribute.PrintDate)} hidden>
          <dt>{t('reader.printedOn')}</dt>
          {/* Empty until the page script writes the date into it as a <time>: an empty <time> is not valid HTML. */}
          <dd />
        </div>
      </dl>
    </div>
  );
}
