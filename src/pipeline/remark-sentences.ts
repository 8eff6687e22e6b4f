/**
 * Sentences: inside a block, each sentence stands on its own line (a Markdown soft line break), and
 * its ID is the block ID plus `.n` (`s1-1-p2.1`). Lines are numbered 1, 2, 3… in order; a line may
 * name the source sentence(s) it renders with a marker at its end, kramdown-style: `{.2}` (a source
 * sentence split over two lines carries it twice, on consecutive lines), `{.2 .3}` (two source
 * sentences rendered as one), `{.2a}` (a sentence inserted later, so that no ID ever shifts). A line
 * without a marker takes the number after the previous line's. Each sentence becomes
 * `span[data-sid]` (its IDs, space-separated); the line break between two sentences becomes a space,
 * or nothing in Japanese, which sets no space between sentences. A marker whose brace is escaped
 * (`\{.2}`) is text (see remark-escapes). Runs after remark-block-ids.
 */
import type { Heading, Paragraph, PhrasingContent, Root, Text } from 'mdast';
import type { Plugin } from 'unified';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { isUntranslatedDirective } from './remark-annotations';
import { isEscaped, sliceText } from './remark-escapes';
import { report } from './report';

/** A sentence as the Markdown writes it: its IDs and where its line starts. */
export interface SentenceRecord {
  ids: string[];
  line: number;
  column: number;
  /** A line `:untranslated`: the sentence is not yet translated. */
  untranslated?: boolean;
}

/** One line of a block: a sentence, with the IDs of the source sentences it renders. */
export interface SentenceNode {
  type: 'sentence';
  children: PhrasingContent[];
  position?: Position;
  data: { hName: 'span'; hProperties: { dataSid: string; dataUntranslated?: '' } };
}

declare module 'mdast' {
  interface PhrasingContentMap {
    sentence: SentenceNode;
  }
}

declare module 'vfile' {
  interface DataMap {
    /** The sentences of each block, by block ID, in line order. */
    sentences: ReadonlyMap<string, SentenceRecord[]>;
  }
}

/** A sentence number within its block: digits, optionally one letter for a sentence inserted later. */
export const sentenceNumberPattern = /^[1-9]\d*[a-z]?$/;
// Without leading `\s*`: that would try every position of a long run of spaces, in quadratic time.
const trailingMarker = /\{(\.[^{}]*)\}\s*$/;
/** What follows the `{` of a sentence marker, as a regular expression: a dot, anything but braces, `}`. */
export const markerAfterBrace = String.raw`\.[^{}]*\}`;
const anyMarker = new RegExp(`\\{${markerAfterBrace}`, 'g');

/** `{.2 .3}` → `['2', '3']`; undefined when the marker is malformed. */
export function parseMarker(content: string): string[] | undefined {
  const tokens = content.trim().split(/\s+/);
  if (tokens.length === 0 || tokens.some((token) => !token.startsWith('.'))) return undefined;
  const numbers = tokens.map((token) => token.slice(1));
  if (numbers.some((number) => !sentenceNumberPattern.test(number))) return undefined;
  if (new Set(numbers).size !== numbers.length) return undefined;
  return numbers;
}

const numericPart = (number: string) => Number.parseInt(number, 10);

/** A line ending as Markdown reads it: CR, LF or CRLF (the text keeps the file's own). */
const lineEnding = /\r\n|\r|\n/;
const lineEndings = /\r\n|\r|\n/g;

interface Line {
  nodes: PhrasingContent[];
  start: { line: number; column: number };
}

/** Splits the inline content of a block at its top-level line breaks. */
function splitLines(block: Heading | Paragraph, file: VFile): Line[] {
  const lines: Line[] = [];
  const begin = block.position?.start ?? { line: 1, column: 1 };
  let current: Line = { nodes: [], start: { line: begin.line, column: begin.column } };
  for (const node of block.children) {
    if (node.type !== 'text' || !lineEnding.test(node.value)) {
      if (node.type !== 'text' && node.type !== 'break' && 'children' in node) reportNestedBreaks(node.children, file);
      current.nodes.push(node);
      continue;
    }
    // Each line of the text as a node of its own, which keeps what was escaped in it.
    const ends = [...node.value.matchAll(lineEndings)];
    const startLine = node.position?.start.line ?? current.start.line;
    let from = 0;
    ends.forEach((end, index) => {
      if (end.index > from) current.nodes.push(sliceText(node, from, end.index));
      lines.push(current);
      current = { nodes: [], start: { line: startLine + index + 1, column: 1 } };
      from = end.index + end[0].length;
    });
    if (from < node.value.length) current.nodes.push(sliceText(node, from, node.value.length));
  }
  lines.push(current);
  return lines.filter((line) => line.nodes.some((node) => node.type !== 'text' || node.value.trim() !== ''));
}

/** A line break inside a mention, a note anchor or emphasis would cut it in two sentences. */
function reportNestedBreaks(children: PhrasingContent[], file: VFile): void {
  for (const child of children) {
    if (child.type === 'text' && lineEnding.test(child.value)) {
      report(file, 'error', 'a line break inside a mention, note anchor or emphasis: a sentence ends only at the end of a line of the paragraph, outside any markup', child, 'sentence-syntax');
      return;
    }
    if ('children' in child) reportNestedBreaks(child.children as PhrasingContent[], file);
  }
}

