/**
 * Section numbers at the start of a line, and the numbering of a document: which numbered lines open
 * a section or a subsection, and which are ordinary text that happens to start with a number.
 *
 * Levels are assigned by first appearance, as reStructuredText assigns heading levels: the first
 * style met with the number 1 numbers sections, the next new style met with 1 inside a section numbers
 * subsections. A numbered line opens a section or subsection only when it continues that sequence;
 * anything else (`2019. …`, `3.` after section 1, a third style) stays text of a paragraph.
 */

/** How a number is written at the start of a line. */
export type MarkerStyle =
  /** `1. `, `１．` */
  | 'number-period'
  /** `1) `, `１）` */
  | 'number-parenthesis'
  /** `(1)`, `（１）` */
  | 'parenthesised-number'
  /** `１　`: a number and an ideographic space, as Japanese releases number sections */
  | 'number-ideographic-space'
  /** `I. `, `IV. ` */
  | 'roman-period'
  /** `(a)` */
  | 'parenthesised-letter';

export interface Marker {
  style: MarkerStyle;
  value: number;
  /** The number as written (`１`, `IV`, `a`), for messages. */
  written: string;
}

const number = '([0-9０-９]+)';
const gap = '[ \\t\\u3000]';
const patterns: Array<[MarkerStyle, RegExp]> = [
  ['number-period', new RegExp(`^${number}(?:\\.${gap}+|．${gap}*)(?=[^\\s0-9０-９])`, 'u')],
  ['number-parenthesis', new RegExp(`^${number}(?:\\)${gap}+|）${gap}*)(?=\\S)`, 'u')],
  ['parenthesised-number', new RegExp(`^(?:\\(${number}\\)|（${number}）)${gap}*(?=\\S)`, 'u')],
  ['number-ideographic-space', new RegExp(`^${number}\\u3000+(?=\\S)`, 'u')],
  ['roman-period', new RegExp(`^([IVXLC]+)\\.${gap}+(?=\\S)`, 'u')],
  ['parenthesised-letter', new RegExp(`^\\(([a-z])\\)${gap}*(?=\\S)`, 'u')],
];

const romanValues: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** The value of a Roman numeral, or NaN when it is not one written the usual way. */
export function romanNumber(written: string): number {
  let value = 0;
  for (let i = 0; i < written.length; i++) {
    const current = romanValues[written[i]];
    const next = romanValues[written[i + 1]] ?? 0;
    value += current < next ? -current : current;
  }
  const canonical = /^C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/.test(written);
  return canonical && value > 0 ? value : NaN;
}

/** The number at the start of a line, when it is written as a section number would be. */
export function readMarker(line: string): Marker | undefined {
  for (const [style, pattern] of patterns) {
    const match = pattern.exec(line);
    if (!match) continue;
    const written = match[1] ?? match[2];
    const value =
      style === 'roman-period'
        ? romanNumber(written)
        : style === 'parenthesised-letter'
          ? written.charCodeAt(0) - 96
          : Number(written.replace(/[０-９]/gu, (digit) => String(digit.charCodeAt(0) - 0xff10)));
    if (Number.isFinite(value)) return { style, value, written };
  }
  return undefined;
}

/** Where a numbered line stands: it opens a section or a subsection, or it is text. */
export type Level = 'section' | 'subsection';

/** The numbering of one document, read line by line: create one per document. */
export class Numbering {
  section = 0;
  subsection = 0;
  private sectionStyle: MarkerStyle | undefined;
  private subsectionStyle: MarkerStyle | undefined;

  /** Whether a line starting with `marker` opens the next section or subsection; if so, counts it. */
  open(marker: Marker): Level | undefined {
    const { style, value } = marker;
    if ((this.sectionStyle ?? style) === style && value === this.section + 1) {
      this.sectionStyle = style;
      this.section += 1;
      this.subsection = 0;
      return 'section';
    }
    if (this.section > 0 && style !== this.sectionStyle && (this.subsectionStyle ?? style) === style && value === this.subsection + 1) {
      this.subsectionStyle = style;
      this.subsection += 1;
      return 'subsection';
    }
    return undefined;
  }

  /**
   * For a numbered line that `open` left as text: what was expected instead, when the line looks like
   * a section number out of sequence (a small number in a style in use), so that it deserves a word.
   * A year (`2019.`) or a style not used for sections says nothing.
   */
  expected(marker: Marker): string | undefined {
    if (marker.value >= 100 || marker.style === 'roman-period' || marker.style === 'parenthesised-letter') return undefined;
    if (marker.style === this.sectionStyle) return `section ${this.section + 1}`;
    if (marker.style === this.subsectionStyle) return `subsection ${this.section}.${this.subsection + 1} or section ${this.section + 1}`;
    return undefined;
  }
}
