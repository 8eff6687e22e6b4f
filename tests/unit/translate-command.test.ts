/**
 * `npm run translate`: a new language version started from the source, on a copy of the base fixture
 * without its English version. What the translator reads is asserted: the file, the messages, the
 * refusals and their exit codes.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/cache/load';
import { diagnostics } from '../../src/model/format';
import { runTranslate } from '../../src/importer/start-translation';
import { fixturesDir } from '../helpers/fixtures';

const slug = '2020-01-15-sample';
const en = `content/documents/${slug}/en.md`;
let dir = '';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runTranslate(argv, { cwd: dir, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

const filled = ['--place', 'Tokyo', '--issuer', 'Ministry of Foreign Affairs of Japan', '--translator', 'Edition editors', '--method', 'Translated from the Russian.'];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reader-translate-'));
  await cp(join(fixturesDir, 'base'), dir, { recursive: true });
  await rm(join(dir, en));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('npm run translate', () => {
  it('writes the source’s blocks and notes, every line untranslated, and names what is still to fill in', async () => {
    const { code, stderr } = await run(slug, '--lang', 'en');
    expect(code).toBe(0);
    const written = await readFile(join(dir, en), 'utf8');
    expect(written).toContain('# :untranslated {#title}\n\n## :untranslated {#s1}\n\n:untranslated {#s1-p1}\n\n:untranslated {#s1-p2}\n\n:::note{#n-spelling kind=editorial}\n:untranslated\n:::\n');
    expect(written).toMatch(/^---\n# Started from ru\.md by npm run translate\.\n# Still to fill in: place, provenance\.issuer, provenance\.translator, provenance\.method\.\n/);
    expect(written).toContain('participants: [kono-taro]\n');
    expect(written).not.toMatch(/^title:/m);
    // Every missing field at once, placed, as npm run check prints it.
    expect(stderr).toContain(`${en}:5:1: error \`place\` is missing [front-matter]`);
    expect(stderr).toMatch(/`provenance\.translator`: an unofficial text must say its translator \[front-matter\]/);
    expect(stderr).toMatch(/`provenance\.method`: an unofficial text must say its method \[front-matter\]/);
    expect(stderr).toContain('translate: next: fill in the fields named above, replace each :untranslated line');
  });

  it('with its fields given, starts a draft that the check accepts with one counted warning', async () => {
    expect((await run(slug, '--lang', 'en', '--title', 'Sample', ...filled)).code).toBe(0);
    const written = await readFile(join(dir, en), 'utf8');
    expect(written).toContain('# Sample {#title}\n');
    const content = await loadContent(dir);
    expect(content.failed).toBe(false);
    expect(diagnostics(content.files)).toEqual([
      { path: en, line: 18, column: 1, severity: 'warning', ruleId: 'translation-incomplete', reason: expect.stringMatching(/^3 of 4 blocks are untranslated; also untranslated: 1 of 1 notes; /) },
    ]);
    // One paragraph translated: the count follows, and nothing else is reported.
    await writeFile(join(dir, en), written.replace(':untranslated {#s1-p2}', 'Second paragraph. {#s1-p2}'));
    const partial = diagnostics((await loadContent(dir)).files);
    expect(partial.map((item) => item.reason)).toEqual([expect.stringMatching(/^2 of 4 blocks are untranslated;/)]);
  });

  it('gives a source sentence the marker its number needs (a sentence inserted later, 2a)', async () => {
    const ru = join(dir, `content/documents/${slug}/ru.md`);
    await writeFile(ru, (await readFile(ru, 'utf8')).replace('Второй абзац. {#s1-p2}', 'Первое.\nВставлено. {.2a}\nТретье. {#s1-p2}'));
    expect((await run(slug, '--lang', 'en', '--out', '-')).stdout).toContain(':untranslated\n:untranslated {.2a}\n:untranslated {#s1-p2}\n');
  });

  it('prints its help, and refuses an unknown document, a version that exists and an unknown language, writing nothing', async () => {
    const help = await run('--help');
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^usage: npm run translate -- SLUG --lang ru\|ja\|en/);
    const unknown = await run('2020-01-15-sampel', '--lang', 'en');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('translate: there is no document `2020-01-15-sampel` (no folder content/documents/2020-01-15-sampel/); documents with a similar name: 2020-01-15-sample\n');
    const present = await run(slug, '--lang', 'ru');
    expect(present.code).toBe(1);
    expect(present.stderr).toMatch(/^translate: content\/documents\/2020-01-15-sample\/ru\.md exists: the document already has its Russian version/);
    const language = await run(slug, '--lang', 'de');
    expect(language.code).toBe(1);
    expect(language.stderr).toMatch(/^translate: --lang de is not a language of the archive: one of ru, ja, en\nusage:/);
    const none = await run(slug);
    expect(none.stderr).toMatch(/^translate: --lang is required/);
    await expect(readFile(join(dir, en), 'utf8')).rejects.toThrow();
  });
});
