/**
 * Reads the YAML front matter of a document file, validates it against the schema and leaves it on
 * `file.data.frontMatter`. Problems point at the offending key in the YAML.
 */
import type { Root, Yaml } from 'mdast';
import type { Plugin } from 'unified';
import { frontMatterSchema, type FrontMatter } from '../content/schema';
import { parseYamlIn, reportSchemaIssues } from '../content/yaml';
import { report } from './report';

declare module 'vfile' {
  interface DataMap {
    /** Validated front matter; absent when it is missing or invalid. */
    frontMatter: FrontMatter;
  }
}

export const remarkFrontMatter: Plugin<[], Root> = function () {
  return (tree, file) => {
    const yaml = tree.children.find((node): node is Yaml => node.type === 'yaml');
    if (!yaml) {
      report(file, 'error', 'the file has no front matter: it must start with `---`, the YAML fields, then `---`', { line: 1, column: 1 }, 'front-matter');
      return;
    }
    // The YAML text starts on the line after the opening `---`.
    const placed = parseYamlIn(file, yaml.value, (yaml.position?.start.line ?? 1) + 1);
    if (!placed) return;
    const result = frontMatterSchema.safeParse(placed.data);
    if (!result.success) {
      reportSchemaIssues(file, placed, result.error.issues, [], 'front-matter');
      return;
    }
    file.data.frontMatter = result.data;
  };
};
