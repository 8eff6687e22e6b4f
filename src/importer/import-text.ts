/**
 * Turns the plain text of a release (title; a date line, with or without the place; opening
 * paragraphs; numbered sections and subsections with their paragraphs) into the edition's structured
 * Markdown with proposed block IDs. Russian, Japanese and English releases are read in their usual
 * layouts: see `./layout.ts` for how lines become paragraphs, `./numbering.ts` for section numbers and
 * `./dates.ts` for date lines.
 *
 * Not a character of the text is changed: only the line breaks inside a paragraph (and the white space
 * at the start and end of lines) are layout. The output is built as an mdast tree and serialised by
 * remark-stringify, so every character that Markdown would read as syntax is escaped.
 *
 * Problems are messages on the input file, with the line and the column; the caller decides whether
 * to write (see `./run.ts`).
 */
import type { PhrasingContent, Root, RootContent } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { stringify as stringifyYaml } from 'yaml';
import { languages, type Language } from '../model/languages';
import { report } from './report';
import { markerAfterBrace } from '../pipeline/remark-sentences';
import { isPlaceLine, readDateline, type BadDateline, type Dateline } from './dates';
import { continues, endsSentence, joinLines, measureLayout, readLines, type Layout, type SourceLine } from './layout';
import { Numbering, readMarker, type Level } from './numbering';
import { findPlace, type FoundPlace, type InflectedPlace, type KnownPlace } from './place';
import { splitSentences } from './sentences';
import { alignToSource, describeKey, type MarkedLine, type SourceStructure } from './translation';

export interface ImportOptions {
  /** Language of the text; becomes `lang`. */
  lang: Language;
  /** Body that issued the text; becomes `provenance.issuer`. */
  issuer: string;
  /** Where the issuer published it, if known. */
  url?: string;
  /** The date (YYYY-MM-DD), when the text has no date line or the date line is not the event's date. */
  date?: string;
  /** The place, when the text names none in its date line (Japanese releases usually do not). */
  place?: string;
  /** The glossary's places in the text's language, to read a place named in the text (`./place.ts`). */
  knownPlaces?: readonly KnownPlace[];
  /** Import the text as a translation of this source: its blocks take the source's IDs (`./translation.ts`). */
  translationOf?: SourceStructure;
  /** For a translation: false when it is not the issuer's (then `translator` and `method` are needed). */
  official?: boolean;
  translator?: string;
  method?: string;
}

interface BlockBase {
  id: string;
  /** The lines to write, with their sentence markers, when they are not simply the sentences of `text`. */
  lines?: MarkedLine[];
  /** The text exactly as in the input, its lines joined (the dateline keeps its line breaks as `\n`). */
  text: string;
  /** 1-based line of the input where the block starts. */
  line: number;
}

/** A block as the importer proposes it: a heading (title 1, section 2, subsection 3) or a paragraph (0). */
export type ImportedBlock = BlockBase & ({ kind: 'heading'; depth: 1 | 2 | 3 } | { kind: 'paragraph'; depth: 0 });

export interface ImportedFrontMatter {
  title: string;
  date?: string;
  place?: string;
  lang: Language;
  role: 'source' | 'translation';
  provenance: { issuer: string; official: boolean; translator?: string; method?: string; url?: string };
}

export interface ImportResult {
  /** The document file: front matter, then every block with its ID. */
  markdown: string;
  /** Where the place was read in the text, when neither the date line nor the options gave it. */
  placeFound?: { written: string; line: number; fromGlossary: boolean };
  frontMatter: ImportedFrontMatter;
  blocks: ImportedBlock[];
  layout: Layout;
}

/** A run of lines that becomes one block. */
interface Unit {
  lines: SourceLine[];
  /** The section or subsection the unit's number opened, if it starts with one. */
  level?: Level;
  /** Where the unit belongs: `intro`, `s2`, `s2-1` (for a numbered unit, the part its number opened). */
  parent: string;
}

const scripts: Record<Language, RegExp> = {
  ru: /\p{Script=Cyrillic}/u,
  ja: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u,
  en: /\p{Script=Latin}/u,
};

