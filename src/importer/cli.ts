/**
 * `npm run import -- FILE --slug SLUG --lang ru --issuer "…" [--url URL] [--out PATH|-] [--force]`
 * Imports a plain-text communiqué as the source file of a new document.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { isLanguage, languages } from '../content/languages';
import { decodeUtf8 } from '../content/read';
import { slugPattern } from '../content/schema';
import { ImportError, importPlainText } from './import-text';

const usage = 'usage: npm run import -- FILE --slug SLUG --lang LANG --issuer "ISSUING BODY" [--url URL] [--out PATH|-] [--force]';

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        slug: { type: 'string' },
        lang: { type: 'string' },
        issuer: { type: 'string' },
        url: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('give exactly one text file to import');
  const { slug, lang, issuer, url } = values;
  if (!slug || !slugPattern.test(slug)) throw new UsageError('--slug is required: lowercase ASCII letters, digits and inner hyphens, e.g. 2019-05-30-japan-russia-2plus2');
  if (!isLanguage(lang)) throw new UsageError(`--lang is required: one of ${languages.join(', ')}`);
  if (!issuer?.trim()) throw new UsageError('--issuer is required: the body that issued the text');
  if (url !== undefined && !/^https?:\/\/\S+$/.test(url)) throw new UsageError('--url must be an http or https address');

  const input = positionals[0];
  let bytes: Buffer;
  try {
    bytes = await readFile(input);
  } catch {
    throw new UsageError(`cannot read ${input}`);
  }
  const { text, invalid } = decodeUtf8(bytes);
  if (invalid) throw new ImportError(`${input}:${invalid.line}:${invalid.column}: the file is not valid UTF-8`, invalid.line);
  let markdown: string;
  try {
    markdown = importPlainText(text, { lang, issuer: issuer.trim(), url });
  } catch (error) {
    if (error instanceof ImportError) throw new ImportError(`${input}:${error.line}:1: ${error.message}`, error.line);
    throw error;
  }
  const out = values.out ?? join('content', 'documents', slug, `${lang}.md`);
  if (out === '-') {
    process.stdout.write(markdown);
    return;
  }
  if (existsSync(out) && !values.force) throw new UsageError(`${out} exists; use --force to replace it`);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, markdown);
  process.stderr.write(`wrote ${out}; next: mark mentions and notes, then run npm run check\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) process.stderr.write(`import: ${error.message}\n${usage}\n`);
  else if (error instanceof ImportError) process.stderr.write(`import: ${error.message}\n`);
  else process.stderr.write(`import: failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
