/**
 * The Markdown side of the XLIFF round trip: a language version read as lines of blocks, each line's
 * inline content as text and codes (glossary mentions, note anchors, emphasis), and the segments a
 * translation tool sees (one per alignment group: a source sentence, a source sentence split over
 * several lines, or several source sentences rendered as one line). Writing goes the other way, line by
 * line: a line whose content did not change keeps its bytes, so an export imported unchanged gives
 * the file back byte for byte. Pure functions of the file's text.
 */
import type { PhrasingContent, Root, RootContent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { languages, type Language } from '../model/languages';
import { segmentStates, type SegmentState } from '../model/schema';
import { parseMarker, remarkEscapes } from '../pipeline';
import { isEscaped } from '../pipeline/remark-escapes';

/** A problem that stops an export or an import: where it is and what to do. Never a stack trace. */
export class XliffError extends Error {
  constructor(
    message: string,
    /** The unit (block ID) it concerns, when there is one. */
    readonly unit?: string,
  ) {
    super(message);
    this.name = 'XliffError';
  }
}

export type CodeKind = 'term' | 'note' | 'em' | 'strong' | 'lb';

/** An inline code: a mention, a note anchor, emphasis, or a line break between the lines of a split sentence. */
export interface Code {
  kind: CodeKind;
  /** The glossary entry or note ID (term, note). */
  key?: string;
  /** A mention of the source's own wrong form (`quirk`). */
  quirk?: boolean;
  /** The label; undefined for a point (a note anchor without label, a line break). */
  children?: Inline[];
}

export type Inline = string | Code;

/** One line of a block. */
export interface MarkdownLine {
  /** 0-based index of the line in the file. */
  index: number;
  /** The source sentence numbers it renders (`['2']`, `['2', '3']`). */
  numbers: string[];
  /** The whole text of the line is `:untranslated`. */
  untranslated: boolean;
  /** Its content, without the heading marks, sentence marker and block ID. */
  inline: Inline[];
}

export interface MarkdownBlock {
  id: string;
  kind: 'heading' | 'paragraph';
  lines: MarkdownLine[];
}

export interface MarkdownNote {
  id: string;
  kind: string;
  /** Plain text of the body. */
  text: string;
}

export interface MarkdownFile {
  lang: Language;
  role: 'source' | 'translation';
  /** The file's lines without their endings, and each line's ending. */
  lines: string[];
  endings: string[];
  /** 0-based index of the front matter's closing `---`. */
  frontMatterEnd: number;
  blocks: MarkdownBlock[];
  notes: MarkdownNote[];
  /** Recorded segment states (front matter `states`), by segment ID. */
  states: Record<string, SegmentState>;
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkDirective).use(remarkEscapes);

const blockIdTail = /[ \t]*\{#([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\}[ \t]*$/;
const markerTail = /[ \t]*\{(\.[^{}]*)\}[ \t]*$/;

function inlineOf(nodes: PhrasingContent[], path: string, line: number): Inline[] {
  const result: Inline[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      if (node.value) result.push(node.value);
    } else if (node.type === 'textDirective' && (node.name === 'term' || node.name === 'note')) {
      const key = node.attributes?.ref ?? '';
      const label = node.name === 'note' && node.children.length === 0 ? undefined : inlineOf(node.children, path, line);
      result.push({ kind: node.name, key, ...(node.name === 'term' && node.attributes && 'quirk' in node.attributes ? { quirk: true } : {}), ...(label ? { children: label } : {}) });
    } else if (node.type === 'emphasis' || node.type === 'strong') {
      result.push({ kind: node.type === 'emphasis' ? 'em' : 'strong', children: inlineOf(node.children, path, line) });
    } else {
      throw new XliffError(`${path}:${line}: ${node.type === 'textDirective' ? `the directive \`:${node.name}\`` : `a ${node.type}`} cannot travel in XLIFF here: only text, mentions, note anchors and emphasis can`);
    }
  }
  return mergeText(result);
}

/** Adjacent strings joined, empty ones dropped. */
export function mergeText(inline: Inline[]): Inline[] {
  const result: Inline[] = [];
  for (const item of inline) {
    const last = result.at(-1);
    if (typeof item === 'string') {
      if (item === '') continue;
      if (typeof last === 'string') result[result.length - 1] = last + item;
      else result.push(item);
    } else {
      result.push(item.children ? { ...item, children: mergeText(item.children) } : item);
    }
  }
  return result;
}

/** Splits a block's children at the line endings of its top-level text. */
function splitLines(children: PhrasingContent[], firstLine: number): Array<{ line: number; nodes: PhrasingContent[] }> {
  const lines: Array<{ line: number; nodes: PhrasingContent[] }> = [{ line: firstLine, nodes: [] }];
  for (const node of children) {
    if (node.type !== 'text' || !/\r\n|\r|\n/.test(node.value)) {
      lines[lines.length - 1].nodes.push(node);
      continue;
    }
    const parts = node.value.split(/\r\n|\r|\n/);
    let offset = 0;
    parts.forEach((part, index) => {
      if (index > 0) lines.push({ line: lines[lines.length - 1].line + 1, nodes: [] });
      const escaped = node.data?.escaped?.filter((at) => at >= offset && at < offset + part.length).map((at) => at - offset);
      if (part) lines[lines.length - 1].nodes.push({ type: 'text', value: part, ...(escaped?.length ? { data: { escaped } } : {}) });
      offset += part.length + (node.value.slice(offset + part.length).match(/^(\r\n|\r|\n)/)?.[0].length ?? 0);
    });
  }
  return lines;
}

/** Removes a trailing `{…}` matched by `pattern` from the last text node; returns its content. */
function takeTail(nodes: PhrasingContent[], pattern: RegExp): string | undefined {
  const last = nodes.at(-1);
  if (last?.type !== 'text') return undefined;
  const match = pattern.exec(last.value);
  if (!match) return undefined;
  const brace = match.index + match[0].indexOf('{');
  if (isEscaped(last, brace)) return undefined;
  const value = last.value.slice(0, match.index);
  if (value === '') nodes.pop();
  else nodes[nodes.length - 1] = { ...last, value } satisfies Text;
  return match[1];
}

function trimEdges(inline: Inline[]): Inline[] {
  const result = [...inline];
  if (typeof result[0] === 'string') result[0] = result[0].trimStart();
  const end = result.length - 1;
  if (typeof result[end] === 'string') result[end] = (result[end] as string).trimEnd();
  return result.filter((item) => item !== '');
}

const isUntranslated = (nodes: PhrasingContent[]) => {
  const meaningful = nodes.filter((node) => node.type !== 'text' || node.value.trim() !== '');
  return meaningful.length === 1 && meaningful[0].type === 'textDirective' && meaningful[0].name === 'untranslated' && meaningful[0].children.length === 0;
};

/** Reads a language version (`path` only names it in messages). */
export function readMarkdownFile(text: string, path: string): MarkdownFile {
  const lines: string[] = [];
  const endings: string[] = [];
  for (const match of text.matchAll(/([^\r\n]*)(\r\n|\r|\n|$)/g)) {
    if (match[0] === '' && match.index === text.length) break;
    lines.push(match[1]);
    endings.push(match[2]);
  }
  const tree = parser.parse(text) as Root;
  const yamlNode = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
  if (!yamlNode) throw new XliffError(`${path}:1: the file has no front matter`);
  const front = (parseYaml(yamlNode.value) ?? {}) as Record<string, unknown>;
  const lang = front.lang as Language;
  if (!languages.includes(lang)) throw new XliffError(`${path}:1: the front matter has no valid \`lang\``);
  const role = front.role === 'source' ? 'source' : 'translation';
  const states: Record<string, SegmentState> = {};
  if (front.states && typeof front.states === 'object') {
    for (const [key, value] of Object.entries(front.states as Record<string, unknown>)) {
      if (!segmentStates.includes(value as SegmentState)) throw new XliffError(`${path}: \`states\` gives \`${key}\` the state \`${String(value)}\`: write one of ${segmentStates.join(', ')}`);
      states[key] = value as SegmentState;
    }
  }
  const blocks: MarkdownBlock[] = [];
  const notes: MarkdownNote[] = [];
  for (const node of tree.children as RootContent[]) {
    const line = node.position?.start.line ?? 1;
    if (node.type === 'containerDirective' && node.name === 'note') {
      notes.push({ id: node.attributes?.id ?? '', kind: node.attributes?.kind ?? 'editorial', text: node.children.map((child) => toString(child)).join('\n\n') });
      continue;
    }
    if (node.type !== 'heading' && node.type !== 'paragraph') continue;
    const split = splitLines(node.children, line);
    const id = takeTail(split[split.length - 1].nodes, blockIdTail);
    if (!id) throw new XliffError(`${path}:${split[split.length - 1].line}: this ${node.type} has no block ID at its end (\`{#s1-p1}\`)`);
    const block: MarkdownBlock = { id, kind: node.type, lines: [] };
    let previous: string[] | undefined;
    for (const { line: lineNumber, nodes } of split) {
      const marker = takeTail(nodes, markerTail);
      const numbers = marker === undefined ? [String(Number.parseInt(previous?.at(-1) ?? '0', 10) + 1)] : parseMarker(marker);
      if (!numbers) throw new XliffError(`${path}:${lineNumber}: \`{${marker}}\` is not a sentence marker`, id);
      const untranslated = isUntranslated(nodes);
      block.lines.push({ index: lineNumber - 1, numbers, untranslated, inline: untranslated ? [] : trimEdges(inlineOf(nodes, path, lineNumber)) });
      previous = numbers;
    }
    blocks.push(block);
  }
  const closing = lines.findIndex((value, index) => index > 0 && value === '---');
  return { lang, role, lines, endings, frontMatterEnd: closing, blocks, notes, states };
}

/** The lines of a block that render one segment: a source sentence, or several joined, or one split. */
export interface LineGroup {
  /** `s1-1-p2.2`, or `s1-1-p2.2_3` for a line rendering sentences 2 and 3. */
  id: string;
  numbers: string[];
  lines: MarkdownLine[];
}

/** A block's lines in segments: consecutive lines with the same single number are one split sentence. */
export function lineGroups(block: MarkdownBlock): LineGroup[] {
  const groups: LineGroup[] = [];
  for (const line of block.lines) {
    const last = groups.at(-1);
    if (last && line.numbers.length === 1 && last.numbers.length === 1 && last.numbers[0] === line.numbers[0]) last.lines.push(line);
    else groups.push({ id: `${block.id}.${line.numbers.join('_')}`, numbers: line.numbers, lines: [line] });
  }
  return groups;
}

// Writing Markdown.

const entity = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi;

/** Text as Markdown that reads back as the same text and never as syntax. */
export function escapeText(text: string, atLineStart: boolean): string {
  let result = text
    .replace(/[\\`*_[\]<{}]/g, '\\$&')
    .replace(/:(?! )/g, '\\:')
    .replace(entity, (found) => `\\${found}`);
  if (atLineStart) {
    result = result.replace(/^([#>+=~|-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  }
  return result;
}

/** Inline content as the Markdown of one line. */
export function writeInline(inline: readonly Inline[], atLineStart = true): string {
  let out = '';
  for (const item of inline) {
    const start = atLineStart && out === '';
    if (typeof item === 'string') {
      out += escapeText(item, start);
    } else if (item.kind === 'term') {
      out += `:term[${writeInline(item.children ?? [], false)}]{ref=${item.key}${item.quirk ? ' quirk' : ''}}`;
    } else if (item.kind === 'note') {
      out += item.children ? `:note[${writeInline(item.children, false)}]{ref=${item.key}}` : `:note{ref=${item.key}}`;
    } else if (item.kind === 'em' || item.kind === 'strong') {
      const mark = item.kind === 'em' ? '*' : '**';
      out += `${mark}${writeInline(item.children ?? [], false)}${mark}`;
    }
  }
  return out;
}

/** The raw parts of a line around its content: heading marks and indent before, marker and block ID after. */
export function lineFrame(raw: string): { prefix: string; suffix: string } {
  const prefix = /^[ \t]*(?:#{1,6}[ \t]+)?/.exec(raw)?.[0] ?? '';
  let rest = raw.slice(prefix.length);
  let suffix = '';
  for (const pattern of [blockIdTail, markerTail]) {
    const match = pattern.exec(rest);
    if (!match) continue;
    const brace = match.index + match[0].indexOf('{');
    const backslashes = /\\*$/.exec(rest.slice(0, brace))?.[0].length ?? 0;
    if (backslashes % 2 === 1) break;
    suffix = rest.slice(match.index) + suffix;
    rest = rest.slice(0, match.index);
  }
  return { prefix, suffix };
}

/** Structural equality of inline content. */
export function sameInline(a: readonly Inline[], b: readonly Inline[]): boolean {
  return JSON.stringify(mergeText([...a])) === JSON.stringify(mergeText([...b]));
}
