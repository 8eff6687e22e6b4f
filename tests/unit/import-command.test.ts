/**
 * `npm run import` as a function of its arguments (src/importer/run.ts), in process: what it writes,
 * what it prints, its exit code, and that it never writes a file that `npm run check` would refuse.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as checkImportModule from '../../src/importer/check-import';
import * as run from '../../src/importer/run';
import { runImport, usage } from '../../src/importer/run';
import { encodeLegacy } from '../helpers/legacy-encoding';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'tests', 'fixtures', 'importer');
const slug = '2019-05-30-japan-russia-2plus2';

/** Runs the import in `cwd`, collecting what it prints. */
async function importIn(cwd: string, args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runImport(args, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

const workspace = () => mkdtemp(join(tmpdir(), 'import-command-'));
const fixture = (name: string) => join(fixtures, name, 'input.txt');

describe('runImport', () => {
  it('is what the command modules export', () => {
    expect(Object.keys(run).sort()).toEqual(['runImport', 'usage']);
    expect(Object.keys(checkImportModule).sort()).toEqual(['checkImport']);
  });

  it('writes content/documents/<slug>/<lang>.md for a Japanese release, and says what it found', async () => {
    const cwd = await workspace();
    const result = await importIn(cwd, [fixture('ja-mofa'), '--slug', slug, '--lang', 'ja', '--issuer', '甲国外務省', '--place', '甲市']);
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr:
        `import: read ${fixture('ja-mofa')}: 2019-05-30, 甲市; 2 sections, 6 subsections, 8 paragraphs; ` +
        'wrapped lines joined; paragraphs end at numbered headings, blank lines, indented lines\n' +
        `import: wrote content/documents/${slug}/ja.md; next: mark mentions and notes, then run npm run check\n`,
    });
    expect(await readFile(join(cwd, 'content', 'documents', slug, 'ja.md'), 'utf8')).toBe(await readFile(join(fixtures, 'ja-mofa', 'expected.md'), 'utf8'));
  });

  it('prints the Markdown with --out - and writes nothing', async () => {
    const cwd = await workspace();
    const result = await importIn(cwd, [fixture('en-release'), '--slug', slug, '--lang', 'en', '--issuer', 'Ministry of Foreign Affairs of Northland', '--out', '-']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(await readFile(join(fixtures, 'en-release', 'expected.md'), 'utf8'));
    expect(existsSync(join(cwd, 'content'))).toBe(false);
  });

  it('writes text that reads as a sentence marker with its brace escaped, and the file passes the check', async () => {
    const cwd = await workspace();
    const result = await importIn(cwd, [fixture('en-literal-markers'), '--slug', slug, '--lang', 'en', '--issuer', 'Ministry of Foreign Affairs of Japan']);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/\[sentence-/);
    expect(await readFile(join(cwd, 'content', 'documents', slug, 'en.md'), 'utf8')).toBe(await readFile(join(fixtures, 'en-literal-markers', 'expected.md'), 'utf8'));
  });

  it('reads another encoding when told, to the same result', async () => {
    const cwd = await workspace();
    const text = await readFile(fixture('ru-year-paragraph'), 'utf8');
    await writeFile(join(cwd, 'input.txt'), encodeLegacy(text, 'windows-1251'));
    const args = ['input.txt', '--slug', slug, '--lang', 'ru', '--issuer', 'Министерство иностранных дел Японии', '--out', '-'];
    const refused = await importIn(cwd, args);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^input\.txt:1:1: error the file is not UTF-8 \(byte 0xca cannot be decoded\); it looks like Windows-1251: give --encoding windows-1251, or save it as UTF-8 \[encoding\]$/m);
    const read = await importIn(cwd, [...args, '--encoding', 'windows-1251']);
    expect(read.code).toBe(0);
    expect(read.stdout).toBe(await readFile(join(fixtures, 'ru-year-paragraph', 'expected.md'), 'utf8'));
  });

  it('stops at a problem of the text, naming its line and column and the rule, and writes nothing', async () => {
    const cwd = await workspace();
    await writeFile(join(cwd, 'release.txt'), 'タイトル\n令和元年5月30日\n\n　本文です。\n');
    const result = await importIn(cwd, ['release.txt', '--slug', slug, '--lang', 'ja', '--issuer', '外務省']);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'release.txt:2:1: error the date line names no place, and no place line stands beside it: give --place (as written in the text’s language) [import-dateline]\n' +
        '1 error, 0 warnings in 1 file\n',
    });
    expect(existsSync(join(cwd, 'content'))).toBe(false);
  });

  it('prints warnings and still writes', async () => {
    const cwd = await workspace();
    await writeFile(join(cwd, 'release.txt'), 'Заголовок\n\n(1 мая 2020 года, Москва)\n\n1. Раздел\n\n3. Раздел\n');
    const result = await importIn(cwd, ['release.txt', '--slug', slug, '--lang', 'ru', '--issuer', 'МИД']);
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n').slice(0, 2)).toEqual([
      'release.txt:7:1: warning `3` does not continue the numbering (section 2 would): read as the start of a paragraph [import-numbering]',
      '0 errors, 1 warning in 2 files',
    ]);
  });

  it('never writes a file that npm run check would refuse: the other files of the document are checked with it', async () => {
    const cwd = await workspace();
    const folder = join(cwd, 'content', 'documents', slug);
    await mkdir(folder, { recursive: true });
    await cp(join(root, 'content', 'documents', slug, 'en.md'), join(folder, 'en.md'));
    // The Japanese text has fewer sections than the English translation already in the folder.
    const result = await importIn(cwd, [fixture('ja-wrapped'), '--slug', slug, '--lang', 'ja', '--issuer', '外務省']);
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    // The English file's lines move with its edits: the message is matched, not its line number.
    const extra = new RegExp(`^content/documents/${slug}/en\\.md:\\d+:1: error paragraph \`s1-3\` is not in the source \\(content/documents/${slug}/ja\\.md\\); a translation has exactly the source's IDs \\[id-extra\\]$`);
    expect(lines.some((line) => extra.test(line))).toBe(true);
    expect(lines.at(-2)).toMatch(/^\d+ errors?, \d+ warnings? in 3 files$/);
    expect(lines.at(-1)).toBe(`import: content/documents/${slug}/ja.md not written: the file would not pass npm run check (see above)`);
    expect(existsSync(join(folder, 'ja.md'))).toBe(false);
  });

  it('refuses to replace an annotated source with a bare import, whose translations’ notes would lose their source', async () => {
    const cwd = await workspace();
    const folder = join(cwd, 'content', 'documents', slug);
    await cp(join(root, 'content', 'documents', slug), folder, { recursive: true });
    const before = await readFile(join(folder, 'ru.md'), 'utf8');
    const source = join(root, 'content', 'sources', slug, '000_1042bb5bae12716b.txt');
    const result = await importIn(cwd, [source, '--slug', slug, '--lang', 'ru', '--issuer', 'Министерство иностранных дел Японии', '--force']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^content/documents/${slug}/en\\.md:\\d+:1: error note \`working-meal\` is not in the source .*\\[note-extra\\]$`, 'm'));
    expect(result.stderr).toMatch(new RegExp(`^content/documents/${slug}/ja\\.md:\\d+:1: error note \`working-meal\` is not in the source .*\\[note-extra\\]$`, 'm'));
    expect(await readFile(join(folder, 'ru.md'), 'utf8')).toBe(before);
  });

  it('checks the characters of the file it would write: a bidirectional control refuses it, an invisible character or a mixed-script word is a warning', async () => {
    const cwd = await workspace();
    const args = ['release.txt', '--slug', slug, '--lang', 'ru', '--issuer', 'МИД', '--out', '-'];
    const target = `content/documents/${slug}/ru.md`;
    await writeFile(join(cwd, 'release.txt'), 'Заголовок\n\n(1 мая 2020 года, Москва)\n\nСтороны обсудили\u202e вопросы.\n');
    const refused = await importIn(cwd, args);
    expect(refused.code).toBe(1);
    expect(refused.stderr.split('\n')[0]).toBe(
      `${target}:16:17: error U+202E RIGHT-TO-LEFT OVERRIDE: a bidirectional control reorders what is shown, so that the page no longer shows the text as it is stored; remove it (the reader sets the direction itself) [bidi-control]`,
    );
    await writeFile(join(cwd, 'release.txt'), 'Заголовок\n\n(1 мая 2020 года, Москва)\n\nСтороны об\u200bсудили вопрoсы.\n');
    const warned = await importIn(cwd, args);
    expect(warned.code).toBe(0);
    expect(warned.stderr.split('\n').slice(0, 3)).toEqual([
      `${target}:16:11: warning U+200B ZERO WIDTH SPACE: an invisible character; search and copied citations miss the word it stands in; remove it unless it is meant [invisible-character]`,
      `${target}:16:23: warning \`вопрoсы\` mixes Cyrillic and Latin letters: \`o\` (U+006F, looks like Cyrillic \`о\`) is Latin; type the word in one script [mixed-script]`,
      '0 errors, 2 warnings in 2 files',
    ]);
    expect(warned.stdout).toContain('Стороны об\u200bсудили вопрoсы. {#intro-p1}');
  });

  it('refuses a file named after another language than --lang', async () => {
    const cwd = await workspace();
    const result = await importIn(cwd, [fixture('en-roman'), '--slug', slug, '--lang', 'ja', '--issuer', 'MOFA', '--out', 'en.md', '--date', '2019-05-30', '--place', 'Tokyo']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('en.md:1:1: error the file is named `en.md` but its front matter says `lang: ja` [lang-mismatch]');
    expect(existsSync(join(cwd, 'en.md'))).toBe(false);
  });

  it('explains bad arguments, each with the usage line', async () => {
    const cwd = await workspace();
    const cases: Array<[string[], string]> = [
      [[], 'give exactly one text file to import'],
      [['x.txt', '--slug', 'Bad Slug', '--lang', 'ru', '--issuer', 'I'], '--slug is required: lowercase ASCII letters, digits and inner hyphens, e.g. 2019-05-30-japan-russia-2plus2'],
      [['x.txt', '--slug', 'a', '--lang', 'de', '--issuer', 'I'], '--lang is required: one of ru, ja, en'],
      [['x.txt', '--slug', 'a', '--lang', 'ru'], '--issuer is required: the body that issued the text'],
      [['x.txt', '--slug', 'a', '--lang', 'ru', '--issuer', 'I', '--date', '2019-02-30'], '--date must be a calendar date written YYYY-MM-DD'],
      [['x.txt', '--slug', 'a', '--lang', 'ru', '--issuer', 'I', '--encoding', 'klingon'], '--encoding klingon is not an encoding label (such as utf-8, shift_jis, euc-jp, windows-1251, utf-16le)'],
      [['missing.txt', '--slug', 'a', '--lang', 'ru', '--issuer', 'I'], 'cannot read missing.txt'],
      [['--bogus'], "Unknown option '--bogus'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--bogus\""],
    ];
    for (const [args, message] of cases) {
      expect(await importIn(cwd, args), args.join(' ')).toEqual({ code: 1, stdout: '', stderr: `import: ${message}\n${usage}\n` });
    }
  });

  it('explains an empty file and a binary one', async () => {
    const cwd = await workspace();
    await writeFile(join(cwd, 'empty.txt'), '\n\n');
    await writeFile(join(cwd, 'report.pdf'), '%PDF-1.7\n');
    const args = ['--slug', 'a', '--lang', 'ru', '--issuer', 'I'];
    expect((await importIn(cwd, ['empty.txt', ...args])).stderr).toBe('empty.txt:1:1: error the file is empty [empty-file]\n1 error, 0 warnings in 1 file\n');
    expect((await importIn(cwd, ['report.pdf', ...args])).stderr).toBe(
      'report.pdf:1:1: error this is a PDF file, not plain text: save or copy its text into a UTF-8 .txt file [encoding]\n1 error, 0 warnings in 1 file\n',
    );
  });
});
