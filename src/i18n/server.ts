import 'server-only';
import { createInstance, type i18n as I18n, type TFunction } from 'i18next';
import type { Locale } from './config';
import { resources } from './resources';

export type { TFunction } from 'i18next';

const instances = new Map<Locale, I18n>();

/**
 * A sentence that ends with an abbreviation ends with its full stop: "…2026 г." and not "…2026 г..",
 * when a string's closing full stop follows a value that ends with one (a Russian date, "Inc.").
 * Every string goes through it; none of ours means two full stops (an ellipsis is "…").
 */
export const sentenceEnd = {
  type: 'postProcessor' as const,
  name: 'sentenceEnd',
  process: (value: string) => value.replace(/\.\.(?=["»”)\]]?(?:\s|$))/g, '.'),
};

/**
 * The i18next instance of one locale (one per locale, made once per build process: the strings never
 * change while the site is rendered). react-i18next's context-free `Trans` takes it as a prop.
 */
export function getI18n(locale: Locale): I18n {
  const cached = instances.get(locale);
  if (cached) return cached;
  const i18n = createInstance().use(sentenceEnd);
  void i18n.init({
    postProcess: [sentenceEnd.name],
    lng: locale,
    fallbackLng: false,
    resources: { [locale]: { translation: resources[locale] } },
    initAsync: false,
    // React escapes what it renders; escaping here as well would show &amp; to readers.
    interpolation: { escapeValue: false },
  });
  instances.set(locale, i18n);
  return i18n;
}

/** The translation function of one locale. */
export function getT(locale: Locale): TFunction {
  return getI18n(locale).getFixedT(locale);
}

/** "Japanese and English" / "японский и английский" / "日本語、英語". */
export function formatList(locale: Locale, items: readonly string[]): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

/** A calendar date (YYYY-MM-DD) as the locale writes it: "30 May 2019", "30 мая 2019 г.", "2019年5月30日". */
export function formatDate(locale: Locale, isoDate: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}
