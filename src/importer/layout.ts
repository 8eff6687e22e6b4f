/**
 * The layout of a plain text: its lines, whether they are hard-wrapped, and what ends a paragraph.
 *
 * A text is **hard-wrapped** when, of its lines that are directly followed by another line of text
 * (no blank line, no indent, neither of them numbered), those that are full and stop mid-sentence are
 * at least as many as those that end a sentence: the producer broke the lines, not the paragraphs.
 * Otherwise each line is a paragraph.
 *
 * In a hard-wrapped text, consecutive lines are joined into one paragraph (a numbered heading only
 * when its line is full and no wider than the running text); a paragraph ends at a blank line, a
 * numbered heading, a line indented more than the text's body lines (the first-line indent of
 * Japanese releases), or, in a text that has neither blank lines nor indents between its paragraphs,
 * at a line that stops short of the width the text is wrapped to (a greedy wrap would have moved the
 * next word up, so the line ended its paragraph) and either ends a sentence or is at most half as wide.
 *
 * Wrapped lines are joined with nothing between them when either side is a CJK character or the line
 * ends in a hyphen after a letter, and with one space otherwise. Nothing else of the text changes:
 * white space at the start and end of a line is layout, and everything between is kept as it is.
 */

/** A non-blank line of the input. */
export interface SourceLine {
  /** The line without its leading and trailing white space. */
  text: string;
  /** 1-based line number. */
  line: number;
  /** 1-based column of the first character of `text`. */
  column: number;
  /** Width of the leading white space (a tab counts 4, an ideographic space 2). */
  indent: number;
  /** True when a blank line (or the start of the text) stands before this line. */
  afterBlank: boolean;
}

/** What separates the paragraphs of a text. */
export interface Layout {
  /** Lines are broken inside paragraphs; when false, each line is a paragraph. */
  hardWrapped: boolean;
  /** Blank lines stand between paragraphs. */
  blankLines: boolean;
  /** Paragraphs start with an indent deeper than `baseIndent`. */
  indents: boolean;
  /** The indent of the text's body lines, the least of them. */
  baseIndent: number;
  /** The width the text is wrapped to: its longest line of running text (not numbered). */
  width: number;
  /** Paragraphs end at short lines that end a sentence (hard-wrapped, with no blank lines and no indents). */
  shortLines: boolean;
}

/** Wide characters: CJK ideographs, kana, CJK punctuation, full-width forms. */
const wide = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;

/** A sentence ends with one of these marks, possibly followed by closing quotes or brackets. */
const sentenceEnd = /[.!?…。！？．:：;；][\p{Pe}\p{Pf}"'»”’」』]*$/u;

/** Whether `text` ends a sentence (or a clause that a list follows: `:` and `;` count). */
export function endsSentence(text: string): boolean {
  return sentenceEnd.test(text);
}

function isWide(char: string | undefined): boolean {
  return char !== undefined && wide.test(char);
}

/** Display width: wide characters count 2, others 1. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char) ? 2 : 1;
  return width;
}

/** Splits text into its non-blank lines, noting their place, indent and whether a blank line precedes them. */
export function readLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let afterBlank = true;
  text
    .replace(/^\uFEFF/u, '')
    .split(/\r\n|\r|\n/u)
    .forEach((raw, index) => {
      const trimmed = raw.trim();
      if (trimmed === '') {
        afterBlank = true;
        return;
      }
      const leading = raw.slice(0, raw.length - raw.trimStart().length);
      let indent = 0;
      for (const char of leading) indent += char === '\t' ? 4 : isWide(char) ? 2 : 1;
      lines.push({ text: trimmed, line: index + 1, column: leading.length + 1, indent, afterBlank });
      afterBlank = false;
    });
  return lines;
}

/** The separator that restores a line break inside a paragraph: nothing around CJK text or after a hyphen, else a space. */
export function joiner(before: string, after: string): string {
  const last = [...before].at(-1);
  const first = [...after][0];
  if (isWide(last) || isWide(first) || /\p{L}[-\u2010]$/u.test(before)) return '';
  return ' ';
}

