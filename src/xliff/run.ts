/**
 * `npm run xliff -- export SLUG --lang LANG --format 2.1|1.2 --out FILE` and `npm run xliff -- import
 * FILE`: a translation out to a translation tool as XLIFF and back (docs/xliff.md). The whole command as
 * a function of its arguments, so that it can be tested without a process; `./cli.ts` runs it.
 *
 * An import writes nothing unless every unit comes back whole; it then replaces the translation
 * atomically (a temporary file renamed over it). Every problem is one line naming the file and the
 * unit, and the exit code is 1; never a stack trace.
 */
import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { VFile } from 'vfile';
import { parseGlossary } from '../content/glossary';
import { isLanguage, languages, type Language } from '../model/languages';
import { slugPattern } from '../model/schema';
import { buildUnits, mergeXliff, parseXliff, readMarkdownFile, writeXliff, XliffError, xliffFormats, type XliffFormat } from '../exports/xliff';

export const usage = `usage:
  npm run xliff -- export SLUG --lang ja|en|ru --format 2.1|1.2 --out FILE|-
  npm run xliff -- import FILE [--format 2.1|1.2]

export  writes the translation content/documents/SLUG/LANG.md against its source as XLIFF 2.1 (default)
        or 1.2: a unit per block, a segment per sentence, mentions and note anchors as inline codes,
        each segment's state. \`--out -\` prints it.
import  reads an XLIFF file made by export (and edited in a translation tool) back into the file it
        names (its <file original="…">): every unit and segment must come back, with the same source and
        the same inline codes; nothing is written otherwise. \`--format\` refuses a file of the other format.
        Run \`npm run check\` afterwards.
options: --root DIR (the project folder; default the current one), --help
See docs/xliff.md.`;

export interface XliffIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

class UsageError extends Error {}

