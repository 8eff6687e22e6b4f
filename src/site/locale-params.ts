import 'server-only';
import { notFound } from 'next/navigation';
import { isLocale, locales, type Locale } from '../i18n/config';

/** The `[lang]` segment of every localized route. */
export function localeParams(): Array<{ lang: Locale }> {
  return locales.map((lang) => ({ lang }));
}

/** The interface locale named by the address; anything else is a 404. */
export function localeOrNotFound(lang: string): Locale {
  if (!isLocale(lang)) notFound();
  return lang;
}
