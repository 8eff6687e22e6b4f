/** The languages of the edition, in their canonical order. Defined once; everything else derives from it. */
export const languages = ['ru', 'ja', 'en'] as const;

export type Language = (typeof languages)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** Names of each language in each language (endonym first in the list for a reader of that language). */
export const languageNames = {
  ru: { ru: 'Русский', ja: 'ロシア語', en: 'Russian' },
  ja: { ru: 'Японский', ja: '日本語', en: 'Japanese' },
  en: { ru: 'Английский', ja: '英語', en: 'English' },
} as const satisfies Record<Language, Record<Language, string>>;