/** Writes `text` to `path` through a temporary file in the same folder, renamed over it. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${process.pid}-${Date.now()}.xliff-tmp`);
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

interface DocumentFiles {
  sourcePath: string;
  targetPath: string;
  sourceText: string;
  targetText: string;
}

async function documentFiles(root: string, slug: string, lang: Language): Promise<DocumentFiles> {
  const folder = `content/documents/${slug}`;
  if (!slugPattern.test(slug) || !existsSync(join(root, folder))) throw new XliffError(`${folder}: no such document`);
  const targetPath = `${folder}/${lang}.md`;
  if (!existsSync(join(root, targetPath))) {
    throw new XliffError(`${targetPath}: the document has no ${lang} version yet; start one (every line \`:untranslated\`, as \`npm run translate\` makes it), then export it`);
  }
  for (const candidate of languages) {
    const path = `${folder}/${candidate}.md`;
    if (!existsSync(join(root, path))) continue;
    const text = await readFile(join(root, path), 'utf8');
    if (/^role:\s*source\s*$/m.test(text.slice(0, text.indexOf('\n---', 3) + 1))) {
      return { sourcePath: path, targetPath, sourceText: text, targetText: await readFile(join(root, targetPath), 'utf8') };
    }
  }
  throw new XliffError(`${folder}: no file of the document has \`role: source\``);
}

const formatOption = (value: string | undefined): XliffFormat | undefined => {
  if (value === undefined) return undefined;
  if (!xliffFormats.includes(value as XliffFormat)) throw new UsageError(`--format ${value}: write 2.1 or 1.2`);
  return value as XliffFormat;
};

async function runExport(positionals: string[], values: Record<string, string | boolean | undefined>, root: string, io: XliffIo): Promise<number> {
  if (positionals.length !== 1) throw new UsageError('export takes one document slug');
  const lang = values.lang;
  if (typeof lang !== 'string' || !isLanguage(lang)) throw new UsageError(`--lang must be one of ${languages.join(', ')}`);
  const out = values.out;
  if (typeof out !== 'string') throw new UsageError('--out FILE (or --out - to print) is required');
  const format = formatOption(values.format as string | undefined) ?? '2.1';
  const files = await documentFiles(root, positionals[0], lang);
  const source = readMarkdownFile(files.sourceText, files.sourcePath);
  const target = readMarkdownFile(files.targetText, files.targetPath);
  if (target.lang !== lang) throw new XliffError(`${files.targetPath}: its front matter says lang: ${target.lang}`);
  const glossaryText = await readFile(join(root, 'content/glossary.yaml'), 'utf8');
  const glossary = parseGlossary(new VFile({ path: 'content/glossary.yaml', value: glossaryText })).items;
  const units = buildUnits(source, target, { source: files.sourcePath, target: files.targetPath });
  const xml = writeXliff({ format, original: files.targetPath, source, target, units, glossary });
  if (out === '-') {
    io.stdout(xml);
  } else {
    await writeAtomically(resolve(io.cwd, out), xml);
    const segments = units.reduce((sum, unit) => sum + unit.segments.length, 0);
    const open = units.reduce((sum, unit) => sum + unit.segments.filter((segment) => segment.state === 'initial').length, 0);
    io.stdout(`xliff: wrote ${out} (XLIFF ${format}, ${source.lang} → ${lang}): ${units.length} units, ${segments} segments, ${open} untranslated\n`);
  }
  return 0;
}

async function runImportOf(positionals: string[], values: Record<string, string | boolean | undefined>, root: string, io: XliffIo): Promise<number> {
  if (positionals.length !== 1) throw new UsageError('import takes one XLIFF file');
  const format = formatOption(values.format as string | undefined);
  const path = resolve(io.cwd, positionals[0]);
  if (!existsSync(path)) throw new XliffError('no such file');
  const parsed = parseXliff(await readFile(path, 'utf8'));
  if (format && parsed.format !== format) throw new XliffError(`the file is XLIFF ${parsed.format}, not ${format} as --format says`);
  const original = /^content\/documents\/([a-z0-9]+(?:-[a-z0-9]+)*)\/(ru|ja|en)\.md$/.exec(parsed.original);
  if (!original) throw new XliffError(`<file original="${parsed.original}"> does not name a language version (content/documents/SLUG/LANG.md): was this file made by npm run xliff -- export?`);
  const files = await documentFiles(root, original[1], original[2] as Language);
  const source = readMarkdownFile(files.sourceText, files.sourcePath);
  const target = readMarkdownFile(files.targetText, files.targetPath);
  const result = mergeXliff(parsed, source, target, { source: files.sourcePath, target: files.targetPath });
  if (result.text === files.targetText) {
    io.stdout(`xliff: ${files.targetPath} is unchanged\n`);
    return 0;
  }
  await writeAtomically(join(root, files.targetPath), result.text);
  io.stdout(`xliff: wrote ${files.targetPath}: ${result.changed.length} segments changed${result.changed.length ? ` (${result.changed.join(', ')})` : ''}, ${result.states.length} states changed; run npm run check\n`);
  return 0;
}

export async function runXliff(argv: string[], io: XliffIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help' || rest.includes('--help')) {
      io.stdout(`${usage}\n`);
      return command === undefined ? 1 : 0;
    }
    let parsed;
    try {
      parsed = parseArgs({ args: rest, allowPositionals: true, options: { lang: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, root: { type: 'string' } } });
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    const root = resolve(io.cwd, parsed.values.root ?? '.');
    if (command === 'export') return await runExport(parsed.positionals, parsed.values, root, io);
    if (command === 'import') return await runImportOf(parsed.positionals, parsed.values, root, io);
    throw new UsageError(`unknown command \`${command}\`: export or import`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`xliff: ${error.message}\n${usage}\n`);
      return 1;
    }
    if (error instanceof XliffError) {
      const where = command === 'import' && argv[1] && !argv[1].startsWith('-') ? `${argv[1]}: ` : '';
      io.stderr(`${where}error: ${error.message}\nxliff: nothing written\n`);
      return 1;
    }
    throw error;
  }
}