/** Warns when most letters of the text are of another script than `lang`'s (`--lang ja` on a Russian text). */
function checkLanguage(file: VFile, text: string, lang: Language): void {
  const counts = { ru: 0, ja: 0, en: 0 };
  for (const char of text) {
    for (const script of languages) if (scripts[script].test(char)) counts[script] += 1;
  }
  const total = counts.ru + counts.ja + counts.en;
  const dominant = languages.reduce((a, b) => (counts[b] > counts[a] ? b : a));
  if (total > 0 && dominant !== lang && counts[lang] * 2 < total) {
    report(file, 'warning', `most letters of the text are of the \`${dominant}\` language's script, but --lang is \`${lang}\``, { line: 1, column: 1 }, 'import-language');
  }
}

interface Head {
  title: SourceLine[];
  /** The date line, and the place line beside it when the place stands on a line of its own. */
  dateline: SourceLine[];
  read?: Dateline | BadDateline;
  body: SourceLine[];
}

/**
 * The title and the date line: the date line is the second line, or the third when the second is a
 * place line ("Tokyo" above "May 30, 2019") or continues the title. A place line right after a date
 * line that names no place belongs to it too, unless the place was given.
 */
function readHead(lines: SourceLine[], options: ImportOptions): Head {
  const [first, second, third] = lines;
  const placeLine = (line: SourceLine | undefined) => line !== undefined && options.place === undefined && isPlaceLine(line.text) && !readMarker(line.text);
  const noPlace = (read: Dateline | BadDateline) => !('problem' in read) && read.place === undefined;
  let title = [first];
  let dateline: SourceLine[] = [];
  let read = second && readDateline(second.text);
  let next = 2;
  if (read) dateline = [second];
  else if (third && (read = readDateline(third.text))) {
    next = 3;
    if (!third.afterBlank && noPlace(read) && placeLine(second)) dateline = [second, third];
    else if (!second.afterBlank) [title, dateline] = [[first, second], [third]];
    else read = undefined;
  }
  if (!read) return { title, dateline: [], body: lines.slice(1) };
  const after = lines[next];
  if (dateline.length === 1 && noPlace(read) && after && !after.afterBlank && placeLine(after)) {
    dateline.push(after);
    next += 1;
  }
  return { title, dateline, read, body: lines.slice(next) };
}

/** Characters to escape in the text beyond those remark-stringify escapes, so that the text stays text. */
const textUnsafe = [
  // Text that would read as a sentence marker (`{.2}`) keeps its brace escaped (`\{.2}`).
  { character: '{', after: markerAfterBrace, inConstruct: 'phrasing' as const },
  // A colon before a letter starts a directive (`:term`) whatever stands before it; remark-directive's
  // own rule leaves it unescaped right after an escaped character (`\[:term[Japan]` read `:term`).
  { character: ':', after: String.raw`[^\s\p{P}\p{S}]`, inConstruct: 'phrasing' as const, unicode: true },
];

/**
 * The Markdown of the document: front matter, then each block with its ID (a dateline's line breaks
 * kept as hard breaks); a paragraph stands one sentence a line (`./sentences.ts`).
 */
function toMarkdown(frontMatter: ImportedFrontMatter, blocks: readonly ImportedBlock[]): string {
  // A sentence marker is syntax: it goes into the text as a private-use placeholder that nothing
  // escapes, and is written after serialising (a text holding the placeholder's characters gets none).
  const placeholder = /\uE000([^\uE000\uE001]*)\uE001/gu;
  const canMark = blocks.every((block) => !/[\uE000\uE001]/u.test(block.text));
  const lineText = (line: MarkedLine) => (line.marker && canMark ? `${line.text}\uE000${line.marker.map((n) => `.${n}`).join(' ')}\uE001` : line.text);
  const children = blocks.map((block): RootContent => {
    const phrasing =
      block.kind === 'paragraph' && block.id !== 'dateline'
        ? [{ type: 'text', value: (block.lines ?? splitSentences(block.text, frontMatter.lang).map((text) => ({ text }))).map(lineText).join('\n') } satisfies PhrasingContent]
        : block.text
            .split('\n')
            .flatMap((part, index): PhrasingContent[] => [...(index > 0 ? [{ type: 'break' } as const] : []), { type: 'text', value: part }]);
    phrasing.push({ type: 'text', value: ` {#${block.id}}` });
    return block.kind === 'heading' ? { type: 'heading', depth: block.depth, children: phrasing } : { type: 'paragraph', children: phrasing };
  });
  const root: Root = { type: 'root', children: [{ type: 'yaml', value: stringifyYaml(frontMatter, { lineWidth: 0 }).trimEnd() }, ...children] };
  return unified()
    .use(remarkFrontmatter)
    .use(remarkDirective)
    .use(remarkStringify, { bullet: '-', emphasis: '_', rule: '-', unsafe: textUnsafe })
    .stringify(root)
    .replace(placeholder, ' {$1}');
}

