/**
 * Japanese has no spaces between words, so browsers may break a line inside a word. BudouX splits
 * Japanese text into phrases; this plugin inserts `<wbr>` between them so that, with
 * `word-break: keep-all`, lines break only between phrases. It runs on the server: no JavaScript
 * reaches the reader.
 */
import { loadDefaultJapaneseParser } from 'budoux';
import type { Element, ElementContent, Root, Text } from 'hast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

export interface RehypeBudouxOptions {
  /** Only files whose `file.data.lang` is this language are processed. Default: `'ja'`. */
  lang?: string;
}

declare module 'vfile' {
  interface DataMap {
    /** Language of the file, set by the loader from the file name. */
    lang: string;
  }
}

const japanese = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/;

export const rehypeBudoux: Plugin<[RehypeBudouxOptions?], Root> = function (options = {}) {
  const lang = options.lang ?? 'ja';
  const parser = loadDefaultJapaneseParser();
  return (tree, file) => {
    if (file.data.lang !== lang) return;
    visit(tree, 'text', (node: Text, index, parent) => {
      if (!parent || index === undefined || !japanese.test(node.value)) return;
      const chunks = parser.parse(node.value);
      if (chunks.length < 2) return;
      const replacement: ElementContent[] = [];
      chunks.forEach((chunk, i) => {
        if (i > 0) replacement.push({ type: 'element', tagName: 'wbr', properties: {}, children: [] } satisfies Element);
        replacement.push({ type: 'text', value: chunk });
      });
      parent.children.splice(index, 1, ...replacement);
      return [SKIP, index + replacement.length];
    });
  };
};
