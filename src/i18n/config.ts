/**
 * Interface locales, defined once. They happen to be the languages of the edition, but they are a
 * separate notion: the language of the buttons, not of the texts.
 */
export const locales = ['ru', 'ja', 'en'] as const;

export type Locale = (typeof locales)[number];

/** Used when nothing else decides: the language most readers of the edition share. */
export const defaultLocale: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** BCP 47 tags for OpenGraph (`og:locale`). */
export const openGraphLocales = { ru: 'ru_RU', ja: 'ja_JP', en: 'en_US' } as const satisfies Record<Locale, string>;

/** Each locale's name in itself, for the language switch. */
export const localeEndonyms = { ru: 'Русский', ja: '日本語', en: 'English' } as const satisfies Record<Locale, string>;
