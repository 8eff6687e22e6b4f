/**
 * The interface language for a reader whose address names none (the root page and the 404 page, which
 * exist once for all locales): the one remembered from the last page read, else the first of the
 * browser's languages the site speaks, else the default. Shared by root-redirect.ts and
 * not-found-locale.ts.
 */
import { defaultLocale, isLocale, type Locale } from '../../i18n/config';
import { StorageKey } from '../../contract/page';

export function chooseLocale(): Locale {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(StorageKey.Locale);
  } catch {
    // Storage may be disabled: the browser's languages decide.
  }
  if (isLocale(stored)) return stored;
  const wanted = navigator.languages?.length ? navigator.languages : [navigator.language || ''];
  for (const tag of wanted) {
    const code = String(tag).slice(0, 2).toLowerCase();
    if (isLocale(code)) return code;
  }
  return defaultLocale;
}
