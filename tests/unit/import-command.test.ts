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
    expect(Object.keys(run).sort()).toEqual(['help', 'runImport', 'usage']);
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
    await writeFile(join(cwd, 'release.txt'), 'Заголовок\n\n(30 мая 2019 года, Москва)\n\n1. Раздел\n\n3. Раздел\n');
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
    await writeFile(join(cwd, 'release.txt'), 'Заголовок\n\n(30 мая 2019 года, Москва)\n\nСтороны обсудили\u202e вопросы.\n');
    const refused = await importIn(cwd, args);
    expect(refused.code).toBe(1);
    expect(refused.stderr.split('\n')[0]).toBe(
      `${target}:16:17: error U+202E RIGHT-TO-LEFT OVERRIDE: a bidirectional control reorders what is shown, so that the page no longer shows the text as it is stored; remove it (the reader sets the direction itself) [bidi-control]`,
    );
    await writeFile(join(cwd, 'release.txt'), 'Заголовок\n\n(30 мая 2019 года, Москва)\n\nСтороны об\u200bсудили вопрoсы.\n');
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
      [['x.txt', '--lang', 'ru', '--issuer', 'I'], '--slug is required: lowercase ASCII letters, digits and inner hyphens, e.g. 2019-05-30-japan-russia-2plus2'],
      [['x.txt', '--slug', 'Bad Slug', '--lang', 'ru', '--issuer', 'I'], '--slug "Bad Slug" is not a slug: lowercase ASCII letters, digits and inner hyphens, e.g. 2019-05-30-japan-russia-2plus2'],
      [['x.txt', '--translation-of', 'Bad', '--lang', 'ru', '--issuer', 'I'], '--translation-of "Bad" is not a slug: lowercase ASCII letters, digits and inner hyphens, e.g. 2019-05-30-japan-russia-2plus2'],
      [['x.txt', '--slug', 'a', '--translation-of', 'a', '--lang', 'ru', '--issuer', 'I'], 'give --slug (a new document) or --translation-of (a translation of an existing one), not both'],
      [['x.txt', '--slug', 'a', '--lang', 'ru', '--issuer', 'I', '--unofficial'], "--unofficial goes with --translation-of: a source is the issuer's text"],
      [['x.txt', '--translation-of', 'a', '--lang', 'ru', '--issuer', 'I', '--unofficial', '--translator', 'T'], '--unofficial needs --translator "WHO" and --method "HOW IT WAS MADE AND CHECKED"'],
      [['x.txt', '--slug', 'a', '--lang', 'ru', '--issuer', 'I', '--url', 'example.org/page'], '--url "example.org/page" is not an http or https address (such as https://www.example.org/page)'],
      [['x.txt', '--translation-of', 'no-such-document', '--lang', 'ru', '--issuer', 'I'], 'there is no document no-such-document (no folder content/documents/no-such-document/): --translation-of names a document that has its source'],
      [['x.txt', '--slug', 'a', '--lang', 'de', '--issuer', 'I'], '--lang "de" is not a language: one of ru, ja, en'],
      [['x.txt', '--slug', 'a', '--lang', 'ru'], '--issuer is required: the body that issued the text'],
      [['x.txt', '--slug', 'a', '--lang', 'ru', '--issuer', 'I', '--date', '2019-02-30'], '--date "2019-02-30" is not a calendar date written YYYY-MM-DD (such as 2019-05-30)'],
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

