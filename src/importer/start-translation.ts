/**
 * `npm run translate -- SLUG --lang LANG [options]`: starts a new language version of a document from
 * its source. The file has the source's blocks, with the same IDs, kinds and sentence lines, every line
 * `:untranslated` (docs/content-format.md, "Untranslated text"), and every note with the body
 * `:untranslated`; its front matter is filled in with what is known (date, language, role, participants,
 * `official: false`) and what the options give. What no option gave and the validator requires is left
 * out, and the check printed after writing names it. The whole command as a function of its
 * arguments, so that it can be tested without a process; `./translate-cli.ts` runs it.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Document, isSeq } from 'yaml';
import { formatReport } from '../model/format';
import { hasErrors } from '../model/report';
import { isLanguage, languageNames, languages, type Language } from '../model/languages';
import { slugPattern } from '../model/schema';
import type { Block, DocumentText } from '../model/types';
import { createProcessor } from '../pipeline';
import { loadDocument } from '../pipeline/process';
import { checkImport } from './check-import';
import { parseCommandLine, UsageError } from './command';

export const translateUsage =
  'usage: npm run translate -- SLUG --lang ru|ja|en [--title TITLE] [--place PLACE] [--issuer ISSUER] [--translator WHO] [--method HOW] [--out PATH|-]';

const help = `${translateUsage}

Starts the LANG version of the document content/documents/SLUG/ from its source text: the same
block IDs and sentence lines, each line \`:untranslated\`, and each note's body \`:untranslated\`.
Replace each \`:untranslated\` line by the sentence it stands for; until then the reader shows the
source there, marked as not yet translated. The front matter gets the source's date and participants,
\`role: translation\` and \`official: false\`; the options fill in the rest:

  --title TITLE        the title in LANG (left out: the title is untranslated)
  --place PLACE        the place, in LANG (required by npm run check)
  --issuer ISSUER      the issuing body, as LANG names it (required)
  --translator WHO     who translates (required for an unofficial translation)
  --method HOW         how the translation is made and checked (required)
  --out PATH|-         where to write (default content/documents/SLUG/LANG.md); - prints it
  --help               this text

What is still missing is printed after writing, as npm run check prints it. See
docs/translators-guide.md.
`;

export interface TranslateIo {
  /** The project folder: `content/` is in it, and relative paths start from it. */
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

interface Arguments {
  slug: string;
  lang: Language;
  out?: string;
  title?: string;
  place?: string;
  issuer?: string;
  translator?: string;
  method?: string;
}

/** A value given to an option, trimmed; an option given empty is refused. */
function optional(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!value.trim()) throw new UsageError(`--${name} must not be empty`);
  return value.trim();
}

function parse(argv: string[]): Arguments | 'help' {
  const parsed = parseCommandLine(argv, {
    lang: { type: 'string' },
    title: { type: 'string' },
    place: { type: 'string' },
    issuer: { type: 'string' },
    translator: { type: 'string' },
    method: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', default: false },
  });
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new UsageError('give exactly one document, by its slug (its folder name in content/documents/)');
  const [slug] = positionals;
  if (!slugPattern.test(slug)) throw new UsageError(`\`${slug}\` is not a slug: lowercase ASCII letters, digits and inner hyphens, e.g. 2019-05-30-japan-russia-2plus2`);
  const { lang } = values;
  if (lang === undefined) throw new UsageError(`--lang is required: the language of the new version, one of ${languages.join(', ')}`);
  if (!isLanguage(lang)) throw new UsageError(`--lang ${lang} is not a language of the archive: one of ${languages.join(', ')}`);
  return {
    slug,
    lang,
    out: values.out,
    title: optional('title', values.title),
    place: optional('place', values.place),
    issuer: optional('issuer', values.issuer),
    translator: optional('translator', values.translator),
    method: optional('method', values.method),
  };
}

/** The number of a sentence within its block: `s1-p2.3a` → `3a`. */
const sentenceNumber = (id: string) => id.slice(id.lastIndexOf('.') + 1);

/**
 * The lines of a block not yet translated: one `:untranslated` per source sentence, with a marker
 * where the number a line takes by itself (the one after the previous line's) is not the source's
 * (after `{.2a}`), and the block ID on the last.
 */
function untranslatedBlock(block: Block, title: string | undefined): string {
  const prefix = block.kind === 'heading' ? `${'#'.repeat(block.depth)} ` : '';
  if (block.id === 'title' && title !== undefined && block.sentences.length <= 1) return `${prefix}${title} {#${block.id}}`;
  let previous = 0;
  const lines = block.sentences.map((sentence) => {
    const number = sentenceNumber(sentence.ids[0] ?? '');
    const marker = number === String(previous + 1) ? '' : ` {.${number}}`;
    previous = Number.parseInt(number, 10);
    return `:untranslated${marker}`;
  });
  if (lines.length === 0) lines.push(':untranslated');
  lines[lines.length - 1] += ` {#${block.id}}`;
  return `${prefix}${lines.join('\n')}`;
}

