/**
 * Writes a generated archive to disk: `<out>/content/glossary.yaml` and
 * `<out>/content/documents/<slug>/{ru,ja,en}.md`, the layout `npm run check -- <out>` and
 * `npm run content -- <out>` read, and a marker file that lets a later run replace the folder (and
 * only a folder it wrote).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDocument, glossaryUniverse, glossaryYaml, textLength, type GenerateOptions } from './archive';

/** The file that marks a folder as a generated archive, with the options it was made with. */
export const markerName = '.generated-archive.json';

/** The folder `npm run generate` writes to when given no `--out` (gitignored). */
export const defaultOut = '.generated';

export class GenerateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GenerateError';
  }
}

/**
 * The length the generated documents vary around: the first document of `root`'s content/ (its
 * source text, without notes), or undefined when there is none.
 */
export function firstDocumentLength(root: string): number | undefined {
  const documents = join(root, 'content', 'documents');
  if (!existsSync(documents)) return undefined;
  const first = readdirSync(documents, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()[0];
  if (!first) return undefined;
  for (const name of readdirSync(join(documents, first))) {
    if (!name.endsWith('.md')) continue;
    const text = readFileSync(join(documents, first, name), 'utf8');
    if (/^role:\s*source\s*$/m.test(text)) return textLength(text);
  }
  return undefined;
}

export interface WrittenArchive {
  documents: number;
  entries: number;
  /** Documents written without one of their translations. */
  partial: number;
  files: number;
}

/** Writes the archive into `out`, replacing an archive generated there before; refuses any other non-empty folder. */
export function writeArchive(out: string, options: GenerateOptions): WrittenArchive {
  if (existsSync(out)) {
    const entries = readdirSync(out);
    if (entries.length > 0 && !entries.includes(markerName)) {
      throw new GenerateError(`${out} is not empty and was not written by npm run generate: give another --out, or remove it`);
    }
    rmSync(out, { recursive: true, force: true });
  }
  const documents = join(out, 'content', 'documents');
  mkdirSync(documents, { recursive: true });
  const universe = glossaryUniverse(options.entries);
  const used = new Set<string>();
  let [partial, files] = [0, 2];
  for (let index = 1; index <= options.docs; index++) {
    const document = generateDocument(index, universe, options);
    const folder = join(documents, document.slug);
    mkdirSync(folder);
    const written = Object.entries(document.files);
    for (const [language, text] of written) writeFileSync(join(folder, `${language}.md`), text);
    if (written.length < 3) partial++;
    files += written.length;
    for (const id of document.entries) used.add(id);
  }
  writeFileSync(join(out, 'content', 'glossary.yaml'), glossaryYaml(universe, used));
  writeFileSync(join(out, markerName), `${JSON.stringify({ ...options, generator: 'npm run generate' }, null, 2)}\n`);
  return { documents: options.docs, entries: used.size, partial, files };
}
