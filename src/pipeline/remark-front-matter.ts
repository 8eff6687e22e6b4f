/**
 * Reads the YAML front matter of a document file, validates it against the schema and leaves it on
 * `file.data.frontMatter`. Problems point at the offending key in the YAML.
 */
import type { Root, Yaml } from 'mdast';
import type { Plugin } from 'unified';
import { frontMatterSchema, provenanceAddressFields, type FrontMatter } from '../model/schema';
import { parseYamlIn, placeOfPath, reportSchemaIssues } from '../content/yaml';
import { report, type PipelineRuleId } from './report';

declare module 'vfile' {
  interface DataMap {
    /** Validated front matter; absent when it is missing or invalid. */
    frontMatter: FrontMatter;
    /** The line of each top-level field of the front matter, for rules that concern a field's value. */
    frontMatterLines: Partial<Record<keyof FrontMatter, number>>;
  }
}

/** An address of the provenance (`provenance.url`, `provenance.archive`) has a rule of its own. */
function ruleOf(path: readonly PropertyKey[]): PipelineRuleId {
  const [group, field] = path;
  return group === 'provenance' && (provenanceAddressFields as readonly PropertyKey[]).includes(field) ? 'provenance-url' : 'front-matter';
}

export const remarkFrontMatter: Plugin<[], Root> = function () {
  return (tree, file) => {
    const yaml = tree.children.find((node): node is Yaml => node.type === 'yaml');
    if (!yaml) {
      // A file cut short, or a closing `---` forgotten: the fields are then read as Markdown.
      const unclosed = /^---[ \t]*(?:\r\n|\r|\n)/.test(String(file.value));
      const reason = unclosed
        ? 'the front matter is not closed: end its YAML fields with a line `---`'
        : 'the file has no front matter: it must start with `---`, the YAML fields, then `---`';
      report(file, 'error', reason, { line: 1, column: 1 }, 'front-matter');
      return;
    }
    // The YAML text starts on the line after the opening `---`.
    const placed = parseYamlIn(file, yaml.value, (yaml.position?.start.line ?? 1) + 1);
    if (!placed) return;
    const result = frontMatterSchema.safeParse(placed.data);
    if (!result.success) {
      reportSchemaIssues(file, placed, result.error.issues, [], ruleOf);
      return;
    }
    file.data.frontMatter = result.data;
    file.data.frontMatterLines = Object.fromEntries(Object.keys(result.data).map((key) => [key, placeOfPath(placed, [key]).line]));
  };
};