/** The Markdown of the new version: front matter, the source's blocks untranslated, its notes untranslated. */
export function startTranslation(source: DocumentText, args: Omit<Arguments, 'slug' | 'out'>): string {
  const { date, participants } = source.frontMatter;
  const provenance = { issuer: args.issuer, official: false, translator: args.translator, method: args.method };
  const frontMatter = {
    title: args.title,
    date,
    place: args.place,
    lang: args.lang,
    role: 'translation',
    participants,
    provenance: Object.fromEntries(Object.entries(provenance).filter(([, value]) => value !== undefined)),
  };
  const given = Object.fromEntries(Object.entries(frontMatter).filter(([, value]) => value !== undefined));
  const missing = [args.place ? '' : 'place', args.issuer ? '' : 'provenance.issuer', args.translator ? '' : 'provenance.translator', args.method ? '' : 'provenance.method'].filter(Boolean);
  const comment = [
    `# Started from ${source.lang}.md by npm run translate.`,
    ...(missing.length > 0 ? [`# Still to fill in: ${missing.join(', ')}.`] : []),
    ...(args.title === undefined ? ['# Add `title:` once the title is translated.'] : []),
  ];
  const blocks = source.blocks.map((block) => untranslatedBlock(block, args.title));
  const notes = source.notes.map((note) => `:::note{#${note.id} kind=${note.kind}}\n:untranslated\n:::`);
  // Participants as the content writes them, on one line: `[kono-taro, iwaya-takeshi]`.
  const yaml = new Document(given);
  const list = yaml.get('participants', true);
  if (isSeq(list)) list.flow = true;
  return `---\n${comment.join('\n')}\n${yaml.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n\n${[...blocks, ...notes].join('\n\n')}\n`;
}

/** The documents of `content/documents/` whose slugs look most like `slug`, for a refusal. */
async function nearSlugs(cwd: string, slug: string): Promise<string[]> {
  const shared = (other: string) => [...other].findIndex((character, index) => character !== slug[index]);
  try {
    const names = (await readdir(join(cwd, 'content', 'documents'))).filter((name) => slugPattern.test(name));
    return names.sort((a, b) => shared(b) - shared(a) || (a < b ? -1 : 1)).slice(0, 3);
  } catch {
    return [];
  }
}

/** Runs the command; resolves with the exit code. Never throws for a problem of the arguments or the content. */
export async function runTranslate(argv: string[], io: TranslateIo): Promise<number> {
  let args;
  try {
    args = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`translate: ${error.message}\n${translateUsage}\n`);
    return 1;
  }
  if (args === 'help') {
    io.stdout(help);
    return 0;
  }
  const { slug, lang } = args;
  const folder = join('content', 'documents', slug);
  if (!existsSync(join(io.cwd, folder))) {
    const near = await nearSlugs(io.cwd, slug);
    io.stderr(`translate: there is no document \`${slug}\` (no folder ${folder}/)${near.length > 0 ? `; documents with a similar name: ${near.join(', ')}` : ''}\n`);
    return 1;
  }
  const target = join(folder, `${lang}.md`);
  if (existsSync(join(io.cwd, target))) {
    io.stderr(`translate: ${target} exists: the document already has its ${languageNames[lang].en} version; edit that file (its \`:untranslated\` lines) instead\n`);
    return 1;
  }
  const loaded = await loadDocument(createProcessor(), io.cwd, slug);
  const source = loaded.document.texts[loaded.document.source];
  const sourceFile = loaded.byLanguage[loaded.document.source];
  if (!source || source.frontMatter.role !== 'source' || (sourceFile && hasErrors([sourceFile]))) {
    const files = loaded.files.filter((file) => file.messages.length > 0);
    if (files.length > 0) io.stderr(`${formatReport(files)}\n`);
    io.stderr(`translate: ${folder}/ has no source text that passes the check: a translation starts from the source (see above)\n`);
    return 1;
  }
  const markdown = startTranslation(source, args);
  const out = args.out ?? target;
  const checked = await checkImport(markdown, { path: out === '-' ? target : out, lang, slug, cwd: io.cwd });
  const report = checked.filter((file) => file.messages.length > 0);
  if (out === '-') {
    io.stdout(markdown);
  } else {
    const path = resolve(io.cwd, out);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, markdown);
    const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
    io.stderr(`translate: wrote ${out}: ${count(source.blocks.length, 'block')} and ${count(source.notes.length, 'note')} of ${source.path}, every line :untranslated\n`);
  }
  if (report.length > 0) io.stderr(`${formatReport(report, checked.length)}\n`);
  const toFill = hasErrors(checked) ? 'fill in the fields named above, ' : '';
  io.stderr(`translate: next: ${toFill}replace each :untranslated line by its translation, and run npm run check\n`);
  return 0;
}
