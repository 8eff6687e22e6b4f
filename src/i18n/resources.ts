/**
 * The interface strings. English is the reference shape; every other locale must have exactly its keys
 * (checked here at compile time, and by tests/unit/i18n.test.ts at run time), except that a key with
 * plural forms (`participants_one`, `participants_other`) has the forms its own language needs
 * (i18next's plural suffixes, after `Intl.PluralRules`): Russian `_one`, `_few`, `_many`, `_other`;
 * Japanese `_other` alone.
 */
import type { Locale } from './config';
import en from './locales/en.json';
import ja from './locales/ja.json';
import ru from './locales/ru.json';

export type Messages = typeof en;

/** i18next's plural suffixes. */
type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** A key without its plural suffix: `participants_one` → `participants`. */
type Base<K> = K extends `${infer B}_${PluralSuffix}` ? B : K;

/** The shape of T with its plural forms folded into their base key, every leaf a string. */
type Folded<T> = { readonly [K in keyof T as Base<K & string>]: T[K] extends string ? string : Folded<T[K]> };

/** `unknown` when M has exactly the keys of the reference, plural forms folded; `never` (a type error) otherwise. */
type SameKeys<M> = Folded<M> extends Folded<Messages> ? (Folded<Messages> extends Folded<M> ? unknown : never) : never;

function checked<M>(messages: M & NoInfer<SameKeys<M>>): M {
  return messages;
}

export const resources = {
  ru: checked(ru),
  ja: checked(ja),
  en: checked(en),
} as const satisfies Record<Locale, object>;