/** Removes the line's trailing marker from its last text node; returns its numbers, or undefined when it has none. */
function takeMarker(line: Line, file: VFile, blockId: string): string[] | undefined | 'invalid' {
  const last = line.nodes.at(-1);
  if (last?.type !== 'text') return undefined;
  const match = trailingMarker.exec(last.value);
  if (!match || isEscaped(last, match.index)) return undefined;
  last.value = last.value.slice(0, match.index).trimEnd();
  if (last.value === '') line.nodes.pop();
  const numbers = parseMarker(match[1]);
  if (!numbers) {
    report(
      file,
      'error',
      `\`{${match[1]}}\` is not a sentence marker of \`${blockId}\`: write \`{.2}\`, \`{.2a}\` or \`{.2 .3}\` (the numbers of the source sentences this line renders)`,
      { line: line.start.line, column: line.start.column },
      'sentence-syntax',
    );
    return 'invalid';
  }
  return numbers;
}

/**
 * Whether the line is `:untranslated` alone (true), holds no such directive (false), or holds one beside
 * other text, which is reported, and the directive dropped so that the rest of the line is kept.
 */
function untranslatedLine(line: Line, file: VFile, isSource: boolean): boolean {
  const found = line.nodes.filter(isUntranslatedDirective);
  if (found.length === 0) return false;
  const rest = line.nodes.filter((node) => !isUntranslatedDirective(node) && (node.type !== 'text' || node.value.trim() !== ''));
  const place = { line: line.start.line, column: line.start.column };
  if (isSource) {
    report(file, 'error', 'a source text is the original: none of it is untranslated (`:untranslated` belongs in a translation)', place, 'untranslated-syntax');
  } else if (found.length > 1 || rest.length > 0) {
    report(file, 'error', '`:untranslated` stands for a whole line: write either the translated sentence or `:untranslated` alone on its line (before the block ID and the sentence marker, if any)', found[0].position?.start ?? place, 'untranslated-syntax');
  } else {
    line.nodes = [];
    return true;
  }
  line.nodes = line.nodes.filter((node) => !isUntranslatedDirective(node));
  return false;
}

function trimEdges(nodes: PhrasingContent[]): void {
  const first = nodes[0];
  if (first?.type === 'text') first.value = first.value.trimStart();
  const last = nodes.at(-1);
  // Not `/\s+$/`: that is quadratic in a long run of spaces inside the text.
  if (last?.type === 'text') last.value = last.value.trimEnd();
}

export interface RemarkSentencesOptions {
  /** Languages that set no space between sentences. Default: `['ja']`. */
  unspaced?: readonly string[];
}

export const remarkSentences: Plugin<[RemarkSentencesOptions?], Root> = function (options = {}) {
  const unspaced = options.unspaced ?? ['ja'];
  return (tree: Root, file: VFile) => {
    const sentences = new Map<string, SentenceRecord[]>();
    const isSource = file.data.frontMatter?.role === 'source';
    const separator = unspaced.includes(String(file.data.lang)) ? '' : ' ';
    for (const node of tree.children) {
      if ((node.type !== 'heading' && node.type !== 'paragraph') || !node.data?.blockId) continue;
      const blockId = node.data.blockId;
      const records: SentenceRecord[] = [];
      const children: PhrasingContent[] = [];
      let previous: string[] | undefined;
      const used = new Map<string, number>();
      for (const line of splitLines(node, file)) {
        const marker = takeMarker(line, file, blockId);
        for (const text of line.nodes) {
          if (text.type !== 'text') continue;
          const inside = [...text.value.matchAll(anyMarker)].find((found) => !isEscaped(text, found.index));
          if (inside) {
            report(file, 'error', `a sentence marker stands inside the line: \`${inside[0]}\` belongs at the end of its line (write \`\\{\` for a brace that is text)`, { line: line.start.line, column: line.start.column }, 'sentence-syntax');
          }
        }
        const numbers =
          marker === undefined || marker === 'invalid' ? [String((previous ? numericPart(previous.at(-1) ?? '0') : 0) + 1)] : marker;
        if (isSource && numbers.length > 1) {
          report(file, 'error', `the source sets one sentence a line: \`{.${numbers.join(' .')}}\` names ${numbers.length}`, { line: line.start.line, column: line.start.column }, 'sentence-syntax');
        }
        // A number used again is a split sentence, on consecutive lines of a translation only.
        const splitOfPrevious = !isSource && previous !== undefined && numbers.length === 1 && previous.length === 1 && previous[0] === numbers[0];
        for (const number of numbers) {
          const first = used.get(number);
          if (first !== undefined && !splitOfPrevious) {
            report(file, 'error', `sentence \`${blockId}.${number}\` is written twice in this paragraph; it was first at line ${first}`, { line: line.start.line, column: line.start.column }, 'sentence-duplicate');
          }
          if (first === undefined) used.set(number, line.start.line);
        }
        previous = numbers;
        const untranslated = untranslatedLine(line, file, isSource);
        trimEdges(line.nodes);
        const ids = numbers.map((number) => `${blockId}.${number}`);
        records.push({ ids, line: line.start.line, column: line.start.column, ...(untranslated ? { untranslated } : {}) });
        if (children.length > 0 && separator) children.push({ type: 'text', value: separator } satisfies Text);
        const position = { start: { line: line.start.line, column: line.start.column }, end: { line: line.start.line, column: line.start.column } };
        const hProperties = untranslated ? { dataSid: ids.join(' '), dataUntranslated: '' as const } : { dataSid: ids.join(' ') };
        children.push({ type: 'sentence', children: line.nodes, position, data: { hName: 'span', hProperties } });
      }
      node.children = children;
      sentences.set(blockId, records);
    }
    file.data.sentences = sentences;
  };
};
