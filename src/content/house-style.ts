/**
 * The house style of the edition's own text, as far as a machine can check it: forms that the
 * conventions refuse, each with the form to use (docs/content-format.md, "Conventions of the
 * translations and notes"). Read by the pipeline for the documents (rule `spelling`), by the glossary
 * check for names and descriptions, and by the tests for the interface strings. Glossary variants are
 * exempt: they list other spellings on purpose.
 */
import type { Language } from '../model/languages';

/** A refused form: what it matches, and what to write instead. */
export interface RefusedForm {
  /** Matches the refused form; global, so that every occurrence is found. */
  pattern: RegExp;
  /** The form to use for a match (the match may be passed to build it). */
  use: (found: string) => string;
  /** Why, in a few words, for the message. */
  because: string;
}

/** Keeps the capital of the refused form in the suggestion: `Defence` → `Defense`. */
const sameCase = (found: string, use: string) => (found[0] === found[0].toUpperCase() ? use[0].toUpperCase() + use.slice(1) : use);

const usSpelling = 'the English texts use US spelling';
const hyphenated = 'the edition writes these compounds with a hyphen, as the English of the Ministry of Foreign Affairs of Japan does';
const romanization = 'Russian names are romanized as the Russian Foreign Ministry writes them (BGN/PCGN)';

/** British spellings and their US forms, as [pattern source, replacement]; whole words, any case. */
const british: [string, (found: string) => string][] = [
  ['(?:defe|offe|lice)nces?', (found) => found.replace(/nc(?=es?$)/i, 'ns')],
  ['(?:cent|met|theat)res?', (found) => found.replace(/re(?=s?$)/i, 'er')],
  ['programmes?', (found) => found.replace(/mme/i, 'm')],
  ['catalogues?', (found) => found.replace(/ue(?=s?$)/i, '')],
  [
    '(?:organi|recogni|reali|emphasi|summari|characteri|prioriti|stabili|normali|mobili|moderni|legitimi|authori|apologi|critici|minimi|maximi|utili|romani|militari)s(?:e|es|ed|ing|ation|ations|ational)',
    (found) => found.replace(/s(?=(?:e|es|ed|ing|ation|ations|ational)$)/i, 'z'),
  ],
  ['analys(?:e|ed|ing)', (found) => found.replace(/s(?=(?:e|ed|ing)$)/i, 'z')],
  [
    '(?:neighbou?r|favou?r|honou?r|colou?r|labou?r|behaviou?r|harbou?r|endeavou?r|rumou?r|vigou?r)(?:s|ed|ing|able|ably|ite|ites|hood|hoods|ly)?',
    (found) => found.replace(/our/i, 'or'),
  ],
  ['travell(?:ed|ing|er|ers)', (found) => found.replace(/ll/i, 'l')],
  ['judgements?', (found) => found.replace(/ge(?=ments?$)/i, 'g')],
];

const englishForms: RefusedForm[] = [
  ...british.map(([source, use]) => ({
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'giu'),
    use,
    because: usSpelling,
  })),
  ...[
    ['Sergei', 'Sergey'],
    ['Nikolai', 'Nikolay'],
    ['Andrei', 'Andrey'],
    ['Dmitri', 'Dmitry'],
  ].map(([refused, use]) => ({
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])${refused}(?![\\p{L}\\p{N}])`, 'gu'),
    use: () => use,
    because: romanization,
  })),
  // "build-up", "counter-narcotics": the unhyphenated US forms are refused, so that the texts write one form.
  { pattern: /(?<![\p{L}\p{N}-])(?:buildups?|counternarcotics)(?![\p{L}\p{N}])/giu, use: (found) => found.replace(/^(build|counter)/i, '$1-'), because: hyphenated },
];

const japaneseForms: RefusedForm[] = [
  { pattern: /本エディション/gu, use: () => '本版', because: '「本版」 is this edition' },
  {
    pattern: /ワーキング・(ランチ|ディナー)/gu,
    use: (found) => found.replace('・', ''),
    because: 'the edition writes these loanwords without a middle dot (a house choice: the Ministry of Foreign Affairs of Japan writes both forms)',
  },
  { pattern: /\(/gu, use: () => '（', because: 'Japanese text uses full-width brackets' },
  { pattern: /\)/gu, use: () => '）', because: 'Japanese text uses full-width brackets' },
  { pattern: /：[ \u3000]+/gu, use: () => '：', because: 'a full-width colon is followed by no space' },
];

/** The refused forms of each language of the edition. */
export const refusedForms: Record<Language, readonly RefusedForm[]> = {
  ru: [],
  ja: japaneseForms,
  en: englishForms,
};

/** A refused form found in a text: where (index into the text), what, and what to write instead. */
export interface RefusedMatch {
  index: number;
  found: string;
  use: string;
  because: string;
}

/** Every refused form of `lang` in `text`, in text order. */
export function findRefused(text: string, lang: Language): RefusedMatch[] {
  const matches: RefusedMatch[] = [];
  for (const form of refusedForms[lang]) {
    for (const match of text.matchAll(form.pattern)) {
      const found = match[0];
      // A pattern may match the accepted form too (`neighbou?r`): only a match that changes is refused.
      const use = sameCase(found, form.use(found));
      if (use === found) continue;
      matches.push({ index: match.index, found, use, because: form.because });
    }
  }
  return matches.sort((a, b) => a.index - b.index);
}
