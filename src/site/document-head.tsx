import 'server-only';
import { languageNames, type Language } from '../model/languages';
import type { ArchiveDocument, GlossaryItem } from '../model/types';
import type { Locale } from '../i18n/config';
import type { TFunction } from '../i18n/server';
import { sourceText } from '../model/document';
import { Attribute, dataAttribute, ElementId } from '../contract/page';
import { citeDataPath, glossaryPath } from '../contract/paths';
import { citedAddress, documentCitation } from './citation';
import { DateAndPlace } from './date-and-place';
import { documentExports, exportLabel } from './exports';
import type { ContentsItem } from './reading-view';

/**
 * The head of the reading page, above the rows: what the document is (date, place, participants,
 * source language), its table of contents, and the "Cite" and "Download" disclosures.
 */

interface HeadProps {
  locale: Locale;
  t: TFunction;
  document: ArchiveDocument;
}

export function DocumentMetadata({ locale, t, document, glossary }: HeadProps & { glossary: ReadonlyMap<string, GlossaryItem> }) {
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

function ContentsList({ items }: { items: readonly ContentsItem[] }) {
  return (
    <ol>
      {items.map(({ block, children }) => (
        <li key={block.id}>
          <a href={`#${block.id}`}>{block.text}</a>
          {children.length > 0 ? <ContentsList items={children} /> : null}
        </li>
      ))}
    </ol>
  );
}

/** The table of contents, in the language of `lang`'s version; the notice for a missing paragraph can open it. */
export function Contents({ t, items, lang }: { t: TFunction; items: readonly ContentsItem[]; lang: Language }) {
  return (
    <details className="toc" id={ElementId.Contents}>
      <summary>{t('reader.contents')}</summary>
      <nav aria-label={t('reader.contents')} lang={lang}>
        <ContentsList items={items} />
      </nav>
    </details>
  );
}

/**
 * "Cite": the document cited in Chicago style, as the source language version, rendered here at build
 * time. When it is opened, the page script (src/behaviour/cite.ts) fetches the citations from the
 * address of `Attribute.Cite` and adds a button that opens the cite dialog (every language version;
 * Chicago, CSL-JSON and BibTeX; a copy button).
 */
export function CiteDocument({ locale, t, document }: HeadProps) {
  return (
    <details
      className="doc-tool"
      {...dataAttribute(Attribute.Cite, citeDataPath(locale, document.slug))}
      {...dataAttribute(Attribute.CiteAddress, citedAddress(document, locale))}
    >
      <summary>{t('citation.cite')}</summary>
      <p className="cite-text" lang="en">
        {documentCitation(document, document.source, locale)}
      </p>
    </details>
  );
}

/** "Download": the export files of the document, with their formats and languages. */
export function Downloads({ locale, t, document }: HeadProps) {
  const label = exportLabel(locale, t, document.texts, document.source);
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
