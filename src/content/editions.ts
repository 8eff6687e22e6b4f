/**
 * Reading a document's `editions.yaml`: its editions, oldest first, each checked against the schema
 * (`editionsFileSchema`), numbered 1, 2, 3 … in order, dated no earlier than the edition before, and,
 * from edition 2, with a summary and a changelog. Every message stands at the key or value it
 * concerns. The rules across editions (src/rules/editions.ts) report at places of the same file
 * through `placeOf`.
 */
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { firstEditionOnly } from '../model/document';
import { languages } from '../model/languages';
import { editionsFileSchema, type EditionEntry } from '../model/schema';
import type { EditionChange, EditionRecord } from '../model/types';
import { checkCharacters } from './characters';
import { readContentFile } from './read';
import { report, reportFailure } from './report';
import { parseYamlIn, placeOfPath, reportSchemaIssues, type PlacedYaml } from './yaml';

/** A document's editions as its folder records them. */
export interface DocumentEditions {
  /** The editions, oldest first; the last is the current text. `firstEditionOnly()` without a usable file. */
  records: EditionRecord[];
  /** `editions.yaml` with its messages; undefined when the document has none. */
  file?: VFile;
  /**
   * False when `editions.yaml` exists but its editions cannot be known (not YAML, not the schema, not
   * numbered 1, 2, 3 …): the document's past editions are then neither loaded nor checked.
   */
  valid: boolean;
  /** The place in `editions.yaml` of what `path` names: `[index, 'changes', 'en', 0, 'blocks', 1]`. */
  placeOf(path: readonly PropertyKey[]): Point;
}

const start: Point = { line: 1, column: 1 };

/** The editions of a document without `editions.yaml`: edition 1 only. */
export function noEditionsFile(): DocumentEditions {
  return { records: firstEditionOnly(), valid: true, placeOf: () => start };
}

/** `n` as an ordinal in a message: 1st, 2nd, 3rd, 4th … */
function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** The record of one valid entry: lists absent from a change become empty, each change keeps its line. */
function toRecord(entry: EditionEntry, index: number, yaml: PlacedYaml): EditionRecord {
  const changes: EditionRecord['changes'] = {};
  for (const lang of languages) {
    const list = entry.changes?.[lang];
    if (!list) continue;
    changes[lang] = list.map(
      (change, position): EditionChange => ({
        blocks: change.blocks ?? [],
        notes: change.notes ?? [],
        entries: change.entries ?? [],
        what: change.what,
        why: change.why,
        line: placeOfPath(yaml, [index, 'changes', lang, position]).line,
      }),
    );
  }
  return { number: entry.edition, date: entry.date, ...(entry.summary ? { summary: entry.summary } : {}), changes, fates: entry.fates ?? {} };
}

/** Parses `editions.yaml`, already read into `file`; problems become messages on it. */
export function parseEditions(file: VFile): DocumentEditions {
  checkCharacters(file);
  const yaml = parseYamlIn(file, String(file.value), 1);
  const invalid: DocumentEditions = { records: firstEditionOnly(), file, valid: false, placeOf: () => start };
  if (!yaml) return invalid;
  const placeOf = (path: readonly PropertyKey[]) => placeOfPath(yaml, path);
  const result = editionsFileSchema.safeParse(yaml.data);
  if (!result.success) {
    reportSchemaIssues(file, yaml, result.error.issues, [], 'editions-file');
    return { ...invalid, placeOf };
  }
  const entries = result.data;
  let numbered = true;
  entries.forEach((entry, index) => {
    const expected = index + 1;
    if (entry.edition !== expected) {
      report(file, 'error', `editions are numbered 1, 2, 3 … oldest first: the ${ordinal(expected)} entry is \`edition: ${expected}\`, not ${entry.edition}`, placeOf([index, 'edition']), 'editions-file');
      numbered = false;
    }
    if (expected === 1) {
      for (const field of ['summary', 'changes', 'fates'] as const) {
        if (entry[field] !== undefined) report(file, 'error', `\`${field}\`: edition 1 has no edition before it, so nothing to summarize, change or retire`, placeOf([index, field]), 'editions-file');
      }
      return;
    }
    if (!entry.summary) report(file, 'error', `edition ${expected} has no \`summary\`: say in one sentence in ru, ja and en what the edition is`, placeOf([index, 'edition']), 'editions-file');
    const changeCount = languages.reduce((sum, lang) => sum + (entry.changes?.[lang]?.length ?? 0), 0);
    if (changeCount === 0) {
      report(file, 'error', `edition ${expected} has no \`changes\`: list, for each language version that changed, the blocks and notes changed, what and why`, placeOf([index, 'edition']), 'editions-file');
    }
    const before = entries[index - 1];
    if (entry.date < before.date) {
      const { line, column } = placeOf([index - 1, 'date']);
      report(file, 'error', `edition ${expected} is dated ${entry.date}, earlier than edition ${index} (${before.date}, line ${line}:${column}); an edition is published no earlier than the one before`, placeOf([index, 'date']), 'edition-date-order');
    }
  });
  if (!numbered) return { ...invalid, placeOf };
  return { records: entries.map((entry, index) => toRecord(entry, index, yaml)), file, valid: true, placeOf };
}

/**
 * Reads `editions.yaml` of the document folder `folder` (relative to `root`): edition 1 only when the
 * document has none. Never throws for a content problem.
 */
export async function loadEditions(root: string, folder: string): Promise<DocumentEditions> {
  const path = `${folder}/editions.yaml`;
  const read = await readContentFile(root, path).catch(() => undefined);
  if (!read) return noEditionsFile();
  if (!read.ok) return { records: firstEditionOnly(), file: read.file, valid: false, placeOf: () => start };
  try {
    return parseEditions(read.file);
  } catch (error) {
    reportFailure(read.file, error);
    return { records: firstEditionOnly(), file: read.file, valid: false, placeOf: () => start };
  } finally {
    read.file.value = '';
  }
}
