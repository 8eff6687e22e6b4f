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

export function citeBlock(t: CiteTranslate, id: string): string {
  if (id === 'title') return t('cite.title');
  if (id === 'dateline') return t('cite.dateline');
  let match = intro.exec(id);
  if (match) return t('cite.intro', { paragraph: match[1] });
  match = section.exec(id);
  if (match) return t('cite.section', { section: match[1] });
  match = subsection.exec(id);
  if (match) return t('cite.subsection', { section: match[1], subsection: match[2] });
  match = sectionParagraph.exec(id);
  if (match) return t('cite.sectionParagraph', { section: match[1], paragraph: match[2] });
  match = subsectionParagraph.exec(id);
  if (match) return t('cite.subsectionParagraph', { section: match[1], subsection: match[2], paragraph: match[3] });
  return t('cite.block', { id });
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
