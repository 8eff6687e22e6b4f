/** The command-line tools: compiler-style output, exit codes, and no stack trace for bad input. */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../helpers/fixtures';

const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const run = async (script: string, args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, [join(root, script), ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
};

describe('npm run check', () => {
  it('passes on the committed content', async () => {
    const result = await run('src/check/cli.ts', []);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^0 errors, 0 warnings in \d+ files$/m);
  });

  it('prints every problem as path:line:col: severity message [rule] and exits 1', async () => {
    const result = await run('src/check/cli.ts', [join(fixturesDir, 'broken')]);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toContain('content/glossary.yaml:1:1: error the glossary file is missing [glossary-schema]');
    expect(result.stdout).toMatch(/^1 error, 0 warnings in 2 files$/m);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toMatch(/\n\s+at /);
  });
});

describe('npm run check on the fault corpus', () => {
  it('reports every class compiler-style, exits 1 on errors and 0 on warnings only, and never prints a stack trace', async () => {
    const classes = readdirSync(join(fixturesDir, 'faults')).sort();
    const results: Array<{ name: string; code: number; stdout: string; stderr: string }> = [];
    // Two at a time: each is a process of its own (the timeout allows for a loaded 2-core machine).
    for (let start = 0; start < classes.length; start += 2) {
      results.push(
        ...(await Promise.all(
          classes.slice(start, start + 2).map(async (name) => {
            const dir = await mkdtemp(join(tmpdir(), 'check-faults-'));
            await cp(join(fixturesDir, 'base'), dir, { recursive: true });
            await cp(join(fixturesDir, 'faults', name), dir, { recursive: true });
            return { name, ...(await run('src/check/cli.ts', [dir])) };
          }),
        )),
      );
    }
    for (const { name, code, stdout, stderr } of results) {
      const lines = stdout.trimEnd().split('\n');
      const summary = lines.pop() ?? '';
      const [, errors, warnings] = /^(\d+) errors?, (\d+) warnings? in \d+ files?$/.exec(summary) ?? [];
      expect([name, stderr, errors !== undefined]).toEqual([name, '', true]);
      expect([name, code]).toEqual([name, Number(errors) > 0 ? 1 : 0]);
      expect(Number(errors) + Number(warnings)).toBe(lines.length);
      for (const line of lines) expect(line).toMatch(/^content\/\S+:\d+:\d+: (?:error|warning) .+ \[[a-z]+(?:-[a-z]+)*\]$/);
    }
  }, 300_000);
});

describe('a wrong argument', () => {
  // A newcomer's slip (an option the command does not take, a folder that is not there) is named
  // with the command's usage and exit code 2, never a stack trace.
  it.each([
    ['npm run check', 'src/check/cli.ts', ['--bogus'], /^check: Unknown option '--bogus'/],
    ['npm run check', 'src/check/cli.ts', ['/nonexistent/folder'], /^check: \/nonexistent\/folder is not a folder$/m],
    ['npm run check', 'src/check/cli.ts', ['content', 'src'], /^check: one project folder at most, not 2$/m],
    ['npm run content', 'src/cache/cli.ts', ['--bogus'], /^content: Unknown option '--bogus'/],
    ['npm run content', 'src/cache/cli.ts', ['package.json'], /^content: package.json is not a folder$/m],
    ['npm start', 'scripts/serve.mjs', ['--bogus'], /^server: Unknown option '--bogus'/],
    ['npm start', 'scripts/serve.mjs', ['--port', 'http'], /^server: the port must be a whole number from 0 to 65535, not "http"$/m],
    ['npm start', 'scripts/serve.mjs', ['--port', '70000'], /^server: the port must be a whole number from 0 to 65535, not "70000"$/m],
  ])('%s %j', async (_command, script, args, message) => {
    const result = await run(script, args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/^usage: /m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });
});

describe('npm run import', () => {
  it('writes the structured Markdown and refuses to overwrite it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'import-'));
    const out = join(dir, 'ru.md');
    const source = join(root, 'content', 'sources', '2019-05-30-japan-russia-2plus2', '000_1042bb5bae12716b.txt');
    const args = [source, '--slug', '2019-05-30-japan-russia-2plus2', '--lang', 'ru', '--issuer', 'Министерство иностранных дел Японии', '--out', out];
    const first = await run('src/importer/cli.ts', args);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^import: read .*: 2019-05-30, Токио; 2 sections, 6 subsections, 8 paragraphs; each line is a paragraph/m);
    expect(await readFile(out, 'utf8')).toMatch(/^# Четвертый раунд .* \{#title\}$/m);
    const again = await run('src/importer/cli.ts', args);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/exists; use --force/);
  });

  it('explains a file it cannot read compiler-style, without a stack trace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'import-'));
    const cp1251 = join(dir, 'cp1251.txt');
    // "Заголовок\n\nТекст" in Windows-1251.
    await writeFile(cp1251, Buffer.from([0xc7, 0xe0, 0xe3, 0xee, 0xeb, 0xee, 0xe2, 0xee, 0xea, 0x0a, 0x0a, 0xd2, 0xe5, 0xea, 0xf1, 0xf2]));
    const result = await run('src/importer/cli.ts', [cp1251, '--slug', 'a', '--lang', 'ru', '--issuer', 'I', '--out', '-']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `${cp1251}:1:1: error the file is not UTF-8 (byte 0xc7 cannot be decoded); it looks like Windows-1251: give --encoding windows-1251, or save it as UTF-8 [encoding]\n1 error, 0 warnings in 1 file\n`,
    );
  });

  it('reads the fault corpus’s broken files without a stack trace: a compiler-style message that names the file', async () => {
    const sample = (fault: string, name: string) => join(fixturesDir, 'faults', fault, 'content', 'documents', '2020-01-15-sample', name);
    const dir = await mkdtemp(join(tmpdir(), 'import-'));
    const empty = join(dir, 'empty.txt');
    await writeFile(empty, '\n\n');
    const files: Array<[file: string, place: string, rule: string]> = [
      [sample('windows-1251', 'ru.md'), '2:8', 'encoding'],
      [sample('shift-jis', 'ja.md'), '2:8', 'encoding'],
      [sample('utf16-bom', 'en.md'), '1:1', 'encoding'],
      [sample('truncated-utf8', 'en.md'), '24:22', 'encoding'],
      [sample('utf16-no-bom', 'en.md'), '1:1', 'encoding'],
      [empty, '1:1', 'empty-file'],
    ];
    const results = await Promise.all(files.map(([file]) => run('src/importer/cli.ts', [file, '--slug', 'a', '--lang', 'ru', '--issuer', 'I', '--out', '-'])));
    for (const [index, result] of results.entries()) {
      const [file, place, rule] = files[index];
      expect([file, result.code, result.stdout]).toEqual([file, 1, '']);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stderr.split('\n')[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${place}: error .+ \\[${rule}\\]$`));
    }
  }, 180_000);
});
