/**
 * `npm run import -- FILE --slug SLUG --lang ru|ja|en --issuer "…" [--date YYYY-MM-DD] [--place PLACE]
 * [--url URL] [--out PATH|-] [--force]`: imports a plain-text release as the source file of a new
 * document. Problems of the text are printed compiler-style and nothing is written.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { isLanguage, languages } from '../content/languages';
import { VFile } from 'vfile';
import { formatReport } from '../check/format';
import { hasErrors } from '../content/load';
import { decodeUtf8 } from '../content/read';
import { frontMatterSchema, slugPattern } from '../content/schema';
import { importText } from './import-text';

const usage = 'usage: npm run import -- FILE --slug SLUG --lang ru|ja|en --issuer "ISSUING BODY" [--date YYYY-MM-DD] [--place PLACE] [--url URL] [--out PATH|-] [--force]';

class UsageError extends Error {}

/** Problems of the input text, already printed compiler-style. */
class InputError extends Error {}

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
        date: { type: 'string' },
        place: { type: 'string' },
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
  const { slug, lang, issuer, date, place, url } = values;
  if (!slug || !slugPattern.test(slug)) throw new UsageError('--slug is required: lowercase ASCII letters, digits and inner hyphens, e.g. 2019-05-30-japan-russia-2plus2');
  if (!isLanguage(lang)) throw new UsageError(`--lang is required: one of ${languages.join(', ')}`);
  if (!issuer?.trim()) throw new UsageError('--issuer is required: the body that issued the text');
  if (date !== undefined && !frontMatterSchema.shape.date.safeParse(date).success) throw new UsageError('--date must be a calendar date written YYYY-MM-DD');
  if (place !== undefined && !place.trim()) throw new UsageError('--place must not be empty');
  if (url !== undefined && !/^https?:\/\/\S+$/.test(url)) throw new UsageError('--url must be an http or https address');

  const input = positionals[0];
  let bytes: Buffer;
  try {
    bytes = await readFile(input);
  } catch {
    throw new UsageError(`cannot read ${input}`);
  }
  const { text, invalid } = decodeUtf8(bytes);
  if (invalid) throw new UsageError(`${input}:${invalid.line}:${invalid.column}: the file is not valid UTF-8`);
  const source = new VFile({ path: input, value: text });
  const result = importText(source, { lang, issuer: issuer.trim(), url, date, place: place?.trim() });
  if (source.messages.length > 0) process.stderr.write(`${formatReport([source])}\n`);
  if (!result || hasErrors([source])) throw new InputError();
  const markdown = result.markdown;
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
  else if (error instanceof InputError) process.stderr.write('import: nothing written\n');
  else process.stderr.write(`import: failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
