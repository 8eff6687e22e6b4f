/**
 * YAML with places: parse a YAML text that stands at a known line of a file, report syntax errors and
 * schema issues at the exact key or value they concern.
 */
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { z } from 'zod';
import { report as reportAny } from '../model/report';
import { slugPattern } from '../model/schema';
import { closest } from '../model/suggest';
import { report } from './report';

export interface PlacedYaml {
  document: Document;
  /** The document as plain data. */
  data: unknown;
  /** Converts an offset in the YAML text to a point in the file. */
  pointAt(offset: number): Point;
}

/** A YAML text parsed as the content's YAML is read everywhere; see `readYaml`. */
export interface ReadYaml {
  document: Document;
  /** The text as parsed: every line ending a LF. Offsets of the document's nodes are offsets in it. */
  text: string;
  /** Converts an offset in `text` to a point in the file. */
  pointAt(offset: number): Point;
}

/**
 * Parses `text`, whose first line is line `firstLine` of its file, as the content's YAML is read
 * everywhere, and reports nothing. A lone CR ends a line in Markdown but not for the YAML parser:
 * every line ending is read as LF, which keeps lines and columns. Duplicate keys are left to the
 * caller (the parser's own check compares every pair of keys: seconds for a glossary of thousands of
 * entries). Warnings (a mapping used as a key) would go to standard error: the schema reports what is
 * wrong instead.
 */
export function readYaml(text: string, firstLine = 1): ReadYaml {
  const counter = new LineCounter();
  const normalised = text.replace(/\r\n?/g, '\n');
  const document = parseDocument(normalised, { lineCounter: counter, prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
  const pointAt = (offset: number): Point => {
    const { line, col } = counter.linePos(offset);
    return { line: firstLine + line - 1, column: col };
  };
  return { document, text: normalised, pointAt };
}

/**
 * Parses `text`, whose first line is line `firstLine` of `file` (see `readYaml`). Reports every syntax
 * error and every key written twice in a mapping, in one pass over each mapping, and returns undefined
 * when there is any.
 */
export function parseYamlIn(file: VFile, text: string, firstLine: number): PlacedYaml | undefined {
  const { document, pointAt } = readYaml(text, firstLine);
  // YAML indents with spaces only: a tab in a line's indent makes the parser report the lines that
  // follow too. One message says what is wrong, and the errors that follow from it are left out.
  const tabbed = document.errors.length > 0 ? /^( *)\t/mu.exec(text.replace(/\r\n?/gu, '\n')) : null;
  if (tabbed) {
    const others = text.split(/\r\n|\r|\n/u).filter((line) => /^ *\t/u.test(line)).length - 1;
    const more = others > 0 ? ` (and ${others} more line${others === 1 ? '' : 's'} indented so)` : '';
    report(file, 'error', `not valid YAML: this line is indented with a tab (U+0009 CHARACTER TABULATION); YAML indents with spaces only: replace the tab with spaces${more}`, pointAt(tabbed.index + tabbed[1].length), 'yaml-syntax');
    return undefined;
  }
  for (const error of document.errors) {
    report(file, 'error', `not valid YAML: ${error.message.split('\n')[0]}`, pointAt(error.pos[0]), 'yaml-syntax');
  }
  let duplicates = 0;
  let firstAlias: number | undefined;
  visit(document, {
    Map(_, map) {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const offset = pair.key.range?.[0] ?? 0;
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, offset);
          continue;
        }
        const { line, column } = pointAt(first);
        report(file, 'error', `\`${key}\` is defined twice; it was first defined at line ${line}:${column}`, pointAt(offset), 'duplicate-id');
        duplicates += 1;
      }
    },
    Alias(_, alias) {
      firstAlias ??= alias.range?.[0];
    },
  });
  if (document.errors.length > 0 || duplicates > 0) return undefined;
  let data: unknown;
  try {
    data = document.toJS();
  } catch (error) {
    // The parser refuses aliases that expand too far (a "billion laughs"), by throwing.
    const reason = error instanceof Error ? error.message : String(error);
    report(file, 'error', `not valid YAML: its aliases cannot be expanded (${reason})`, pointAt(firstAlias ?? 0), 'yaml-syntax');
    return undefined;
  }
  return { document, data, pointAt };
}

