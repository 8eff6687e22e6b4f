/**
 * Sentence alignment groups: the smallest sets of source sentences that every language renders as a
 * whole. A source sentence is its own group unless a translation line renders it together with another
 * (`{.2 .3}`) — then both are in one group, and so are the sentences a split line shares (`{.2}` twice
 * stays one group of one). Groups are computed by connecting the source IDs that share a translation
 * line, over every translation, and are given in the source's reading order (of their first sentence). TMX units and the JSON
 * export's sentences are these groups.
 */
import { languages, type Language } from '../model/languages';
import type { Block, ArchiveDocument, Sentence } from '../model/types';

/** One alignment group of a block: its source sentence IDs and, per language, the lines that render them. */
export interface AlignmentGroup {
  /** Source sentence IDs, in source order (`s1-1-p2.2`, `s1-1-p2.3`). */
  ids: string[];
  /** Per language present, the sentences (lines) of this group, in reading order. */
  sentences: Partial<Record<Language, Sentence[]>>;
}

/** How the sentences of one block join into running text: a space, or nothing in Japanese. */
export function joinSentences(language: Language, sentences: readonly Sentence[]): string {
  return sentences.map((sentence) => sentence.text).join(language === 'ja' ? '' : ' ');
}

/** The blocks of `document` with the same ID, per language present. */
export function blocksById(document: ArchiveDocument): Map<string, Partial<Record<Language, Block>>> {
  const result = new Map<string, Partial<Record<Language, Block>>>();
  for (const language of languages) {
    for (const block of document.texts[language]?.blocks ?? []) {
      const entry = result.get(block.id) ?? {};
      entry[language] = block;
      result.set(block.id, entry);
    }
  }
  return result;
}

/**
 * The alignment groups of one block, given that block in each language. Source sentences that no
 * translation names stay groups of their own; a translation line that names no source sentence of
 * this block (the validator reports it) joins no group and is left out.
 */
export function alignmentGroups(source: Language, blocks: Partial<Record<Language, Block>>): AlignmentGroup[] {
  const order = blocks[source]?.sentences.flatMap((sentence) => sentence.ids) ?? [];
  const position = new Map(order.map((id, index) => [id, index]));
  // Union-find over source sentence IDs, keyed by their position in the source.
  const parent = order.map((_, index) => index);
  const find = (index: number): number => {
    while (parent[index] !== index) {
      parent[index] = parent[parent[index]];
      index = parent[index];
    }
    return index;
  };
  const union = (a: number, b: number) => {
    const [low, high] = [find(a), find(b)].sort((x, y) => x - y);
    parent[high] = low;
  };
  for (const language of languages) {
    if (language === source) continue;
    for (const sentence of blocks[language]?.sentences ?? []) {
      const known = sentence.ids.flatMap((id) => position.get(id) ?? []);
      for (const index of known.slice(1)) union(known[0], index);
    }
  }
  const groups = new Map<number, AlignmentGroup>();
  for (const [index, id] of order.entries()) {
    const root = find(index);
    const group = groups.get(root) ?? { ids: [], sentences: {} };
    group.ids.push(id);
    groups.set(root, group);
  }
  for (const language of languages) {
    for (const sentence of blocks[language]?.sentences ?? []) {
      const index = sentence.ids.map((id) => position.get(id)).find((found) => found !== undefined);
      if (index === undefined) continue;
      const group = groups.get(find(index));
      if (!group) continue;
      (group.sentences[language] ??= []).push(sentence);
    }
  }
  return [...groups.values()];
}

/** Every block of the document in source order, with its alignment groups. */
export function alignedBlocks(document: ArchiveDocument): Array<{ id: string; blocks: Partial<Record<Language, Block>>; groups: AlignmentGroup[] }> {
  const byId = blocksById(document);
  const order = document.texts[document.source]?.blocks ?? [];
  return order.map((block) => {
    const blocks = byId.get(block.id) ?? {};
    return { id: block.id, blocks, groups: alignmentGroups(document.source, blocks) };
  });
}