const at = (line: SourceLine) => ({ line: line.line, column: line.column });

/** A place named in the title or the opening paragraphs (`東京において`, "in Tokyo"), with its line. */
function placeInText(blocks: readonly ImportedBlock[], options: ImportOptions): { found: FoundPlace | InflectedPlace; line: number } | undefined {
  for (const block of blocks) {
    if (block.id !== 'title' && !block.id.startsWith('intro-')) continue;
    const found = findPlace(block.text, options.lang, options.knownPlaces);
    if (found) return { found, line: block.line };
  }
  return undefined;
}

/**
 * The date and the place: from the options, else from the date line, else (the place) from the
 * opening of the text; each missing one is an error on `file`.
 */
function dateAndPlace(
  file: VFile,
  head: Head,
  options: ImportOptions,
  inText: ReturnType<typeof placeInText>,
): { date?: string; place?: string; placeFound?: ImportResult['placeFound'] } {
  let { date, place } = options;
  const [datelineStart] = head.dateline;
  const where = at(datelineStart ?? head.body[0] ?? head.title[0]);
  if (head.read && 'problem' in head.read) {
    report(file, 'error', `${head.read.problem}; correct the date line or give --date YYYY-MM-DD`, where, 'import-dateline');
    return { date, place };
  }
  if (head.read) {
    if (date && date !== head.read.date) {
      report(file, 'warning', `--date ${date} differs from the date line (${head.read.date}); the front matter says ${date}`, where, 'import-dateline');
    }
    date ??= head.read.date;
    place ??= head.read.place ?? head.dateline.find((line) => !readDateline(line.text))?.text;
  }
  let placeFound: ImportResult['placeFound'];
  if (date && !place && inText && 'place' in inText.found) {
    place = inText.found.place;
    placeFound = { written: inText.found.written, line: inText.line, fromGlossary: inText.found.fromGlossary };
  }
  if (!date) {
    const examples = '`(30 мая 2019 года, Токио)`, `令和元年5月30日`, `May 30, 2019`';
    report(file, 'error', `no date line after the title (such as ${examples}): add one or give --date YYYY-MM-DD`, where, 'import-dateline');
  } else if (!place) {
    const reason = datelineStart ? 'the date line names no place, and no place line stands beside it' : 'the text names no place';
    const inflected = inText && !('place' in inText.found) ? `; the text says \`${inText.found.written}\` (line ${inText.line}), a declined form` : '';
    const form = options.lang === 'ru' ? ', in the nominative' : '';
    report(file, 'error', `${reason}${inflected}: give --place (as written in the text’s language${form})`, where, 'import-dateline');
  }
  return { date, place, placeFound };
}

/**
 * The opening paragraphs, sections, subsections and their paragraphs, with their IDs. A numbered line
 * that continues the numbering opens a section or subsection; the block it starts is a heading, or a
 * numbered paragraph (the first of its section) when it ends like a sentence.
 */
function bodyBlocks(file: VFile, lines: readonly SourceLine[], layout: Layout): ImportedBlock[] {
  const blocks: ImportedBlock[] = [];
  const numbering = new Numbering();
  const paragraphs = new Map<string, number>();
  const parentNow = () =>
    numbering.section === 0 ? 'intro' : numbering.subsection === 0 ? `s${numbering.section}` : `s${numbering.section}-${numbering.subsection}`;
  const close = (unit: Unit | undefined) => {
    if (!unit) return;
    const text = joinLines(unit.lines);
    const line = unit.lines[0].line;
    if (unit.level && !endsSentence(text)) {
      blocks.push({ id: unit.parent, kind: 'heading', depth: unit.level === 'section' ? 2 : 3, text, line });
      return;
    }
    const count = (paragraphs.get(unit.parent) ?? 0) + 1;
    paragraphs.set(unit.parent, count);
    blocks.push({ id: `${unit.parent}-p${count}`, kind: 'paragraph', depth: 0, text, line });
  };

  let current: Unit | undefined;
  for (const line of lines) {
    const marker = readMarker(line.text);
    const level = marker && numbering.open(marker);
    if (level) {
      close(current);
      current = { lines: [line], level, parent: parentNow() };
      continue;
    }
    if (current && continues(layout, current.lines[current.lines.length - 1], line, current.level !== undefined)) {
      current.lines.push(line);
      continue;
    }
    close(current);
    current = { lines: [line], parent: parentNow() };
    const expected = marker && numbering.expected(marker);
    if (expected) {
      report(file, 'warning', `\`${marker.written}\` does not continue the numbering (${expected} would): read as the start of a paragraph`, at(line), 'import-numbering');
    }
  }
  close(current);
  return blocks;
}

