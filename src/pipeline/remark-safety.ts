/**
 * Content is text and annotations: raw HTML, scripts, images and links other than web, mail and
 * in-page links are errors. The HTML output is also sanitized (see `sanitize-schema.ts`); this plugin makes
 * the problem visible to the editor instead of silently dropping it.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from './report';

/** Protocols a link may use; relative and fragment links are always allowed. */
export const allowedProtocols = ['http', 'https', 'mailto'] as const;

export function isSafeUrl(url: string): boolean {
  // Browsers ignore ASCII control characters and whitespace inside a scheme ("java\tscript:").
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  if (!scheme) return true;
  return (allowedProtocols as readonly string[]).includes(scheme[1].toLowerCase());
}

export const remarkSafety: Plugin<[], Root> = function () {
  return (tree: Root, file: VFile) => {
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
      }
    });
  };
};
