/**
 * Glossary mentions (`:term[label]{ref=id}`) and note anchors (`:note[label]{ref=id}`) become
 * `span[data-term]` and `span[data-note]`; note bodies (`:::note{#id kind=…}`) become
 * `aside[data-note-id]`. Every reference is recorded on `file.data` with its block, for the
 * validator's cross-file rules and the site's back-links. Any other directive is an error, so text
 * such as `10:30` never silently loses characters.
 */
import type { Root, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { visit, SKIP } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { slugPattern } from '../model/schema';
import type { NoteKind, Reference } from '../model/types';
import { excerpt, report } from './report';

/**
 * The directive that stands for a sentence not yet translated, written as a whole line of a block of a
 * translation (`:untranslated`, before the block's `{#id}` and a sentence marker), or as the whole body
 * of a note (docs/content-format.md, "Untranslated text"). remark-sentences reads the lines.
 */
export const untranslatedName = 'untranslated';

/** True for a bare `:untranslated`: no label, no attributes. */
export function isUntranslatedDirective(node: { type: string; name?: string }): boolean {
  return node.type === 'textDirective' && node.name === untranslatedName;
}

function isBare(node: TextDirective): boolean {
  return node.children.length === 0 && Object.keys(node.attributes ?? {}).length === 0;
}

/** A note body whose only content is `:untranslated`: a note not yet translated. */
function untranslatedNoteBody(node: ContainerDirective): boolean {
  const [only, ...rest] = node.children;
  if (rest.length > 0 || only?.type !== 'paragraph') return false;
  const content = only.children.filter((child) => child.type !== 'text' || child.value.trim() !== '');
  const [directive] = content;
  return content.length === 1 && directive.type === 'textDirective' && isUntranslatedDirective(directive) && isBare(directive);
}

/** A note body as declared in the Markdown, before rendering. */
export interface NoteDeclaration {
  id: string;
  kind: NoteKind;
  line: number;
  column: number;
}

declare module 'vfile' {
  interface DataMap {
    /** Glossary mentions in document order. */
    mentions: Reference[];
    /** Note anchors in document order. */
    anchors: Reference[];
    /** Note bodies in the order they are declared. */
    noteDeclarations: NoteDeclaration[];
  }
}

const noteKinds: readonly NoteKind[] = ['editorial', 'translator'];

type Directive = TextDirective | LeafDirective | ContainerDirective;

function isDirective(node: { type: string }): node is Directive {
  return node.type === 'textDirective' || node.type === 'leafDirective' || node.type === 'containerDirective';
}

function syntaxOf(node: Directive): string {
  return node.type === 'textDirective' ? ':' : node.type === 'leafDirective' ? '::' : ':::';
}

export const remarkAnnotations: Plugin<[], Root> = function () {
  return (tree: Root, file: VFile) => {
    const mentions: Reference[] = [];
    const anchors: Reference[] = [];
    const declarations: NoteDeclaration[] = [];
    const declared = new Map<string, NoteDeclaration>();
    // Mentions and anchors already reported as standing inside another one.
    const misplaced = new Set<TextDirective>();
    const source = String(file);

    const walk = (container: RootContent, block: string, inNote: boolean) => {
      visit(container, (node, _index, parent) => {
        if (!isDirective(node)) return;
        const start = node.position?.start ?? { line: 1, column: 1 };
        if (node.type === 'textDirective' && isUntranslatedDirective(node)) {
          // A line of a block (remark-sentences checks that it is the whole line); anywhere else an error.
          const inBlock = !inNote && parent === container && (container.type === 'heading' || container.type === 'paragraph') && Boolean(block);
          if (!inBlock || !isBare(node)) {
            const reason = !isBare(node)
              ? '`:untranslated` takes no text and no attributes: it stands alone for a whole line not yet translated'
              : inNote
                ? '`:untranslated` in a note stands alone for its whole body (`:::note{#id kind=…}`, then `:untranslated`, then `:::`)'
                : '`:untranslated` stands only as a whole line of a heading or paragraph, not inside a mention, a note anchor or emphasis';
            report(file, 'error', reason, node, 'untranslated-syntax');
          }
          node.data = { ...node.data, hName: 'span', hProperties: {} };
          return SKIP;
        }
        const ref = node.attributes?.ref ?? '';
        if (node.type === 'textDirective' && (node.name === 'term' || node.name === 'note')) {
          const text = toString(node);
          const kind = node.name;
          if (!ref) {
            report(file, 'error', `\`:${kind}\` needs the ID of its ${kind === 'term' ? 'glossary entry' : 'note'}: \`:${kind}[…]{ref=id}\``, node, kind === 'term' ? 'term-syntax' : 'note-syntax');
          } else if (!slugPattern.test(ref)) {
            report(file, 'error', `\`${excerpt(ref)}\` is not a valid ${kind === 'term' ? 'glossary' : 'note'} ID`, node, kind === 'term' ? 'term-syntax' : 'note-syntax');
          } else if (kind === 'term' && text.trim() === '') {
            report(file, 'error', `the mention of \`${ref}\` has no text: write the words it marks, \`:term[words]{ref=${ref}}\``, node, 'term-syntax');
          } else {
            const reference: Reference = { ref, block, inNote, text, line: start.line, column: start.column };
            if (kind === 'term' && typeof node.attributes?.quirk === 'string') reference.quirk = true;
            (kind === 'term' ? mentions : anchors).push(reference);
          }
          // A mention may stand inside a note anchor; nothing else nests.
          visit(node, (inner) => {
            if (inner === node || inner.type !== 'textDirective' || misplaced.has(inner)) return;
            if (inner.name !== 'note' && (inner.name !== 'term' || kind !== 'term')) return;
            misplaced.add(inner);
            report(
              file,
              'error',
              inner.name === 'term'
                ? 'a mention (`:term`) cannot stand inside another mention: mark each name on its own'
                : kind === 'term'
                  ? 'a note anchor (`:note`) cannot stand inside a mention (`:term`): put the anchor around the mention, `:note[:term[…]{ref=…}]{ref=…}`'
                  : 'a note anchor (`:note`) cannot stand inside another note anchor: anchor each note on its own words',
              inner,
              inner.name === 'term' ? 'term-syntax' : 'note-syntax',
            );
          });
          // Only a valid ID reaches the HTML.
          const property = !slugPattern.test(ref) ? {} : kind === 'term' ? { dataTerm: ref } : { dataNote: ref };
          node.data = { ...node.data, hName: 'span', hProperties: property };
          return;
        }
        report(
          file,
          'error',
          node.type === 'containerDirective' && node.name === 'note'
            ? 'a note body (`:::note`) must stand at the top level of the file, not inside another block'
            : `unknown directive \`${syntaxOf(node)}${node.name}\`: only \`:term\`, \`:note\` and \`:::note\` are allowed (write \`\\:\` for a literal colon, as in \`10\\:30\`)`,
          node,
          'directive-unknown',
        );
        // Keep the text of the unknown directive rather than losing it.
        node.data = { ...node.data, hName: node.type === 'textDirective' ? 'span' : 'div', hProperties: {} };
        return SKIP;
      });
    };

    for (const node of tree.children) {
      if (node.type === 'containerDirective' && node.name === 'note') {
        const id = node.attributes?.id ?? '';
        const kind = node.attributes?.kind ?? '';
        const start = node.position?.start ?? { line: 1, column: 1 };
        let valid = true;
        // Without its closing `:::`, a note body runs to the end of the file and swallows what follows.
        const body = source.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? source.length);
        if (node.position && !/(?:^|[\r\n])[ \t]*:{3,}[ \t]*$/.test(body)) {
          report(file, 'error', 'this note body is not closed: end it with a line `:::`; until then everything to the end of the file is part of the note', node, 'note-syntax');
        }
        if (!slugPattern.test(id)) {
          report(file, 'error', id ? `\`${id}\` is not a valid note ID` : 'a note needs an ID: `:::note{#id kind=editorial}`', node, 'note-syntax');
          valid = false;
        }
        if (!(noteKinds as readonly string[]).includes(kind)) {
          report(file, 'error', `a note's kind must be \`editorial\` or \`translator\`${kind ? `, not \`${kind}\`` : ''}`, node, 'note-syntax');
          valid = false;
        }
        const previous = declared.get(id);
        if (valid && previous) {
          report(file, 'error', `note ID \`${id}\` is declared twice; first at line ${previous.line}:${previous.column}`, node, 'duplicate-id');
          valid = false;
        }
        if (valid) {
          const declaration: NoteDeclaration = { id, kind: kind as NoteKind, line: start.line, column: start.column };
          declared.set(id, declaration);
          declarations.push(declaration);
        }
        if (valid && untranslatedNoteBody(node) && file.data.frontMatter?.role === 'source') {
          report(file, 'error', 'a source text is the original: none of it is untranslated (`:untranslated` belongs in a translation)', node, 'untranslated-syntax');
        } else if (valid && untranslatedNoteBody(node)) {
          // Not yet translated: the body is empty, and the aside says so (rehype-collect).
          node.data = { ...node.data, hName: 'aside', hProperties: { dataNoteId: id, dataNoteKind: kind, dataUntranslated: '' } };
          node.children = [];
          continue;
        }
        node.data = { ...node.data, hName: 'aside', hProperties: valid ? { dataNoteId: id, dataNoteKind: kind } : {} };
        for (const child of node.children) walk(child, id, true);
        continue;
      }
      walk(node, node.data?.blockId ?? '', false);
    }
    file.data.mentions = mentions;
    file.data.anchors = anchors;
    file.data.noteDeclarations = declarations;
  };
};
