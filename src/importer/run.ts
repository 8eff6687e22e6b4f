/**
 * `npm run import -- FILE --slug SLUG --lang LANG --issuer "…" [options]`: imports a plain-text release
 * as the source file of a document. The whole command as a function of its arguments, so that it can
 * be tested without a process; `./cli.ts` runs it.
 *
 * It writes nothing unless the file it would write passes the project's check (`./check-import.ts`);
 * every problem, in the input or in the output, is printed compiler-style (`path:line:col: severity
 * message [rule-id]`) and the exit code is 1.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { VFile } from 'vfile';
import { formatReport } from '../model/format';
import { hasErrors } from '../model/report';
import { isLanguage, languages } from '../model/languages';
import { frontMatterSchema, slugPattern } from '../model/schema';
import { report } from './report';
import { checkImport } from './check-import';
import { decodeText } from './decode';
import { importText, type ImportResult } from './import-text';
import { describeLayout } from './layout';

export const usage =
  'usage: npm run import -- FILE --slug SLUG --lang ru|ja|en --issuer "ISSUING BODY" [--date YYYY-MM-DD] [--place PLACE] [--encoding LABEL] [--url URL] [--out PATH|-] [--force]';

export interface ImportIo {
  /** The folder that relative paths start from. */
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

class UsageError extends Error {}

function parse(argv: string[]) {
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
        encoding: { type: 'string' },
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
  const { slug, lang, issuer, date, place, encoding, url } = values;
  if (!slug || !slugPattern.test(slug)) throw new UsageError('--slug is required: lowercase ASCII letters, digits and inner hyphens, e.g. 2019-05-30-japan-russia-2plus2');
  if (!isLanguage(lang)) throw new UsageError(`--lang is required: one of ${languages.join(', ')}`);
  if (!issuer?.trim()) throw new UsageError('--issuer is required: the body that issued the text');
  if (date !== undefined && !frontMatterSchema.shape.date.safeParse(date).success) throw new UsageError('--date must be a calendar date written YYYY-MM-DD');
  if (place !== undefined && !place.trim()) throw new UsageError('--place must not be empty');
  if (encoding !== undefined) {
    try {
      new TextDecoder(encoding);
    } catch {
      throw new UsageError(`--encoding ${encoding} is not an encoding label (such as utf-8, shift_jis, euc-jp, windows-1251, utf-16le)`);
    }
  }
  if (url !== undefined && !/^https?:\/\/\S+$/.test(url)) throw new UsageError('--url must be an http or https address');
  return {
    input: positionals[0],
    slug,
    out: values.out,
    force: values.force,
    encoding,
    options: { lang, issuer: issuer.trim(), url, date, place: place?.trim() },
  };
}

/** One line on what the importer found, so that a wrong guess is seen before the file is edited. */
function summary(input: string, result: ImportResult): string {
  const { blocks, frontMatter, layout } = result;
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  const sections = blocks.filter((block) => block.depth === 2).length;
  const subsections = blocks.filter((block) => block.depth === 3).length;
  const paragraphs = blocks.filter((block) => block.kind === 'paragraph' && block.id !== 'dateline').length;
  return (
    `read ${input}: ${frontMatter.date}, ${frontMatter.place}; ` +
    `${count(sections, 'section')}, ${count(subsections, 'subsection')}, ${count(paragraphs, 'paragraph')}; ${describeLayout(layout)}`
  );
}

/** Runs the import; resolves with the exit code. Never throws for a problem of the input or the arguments. */
export async function runImport(argv: string[], io: ImportIo): Promise<number> {
  let args;
  try {
    args = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`import: ${error.message}\n${usage}\n`);
    return 1;
  }
  const { input, slug, options } = args;
  let bytes: Buffer;
  try {
    bytes = await readFile(resolve(io.cwd, input));
  } catch {
    io.stderr(`import: cannot read ${input}\n${usage}\n`);
    return 1;
  }
  const source = new VFile({ path: input, cwd: io.cwd });
  const decoded = decodeText(bytes, args.encoding);
  if (decoded.problem) {
    const { reason, line, column, ruleId } = decoded.problem;
    report(source, 'error', reason, { line, column }, ruleId);
    io.stderr(`${formatReport([source])}\n`);
    return 1;
  }
  source.value = decoded.text;
  const result = importText(source, options);
  if (!result || hasErrors([source])) {
    io.stderr(`${formatReport([source])}\n`);
    return 1;
  }

  const out = args.out ?? join('content', 'documents', slug, `${options.lang}.md`);
  const toStdout = out === '-';
  const target = toStdout ? join('content', 'documents', slug, `${options.lang}.md`) : out;
  if (!toStdout && existsSync(resolve(io.cwd, out)) && !args.force) {
    io.stderr(`import: ${out} exists; use --force to replace it\n${usage}\n`);
    return 1;
  }
  const checked = await checkImport(result.markdown, { path: target, lang: options.lang, slug, cwd: io.cwd });
  const files = [source, ...checked];
  const messages = files.filter((file) => file.messages.length > 0);
  if (hasErrors(files)) {
    io.stderr(`${formatReport(messages, files.length)}\n`);
    io.stderr(`import: ${toStdout ? 'nothing printed' : `${out} not written`}: the file would not pass npm run check (see above)\n`);
    return 1;
  }
  if (messages.length > 0) io.stderr(`${formatReport(messages, files.length)}\n`);
  io.stderr(`import: ${summary(input, result)}\n`);
  if (toStdout) {
    io.stdout(result.markdown);
    return 0;
  }
  const path = resolve(io.cwd, out);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, result.markdown);
  io.stderr(`import: wrote ${out}; next: mark mentions and notes, then run npm run check\n`);
  return 0;
}
