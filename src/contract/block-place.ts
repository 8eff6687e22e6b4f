/**
 * How a block ID is cited to a reader, following the ID scheme of docs/content-format.md:
 * `title`, `dateline`, `intro-p1` (intro ¶1), `s1` (section 1), `s1-1` (1.1), `s1-1-p2` (1.1 ¶2),
 * `s2-p1` (2 ¶1). IDs outside the scheme are cited as they are.
 */
import type { Messages } from '../i18n/resources';
import type { Placeholder } from './templates';

/** The interface strings a citation is made of (`cite.*`). */
export type CiteKey = `cite.${keyof Messages['cite']}`;

/**
 * What `citeBlock` needs of a translation function: i18next's `t` when the server renders, the
 * search page's templates in the page script (src/behaviour/search-results.ts).
 */
export type CiteTranslate = (key: CiteKey, values?: Record<string, string>) => string;

/** The strings `citeBlock` uses, for a page that hands them to the page script. */
export const citeKeys: readonly CiteKey[] = ['cite.title', 'cite.dateline', 'cite.intro', 'cite.section', 'cite.subsection', 'cite.sectionParagraph', 'cite.subsectionParagraph', 'cite.block'];

/** The values `citeBlock` gives those strings: a page that hands them to the page script leaves them open (templates.ts). */
export const citePlaceholders = ['section', 'subsection', 'paragraph', 'id'] as const satisfies readonly Placeholder[];

const section = /^s(\d+[a-z]?)$/;
const subsection = /^s(\d+[a-z]?)-(\d+[a-z]?)$/;
const sectionParagraph = /^s(\d+[a-z]?)-p(\d+[a-z]?)$/;
const subsectionParagraph = /^s(\d+[a-z]?)-(\d+[a-z]?)-p(\d+[a-z]?)$/;
const intro = /^intro-p(\d+[a-z]?)$/;

/** The kind of place a block ID names (a key of `cite.*` and `row.*`) and the numbers in it. */
function placeParts(id: string): [kind: keyof Messages['cite'], values: Record<string, string>] {
  if (id === 'title' || id === 'dateline') return [id, {}];
  let match = intro.exec(id);
  if (match) return ['intro', { paragraph: match[1] }];
  match = section.exec(id);
  if (match) return ['section', { section: match[1] }];
  match = subsection.exec(id);
  if (match) return ['subsection', { section: match[1], subsection: match[2] }];
  match = sectionParagraph.exec(id);
  if (match) return ['sectionParagraph', { section: match[1], paragraph: match[2] }];
  match = subsectionParagraph.exec(id);
  if (match) return ['subsectionParagraph', { section: match[1], subsection: match[2], paragraph: match[3] }];
  return ['block', { id }];
}

/** A block as citations and search results name it, tersely: `1.1 ¶2`, `intro ¶1`. */
export function citeBlock(t: CiteTranslate, id: string): string {
  const [kind, values] = placeParts(id);
  return t(`cite.${kind}`, values);
}

/** The interface strings a row's name is made of (`row.*`, the same kinds as `cite.*`). */
export type RowKey = `row.${keyof Messages['row']}`;

/**
 * A row of the reading page as a person names it, for its permalink's accessible name and the labels
 * of its tools: "Title", "Date and place", "Introduction, paragraph 1", "Section 1.1, paragraph 2".
 */
export function rowName(t: (key: RowKey, values?: Record<string, string>) => string, id: string): string {
  const [kind, values] = placeParts(id);
  return t(`row.${kind}`, values);
}

/**
 * The number of a block as the gutter shows it, the same in every interface language: `1.1 ¶2`,
 * `2 ¶1`, `1.1` (a subsection's heading), `1` (a section's), `¶1` (intro); `¶` for the title, the
 * dateline and IDs outside the scheme. `citeBlock` gives its spelled-out name.
 */
export function blockNumber(id: string): string {
  let match = intro.exec(id);
  if (match) return `¶${match[1]}`;
  match = section.exec(id);
  if (match) return match[1];
  match = subsection.exec(id);
  if (match) return `${match[1]}.${match[2]}`;
  match = sectionParagraph.exec(id);
  if (match) return `${match[1]} ¶${match[2]}`;
  match = subsectionParagraph.exec(id);
  if (match) return `${match[1]}.${match[2]} ¶${match[3]}`;
  return '¶';
}
