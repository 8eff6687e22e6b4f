/**
 * How well the importer's sentence splitting (src/importer/sentences.ts) agrees with the sentence
 * lines the editors wrote: every paragraph of a document (the date line aside), in each of its
 * languages, is joined back into one line as the reader gets it, split again, and compared with the
 * editors' lines.
 *
 * - exact: paragraphs whose proposed lines are exactly the editors' lines;
 * - precision: of the places where the splitter ends a sentence, the share where the editors did too;
 * - recall: of the places where the editors ended a sentence, the share the splitter found.
 *
 *   npm run bench:sentences [-- --slug SLUG]   # default: the first document
 *   npm run bench:sentences -- --segmenter     # the same with Intl.Segmenter alone, for comparison
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { loadContent } from '../src/cache/load';
import { languages, type Language } from '../src/model/languages';
import type { ArchiveDocument } from '../src/model/types';
import { sentenceSeparator, splitSentences } from '../src/importer/sentences';

export interface SentenceAgreement {
  lang: Language;
  paragraphs: number;
  exact: number;
  /** Sentence ends (between two lines) the editors wrote, the splitter proposed, and both. */
  editors: number;
  proposed: number;
  agreed: number;
  precision: number;
  recall: number;
  /** Each paragraph where the two differ: its ID, the editors' lines and the proposed ones. */
  differences: Array<{ id: string; editors: string[]; proposed: string[] }>;
}

/** The offsets in the paragraph's text where a line ends and the next begins. */
function cuts(lines: readonly string[], separator: string): Set<number> {
  const offsets = new Set<number>();
  let offset = 0;
  lines.slice(0, -1).forEach((line) => {
    offset += line.length + separator.length;
    offsets.add(offset);
  });
  return offsets;
}

/** A sentence splitter: the lines of a paragraph. */
export type Splitter = (text: string, lang: Language) => string[];

/** `Intl.Segmenter`'s sentences alone, trimmed: what the importer would propose without its own rules. */
export const segmenterSplitter: Splitter = (text, lang) =>
  [...new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(text)].map((segment) => segment.segment.trim()).filter(Boolean);

/** Compares `split` (by default the importer's splitter) with the editors' lines in one language version of `document`. */
export function measureAgreement(document: ArchiveDocument, lang: Language, split: Splitter = splitSentences): SentenceAgreement | undefined {
  const text = document.texts[lang];
  if (!text) return undefined;
  const separator = sentenceSeparator(lang);
  const result: SentenceAgreement = { lang, paragraphs: 0, exact: 0, editors: 0, proposed: 0, agreed: 0, precision: 1, recall: 1, differences: [] };
  for (const block of text.blocks) {
    if (block.kind !== 'paragraph' || block.id === 'dateline') continue;
    const editors = block.sentences.map((sentence) => sentence.text);
    const paragraph = editors.join(separator);
    const proposed = split(paragraph, lang);
    const want = cuts(editors, separator);
    const got = cuts(proposed, separator);
    result.paragraphs += 1;
    result.editors += want.size;
    result.proposed += got.size;
    result.agreed += [...got].filter((offset) => want.has(offset)).length;
    if (proposed.length === editors.length && proposed.every((line, index) => line === editors[index])) result.exact += 1;
    else result.differences.push({ id: block.id, editors, proposed });
  }
  result.precision = result.proposed === 0 ? 1 : result.agreed / result.proposed;
  result.recall = result.editors === 0 ? 1 : result.agreed / result.editors;
  return result;
}

export const firstDocument = '2019-05-30-japan-russia-2plus2';

/** The agreement for each language version of the document `slug` under `root/content`. */
export async function measureSentences(root: string, slug = firstDocument, split: Splitter = splitSentences): Promise<SentenceAgreement[]> {
  const { archive } = await loadContent(root);
  const document = archive.documents.find((candidate) => candidate.slug === slug);
  if (!document) throw new Error(`no document ${slug} under ${join(root, 'content')}`);
  return languages.flatMap((lang) => measureAgreement(document, lang, split) ?? []);
}

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

/** The table the command prints. */
export function formatAgreement(results: readonly SentenceAgreement[]): string {
  const rows = results.map(
    (r) =>
      `${r.lang}  ${r.exact}/${r.paragraphs} paragraphs exact; sentence ends: editors ${r.editors}, proposed ${r.proposed}, agreed ${r.agreed}; ` +
      `precision ${percent(r.precision)}, recall ${percent(r.recall)}`,
  );
  const differences = results.flatMap((r) =>
    r.differences.map((d) => `${r.lang} ${d.id}\n  editors:  ${d.editors.join('\n            ')}\n  proposed: ${d.proposed.join('\n            ')}`),
  );
  return [...rows, ...(differences.length > 0 ? ['', 'differences:', ...differences] : [])].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { slug: { type: 'string' }, segmenter: { type: 'boolean', default: false } } });
  const root = join(fileURLToPath(import.meta.url), '..', '..');
  measureSentences(root, values.slug, values.segmenter ? segmenterSplitter : splitSentences).then(
    (results) => console.log(formatAgreement(results)),
    (error: unknown) => {
      console.error(`bench:sentences: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
