/**
 * The interface strings. English is the reference shape; every other locale must have exactly its keys
 * (checked here at compile time, and by tests/e2e/budget.spec.ts at run time).
 */
import type { Locale } from './config';
import en from './locales/en.json';
import ja from './locales/ja.json';
import ru from './locales/ru.json';

export type Messages = typeof en;

/** The same keys as T, every leaf a string: what each locale file must look like. */
type Shape<T> = { readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** A type error when M has a key that the reference does not have. */
type NoExtraKeys<M, T> = {
  [K in keyof M]: K extends keyof T ? (M[K] extends string ? string : NoExtraKeys<M[K], T[K]>) : never;
};

function checked<M extends Shape<Messages>>(messages: M & NoExtraKeys<M, Messages>): Messages {
  return messages;
}

export const resources = {
  ru: checked(ru),
  ja: checked(ja),
  en: checked(en),
} as const satisfies Record<Locale, Messages>;
