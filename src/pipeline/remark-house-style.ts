/**
 * Rule `spelling`: the forms the house style refuses (src/content/house-style.ts) in the edition's own
 * text of a document, each reported at its exact place with the form to use. A translation is the
 * edition's own throughout (front matter values, text, notes); in a source text only the note bodies are,
 * since the source is kept word for word.
 */
import type { Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { parseDocument, visit as visitYaml } from 'yaml';
import { findRefused } from '../content/house-style';
import { isLanguage } from '../content/languages';
import { report } from './report';

export const remarkHouseStyle: Plugin<[], Root> = function () {
  return (tree: Root, file: VFile) => {
    // The language of the file's name (set by the loader), else of its front matter.
    const lang = file.data.lang ?? file.data.frontMatter?.lang;
    if (!isLanguage(lang)) return;
    const source = String(file.value);
    const { toPoint } = location(file);
    const check = (start: number, end: number) => {
      // The source slice, not the node's value: places stay exact whatever escapes the text holds.
      for (const match of findRefused(source.slice(start, end), lang)) {
        report(file, 'error', `\`${match.found}\`: write \`${match.use}\` (${match.because})`, toPoint(start + match.index), 'spelling');
      }
    };
    const scan = (node: RootContent) => {
      visit(node, (child) => {
        const start = child.position?.start.offset;
        const end = child.position?.end.offset;
        if (start === undefined || end === undefined) return;
        if (child.type === 'text') check(start, end);
        if (child.type !== 'yaml') return;
        // Front matter: the values only (the keys are the schema's); the YAML starts after `---`.
        const offset = source.indexOf('\n', start) + 1;
        const yaml = parseDocument(child.value);
        if (yaml.errors.length > 0) return;
        visitYaml(yaml, {
          Scalar(key, scalar) {
            if (key !== 'key' && typeof scalar.value === 'string' && scalar.range) check(offset + scalar.range[0], offset + scalar.range[1]);
          },
        });
      });
    };
    const isSource = file.data.frontMatter?.role === 'source';
    for (const node of tree.children) {
      if (!isSource || (node.type === 'containerDirective' && node.name === 'note')) scan(node);
    }
  };
};
