/**
 * Remembers which characters of a text were written with a backslash (`\{`). Markdown reads `\{` as a
 * plain `{` and keeps no trace of the backslash, so without this a plugin could not tell the edition's
 * own markers, which Markdown does not know (a sentence marker `{.2}`), from the same characters meant
 * as text (`\{.2}`). The parser is taught to record, on each text node, the indexes in its value of the
 * characters that came from a backslash escape; `isEscaped` asks, and `sliceText` keeps them when a
 * plugin cuts a text node in pieces.
 */
import type { Root, Text } from 'mdast';
import type { CompileContext, Extension } from 'mdast-util-from-markdown';
import type { Plugin } from 'unified';

declare module 'mdast' {
  interface TextData {
    /** Indexes in `value` of the characters written with a backslash: text, never syntax. */
    escaped?: number[];
  }
}

/** On leaving `\{`: the escaped character is the last one of the text node it was added to. */
function exitEscape(this: CompileContext): undefined {
  const parent = this.stack.at(-1);
  const tail = parent && 'children' in parent ? parent.children.at(-1) : undefined;
  if (tail?.type !== 'text') return;
  tail.data ??= {};
  (tail.data.escaped ??= []).push(tail.value.length - 1);
}

const fromMarkdown: Extension = { exit: { characterEscape: exitEscape } };

export const remarkEscapes: Plugin<[], Root> = function () {
  const data = this.data();
  (data.fromMarkdownExtensions ??= []).push(fromMarkdown);
};

/** True when the character at `index` of `node.value` was written with a backslash. */
export function isEscaped(node: Text, index: number): boolean {
  return node.data?.escaped?.includes(index) ?? false;
}

/** The text from `start` to `end` of `node`, as a text node that keeps which of its characters were escaped. */
export function sliceText(node: Text, start: number, end: number): Text {
  const escaped = node.data?.escaped?.filter((index) => index >= start && index < end).map((index) => index - start);
  return { type: 'text', value: node.value.slice(start, end), ...(escaped?.length ? { data: { escaped } } : {}) };
}
