import 'server-only';
import { languages } from '../model/languages';
import type { GlossaryItem } from '../model/types';
import type { Locale } from '../i18n/config';
import { getT } from '../i18n/server';
import type { GlossaryTips } from '../contract/glossary-tips';
import { glossaryPath } from '../contract/paths';

/** Every glossary entry as the tooltips of the reading pages of `locale` show it. */
export function glossaryTips(locale: Locale, glossary: Iterable<GlossaryItem>): GlossaryTips {
  const t = getT(locale);
  const entries: GlossaryTips['entries'] = {};
  for (const item of glossary) {
    entries[item.id] = {
      name: item.names[locale],
      kind: t(`glossary.kinds.${item.kind}`),
      description: item.description[locale],
      names: Object.fromEntries(languages.map((language) => [language, item.names[language]])),
      more: t('glossary.openEntry', { name: item.names[locale] }),
      href: glossaryPath(locale, item.id),
    };
  }
  return { lang: locale, entries };
}
