/**
 * What messages offer when a written value is close to a known one: "did you mean" for block IDs,
 * note IDs, glossary keys and the values of a closed list, and the characters by which two forms
 * differ when they differ only by dashes, quotes or spaces (`Japan-Russia` against `Japan–Russia`).
 */
import { codePoint } from './report';

/**
 * The optimal string alignment distance (Damerau–Levenshtein without repeated edits of one
 * substring): insertions, deletions, substitutions and transpositions of two neighbours each count 1.
 * Compared by code point.
 */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let before = new Array<number>(y.length + 1).fill(0);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) value = Math.min(value, before[j - 2] + 1);
      current.push(value);
    }
    [before, previous] = [previous, current];
  }
  return previous[y.length];
}

/**
 * The known value closest to `written`, when it is close: at most 2 edits and at most a third of the
 * length of `written` (so that `s1` is not "corrected" to `s2`, nor `ab` to `xy`). Ties go to the first
 * in `known`. Undefined when nothing is close or `written` is itself known.
 */
export function closest(written: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = Math.min(2, Math.floor([...written].length / 3));
  for (const candidate of known) {
    if (candidate === written) return undefined;
    const distance = editDistance(written, candidate);
    if (distance <= limit && distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

/** `; did you mean \`x\`?` to end a message, or nothing when nothing known is close to `written`. */
export function didYouMean(written: string, known: Iterable<string>): string {
  const suggestion = closest(written, known);
  return suggestion === undefined ? '' : `; did you mean \`${suggestion}\`?`;
}

/** Dashes, quotes and spaces that look alike, by class, with their Unicode names. */
const lookAlikes: Record<string, { kind: 'dash' | 'quote' | 'space'; name: string }> = {
  '-': { kind: 'dash', name: 'HYPHEN-MINUS' },
  '\u2010': { kind: 'dash', name: 'HYPHEN' },
  '\u2011': { kind: 'dash', name: 'NON-BREAKING HYPHEN' },
  '\u2012': { kind: 'dash', name: 'FIGURE DASH' },
  '\u2013': { kind: 'dash', name: 'EN DASH' },
  '\u2014': { kind: 'dash', name: 'EM DASH' },
  '\u2015': { kind: 'dash', name: 'HORIZONTAL BAR' },
  '\u2212': { kind: 'dash', name: 'MINUS SIGN' },
  '\u30FC': { kind: 'dash', name: 'KATAKANA-HIRAGANA PROLONGED SOUND MARK' },
  '\uFF0D': { kind: 'dash', name: 'FULLWIDTH HYPHEN-MINUS' },
  '"': { kind: 'quote', name: 'QUOTATION MARK' },
  "'": { kind: 'quote', name: 'APOSTROPHE' },
  '\u2018': { kind: 'quote', name: 'LEFT SINGLE QUOTATION MARK' },
  '\u2019': { kind: 'quote', name: 'RIGHT SINGLE QUOTATION MARK' },
  '\u201C': { kind: 'quote', name: 'LEFT DOUBLE QUOTATION MARK' },
  '\u201D': { kind: 'quote', name: 'RIGHT DOUBLE QUOTATION MARK' },
  '\u201E': { kind: 'quote', name: 'DOUBLE LOW-9 QUOTATION MARK' },
  '\u00AB': { kind: 'quote', name: 'LEFT-POINTING DOUBLE ANGLE QUOTATION MARK' },
  '\u00BB': { kind: 'quote', name: 'RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK' },
  '\u300C': { kind: 'quote', name: 'LEFT CORNER BRACKET' },
  '\u300D': { kind: 'quote', name: 'RIGHT CORNER BRACKET' },
  ' ': { kind: 'space', name: 'SPACE' },
  '\u00A0': { kind: 'space', name: 'NO-BREAK SPACE' },
  '\u2009': { kind: 'space', name: 'THIN SPACE' },
  '\u202F': { kind: 'space', name: 'NARROW NO-BREAK SPACE' },
  '\u3000': { kind: 'space', name: 'IDEOGRAPHIC SPACE' },
};

const fold = (text: string) =>
  [...text].map((char) => {
    const look = lookAlikes[char];
    return look ? `\u0000${look.kind}` : char.toLowerCase();
  });

/**
 * When `written` differs from `known` only by dashes, quotes or spaces (one for another, case aside),
 * the first such difference in words: `U+002D HYPHEN-MINUS where it has U+2013 EN DASH`. Undefined
 * otherwise.
 */
export function lookAlikeDifference(written: string, known: string): string | undefined {
  const a = [...written];
  const b = [...known];
  if (a.length !== b.length || written === known) return undefined;
  const foldedA = fold(written);
  const foldedB = fold(known);
  if (foldedA.some((char, index) => char !== foldedB[index])) return undefined;
  const index = a.findIndex((char, i) => char !== b[i] && char.toLowerCase() !== b[i].toLowerCase());
  if (index < 0) return undefined;
  const describe = (char: string) => `${codePoint(char)} ${lookAlikes[char].name}`;
  return `${describe(a[index])} where it has ${describe(b[index])}`;
}
