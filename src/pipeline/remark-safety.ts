/**
 * Content is text and annotations: raw HTML, scripts, images and links other than web, mail and
 * in-page links are errors; so are a link definition that no link uses (it would show nothing) and
 * markup nested too deep to convert (its text is kept). The HTML output is also sanitized (see `sanitize-schema.ts`); this plugin makes
 * the problem visible to the editor instead of silently dropping it.
 */
import type { Root, Text } from 'mdast';
import type { Plugin } from 'unified';
import type { Node, Parent } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { excerpt, report } from './report';

/** Protocols a link may use; relative and fragment links are always allowed. */
export const allowedProtocols = ['http', 'https', 'mailto'] as const;

export function isSafeUrl(url: string): boolean {
  // Browsers ignore ASCII control characters and whitespace inside a scheme ("java\tscript:").
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  if (!scheme) return true;
  return (allowedProtocols as readonly string[]).includes(scheme[1].toLowerCase());
}

/** How deep markup may nest. Real documents use a few levels; far deeper trees overflow the call stack of the HTML conversion. */
export const maxDepth = 32;

/** The text of a subtree, in order, walked without recursion. */
function textOf(node: Node): string {
  const parts: string[] = [];
  const stack: Node[] = [node];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if ('value' in next && typeof next.value === 'string') parts.push(next.value);
    if ('children' in next && Array.isArray(next.children)) stack.push(...[...(next.children as Node[])].reverse());
  }
  return parts.join('');
}

/**
 * Replaces markup nested deeper than `maxDepth` by its text, so that no word is lost and the rest of
 * the pipeline can run; reports the first place. Walks without recursion: the tree may be too deep for it.
 */
function flattenDeepMarkup(tree: Root, file: VFile): void {
  const stack: Array<{ node: Parent; depth: number }> = [{ node: tree, depth: 0 }];
  let reported = false;
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { node, depth } = next;
    node.children.forEach((child, index) => {
      if (!('children' in child)) return;
      if (depth + 1 < maxDepth) {
        stack.push({ node: child as Parent, depth: depth + 1 });
        return;
      }
      if (!reported) {
        report(file, 'error', `markup nested more than ${maxDepth} levels deep cannot be shown; its text is kept without the deeper markup`, child, 'unsupported-syntax');
        reported = true;
      }
      const text: Text = { type: 'text', value: textOf(child), position: child.position };
      node.children[index] = text;
    });
  }
}

export const remarkSafety: Plugin<[], Root> = function () {
  return (tree: Root, file: VFile) => {
    flattenDeepMarkup(tree, file);
    // A definition that no link uses shows nothing: the line would vanish from the reader.
    const used = new Set<string>();
    visit(tree, (node) => {
      if (node.type === 'linkReference' || node.type === 'imageReference') used.add(node.identifier);
    });
    visit(tree, (node) => {
      if (node.type === 'html') {
        const script = /<\s*script/i.test(node.value);
        report(
          file,
          'error',
          script
            ? 'a script is not allowed in content'
            : `raw HTML is not allowed in content (\`${node.value.slice(0, 40).replace(/\s+/g, ' ')}\`): write Markdown and directives instead`,
          node,
          'raw-html',
        );
      } else if (node.type === 'image' || node.type === 'imageReference') {
        report(file, 'error', 'images are not supported in documents: the reader shows text and annotations only', node, 'unsupported-syntax');
      } else if (node.type === 'link' || node.type === 'definition') {
        if (!isSafeUrl(node.url)) {
          report(file, 'error', `the link \`${node.url.slice(0, 60)}\` uses a protocol that is not allowed; use http, https or mailto`, node, 'unsafe-link');
        }
        if (node.type === 'definition' && !used.has(node.identifier)) {
          report(file, 'error', `\`[${excerpt(node.label ?? node.identifier)}]: …\` is a link definition that no link uses, so the reader shows nothing of it; write \`\\[\` to keep it as text`, node, 'unsupported-syntax');
        }
      }
    });
  };
};
