/**
 * Reads the explicit block ID written at the end of each top-level heading and paragraph
 * (`… {#s1-1-p2}`), removes it from the text and puts it on the node as `data-pid`.
 */
import type { Heading, Paragraph, Root, RootContent, Text } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { blockIdPattern } from '../model/schema';
import { codePoint, excerpt, report } from './report';

/** A block as the pipeline first sees it: its ID and where the ID is written. */
export interface BlockIdRecord {
  id: string;
  kind: 'heading' | 'paragraph';
  depth: number;
  line: number;
  column: number;
}

declare module 'vfile' {
  interface DataMap {
    /** Top-level blocks with a valid ID, in document order. */
    blockIds: BlockIdRecord[];
  }
}

declare module 'mdast' {
  interface Data {
    /** The block ID of a top-level heading or paragraph. */
    blockId?: string;
  }
}

// Without leading `\s*`: that would try every position of a long run of spaces, in quadratic time.
const trailingId = /\{#([^{}]*)\}\s*$/;

/**
 * For a code block made by indenting a line (Markdown reads a line indented by a tab or four spaces as
 * code): what indents it, said plainly, since the editor sees a paragraph and no code.
 */
function indentedCode(node: RootContent, file: VFile): string | undefined {
  if (node.type !== 'code' || node.position?.start.offset === undefined) return undefined;
  const text = String(file.value);
  const lineStart = text.lastIndexOf('\n', node.position.start.offset - 1) + 1;
  const indent = /^[ \t]*/u.exec(text.slice(lineStart, lineStart + 64))?.[0] ?? '';
  if (indent === '') return undefined;
  const how = indent.includes('\t') ? 'a tab (U+0009 CHARACTER TABULATION)' : `${indent.length} spaces`;
  return `a line indented with ${how} is read as a code block, which`;
}

export const remarkBlockIds: Plugin<[], Root> = function () {
  return (tree: Root, file: VFile) => {
    const records: BlockIdRecord[] = [];
    const seen = new Map<string, BlockIdRecord>();
    for (const node of tree.children) {
      if (node.type === 'yaml' || node.type === 'definition' || node.type === 'html' || node.type === 'containerDirective' || node.type === 'leafDirective') continue;
      if (node.type !== 'heading' && node.type !== 'paragraph') {
        report(file, 'error', `${indentedCode(node, file) ?? `a ${node.type}`} cannot stand here: a document consists of headings and paragraphs, each with its ID, followed by notes`, node, 'block-kind');
        continue;
      }
      const block: Heading | Paragraph = node;
      const kind = block.type;
      const last = block.children.at(-1);
      const match = last?.type === 'text' ? trailingId.exec(last.value) : null;
      if (!last || !match) {
        report(
          file,
          'error',
          `this ${kind} has no ID: end it with \` {#id}\` (for example \`{#s1-1-p1}\`) so that it can be cited and aligned`,
          block.position?.end,
          'block-id-missing',
        );
        continue;
      }
      const text = last as Text;
      const id = match[1];
      const end = text.position?.end;
      const place = end ? { line: end.line, column: end.column - match[0].length } : block.position?.start;
      text.value = text.value.slice(0, match.index).trimEnd();
      if (text.value === '') block.children.pop();
      if (!blockIdPattern.test(id)) {
        const foreign = /[^\x20-\x7e]/u.exec(id)?.[0];
        const hint = foreign ? ` (\`${foreign}\`, ${codePoint(foreign)}, is not ASCII)` : '';
        report(file, 'error', `\`${excerpt(id)}\` is not a valid block ID${hint}: use lowercase ASCII letters, digits and inner hyphens, starting with a letter`, place, 'block-id-syntax');
        continue;
      }
      const record: BlockIdRecord = {
        id,
        kind,
        depth: block.type === 'heading' ? block.depth : 0,
        line: place?.line ?? 1,
        column: place?.column ?? 1,
      };
      const previous = seen.get(id);
      if (previous) {
        report(file, 'error', `block ID \`${id}\` is used twice; it was first used at line ${previous.line}:${previous.column}`, place, 'duplicate-id');
        continue;
      }
      seen.set(id, record);
      records.push(record);
      block.data = { ...block.data, blockId: id, hProperties: { ...block.data?.hProperties, dataPid: id } };
    }
    file.data.blockIds = records;
  };
};