describe('npm run import -- --help', () => {
  it('prints every option and exits 0, writing nothing', async () => {
    const cwd = await workspace();
    const result = await importIn(cwd, ['--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.startsWith(`${usage}\n`)).toBe(true);
    for (const option of ['--slug', '--translation-of', '--lang', '--issuer', '--date', '--place', '--encoding', '--url', '--unofficial', '--translator', '--method', '--out', '--force', '--help']) {
      expect(result.stdout, option).toMatch(new RegExp(`^ {2}${option} `, 'mu'));
    }
    expect(existsSync(join(cwd, 'content'))).toBe(false);
  });
});

describe('the place, read in the text when --place is not given', () => {
  const release = (lang: string, title: string, dateline: string, opening: string) => `${title}\n${dateline}\n\n${opening}\n`;
  const cases: Array<[string, string, string, string, string]> = [
    ['ja', '架空の協議', '令和元年5月30日', '5月30日，東京において，両大臣は協議を行いました。', '東京において'],
    ['en', 'An Invented Meeting', 'May 30, 2019', 'On May 30, the ministers met in Tokyo. They talked.', 'in Tokyo'],
    ['ru', 'Вымышленная встреча', '30 мая 2019 года', '30 мая в Токио министры провели встречу.', 'в Токио'],
  ];
  for (const [lang, title, dateline, opening, written] of cases) {
    it(`${lang}: takes the place from "${written}" and says where it read it`, async () => {
      const cwd = await workspace();
      await writeFile(join(cwd, 'release.txt'), release(lang, title, dateline, opening));
      const result = await importIn(cwd, ['release.txt', '--slug', 'invented', '--lang', lang, '--issuer', 'I', '--out', '-']);
      const place = lang === 'ja' ? '東京' : lang === 'en' ? 'Tokyo' : 'Токио';
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(`\nplace: ${place}\n`);
      expect(result.stderr).toContain(`import: the place, ${place}, is read from the text (release.txt:4: "${written}"); give --place to set another\n`);
    });
  }

  it('asks for --place, naming what it found, when a Russian place is declined (в Москве)', async () => {
    const cwd = await workspace();
    await writeFile(join(cwd, 'release.txt'), 'Вымышленная встреча\n30 мая 2019 года\n\n30 мая в Москве министры провели встречу.\n');
    const result = await importIn(cwd, ['release.txt', '--slug', 'invented', '--lang', 'ru', '--issuer', 'I', '--out', '-']);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'release.txt:2:1: error the date line names no place, and no place line stands beside it; the text says `в Москве` (line 4), a declined form: give --place (as written in the text’s language, in the nominative) [import-dateline]\n' +
        '1 error, 0 warnings in 1 file\n',
    });
  });

  it('names a place of the glossary by its name when the text uses a listed variant', async () => {
    const cwd = await workspace();
    await mkdir(join(cwd, 'content'), { recursive: true });
    await writeFile(
      join(cwd, 'content', 'glossary.yaml'),
      'moscow:\n  kind: place\n  names: { ru: Москва, ja: モスクワ, en: Moscow }\n  variants: { ru: [Москве] }\n  description: { ru: Город., ja: 都市。, en: A city. }\n',
    );
    await writeFile(join(cwd, 'release.txt'), 'Вымышленная встреча\n30 мая 2019 года\n\n30 мая в Москве министры провели встречу.\n');
    const result = await importIn(cwd, ['release.txt', '--slug', 'invented', '--lang', 'ru', '--issuer', 'I', '--out', '-']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('\nplace: Москва\n');
    expect(result.stderr).toContain('import: the place, Москва, is read from the text (release.txt:4: "в Москве", a place of the glossary); give --place to set another\n');
  });
});

describe('npm run import -- FILE --translation-of SLUG', () => {
  const translation = join(root, 'tests', 'fixtures', 'translation', 'en.txt');
  const english = ['--lang', 'en', '--issuer', 'Ministry of Foreign Affairs of Japan'];

  /** A workspace whose document `slug` has the Russian source, imported from the source as received. */
  async function withSource() {
    const cwd = await workspace();
    const imported = await importIn(cwd, [join(root, 'content', 'sources', slug, '000_1042bb5bae12716b.txt'), '--slug', slug, '--lang', 'ru', '--issuer', 'Министерство иностранных дел Японии']);
    expect(imported.code, imported.stderr).toBe(0);
    return cwd;
  }

  it('writes the release as a translation whose blocks carry the source’s IDs, sentence for sentence', async () => {
    const cwd = await withSource();
    const result = await importIn(cwd, [translation, '--translation-of', slug, ...english]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`import: a translation of ${slug}, whose source is content/documents/${slug}/ru.md: its blocks take the source's IDs (18 of 18 matched)\n`);
    const written = await readFile(join(cwd, 'content', 'documents', slug, 'en.md'), 'utf8');
    const ids = [...written.matchAll(/\{#([a-z0-9-]+)\}$/gmu)].map((match) => match[1]);
    const source = await readFile(join(cwd, 'content', 'documents', slug, 'ru.md'), 'utf8');
    expect(ids).toEqual([...source.matchAll(/\{#([a-z0-9-]+)\}$/gmu)].map((match) => match[1]));
    expect(written).toMatch(/\nrole: translation\n/u);
    expect(written).toMatch(/\n {2}official: true\n/u);
    expect(written).toContain('Minister Kono and Minister Iwaya stated that');
    expect(written).not.toMatch(/\{\.\d/u);
  });

  it('marks a paragraph whose sentences differ from the source’s as one line rendering them all, and says so', async () => {
    const cwd = await withSource();
    const text = (await readFile(translation, 'utf8')).replace('The two sides exchanged views on the latest situation surrounding North Korea.', 'The two sides met. They exchanged views on the latest situation surrounding North Korea. They talked.');
    await writeFile(join(cwd, 'release.txt'), text);
    const result = await importIn(cwd, ['release.txt', '--translation-of', slug, ...english, '--unofficial', '--translator', 'Us', '--method', 'Typed.']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      'release.txt:27:1: warning `s2-1-p1`: 5 sentences in the text against 3 in the source; written as one line that renders them all (`{.1 .2 .3}`): split it into sentence lines and mark each with the source sentences it renders [import-translation]\n',
    );
    const written = await readFile(join(cwd, 'content', 'documents', slug, 'en.md'), 'utf8');
    expect(written).toMatch(/^The two sides met\. They exchanged views .* \{\.1 \.2 \.3\} \{#s2-1-p1\}$/mu);
    expect(written).toMatch(/\n {2}official: false\n {2}translator: Us\n {2}method: Typed\.\n/u);
  });

  it('reports what it cannot match, with both places, and writes nothing', async () => {
    const cwd = await withSource();
    const text = (await readFile(translation, 'utf8')).replace(/\n\(3\) Japan–Russia Cooperation[^\n]*\n\n[^\n]*\n/u, '\n');
    await writeFile(join(cwd, 'release.txt'), text);
    const result = await importIn(cwd, ['release.txt', '--translation-of', slug, ...english]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `release.txt:1:1: error the source's \`s1-3\` (content/documents/${slug}/ru.md:34, subsection 1.3) has no counterpart in the text [import-translation]\n` +
        `release.txt:1:1: error the source's \`s1-3-p1\` (content/documents/${slug}/ru.md:36, paragraph 1 of subsection 1.3) has no counterpart in the text [import-translation]\n` +
        '2 errors, 0 warnings in 1 file\n',
    );
    expect(existsSync(join(cwd, 'content', 'documents', slug, 'en.md'))).toBe(false);
  });

  it('refuses a document without a source, and a translation into the source’s language', async () => {
    const cwd = await withSource();
    const same = await importIn(cwd, [translation, '--translation-of', slug, '--lang', 'ru', '--issuer', 'I']);
    expect(same.stderr).toBe(`import: the source of ${slug} is already in ru (content/documents/${slug}/ru.md); a translation is in another language\n${usage}\n`);
    expect(same.code).toBe(1);
  });

  it('in a document with editions: asks for the copy of the current edition first, then tells the editor to record the new one', async () => {
    const cwd = await withSource();
    const folder = join(cwd, 'content', 'documents', slug);
    await writeFile(join(folder, 'editions.yaml'), '- edition: 1\n  date: 2026-11-26\n');
    const refused = await importIn(cwd, [translation, '--translation-of', slug, ...english]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`import: ${slug} has editions, and a new language version makes edition 2: first copy the current text to content/documents/${slug}/editions/1/`);
    expect(existsSync(join(folder, 'en.md'))).toBe(false);
    await mkdir(join(folder, 'editions', '1'), { recursive: true });
    await cp(join(folder, 'ru.md'), join(folder, 'editions', '1', 'ru.md'));
    const written = await importIn(cwd, [translation, '--translation-of', slug, ...english]);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stderr).toContain(`import: ${slug} has editions: record this language version as edition 2 in content/documents/${slug}/editions.yaml`);
    expect(existsSync(join(folder, 'en.md'))).toBe(true);
  });
});
