import 'server-only';
import { toHtml } from 'hast-util-to-html';
import type { Locale } from '../i18n/config';
import { getT } from '../i18n/server';
import { placeholder, RowTemplate, templateAttributes } from '../contract/page';
import { contentKey, stringTargets, type ReaderStrings } from '../contract/reader-strings';
import { brokenLinkNoticeContent } from './broken-link-notice';

/**
 * The reading page's strings that only its script uses, in the interface language `locale`
 * (src/contract/reader-strings.ts): the row tools' templates, the hint of the keys, and the notice for
 * an address that names no paragraph, with its button to the contents (which the script takes away
 * on a page without contents).
 */
export function readerStrings(locale: Locale): ReaderStrings {
  const t = getT(locale);
  return {
    [stringTargets.rows]: templateAttributes(t, RowTemplate),
    [stringTargets.keysHint]: { [contentKey]: toHtml({ type: 'text', value: t('reader.keysHint') }) },
    [stringTargets.notice]: {
      [contentKey]: brokenLinkNoticeContent({
        message: t('reader.unknownParagraph', { id: placeholder('id') }),
        suggestion: t('reader.didYouMean', { place: placeholder('place') }),
        dismiss: t('reader.dismiss'),
        contents: t('reader.openContents'),
      }),
    },
  };
}
