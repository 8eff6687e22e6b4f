/**
 * Rule `term-name`: the label of every mention is a name or a variant of its glossary entry in the
 * language of the file, allowing for capitals and, in Russian, for inflectional endings; a mention
 * marked `quirk` (the source's own wrong form) stands instead inside the anchor of the note that
 * explains it. The comparison is documented in docs/content-format.md ("Glossary mentions").
 */
import type { VFile } from 'vfile';
import type { Language } from '../model/languages';
import type { DocumentText, GlossaryItem, Reference } from '../model/types';
import { lookAlikeDifference } from '../model/suggest';
import { report } from './report';

/**
 * Russian inflectional endings of nouns, adjectives, participles and pronouns (and the empty ending),
 * `ё` written as `е`. Two word forms match when they differ only by two of these after a shared stem.
 */
const russianEndings = new Set([
  '', 'а', 'я', 'о', 'е', 'у', 'ю', 'ы', 'и', 'й', 'ь',
  'ой', 'ей', 'ий', 'ый', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ую', 'юю', 'ою', 'ею', 'ью',
  'ом', 'ем', 'ам', 'ям', 'ах', 'ях', 'ов', 'ев', 'ым', 'им', 'ых', 'их',
  'ого', 'его', 'ому', 'ему', 'ами', 'ями', 'ыми', 'ими',
]);

/** The shortest stem two Russian word forms must share to count as one word. */
const minimumStem = 3;

/** Separates the names of a place that governments name differently: `Northern Territories / Southern Kurils`. */
const alternatives = /\s+\/\s+|／/u;

const normalize = (text: string, lang: Language) => text.toLocaleLowerCase(lang).replaceAll('ё', 'е').replace(/\s+/gu, ' ').trim();

/** Two Russian words (lowercased) are forms of one word: equal, or a shared stem and two endings. */
function sameRussianWord(a: string, b: string): boolean {
  if (a === b) return true;
  let shared = 0;
  while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared++;
  // Only a word of letters (and hyphens) inflects; punctuation and digits must match exactly.
  if (/[^\p{L}-]/u.test(a) || /[^\p{L}-]/u.test(b)) return false;
  // The stem may end before the shared letters do (`северн|ых`, `северн|ые` share `северны`).
  for (let stem = shared; stem >= minimumStem; stem--) {
    if (russianEndings.has(a.slice(stem)) && russianEndings.has(b.slice(stem))) return true;
  }
  return false;
}

/** True when `label` is `name` in the language `lang`, allowing for capitals and Russian inflection. */
export function isFormOf(label: string, name: string, lang: Language): boolean {
  const a = normalize(label, lang);
  const b = normalize(name, lang);
  if (a === b) return true;
  if (lang !== 'ru') return false;
  const wordsA = a.split(' ');
  const wordsB = b.split(' ');
  return wordsA.length === wordsB.length && wordsA.every((word, index) => sameRussianWord(word, wordsB[index]));
}

/** The names and variants of an entry in one language, names with alternatives split. */
export function namesOf(entry: GlossaryItem, lang: Language): string[] {
  return [...entry.names[lang].split(alternatives), ...(entry.variants?.[lang] ?? [])];
}

/** Is the mention inside the anchor of a note (same block, the anchor's label holding its text)? */
function insideAnchor(mention: Reference, text: DocumentText): boolean {
  const label = normalize(mention.text, text.lang);
  return text.anchors.some(
    (anchor) =>
      anchor.block === mention.block &&
      (anchor.line < mention.line || (anchor.line === mention.line && anchor.column < mention.column)) &&
      normalize(anchor.text, text.lang).includes(label),
  );
}

/** Applies `term-name` to every mention of one document whose entry is in `entries`. */
export function checkMentionNames(texts: readonly DocumentText[], files: Partial<Record<Language, VFile>>, entries: ReadonlyMap<string, GlossaryItem>): void {
  for (const text of texts) {
    const file = files[text.lang];
    if (!file) continue;
    for (const mention of text.mentions) {
      const entry = entries.get(mention.ref);
      if (!entry) continue;
      const names = namesOf(entry, text.lang);
      if (mention.quirk) {
        if (!insideAnchor(mention, text)) {
          report(file, 'error', `\`${mention.text}\` is marked \`quirk\` (a wrong form kept from the source) but stands in no note's anchor: put it inside the \`:note[…]\` that explains it`, mention, 'term-name');
        }
        continue;
      }
      if (names.some((name) => isFormOf(mention.text, name, text.lang))) continue;
      // A form that differs from a name only by a dash, a quote or a space for another looks the same: say which.
      const lookAlike = names.flatMap((name) => {
        const difference = lookAlikeDifference(mention.text, name);
        return difference ? [`it differs from \`${name}\` only by ${difference}; `] : [];
      })[0];
      report(
        file,
        'error',
        `\`${mention.text}\` is not a name or variant of \`${mention.ref}\` in ${text.lang} (${names.map((name) => `\`${name}\``).join(', ')}): ${lookAlike ?? ''}add it to the entry's variants if it is another name of the same thing, or mark it \`quirk\` inside the note that explains a wrong form`,
        mention,
        'term-name',
      );
    }
  }
}
