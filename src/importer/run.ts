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
import { knownPlaces, readSourceOf, type TranslatedDocument } from './source';

export const usage =
  'usage: npm run import -- FILE (--slug SLUG | --translation-of SLUG) --lang ru|ja|en --issuer "ISSUING BODY" [--date YYYY-MM-DD] [--place PLACE] [--encoding LABEL] [--url URL] [--unofficial --translator WHO --method HOW] [--out PATH|-] [--force]  (--help for more)';

/** What `--help` prints: every option, and where the format is described. */
export const help = `${usage}

Imports the plain text of a release as a document file with proposed block IDs, one sentence a line.
Writes nothing unless the file passes npm run check; every problem is printed as path:line:col.

  FILE                   the text to import (UTF-8, or --encoding)
  --slug SLUG            import it as the source of the document SLUG (content/documents/SLUG/)
  --translation-of SLUG  import it as a translation of the document SLUG, which has its source: its
                         blocks take the source's IDs by structure (sections, subsections, paragraphs
                         in order); what cannot be matched is reported and nothing is written
  --lang ru|ja|en        the language of the text
  --issuer "…"           the body that issued it (provenance.issuer)
  --date YYYY-MM-DD      the date, when the text has no date line (wins over the date line)
  --place PLACE          the place, in the text's language; without it, the date line's place, else a
                         place the opening names (東京において, "in Tokyo", «в Токио»), and the command
                         says where it read it
  --encoding LABEL       shift_jis, euc-jp, windows-1251, koi8-r, utf-16le…
  --url URL              where the issuer published it (provenance.url)
  --unofficial           with --translation-of: a translation not published by the issuer; needs
  --translator WHO       who translated it, and
  --method HOW           how it was made and checked
  --out PATH | --out -   where to write (default content/documents/SLUG/LANG.md); - prints it
  --force                replace an existing file
  --help                 this text

The format and what the importer reads: docs/content-format.md ("Importing a release").
`;

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
        'translation-of': { type: 'string' },
        unofficial: { type: 'boolean', default: false },
        translator: { type: 'string' },
        method: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help' as const;
  if (positionals.length !== 1) throw new UsageError('give exactly one text file to import');
  const { lang, issuer, date, place, encoding, url, translator, method } = values;
  const translationOf = values['translation-of'];
  if (translationOf !== undefined && values.slug !== undefined) throw new UsageError('give --slug (a new document) or --translation-of (a translation of an existing one), not both');
  const slug = translationOf ?? values.slug;
  const slugOption = translationOf !== undefined ? '--translation-of' : '--slug';
  if (!slug || !slugPattern.test(slug)) {
    const given = slug === undefined ? 'is required' : `"${slug}" is not a slug`;
    throw new UsageError(`${slugOption} ${given}: lowercase ASCII letters, digits and inner hyphens, e.g. 2019-05-30-japan-russia-2plus2`);
  }
  if (values.unofficial && translationOf === undefined) throw new UsageError('--unofficial goes with --translation-of: a source is the issuer\'s text');
  if (values.unofficial && (!translator?.trim() || !method?.trim())) throw new UsageError('--unofficial needs --translator "WHO" and --method "HOW IT WAS MADE AND CHECKED"');
  if (!isLanguage(lang)) throw new UsageError(`--lang ${lang === undefined ? 'is required' : `"${lang}" is not a language`}: one of ${languages.join(', ')}`);
  if (!issuer?.trim()) throw new UsageError('--issuer is required: the body that issued the text');
  if (date !== undefined && !frontMatterSchema.shape.date.safeParse(date).success) throw new UsageError(`--date "${date}" is not a calendar date written YYYY-MM-DD (such as 2019-05-30)`);
  if (place !== undefined && !place.trim()) throw new UsageError('--place must not be empty');
  if (encoding !== undefined) {
    try {
      new TextDecoder(encoding);
    } catch {
      throw new UsageError(`--encoding ${encoding} is not an encoding label (such as utf-8, shift_jis, euc-jp, windows-1251, utf-16le)`);
    }
  }
  if (url !== undefined && !/^https?:\/\/\S+$/.test(url)) throw new UsageError(`--url "${url}" is not an http or https address (such as https://www.example.org/page)`);
  return {
    input: positionals[0],
    slug,
    translationOf: translationOf !== undefined,
    out: values.out,
    force: values.force,
    encoding,
    options: {
      lang,
      issuer: issuer.trim(),
      url,
      date,
      place: place?.trim(),
      ...(values.unofficial ? { official: false, translator: translator?.trim(), method: method?.trim() } : {}),
    },
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
  if (args === 'help') {
    io.stdout(help);
    return 0;
  }
  const { input, slug, options } = args;
  let translated: TranslatedDocument | undefined;
  if (args.translationOf) {
    const read = await readSourceOf(io.cwd, slug);
    if (typeof read === 'string') {
      io.stderr(`import: ${read}\n${usage}\n`);
      return 1;
    }
    if (read.source.lang === options.lang) {
      io.stderr(`import: the source of ${slug} is already in ${options.lang} (${read.source.path}); a translation is in another language\n${usage}\n`);
      return 1;
    }
    if (read.editions && !read.editions.copied) {
      const { current } = read.editions;
      io.stderr(
        `import: ${slug} has editions, and a new language version makes edition ${current + 1}: first copy the current text to ` +
          `content/documents/${slug}/editions/${current}/ (docs/content-format.md, "Making a new edition, step by step", step 1), then import again; nothing written\n`,
      );
      return 1;
    }
    translated = read;
  }
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
  const result = importText(source, { ...options, knownPlaces: await knownPlaces(io.cwd, options.lang), ...(translated ? { translationOf: translated.source } : {}) });
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
  if (result.placeFound) {
    const { written, line, fromGlossary } = result.placeFound;
    io.stderr(`import: the place, ${result.frontMatter.place}, is read from the text (${input}:${line}: "${written}"${fromGlossary ? ', a place of the glossary' : ''}); give --place to set another\n`);
  }
  if (translated) {
    io.stderr(`import: a translation of ${slug}, whose source is ${translated.source.path}: its blocks take the source's IDs (${result.blocks.length} of ${translated.source.blocks.length} matched)\n`);
  }
  if (translated?.editions && !toStdout) {
    const next = translated.editions.current + 1;
    io.stderr(
      `import: ${slug} has editions: record this language version as edition ${next} in content/documents/${slug}/editions.yaml ` +
        `(its date, summary and changes: docs/content-format.md, "Making a new edition, step by step", step 3), then run npm run check\n`,
    );
  }
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
