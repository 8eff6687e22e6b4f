/**
 * Hard-wraps text as the producers of releases do, for tests that lay one text out in other ways:
 * greedily to a display width, Latin and Cyrillic at spaces, Japanese between any two characters but
 * with the usual line-breaking rules (no closing punctuation or small kana at the start of a line, no
 * opening bracket at its end).
 */
import { displayWidth } from '../../src/importer/layout';

const noLineStart = new Set([...'、。，．）」』】〕ー・？！ぁぃぅぇぉっゃゅょァィゥェォッャュョ']);
const noLineEnd = new Set([...'（「『【〔']);

/** Wraps at spaces: no line wider than `width`, unless a single word is. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && displayWidth(`${line} ${word}`) > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return line === '' ? lines : [...lines, line];
}

/** Wraps Japanese text between characters; closing punctuation may hang past `width`. */
export function wrapJapanese(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const char of text) {
    if (line === '' || displayWidth(line + char) <= width || noLineStart.has(char)) {
      line += char;
      continue;
    }
    let carried = '';
    while ([...line].length > 1 && noLineEnd.has([...line].at(-1) ?? '')) {
      carried = ([...line].at(-1) ?? '') + carried;
      line = [...line].slice(0, -1).join('');
    }
    lines.push(line);
    line = carried + char;
  }
  return line === '' ? lines : [...lines, line];
}
