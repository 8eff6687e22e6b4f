/**
 * The reading page as Chromium saves it to PDF (A4), read back as a reader would see its pages: the
 * lines of text on each page, where they stand, and how full each page is. The PDF's text and its
 * layout come from poppler's `pdftotext -bbox-layout` (Debian's poppler-utils; .ci/run installs it).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { printStylesheetLoaded } from './site';

/** A line of text on a printed page, in points from the page's top left corner. */
export interface PrintedLine {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A printed page: its size in points and its text, in blocks (a paragraph, or the part of one on this page) of lines. */
export interface PrintedPage {
  width: number;
  height: number;
  blocks: PrintedLine[][];
}

/** What Chromium printed: the pages, and the page area inside the margins of the stylesheet's `@page` rule. */
export interface PrintedDocument {
  pages: PrintedPage[];
  /** Top and bottom of the page area, in points from the top of the page. */
  area: { top: number; bottom: number };
}

const pointsPerMm = 72 / 25.4;

/** Prints `page` to PDF as "Save as PDF" on A4 does, once its print stylesheet and fonts have loaded. */
export async function printToPdf(page: Page): Promise<PrintedDocument> {
  await printStylesheetLoaded(page);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const margins = await page.evaluate(() => {
    const rules = [...document.styleSheets].filter((sheet) => sheet.media.mediaText === 'print').flatMap((sheet) => [...sheet.cssRules]);
    const rule = rules.find((candidate): candidate is CSSPageRule => candidate instanceof CSSPageRule);
    return rule ? { top: rule.style.marginTop, bottom: rule.style.marginBottom } : undefined;
  });
  if (!margins) throw new Error('the print stylesheet has no @page rule with margins');
  const pdf = await page.pdf({ format: 'A4' });
  const pages = await layoutOf(pdf);
  const height = pages[0]?.height ?? 0;
  return { pages, area: { top: millimetres(margins.top) * pointsPerMm, bottom: height - millimetres(margins.bottom) * pointsPerMm } };
}

function millimetres(length: string): number {
  const match = /^([\d.]+)mm$/.exec(length);
  if (!match) throw new Error(`the @page margin ${JSON.stringify(length)} is not in mm`);
  return Number(match[1]);
}

/** How full each page is: from the top of the page area to the bottom of its lowest line, as a share of the area's height. */
export function fillOf({ pages, area }: PrintedDocument): number[] {
  return pages.map((page) => {
    const lowest = Math.max(area.top, ...page.blocks.flat().map((line) => line.bottom));
    return (lowest - area.top) / (area.bottom - area.top);
  });
}

/** The text of every page, whitespace removed (a title wraps across lines and pdftotext spaces CJK words apart). */
export function printedText({ pages }: PrintedDocument): string {
  return pages
    .flatMap((page) => page.blocks.flat().map((line) => line.text))
    .join('')
    .replace(/\s+/g, '');
}

const wide = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\u30a0-\u30ff\uff01-\uff60]/gu;

/** The length of `text` in full-width characters: a kanji, kana or full-width sign is 1, any other character ½. */
export function fullWidthLength(text: string): number {
  const wideCount = (text.match(wide) ?? []).length;
  return wideCount + ([...text].length - wideCount) / 2;
}

/** Whether a line is Japanese text: most of its length is kanji, kana and full-width signs. */
export function isJapanese(line: PrintedLine): boolean {
  const wideCount = (line.text.match(wide) ?? []).length;
  return wideCount >= 4 && wideCount >= 0.75 * fullWidthLength(line.text);
}

type Box = { '@_xMin': string; '@_yMin': string; '@_xMax': string; '@_yMax': string };
type Word = Box & { '#text': string | number };
type Line = Box & { word?: Word[] };
type Block = { line?: Line[] };
type Flow = { block?: Block[] };
type XPage = { '@_width': string; '@_height': string; flow?: Flow[] };

async function layoutOf(pdf: Buffer): Promise<PrintedPage[]> {
  const dir = await mkdtemp(join(tmpdir(), 'reader-print-'));
  try {
    const file = join(dir, 'page.pdf');
    await writeFile(file, pdf);
    const xml = await new Promise<string>((resolve, reject) => {
      execFile('pdftotext', ['-bbox-layout', file, '-'], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        if (error && 'code' in error && error.code === 'ENOENT') reject(new Error('pdftotext is not installed, so the printed PDF cannot be read: install it with `apt-get install -y poppler-utils` (Debian; .ci/run does)'));
        else if (error) reject(new Error(`pdftotext could not read Chromium's PDF: ${stderr || error.message}`));
        else resolve(stdout);
      });
    });
    const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['page', 'flow', 'block', 'line', 'word'].includes(name) });
    const pages: XPage[] = parser.parse(xml).html.body.doc.page ?? [];
    return pages.map((page) => ({
      width: Number(page['@_width']),
      height: Number(page['@_height']),
      blocks: (page.flow ?? []).flatMap((flow) =>
        (flow.block ?? []).map((block) =>
          (block.line ?? []).map((line) => ({
            text: (line.word ?? []).map((word) => String(word['#text'])).join(' '),
            left: Number(line['@_xMin']),
            top: Number(line['@_yMin']),
            right: Number(line['@_xMax']),
            bottom: Number(line['@_yMax']),
          })),
        ),
      ),
    }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A line of a Japanese paragraph that ends short of its column, and how much of a full line it holds. */
export interface ShortLine {
  page: number;
  text: string;
  share: number;
}

/**
 * The lines of Japanese paragraphs that end well short of their column (`share` of a full line, below
 * `least`), the last line of each paragraph (or of the part of it on a page) excepted. A full line is
 * what the column's longest lines hold (their 90th percentile, in full-width characters); a column is
 * the blocks with the same left and right edges.
 */
export function shortJapaneseLines({ pages }: PrintedDocument, least = 0.85): ShortLine[] {
  const paragraphs = pages.flatMap((page, index) =>
    page.blocks
      .map((block) => block.filter(isJapanese))
      .filter((block) => block.length >= 2)
      .map((lines) => ({ page: index + 1, lines, column: `${Math.round(Math.min(...lines.map((line) => line.left)))}-${Math.round(Math.max(...lines.map((line) => line.right)))}` })),
  );
  const fullLine = new Map<string, number>();
  for (const column of new Set(paragraphs.map((paragraph) => paragraph.column))) {
    const lengths = paragraphs
      .filter((paragraph) => paragraph.column === column)
      .flatMap((paragraph) => paragraph.lines.map((line) => fullWidthLength(line.text.replace(/\s+/g, ''))))
      .toSorted((a, b) => a - b);
    fullLine.set(column, lengths[Math.floor(0.9 * (lengths.length - 1))]);
  }
  return paragraphs.flatMap(({ page, lines, column }) =>
    lines
      .slice(0, -1)
      .map((line) => ({ page, text: line.text.replace(/\s+/g, ''), share: fullWidthLength(line.text.replace(/\s+/g, '')) / (fullLine.get(column) ?? 1) }))
      .filter((line) => line.share < least),
  );
}
