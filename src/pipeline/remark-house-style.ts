/**
 * Rule `spelling`: the forms the house style refuses (src/content/house-style.ts) in the edition's own
 * text of a document, each reported at its exact place with the form to use. A translation is the
 * edition's own throughout (front matter values, text, notes); in a source text only the note bodies are,
 * since the source is kept word for word.
 */
import type { Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { visit as visitYaml } from 'yaml';
import { findRefused } from '../content/house-style';
import { isLanguage } from '../model/languages';
import { readYaml } from '../content/yaml';
import { report } from './report';

export const remarkHouseStyle: Plugin<[], Root> = function () {
  return (tree: Root, file: VFile) => {
    // The language of the file's name (set by the loader), else of its front matter.
    const lang = file.data.lang ?? file.data.frontMatter?.lang;
    if (!isLanguage(lang)) return;
    const source = String(file.value);
    const { toPoint } = location(file);
    const check = (text: string, placeOf: (index: number) => Point | undefined) => {
      for (const match of findRefused(text, lang)) {
        report(file, 'error', `\`${match.found}\`: write \`${match.use}\` (${match.because})`, placeOf(match.index), 'spelling');
      }
    };
    const scan = (node: RootContent) => {
      visit(node, (child) => {
        const start = child.position?.start.offset;
        const end = child.position?.end.offset;
        if (start === undefined || end === undefined) return;
        // The source slice, not the node's value: places stay exact whatever escapes the text holds.
        if (child.type === 'text') check(source.slice(start, end), (index) => toPoint(start + index));
        if (child.type !== 'yaml') return;
        // Front matter: the values only (the keys are the schema's); the YAML starts on the line after `---`.
        const yaml = readYaml(child.value, (child.position?.start.line ?? 1) + 1);
        if (yaml.document.errors.length > 0) return;
        visitYaml(yaml.document, {
          Scalar(key, scalar) {
            if (key === 'key' || typeof scalar.value !== 'string' || !scalar.range) return;
            const [from, to] = scalar.range;
            check(yaml.text.slice(from, to), (index) => yaml.pointAt(from + index));
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
