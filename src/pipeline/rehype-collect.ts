/**
 * Collects the rendered blocks (elements with `data-pid`) and note bodies (`aside[data-note-id]`) of
 * the document on `file.data`, with their plain text, for the site, the validator and exports.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Plugin } from 'unified';
import type { Block, NoteBody, NoteKind, Sentence } from '../model/types';

declare module 'vfile' {
  interface DataMap {
    /** Rendered headings and paragraphs, in document order. */
    blocks: Block[];
    /** Rendered note bodies, in declaration order. */
    notes: NoteBody[];
  }
}

const headingLevels: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

/**
 * Plain text as a reader reads it: runs of white space folded, no leading or trailing space. U+FEFF,
 * which JavaScript counts as white space, is kept: it is an invisible character to report, not a space.
 */
export function plainText(node: Element): string {
  return toString(node).replace(/[^\S\ufeff]+/g, ' ').replace(/^ | $/g, '');
}

/** The sentences of a block element: its `span[data-sid]` children. */
function sentencesOf(block: Element): Sentence[] {
  const sentences: Sentence[] = [];
  for (const child of block.children) {
    if (child.type !== 'element' || typeof child.properties.dataSid !== 'string') continue;
    const sentence: Sentence = { ids: child.properties.dataSid.split(' '), text: plainText(child), line: child.position?.start.line ?? block.position?.start.line ?? 1 };
    if (child.properties.dataUntranslated !== undefined) sentence.untranslated = true;
    sentences.push(sentence);
  }
  return sentences;
}

export const rehypeCollect: Plugin<[], Root> = function () {
  return (tree, file) => {
    const blocks: Block[] = [];
    const notes: NoteBody[] = [];
    for (const node of tree.children) {
      if (node.type !== 'element') continue;
      const line = node.position?.start.line ?? 1;
      const pid = node.properties.dataPid;
      if (typeof pid === 'string') {
        const depth = headingLevels[node.tagName] ?? 0;
        const sentences = sentencesOf(node);
        const block: Block = { id: pid, kind: depth > 0 ? 'heading' : 'paragraph', depth, element: node, text: plainText(node), line, sentences };
        if (sentences.length > 0 && sentences.every((sentence) => sentence.untranslated)) block.untranslated = true;
        blocks.push(block);
      } else if (node.tagName === 'aside' && typeof node.properties.dataNoteId === 'string') {
        notes.push({
          id: node.properties.dataNoteId,
          kind: node.properties.dataNoteKind as NoteKind,
          children: node.children,
          text: plainText(node),
          line,
          ...(node.properties.dataUntranslated !== undefined ? { untranslated: true } : {}),
        });
      }
    }
    file.data.blocks = blocks;
    file.data.notes = notes;
  };
};
