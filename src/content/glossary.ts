/**
 * Reading `content/glossary.yaml`: a mapping from entry ID to entry, each validated against the schema.
 * Valid entries are kept even when others are broken, so that every problem is reported in one run.
 */
import type { Point } from 'unist';
import { VFile } from 'vfile';
import { isMap, isScalar } from 'yaml';
import { checkCharacters } from './characters';
import { readContentFile } from './read';
import { report, reportFailure } from './report';
import { glossaryEntrySchema, slugPattern } from '../model/schema';
import type { GlossaryItem } from '../model/types';
import { parseYamlIn, reportSchemaIssues } from './yaml';

export interface LoadedGlossary {
  items: GlossaryItem[];
  /** Where each entry's ID is written. */
  places: Map<string, Point>;
  /** False when the file is missing or is not a YAML mapping: mentions cannot be checked against it. */
  loaded: boolean;
}

export function parseGlossary(file: VFile): LoadedGlossary {
  const items: GlossaryItem[] = [];
  const places = new Map<string, Point>();
  checkCharacters(file);
  const yaml = parseYamlIn(file, String(file.value), 1);
  if (!yaml) return { items, places, loaded: false };
  const contents = yaml.document.contents;
  if (!isMap(contents)) {
    report(file, 'error', 'the glossary must be a mapping from entry ID to entry', { line: 1, column: 1 }, 'glossary-schema');
    return { items, places, loaded: false };
  }
  const data = yaml.data as Record<string, unknown>;
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const place = yaml.pointAt(isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0);
    if (!slugPattern.test(key)) {
      report(file, 'error', `\`${key}\` is not a valid glossary ID: use lowercase ASCII letters, digits and inner hyphens`, place, 'glossary-schema');
      continue;
    }
    places.set(key, place);
    const result = glossaryEntrySchema.safeParse(data[key]);
    if (!result.success) {
      reportSchemaIssues(file, yaml, result.error.issues, [key], 'glossary-schema');
      continue;
    }
    items.push({ id: key, ...result.data });
  }
  return { items, places, loaded: true };
}

/** Path of the glossary, relative to the project root. */
const glossaryPath = 'content/glossary.yaml';

/** The glossary as loaded, and its file with its messages. */
export interface LoadedGlossaryFile {
  glossary: LoadedGlossary;
  file: VFile;
}

/**
 * Reads `content/glossary.yaml` and validates its entries. A missing file is an error on a file of
 * that name, so that it is reported like any other problem.
 */
export async function loadGlossary(root: string): Promise<LoadedGlossaryFile> {
  const read = await readContentFile(root, glossaryPath).catch(() => undefined);
  if (!read) {
    const file = new VFile({ path: glossaryPath, cwd: root });
    report(file, 'error', 'the glossary file is missing', { line: 1, column: 1 }, 'glossary-schema');
    return { glossary: { items: [], places: new Map(), loaded: false }, file };
  }
  let glossary: LoadedGlossary = { items: [], places: new Map(), loaded: false };
  try {
    if (read.ok) glossary = parseGlossary(read.file);
  } catch (error) {
    reportFailure(read.file, error);
  }
  return { glossary, file: read.file };
}