/**
 * The point of what `path` names: the key of a mapping entry, or an item of a sequence. When the path
 * goes further than the YAML does (a missing field), the deepest part that exists.
 */
export function placeOfPath(yaml: PlacedYaml, path: readonly PropertyKey[]): Point {
  let node: unknown = yaml.document.contents;
  let place = yaml.pointAt(isNode(node) ? (node.range?.[0] ?? 0) : 0);
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) break;
      const keyStart = isNode(pair.key) ? pair.key.range?.[0] : undefined;
      if (keyStart !== undefined) place = yaml.pointAt(keyStart);
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item: unknown = node.items[key];
      const itemStart = isNode(item) ? item.range?.[0] : undefined;
      if (itemStart === undefined) break;
      place = yaml.pointAt(itemStart);
      node = item;
    } else {
      break;
    }
  }
  return place;
}

/** A value as a message quotes it: a string in double quotes, anything else as YAML would read it back. */
function quoteValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'object') return isSeq(value) ? 'a list' : isMap(value) ? 'a mapping' : 'a value';
  return String(value);
}

/** What kind of YAML value `value` is, for "is a string, not a boolean". */
function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (isSeq(value)) return 'a list';
  if (isMap(value)) return 'a mapping';
  return typeof value === 'string' ? 'text' : typeof value === 'number' ? 'a number' : typeof value === 'boolean' ? 'true or false' : 'a value';
}

const expectedKinds: Record<string, string> = { string: 'text', number: 'a number', boolean: 'true or false', array: 'a list', object: 'a mapping' };

/**
 * What is wrong with a value, showing the value and the form expected: `"2019-5-30" is not a date in
 * the form YYYY-MM-DD (such as 2019-05-30)`, `"sourse" is not one of "source", "translation" (did you
 * mean "source"?)`.
 */
function describeValue(issue: z.core.$ZodIssue, value: unknown): string {
  const shown = quoteValue(value);
  switch (issue.code) {
    case 'invalid_format':
      if (issue.format === 'date') return `${shown} is not a date in the form YYYY-MM-DD (such as 2019-05-30)`;
      if (issue.format === 'regex' && issue.pattern === String(slugPattern)) return `${shown} is not an ID: lowercase ASCII letters, digits and inner hyphens (such as kono-taro)`;
      if (issue.format === 'url') return `${shown} ${issue.message}`;
      return `${shown} is not of the form ${issue.pattern ?? issue.format}`;
    case 'invalid_value': {
      const options = issue.values.map((option) => JSON.stringify(option));
      const suggestion = typeof value === 'string' ? closest(value, issue.values.filter((option): option is string => typeof option === 'string')) : undefined;
      return `${shown} is not one of ${options.join(', ')}${suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`}`;
    }
    case 'invalid_type':
      return `${shown} is ${kindOf(value)}, not ${expectedKinds[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return issue.origin === 'string' ? `${shown} is empty: write the value` : `${shown}: ${issue.message}`;
    case 'custom':
      return issue.message;
    default:
      return `${shown}: ${issue.message}`;
  }
}

/** Reports each schema issue at its place, prefixed with the field path, under `ruleId` (or the rule it gives for the issue's path). */
export function reportSchemaIssues<RuleId extends string>(
  file: VFile,
  yaml: PlacedYaml,
  issues: readonly z.core.$ZodIssue[],
  basePath: readonly PropertyKey[],
  ruleId: RuleId | ((path: readonly PropertyKey[]) => RuleId),
): void {
  for (const issue of issues) {
    const path = [...basePath, ...issue.path];
    const rule = typeof ruleId === 'function' ? ruleId(path) : ruleId;
    const exists = yaml.document.hasIn(path);
    const field = `\`${path.map(String).join('.')}\``;
    const prefix = path.length > 0 ? `${field}: ` : '';
    const reason =
      issue.code === 'invalid_type' && !exists
        ? `${field} is missing`
        : issue.code === 'unrecognized_keys'
          ? `${prefix}unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `\`${key}\``).join(', ')}`
          : `${prefix}${describeValue(issue, yaml.document.getIn(path))}`;
    const place = issue.code === 'unrecognized_keys' ? placeOfPath(yaml, [...path, issue.keys[0]]) : placeOfPath(yaml, path);
    // The caller's rule: the front matter's or the glossary's.
    reportAny(file, 'error', reason, place, rule);
  }
}
