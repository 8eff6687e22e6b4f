/**
 * Turns a plain-text communiqué (title, a parenthesised date and place line, opening paragraphs,
 * sections "1.", subsections "1)", paragraphs) into the edition's structured Markdown with proposed
 * block IDs. The output is built as an mdast tree and serialised by remark-stringify, so every
 * character that Markdown would read as syntax is escaped.
 */
import type { Heading, Paragraph, Root, RootContent, Text } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { stringify as stringifyYaml } from 'yaml';
import type { Language } from '../content/languages';

export interface ImportOptions {
  /** Language of the text; becomes `lang`. */
  lang: Language;
  /** Body that issued the text; becomes `provenance.issuer`. */
  issuer: string;
  /** Where the issuer published it, if known. */
  url?: string;
}

/** A problem with the input text, with the 1-based line where it was found. */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

interface RawBlock {
  text: string;
  line: number;
}

const sectionPattern = /^(\d+)\.\s+\S/;
const subsectionPattern = /^(\d+)\)\s+\S/;
const datelinePattern = /^\((.+)\)$/;

const russianMonths = [
  'января', 'февраля', 'марта', 'апреля', 'мая', 'июня',
  'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря',
];

/** Splits text into blocks at blank lines, joining wrapped lines with a space. */
export function splitBlocks(text: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  let current: string[] = [];
  let start = 0;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      if (current.length > 0) blocks.push({ text: current.join(' '), line: start });
      current = [];
      return;
    }
    if (current.length === 0) start = index + 1;
    current.push(line.trim());
  });
  if (current.length > 0) blocks.push({ text: current.join(' '), line: start });
  return blocks;
}

/** Reads "30 мая 2019 года, Токио" into an ISO date and a place. */
export function parseDateline(inner: string): { date?: string; place?: string } {
  const match = /(\d{1,2})\s+([а-яё]+)\s+(\d{4})(?:\s+г(?:ода|\.)?)?\s*,\s*(.+)$/iu.exec(inner);
  if (!match) return {};
  const month = russianMonths.indexOf(match[2].toLowerCase());
  if (month < 0) return {};
  const date = `${match[3]}-${String(month + 1).padStart(2, '0')}-${match[1].padStart(2, '0')}`;
  return { date, place: match[4].trim() };
}

function withId<T extends Heading | Paragraph>(node: T, id: string): T {
  const text: Text = { type: 'text', value: ` {#${id}}` };
  node.children.push(text);
  return node;
}

/** Imports the text; throws ImportError when it does not have the expected shape. */
export function importPlainText(text: string, options: ImportOptions): string {
  const blocks = splitBlocks(text);
  if (blocks.length === 0) throw new ImportError('the text is empty', 1);
  const [titleBlock, ...rest] = blocks;
  if (sectionPattern.test(titleBlock.text) || subsectionPattern.test(titleBlock.text)) {
    throw new ImportError('the text must start with a title, not with a numbered heading', titleBlock.line);
  }
  const children: RootContent[] = [
    withId({ type: 'heading', depth: 1, children: [{ type: 'text', value: titleBlock.text }] }, 'title'),
  ];
  let date: string | undefined;
  let place: string | undefined;
  let body = rest;
  const dateline = rest[0] && datelinePattern.exec(rest[0].text);
  if (dateline) {
    ({ date, place } = parseDateline(dateline[1]));
    children.push(withId({ type: 'paragraph', children: [{ type: 'text', value: rest[0].text }] }, 'dateline'));
    body = rest.slice(1);
  }

  let section = 0;
  let subsection = 0;
  let paragraph = 0;
  for (const block of body) {
    const sectionMatch = sectionPattern.exec(block.text);
    const subsectionMatch = subsectionPattern.exec(block.text);
    if (sectionMatch) {
      section += 1;
      subsection = 0;
      paragraph = 0;
      if (Number(sectionMatch[1]) !== section) {
        throw new ImportError(`section "${sectionMatch[1]}." follows section ${section - 1}`, block.line);
      }
      children.push(withId({ type: 'heading', depth: 2, children: [{ type: 'text', value: block.text }] }, `s${section}`));
    } else if (subsectionMatch) {
      if (section === 0) throw new ImportError('a subsection "1)" stands before any section "1."', block.line);
      subsection += 1;
      paragraph = 0;
      if (Number(subsectionMatch[1]) !== subsection) {
        throw new ImportError(`subsection "${subsectionMatch[1]})" follows subsection ${subsection - 1}`, block.line);
      }
      children.push(
        withId({ type: 'heading', depth: 3, children: [{ type: 'text', value: block.text }] }, `s${section}-${subsection}`),
      );
    } else {
      paragraph += 1;
      const parent = section === 0 ? 'intro' : subsection === 0 ? `s${section}` : `s${section}-${subsection}`;
      children.push(withId({ type: 'paragraph', children: [{ type: 'text', value: block.text }] }, `${parent}-p${paragraph}`));
    }
  }

  const frontMatter = {
    title: titleBlock.text,
    ...(date ? { date } : {}),
    ...(place ? { place } : {}),
    lang: options.lang,
    role: 'source',
    provenance: { issuer: options.issuer, official: true, ...(options.url ? { url: options.url } : {}) },
  };
  const tree: Root = {
    type: 'root',
    children: [{ type: 'yaml', value: stringifyYaml(frontMatter, { lineWidth: 0 }).trimEnd() }, ...children],
  };
  return unified()
    .use(remarkFrontmatter)
    .use(remarkDirective)
    .use(remarkStringify, { bullet: '-', emphasis: '_', rule: '-' })
    .stringify(tree);
}
