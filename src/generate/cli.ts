/**
 * `npm run generate`: writes a test archive of generated documents, for the bench and the tests.
 * Never committed or published: the default folder is gitignored.
 *
 *   npm run generate -- --docs N [--out DIR] [--seed S] [--entries K]
 *
 * DIR (default .generated) gets content/ as `npm run check -- DIR` and `npm run content -- DIR` read
 * it. A wrong option is named with the usage, and the exit code is 2.
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultOut, firstDocumentLength, GenerateError, writeArchive } from './write';

const usage = `usage: npm run generate -- --docs N [--out DIR] [--seed S] [--entries K]   (DIR: default ${defaultOut}; S: an integer, default 1; K: the entries of each kind the documents draw from, default all)`;

function wholeNumber(value: string | undefined, option: string, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new GenerateError(`--${option} is required`);
    return fallback;
  }
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw new GenerateError(`--${option} must be a whole number, not ${JSON.stringify(value)}`);
  return Number(value);
}

function main(): void {
  let values: { docs?: string; out?: string; seed?: string; entries?: string };
  try {
    ({ values } = parseArgs({ args: process.argv.slice(2), options: { docs: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' }, entries: { type: 'string' } } }));
  } catch (error) {
    throw new GenerateError(error instanceof Error ? error.message : String(error));
  }
  const docs = wholeNumber(values.docs, 'docs');
  if (docs < 1) throw new GenerateError('--docs must be at least 1');
  const seed = wholeNumber(values.seed, 'seed', 1);
  const entries = values.entries === undefined ? undefined : wholeNumber(values.entries, 'entries');
  if (entries !== undefined && entries < 1) throw new GenerateError('--entries must be at least 1');
  const out = values.out ?? defaultOut;
  const started = performance.now();
  const baseLength = firstDocumentLength(process.cwd());
  const written = writeArchive(out, { docs, seed, ...(entries === undefined ? {} : { entries }), ...(baseLength === undefined ? {} : { baseLength }) });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `generated ${written.documents} documents (${written.partial} without one translation) and ${written.entries} glossary entries in ${relative(process.cwd(), out) || '.'}/content/ (seed ${seed}, ${seconds} s)\n` +
      `check it: npm run check -- ${out}\n`,
  );
}

try {
  main();
} catch (error) {
  if (error instanceof GenerateError) {
    process.stderr.write(`generate: ${error.message}\n${usage}\n`);
  } else {
    process.stderr.write(`generate: could not run: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exitCode = 2;
}
