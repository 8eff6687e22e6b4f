/**
 * Characters a reader cannot see or cannot tell apart, reported with their code point and place; the
 * text is kept as it is, so nothing is removed behind the editor's back.
 *
 * - Bidirectional controls (`bidi-control`, error) make the order shown differ from the order stored
 *   ("Trojan Source", CVE-2021-42574): a citation would not say what the page seems to say.
 * - Invisible characters (`invisible-character`, warning): zero-width spaces and joiners, the word
 *   joiner, a byte-order mark inside the text, soft hyphens, control characters. They change nothing
 *   that is shown, but search and copied citations miss the word they sit in.
 * - A Latin letter inside a Cyrillic word, or the reverse (`mixed-script`, warning): «Япoния» with a
 *   Latin `o` looks right and is found by no search.
 *
 * The whole file is read, front matter and attributes included: the pipeline runs it on each text
 * (src/pipeline/remark-characters.ts), and the glossary's reader on the glossary.
 */
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { codePoint, excerpt } from '../model/report';
import { report, type ContentRuleId } from './report';

/** Names of the invisible and bidirectional characters, for messages. */
const names: Record<string, string> = {
  '\u00ad': 'SOFT HYPHEN',
  '\u061c': 'ARABIC LETTER MARK',
  '\u180e': 'MONGOLIAN VOWEL SEPARATOR',
  '\u200b': 'ZERO WIDTH SPACE',
  '\u200c': 'ZERO WIDTH NON-JOINER',
  '\u200d': 'ZERO WIDTH JOINER',
  '\u200e': 'LEFT-TO-RIGHT MARK',
  '\u200f': 'RIGHT-TO-LEFT MARK',
  '\u202a': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202b': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202c': 'POP DIRECTIONAL FORMATTING',
  '\u202d': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202e': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2060': 'WORD JOINER',
  '\u2061': 'FUNCTION APPLICATION',
  '\u2062': 'INVISIBLE TIMES',
  '\u2063': 'INVISIBLE SEPARATOR',
  '\u2064': 'INVISIBLE PLUS',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
  '\ufeff': 'ZERO WIDTH NO-BREAK SPACE (byte-order mark)',
};

const bidiControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** Invisible characters and bidirectional controls; control characters other than tab and line endings. */
const suspicious = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Latin letters and the Cyrillic letters they cannot be told from, both ways. */
const latinToCyrillic: Record<string, string> = {
  a: 'а', c: 'с', e: 'е', i: 'і', j: 'ј', o: 'о', p: 'р', s: 'ѕ', x: 'х', y: 'у',
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', I: 'І', J: 'Ј', K: 'К', M: 'М', O: 'О', P: 'Р', S: 'Ѕ', T: 'Т', X: 'Х',
};
const lookAlikes = new Map<string, string>(Object.entries(latinToCyrillic).flatMap(([latin, cyrillic]) => [[latin, cyrillic], [cyrillic, latin]]));

const word = /[\p{L}\p{M}]+/gu;
const cyrillic = /\p{Script=Cyrillic}/u;
const latin = /\p{Script=Latin}/u;

/** How many messages of one rule a file gets before the rest are summed up in one. */
const perRule = 20;

/** Reports the invisible characters, bidirectional controls and mixed-script words of `file`. */
export function checkCharacters(file: VFile): void {
  const text = String(file);
  const place = location(file);
  const counts = new Map<ContentRuleId, number>();
  const add = (severity: 'error' | 'warning', reason: string, offset: number, ruleId: ContentRuleId) => {
    const count = (counts.get(ruleId) ?? 0) + 1;
    counts.set(ruleId, count);
    if (count <= perRule) report(file, severity, reason, place.toPoint(offset), ruleId);
  };

  for (const match of text.matchAll(suspicious)) {
    const character = match[0];
    const name = names[character] ?? 'CONTROL CHARACTER';
    const at = `${codePoint(character)} ${name}`;
    if (bidiControls.test(character)) {
      add('error', `${at}: a bidirectional control reorders what is shown, so that the page no longer shows the text as it is stored; remove it (the reader sets the direction itself)`, match.index, 'bidi-control');
    } else {
      add('warning', `${at}: an invisible character; search and copied citations miss the word it stands in; remove it unless it is meant`, match.index, 'invisible-character');
    }
  }

  for (const match of text.matchAll(word)) {
    if (!cyrillic.test(match[0]) || !latin.test(match[0])) continue;
    const letters = Array.from(match[0]);
    const cyrillicCount = letters.filter((letter) => cyrillic.test(letter)).length;
    const latinCount = letters.filter((letter) => latin.test(letter)).length;
    // The script of most letters is the word's; the others are the odd ones out.
    const mainIsCyrillic = cyrillicCount > latinCount || (cyrillicCount === latinCount && cyrillic.test(letters[0]));
    const [main, other, odd] = mainIsCyrillic ? ['Cyrillic', 'Latin', latin] : ['Latin', 'Cyrillic', cyrillic];
    const oddLetters = [...new Set(letters.filter((letter) => odd.test(letter)))];
    const first = match[0].search(odd);
    const described = oddLetters
      .map((letter) => `\`${letter}\` (${codePoint(letter)}${lookAlikes.has(letter) ? `, looks like ${main} \`${lookAlikes.get(letter)}\`` : ''})`)
      .join(', ');
    add('warning', `\`${excerpt(match[0])}\` mixes ${main} and ${other} letters: ${described} ${oddLetters.length > 1 ? 'are' : 'is'} ${other}; type the word in one script`, match.index + first, 'mixed-script');
  }

  for (const [ruleId, count] of counts) {
    if (count > perRule) report(file, ruleId === 'bidi-control' ? 'error' : 'warning', `${count - perRule} more like the above in this file are not listed`, place.toPoint(text.length), ruleId);
  }
}
