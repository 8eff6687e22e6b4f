/**
 * The glossary as TBX, the terminology exchange format of ISO 30042, in the TBX-Basic dialect: a
 * concept per entry, a language section per language with the name as the preferred term, the
 * variants as admitted terms and the description as the definition; the entry's Wikidata item and its
 * page on the site as external cross-references. Two editions of the standard:
 * - ISO 30042:2019 (TBX v3, `<tbx type="TBX-Basic" style="dca">`, `conceptEntry`/`langSec`/`termSec`),
 *   at `/exports/glossary.tbx`;
 * - ISO 30042:2008 (`<martif type="TBX-Basic">`, `termEntry`/`langSet`/`tig`), at
 *   `/exports/glossary-2008.tbx`, for the tools that read only that one (Debian's translate-toolkit,
 *   OmegaT, older MultiTerm and memoQ importers).
 */
import type { Element } from 'xast';
import { x } from 'xastscript';
import { languages } from '../model/languages';
import type { GlossaryItem } from '../model/types';
import { block, xmlDocument } from './xml';

export type TbxEdition = '2019' | '2008';

export interface TbxOptions {
  edition: TbxEdition;
  /** Who publishes it (the site's name), for the header. */
  publisher: string;
  /** The absolute address of an entry's page on the site, in English. */
  entryAddress?: (id: string) => string;
}

/** An XML ID for an entry: its key, which may start with a digit, where an ID may not. */
export const conceptId = (key: string) => (/^[a-z]/.test(key) ? key : `e-${key}`);

const wikidata = (id: string) => `https://www.wikidata.org/wiki/${id}`;

function entry(item: GlossaryItem, options: TbxOptions, depth: number): Element {
  const v3 = options.edition === '2019';
  const references = [
    item.wikidata ? x('xref', { type: 'externalCrossReference', target: wikidata(item.wikidata) }, `Wikidata ${item.wikidata}`) : undefined,
    options.entryAddress ? x('xref', { type: 'externalCrossReference', target: options.entryAddress(item.id) }, item.id) : undefined,
  ];
  const term = (text: string, status: 'preferredTerm-admn-sts' | 'admittedTerm-admn-sts') =>
    block(v3 ? 'termSec' : 'tig', {}, depth + 2, [x('term', {}, text), x('termNote', { type: 'administrativeStatus' }, status)]);
  const sections = languages.map((lang) =>
    block(v3 ? 'langSec' : 'langSet', { 'xml:lang': lang }, depth + 1, [
      x('descrip', { type: 'definition' }, item.description[lang]),
      term(item.names[lang], 'preferredTerm-admn-sts'),
      ...(item.variants?.[lang] ?? []).filter((variant) => variant !== item.names[lang]).map((variant) => term(variant, 'admittedTerm-admn-sts')),
    ]),
  );
  return block(v3 ? 'conceptEntry' : 'termEntry', { id: conceptId(item.id) }, depth, [...references, x('note', {}, `${item.id} (${item.kind})`), ...sections]);
}

/** The whole glossary as a TBX-Basic file of the given edition. */
export function toTbx(glossary: readonly GlossaryItem[], options: TbxOptions): string {
  const v3 = options.edition === '2019';
  const title = block('titleStmt', {}, 3, [x('title', {}, `${options.publisher}: glossary`)]);
  const publication = block('publicationStmt', {}, 3, [x('p', {}, `${options.publisher}. Names, variants and descriptions in Russian, Japanese and English.`)]);
  const source = block('sourceDesc', {}, 3, [x('p', {}, 'content/glossary.yaml')]);
  const header = block(v3 ? 'tbxHeader' : 'martifHeader', {}, 1, [
    // TBX 2019 puts the publication statement first; TBX 2008 follows TEI: title, publication, source.
    block('fileDesc', {}, 2, v3 ? [publication, title, source] : [title, publication, source]),
  ]);
  const body = block('text', {}, 1, [block('body', {}, 2, glossary.map((item) => entry(item, options, 3)))]);
  const root = v3
    ? block('tbx', { type: 'TBX-Basic', style: 'dca', 'xml:lang': 'en', xmlns: 'urn:iso:std:iso:30042:ed-2' }, 0, [header, body])
    : block('martif', { type: 'TBX-Basic', 'xml:lang': 'en' }, 0, [header, body]);
  return xmlDocument(root);
}
