/**
 * The interface strings: every locale has the keys of the English reference, a key with plural forms
 * has exactly the forms its language needs (i18next's suffixes after `Intl.PluralRules`), and i18next
 * picks the form that agrees with the count.
 */
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { locales, type Locale } from '../../src/i18n/config';
import { resources } from '../../src/i18n/resources';

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** Every leaf as [path, value]. */
function leaves(value: unknown, prefix = ''): [string, unknown][] {
  return typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([key, child]) => leaves(child, `${prefix}${key}.`))
    : [[prefix.slice(0, -1), value]];
}

/** The plural forms of each key that has them: `reader.participants` → [`one`, `other`]. */
function pluralForms(messages: unknown): Map<string, string[]> {
  const forms = new Map<string, string[]>();
  for (const [path] of leaves(messages)) {
    const match = pluralSuffix.exec(path);
    if (!match) continue;
    const base = path.slice(0, match.index);
    forms.set(base, [...(forms.get(base) ?? []), match[1]].sort());
  }
  return forms;
}

const baseKeys = (messages: unknown) => [...new Set(leaves(messages).map(([path]) => path.replace(pluralSuffix, '')))].sort();

function t(locale: Locale) {
  const i18n = createInstance();
  void i18n.init({ lng: locale, fallbackLng: false, resources: { [locale]: { translation: resources[locale] } }, initAsync: false, interpolation: { escapeValue: false } });
  return i18n.getFixedT(locale);
}

describe('the interface strings', () => {
  it('exist in every locale with the keys of the English reference, none empty', () => {
    for (const locale of locales) {
      expect(baseKeys(resources[locale]), locale).toEqual(baseKeys(resources.en));
      for (const [path, value] of leaves(resources[locale])) {
        expect(typeof value === 'string' && value.trim().length > 0, `${locale}: ${path}`).toBe(true);
      }
    }
  });

  it('give each plural key exactly the forms of its language, and the same plural keys in every locale', () => {
    const reference = [...pluralForms(resources.en).keys()].sort();
    expect(reference.length).toBeGreaterThan(0);
    for (const locale of locales) {
      const categories = [...new Intl.PluralRules(locale).resolvedOptions().pluralCategories].sort();
      const forms = pluralForms(resources[locale]);
      expect([...forms.keys()].sort(), locale).toEqual(reference);
      for (const [key, suffixes] of forms) expect(suffixes, `${locale}: ${key}`).toEqual(categories);
    }
  });

  it('agree with the count', () => {
    const ru = t('ru');
    expect([1, 2, 5, 21].map((count) => ru('reader.participants', { count }))).toEqual(['Участник', 'Участники', 'Участники', 'Участник']);
    const en = t('en');
    expect([1, 2].map((count) => en('glossary.mentions', { count }))).toEqual(['Mention', 'Mentions']);
    expect(t('ja')('reader.notesHeading', { count: 1 })).toBe('注');
  });
});

describe('a sentence that ends with an abbreviation', () => {
  it('ends with one full stop, in the strings as rendered', async () => {
    const { formatDate, getT } = await import('../../src/i18n/server');
    const until = formatDate('ru', '2026-12-07');
    expect(until).toBe('7 декабря 2026 г.');
    const notice = getT('ru')('editions.superseded', { number: 1, count: 2, date: formatDate('ru', '2019-05-30'), next: 2, until });
    expect(notice).toBe('Это издание 1 из 2, опубликованное 30 мая 2019 г. Заменено изданием 2 от 7 декабря 2026 г.');
    expect(getT('ru')('editions.current', { number: 2, date: until })).toBe('Это текущее издание: издание 2, опубликовано 7 декабря 2026 г.');
    // An ellipsis is its own character; a full stop alone is left as it is.
    expect(getT('en')('editions.current', { number: 2, date: 'December 7, 2026' })).toMatch(/2026\.$/);
  });
});
