/**
 * One language version of a document as plain UTF-8 text: the blocks in reading order (title, dateline,
 * headings and paragraphs), one a line, with a line naming the edition and its date under the title, separated by blank lines, note markers as `[n]` after the words
 * they are about, then the notes, then where the text comes from (issuer, official or made for the
 * edition) and the address of the reading page. Block IDs are left out: they would interrupt the
 * reading, and the reading page and the JSON export carry them.
 */
import type { ElementContent } from 'hast';
import type { Language } from '../model/languages';
import type { ArchiveDocument } from '../model/types';

export interface PlainTextLabels {
  /** Heading of the notes ("Notes"). */
  notes: string;
  /** "Issued by". */
  issuer: string;
  /** "Official text" / "Unofficial translation made for this edition", for this version. */
  status: string;
  /** "Translated by". */
  translator: string;
  /** The line under the title that names the edition the file holds and its date ("Edition 2, December 7, 2026"). */
  edition: string;
}

export interface PlainTextOptions {
  labels: PlainTextLabels;
  /** Absolute address of the document's reading page; left out when the site's address is unknown. */
  permalink?: string;
}

const rule = '* * *';

/** The text of hast phrasing content, with `[n]` after each note anchor (`numbers`: note ID → n). */
function textWithMarkers(nodes: readonly ElementContent[], numbers: ReadonlyMap<string, number>): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return node.value;
      if (node.type !== 'element') return '';
      if (node.tagName === 'br') return '\n';
      const inner = textWithMarkers(node.children, numbers);
      const note = node.properties?.dataNote;
      if (typeof note === 'string' && numbers.has(note)) return `${inner}[${numbers.get(note)}]`;
      return inner;
    })
    .join('');
}

/** The version of `language`, or undefined when the document has none. */
export function toPlainText(document: ArchiveDocument, language: Language, { labels, permalink }: PlainTextOptions): string | undefined {
  const text = document.texts[language];
  if (!text) return undefined;
  const numbers = new Map(text.notes.map((note, index) => [note.id, index + 1]));
  const sections: string[] = text.blocks.map((block) => textWithMarkers(block.element.children, numbers).replace(/[ \t]+\n/g, '\n').trim());
  // The edition on the line right under the title (the first block), as a title page has it.
  if (sections.length > 0) sections[0] = `${sections[0]}\n${labels.edition}`;
  else sections.push(labels.edition);
  if (text.notes.length > 0) {
    sections.push(rule, labels.notes, ...text.notes.map((note, index) => `[${index + 1}] ${note.text.trim()}`));
  }
  const { provenance } = text.frontMatter;
  const about = [`${labels.issuer}: ${provenance.issuer}`, labels.status];
  if (provenance.translator) about.push(`${labels.translator}: ${provenance.translator}`);
  if (provenance.url) about.push(provenance.url);
  if (provenance.archive) about.push(provenance.archive);
  if (permalink) about.push(permalink);
  sections.push(rule, about.join('\n'));
  return `${sections.join('\n\n')}\n`;
}
