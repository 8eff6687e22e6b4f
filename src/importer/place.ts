/**
 * The place of a meeting, found in the opening of the text when the date line names none and
 * `--place` is not given: `東京において`, `東京で開催`, "in Tokyo", «в Токио», «в г. Москве».
 *
 * A form that is the name or a variant of a place in the glossary (any case ending the glossary
 * lists) gives that entry's name in the text's language: «в Москве» → `Москва` when `Москве` is a
 * listed variant. Otherwise a Japanese or English form is taken as written, and a Russian one only when
 * it does not end like a declined noun (-е after a consonant, -ии, -ой, -ах, -ях: «в Токио» is taken,
 * «в Москве» is not); for that one the importer asks for `--place`, naming what it found. The caller
 * says where the place came from: never silently.
 */
import type { Language } from '../model/languages';

/** A place of the glossary: its name and the forms that name it, in one language. */
export interface KnownPlace {
  name: string;
  forms: readonly string[];
}

export interface FoundPlace {
  /** The place for the front matter. */
  place: string;
  /** The words of the text it was read from (`東京において`, `in Tokyo`). */
  written: string;
  /** Offset of `written` in the text searched. */
  index: number;
  /** The glossary entry's name it matched, if any. */
  fromGlossary: boolean;
}

/** A form found that cannot be the place as the front matter writes it (a Russian case ending). */
export interface InflectedPlace {
  written: string;
  index: number;
}

const words = {
  en: /\b(?:in|at) (?:the city of )?([A-Z][\p{L}'’-]*(?: [A-Z][\p{L}'’-]*){0,2})/gu,
  ru: /(?<![\p{L}])(?:в|во) (?:г\. ?|городе )?([А-ЯЁ][\p{L}-]*(?: [А-ЯЁ][\p{L}-]*)?)/gu,
  ja: /([\p{Script=Han}\p{Script=Katakana}ー・]+)(?:において|にて|で開催|で行われ)/gu,
};

/** Capitalised words after "in" that are not places. */
const notPlaces = new Set([
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'The', 'This', 'Addition', 'Particular', 'Light',
  'Январе', 'Феврале', 'Марте', 'Апреле', 'Мае', 'Июне', 'Июле', 'Августе', 'Сентябре', 'Октябре', 'Ноябре', 'Декабре',
]);

/** Russian forms that cannot be the nominative of a place name: the prepositional endings of declined nouns. */
const russianInflected = /(?:[^аеёиоуыэюяь]е|ии|ой|ах|ях)$/u;

/**
 * The first place named in `text` (the title and opening paragraphs) as the place of the meeting.
 * `known` lists the glossary's places in `lang`.
 */
export function findPlace(text: string, lang: Language, known: readonly KnownPlace[] = []): FoundPlace | InflectedPlace | undefined {
  for (const match of text.matchAll(words[lang])) {
    const written = match[0];
    const form = match[1];
    const index = match.index ?? 0;
    if (notPlaces.has(form.split(' ')[0])) continue;
    // Japanese: the last characters before において that name a known place (`ウラジオストク` in
    // `日露捜索・救難共同訓練をウラジオストクにおいて`), else the whole run.
    const entry = known.find((place) => place.name === form || place.forms.includes(form) || (lang === 'ja' && form.endsWith(place.name)));
    if (entry) return { place: entry.name, written, index, fromGlossary: true };
    if (lang === 'ru' && russianInflected.test(form)) return { written, index };
    if (lang === 'ja' && [...form].length > 8) continue;
    return { place: form, written, index, fromGlossary: false };
  }
  return undefined;
}