/** Joins the lines of one paragraph. */
export function joinLines(lines: readonly SourceLine[]): string {
  return lines.reduce((text, line, index) => (index === 0 ? line.text : text + joiner(text, line.text) + line.text), '');
}

/** The first unbreakable piece of a line: a word, or one CJK character. */
function firstPiece(text: string): string {
  const first = [...text][0] ?? '';
  if (isWide(first)) return first;
  return /^\S+/u.exec(text)?.[0] ?? '';
}

/**
 * Whether `next`'s first word would have fitted at the end of `line` in a text wrapped to `width`:
 * then a greedy wrap did not break `line` there, and `line` ended its paragraph. One wide character of
 * slack allows for wraps that keep punctuation off the start of a line.
 */
export function leavesRoom(line: SourceLine, next: SourceLine, width: number): boolean {
  const piece = firstPiece(next.text);
  return displayWidth(line.text) + displayWidth(joiner(line.text, piece)) + displayWidth(piece) <= width - 2;
}

/**
 * Measures the layout of the body of a text. `isNumbered` tells which lines start with a section
 * number: those are headings or numbered paragraphs, and a heading's line says nothing about wrapping.
 */
export function measureLayout(lines: readonly SourceLine[], isNumbered: (line: SourceLine) => boolean): Layout {
  const baseIndent = lines.length > 0 ? lines.reduce((least, line) => Math.min(least, line.indent), Infinity) : 0;
  const indents = lines.some((line) => line.indent > baseIndent);
  const blankLines = lines.some((line, index) => index > 0 && line.afterBlank);
  // The width is that of the running text: headings are often left unwrapped, longer than the rest.
  const running = lines.filter((line) => !isNumbered(line));
  const width = (running.length > 0 ? running : lines).reduce((widest, line) => Math.max(widest, displayWidth(line.text)), 0);
  let broken = 0;
  let ended = 0;
  lines.forEach((line, index) => {
    const next = lines[index + 1];
    if (!next || next.afterBlank || next.indent > baseIndent || isNumbered(line) || isNumbered(next)) return;
    if (endsSentence(line.text)) ended += 1;
    // A full line that stops mid-sentence was broken by the producer; a short one (an unnumbered
    // heading, a list item) says nothing either way.
    else if (!leavesRoom(line, next, width)) broken += 1;
  });
  const hardWrapped = broken > 0 && broken >= ended;
  return { hardWrapped, blankLines, indents, baseIndent, width, shortLines: hardWrapped && !blankLines && !indents };
}

/**
 * Whether `next` continues the paragraph or heading whose last line is `last`. A block that starts
 * with a section number (a heading, a numbered paragraph) and the title continue only onto a line
 * that a full line was wrapped to.
 */
export function continues(layout: Layout, last: SourceLine, next: SourceLine, numbered: boolean): boolean {
  if (!layout.hardWrapped || next.afterBlank || next.indent > layout.baseIndent) return false;
  const room = leavesRoom(last, next, layout.width);
  // A heading wider than the running text was not wrapped to its width.
  if (numbered) return !room && displayWidth(last.text) <= layout.width;
  if (layout.shortLines) return !(room && (endsSentence(last.text) || displayWidth(last.text) * 2 <= layout.width));
  return true;
}

/** One line for the summary the importer prints: how it found the paragraphs. */
export function describeLayout(layout: Layout): string {
  if (!layout.hardWrapped) return 'each line is a paragraph (the lines are not wrapped)';
  const ends = [
    layout.blankLines ? 'blank lines' : '',
    layout.indents ? 'indented lines' : '',
    layout.shortLines ? `lines that stop short of the width (${layout.width}) and end a sentence` : '',
  ].filter(Boolean);
  return `wrapped lines joined; paragraphs end at numbered headings${ends.length > 0 ? `, ${ends.join(', ')}` : ''}`;
}
