/**
 * `--translation-of SLUG`: a release imported as a translation of a document that already has its
 * source. Its blocks take the source's block IDs by structure, not by wording: the title, the date
 * line, the n-th opening paragraph, section n (the n-th heading of level 2, whatever its number is
 * written as), subsection m of section n, and the k-th paragraph under each. A block of the release
 * with no such place in the source, and a block of the source with none in the release, are reported,
 * each with its place; nothing is matched by guessing.
 *
 * Sentences: where a paragraph has as many sentence lines as its source block has sentences, the
 * lines stand as they are. Where the source block has one sentence and the release several, every line
 * renders it (`{.1}` on each). Otherwise the paragraph stays one line naming all the source's sentences
 * (`{.1 .2 .3}`), which is true whatever the alignment, and the editor is told to split it.
 */
import type { Language } from '../model/languages';
import { splitSentences } from './sentences';

/** A block of the source as the importer needs it. */
export interface SourceBlock {
  id: string;
  kind: 'heading' | 'paragraph';
  depth: number;
  /** 1-based line in the source file. */
  line: number;
  /** The numbers of its sentences (`1`, `2`, `2a`), in order. */
  sentences: string[];
}

/** The structure of the source document: its language file and its blocks. */
export interface SourceStructure {
  /** The source file's path, for messages (`content/documents/<slug>/ru.md`). */
  path: string;
  lang: Language;
  blocks: readonly SourceBlock[];
}

/** A block of the release, as the importer read it. */
export interface ReleaseBlock {
  id: string;
  kind: 'heading' | 'paragraph';
  depth: number;
  text: string;
  line: number;
}

/** A sentence line to write: its text and, where needed, the source sentences it renders. */
export interface MarkedLine {
  text: string;
  marker?: string[];
}

export interface Alignment {
  /** The source's ID for each block of the release that has a place in the source, by the release's proposed ID. */
  ids: Map<string, string>;
  /** The lines of each matched paragraph, by the source's ID. */
  lines: Map<string, MarkedLine[]>;
  /** Blocks of the release with no place in the source, with their place in the release's structure. */
  extra: Array<{ block: ReleaseBlock; key: string }>;
  /** Blocks of the source with no place in the release, with their place in the source's structure. */
  missing: Array<{ block: SourceBlock; key: string }>;
  /** Paragraphs written as one line naming all the source's sentences: source ID, release lines, source sentences. */
  joined: Array<{ id: string; line: number; lines: number; sentences: number }>;
}

/**
 * The place of each block in the document's structure: `title`, `dateline`, `S2` (section 2), `S2.1`
 * (its subsection 1), `P2.1.3` (paragraph 3 under subsection 2.1), `P0.0.1` (opening paragraph 1).
 */
export function structuralKeys(blocks: ReadonlyArray<{ id: string; kind: 'heading' | 'paragraph'; depth: number }>): string[] {
  let section = 0;
  let subsection = 0;
  const paragraphs = new Map<string, number>();
  return blocks.map((block) => {
    if (block.kind === 'heading' && block.depth === 1) return 'title';
    if (block.id === 'dateline') return 'dateline';
    if (block.kind === 'heading' && block.depth === 2) {
      section += 1;
      subsection = 0;
      return `S${section}`;
    }
    if (block.kind === 'heading') {
      subsection += 1;
      return `S${section}.${subsection}`;
    }
    const parent = `${section}.${subsection}`;
    const count = (paragraphs.get(parent) ?? 0) + 1;
    paragraphs.set(parent, count);
    return `P${parent}.${count}`;
  });
}

/** What a structural key means to an editor: `section 2`, `paragraph 3 of subsection 2.1`. */
export function describeKey(key: string): string {
  if (key === 'title') return 'the title';
  if (key === 'dateline') return 'the date line';
  const [section, subsection, n] = key.slice(1).split('.');
  if (key.startsWith('S')) return subsection === undefined ? `section ${section}` : `subsection ${section}.${subsection}`;
  const parent = section === '0' ? 'the opening' : subsection === '0' ? `section ${section}` : `subsection ${section}.${subsection}`;
  return `paragraph ${n} of ${parent}`;
}

/** Matches the release's blocks to the source's by structure (see the module's comment). */
export function alignToSource(release: readonly ReleaseBlock[], source: SourceStructure, lang: Language): Alignment {
  const sourceKeys = structuralKeys(source.blocks);
  const bySourceKey = new Map(sourceKeys.map((key, index) => [key, source.blocks[index]]));
  const releaseKeys = structuralKeys(release);
  const matched = new Set<string>();
  const alignment: Alignment = { ids: new Map(), lines: new Map(), extra: [], missing: [], joined: [] };
  release.forEach((block, index) => {
    const target = bySourceKey.get(releaseKeys[index]);
    if (!target || target.kind !== block.kind || (block.kind === 'heading' && target.depth !== block.depth)) {
      alignment.extra.push({ block, key: releaseKeys[index] });
      return;
    }
    matched.add(target.id);
    alignment.ids.set(block.id, target.id);
    if (block.kind !== 'paragraph' || block.id === 'dateline') return;
    const lines = splitSentences(block.text, lang);
    const numbers = target.sentences;
    if (lines.length === numbers.length) {
      alignment.lines.set(target.id, lines.map((text) => ({ text })));
    } else if (numbers.length === 1) {
      alignment.lines.set(target.id, lines.map((text) => ({ text, marker: numbers })));
    } else {
      alignment.lines.set(target.id, [{ text: block.text, marker: numbers }]);
      alignment.joined.push({ id: target.id, line: block.line, lines: lines.length, sentences: numbers.length });
    }
  });
  alignment.missing = source.blocks.flatMap((block, index) => (matched.has(block.id) ? [] : [{ block, key: sourceKeys[index] }]));
  return alignment;
}
