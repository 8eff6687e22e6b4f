import 'server-only';
import type { Language } from '../model/languages';
import type { ArchiveDocument } from '../model/types';
import type { Versioned } from '../model/document';
import type { Locale } from '../i18n/config';
import type { TFunction } from '../i18n/server';
import { editionExports, exportLabel } from './exports';

/**
 * The downloads of one edition of a document, as a list of links, for the pages that show an edition
 * (its permanent page, the changelog): the reading page's files for the current edition, the past
 * edition's own JSON and TEI for an earlier one (`/exports/<slug>/editions/<n>/`). `texts`: the
 * language versions of that edition (a `PastEdition`'s texts, or the document's for the current one).
 * The caller gives the heading (`downloads.editionTitle`: "Download edition 1").
 */
export function EditionDownloads({
  locale,
  t,
  document,
  edition,
  texts,
}: {
  locale: Locale;
  t: TFunction;
  document: Pick<ArchiveDocument, 'slug' | 'source' | 'editions'>;
  edition: number;
  texts: Partial<Record<Language, Versioned>>;
}) {
  const label = exportLabel(locale, t, texts, document.source);
  return (
    <ul className="edition-downloads">
      {editionExports(document, edition, texts).map((file) => (
        <li key={file.name}>
          <a href={file.href}>{label(file)}</a>
        </li>
      ))}
    </ul>
  );
}