/**
 * Gives `blocks` (in place) the IDs and sentence lines of the source they translate; what cannot be
 * matched is an error on `file`, and a paragraph whose sentences could not be paired a warning.
 */
function alignBlocks(file: VFile, blocks: ImportedBlock[], source: SourceStructure, lang: Language): void {
  const alignment = alignToSource(blocks, source, lang);
  for (const { block, key } of alignment.extra) {
    report(file, 'error', `${describeKey(key)} of the text (${block.kind}, proposed ID \`${block.id}\`) has no counterpart in the source ${source.path}: its sections, subsections and paragraphs must follow the source's, one for one`, { line: block.line, column: 1 }, 'import-translation');
  }
  for (const { block, key } of alignment.missing) {
    report(file, 'error', `the source's \`${block.id}\` (${source.path}:${block.line}, ${describeKey(key)}) has no counterpart in the text`, { line: 1, column: 1 }, 'import-translation');
  }
  for (const joined of alignment.joined) {
    const marker = `{.${source.blocks.find((block) => block.id === joined.id)?.sentences.join(' .')}}`;
    report(file, 'warning', `\`${joined.id}\`: ${joined.lines} sentences in the text against ${joined.sentences} in the source; written as one line that renders them all (\`${marker}\`): split it into sentence lines and mark each with the source sentences it renders`, { line: joined.line, column: 1 }, 'import-translation');
  }
  for (const block of blocks) {
    const id = alignment.ids.get(block.id);
    if (!id) continue;
    block.lines = alignment.lines.get(id);
    block.id = id;
  }
}

/** Imports the text of `file`. Problems are messages on `file`; undefined when there is no text to import. */
export function importText(file: VFile, options: ImportOptions): ImportResult | undefined {
  const text = String(file.value);
  const lines = readLines(text);
  const [first] = lines;
  if (!first) {
    report(file, 'error', 'the text is empty', { line: 1, column: 1 }, 'empty-file');
    return undefined;
  }
  const startsWith = readMarker(first.text)?.value === 1 ? 'a numbered heading' : readDateline(first.text) ? 'a date line' : undefined;
  if (startsWith) {
    report(file, 'error', `the text starts with ${startsWith}: put its title on the first line (blocks are kept in the order of the text)`, at(first), 'import-structure');
    return undefined;
  }
  checkLanguage(file, text, options.lang);

  const head = readHead(lines, options);
  const layout = measureLayout(head.body, (line) => readMarker(line.text) !== undefined);
  if (head.dateline.length === 0) {
    // Without a date line the title may be wrapped; a full title line continues on the next.
    let next = head.body[0];
    while (next && !readMarker(next.text) && continues(layout, head.title[head.title.length - 1], next, true)) {
      head.title.push(next);
      head.body = head.body.slice(1);
      next = head.body[0];
    }
  }
  const title = joinLines(head.title);
  const blocks: ImportedBlock[] = [{ id: 'title', kind: 'heading', depth: 1, text: title, line: first.line }];
  if (head.dateline.length > 0) {
    blocks.push({ id: 'dateline', kind: 'paragraph', depth: 0, text: head.dateline.map((line) => line.text).join('\n'), line: head.dateline[0].line });
  }
  blocks.push(...bodyBlocks(file, head.body, layout));
  const { date, place, placeFound } = dateAndPlace(file, head, options, placeInText(blocks, options));
  if (options.translationOf) alignBlocks(file, blocks, options.translationOf, options.lang);
  const frontMatter: ImportedFrontMatter = {
    title,
    ...(date ? { date } : {}),
    ...(place ? { place } : {}),
    lang: options.lang,
    role: options.translationOf ? 'translation' : 'source',
    provenance: {
      issuer: options.issuer,
      official: options.official ?? true,
      ...(options.translator ? { translator: options.translator } : {}),
      ...(options.method ? { method: options.method } : {}),
      ...(options.url ? { url: options.url } : {}),
    },
  };
  return { markdown: toMarkdown(frontMatter, blocks), frontMatter, blocks, layout, ...(placeFound ? { placeFound } : {}) };
}
