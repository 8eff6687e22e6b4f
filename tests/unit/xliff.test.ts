/**
 * `npm run xliff` (src/xliff/run.ts) on a copy of the real content: an export imported unchanged gives
 * the translation back byte for byte (ja and en, XLIFF 2.1 and 1.2); a changed target and state change
 * exactly that sentence (and the recorded state); untranslated sentences go out as state initial without
 * a target and come back as `:untranslated`; every bad input is refused naming the unit, with nothing
 * written and no stack trace. The 2.1 file validates against the OASIS XLIFF 2 core schema (xmllint),
 * and Debian's translate-toolkit reads the 1.2 file with every unit (each when installed; .ci/run
 * installs both).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/cache/load';
import { runXliff, usage } from '../../src/xliff/run';

const repository = join(import.meta.dirname, '..', '..');
const slug = '2019-05-30-japan-russia-2plus2';
const folder = `content/documents/${slug}`;
const schemas = join(repository, 'tests', 'schemas', 'xliff');
const debianPython = '/usr/bin/python3';

const has = (command: string, args: string[]) => {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const hasXmllint = has('xmllint', ['--version']);
const hasTranslateToolkit = existsSync(debianPython) && has(debianPython, ['-c', 'from translate.storage import xliff, tbx']);

let root: string;

/** A project folder with the real document and glossary. */
async function workspace(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'xliff-'));
  await mkdir(join(dir, folder), { recursive: true });
  for (const name of ['ru.md', 'ja.md', 'en.md']) await cp(join(repository, folder, name), join(dir, folder, name));
  await cp(join(repository, 'content', 'glossary.yaml'), join(dir, 'content', 'glossary.yaml'));
  return dir;
}

async function xliff(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runXliff(args, { cwd: root, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

const read = (path: string) => readFile(join(root, path), 'utf8');

async function exported(lang: string, format: string): Promise<string> {
  const result = await xliff(['export', slug, '--lang', lang, '--format', format, '--out', `${lang}-${format}.xlf`]);
  expect(result, result.stderr).toMatchObject({ code: 0, stderr: '' });
  return read(`${lang}-${format}.xlf`);
}

/** Imports `xml` and expects a refusal naming `unit` (when given): exit 1, nothing written, no stack trace. */
async function refused(xml: string, message: RegExp, unit?: string, extra: string[] = []) {
  const before = await Promise.all(['ja.md', 'en.md'].map((name) => read(`${folder}/${name}`)));
  const names = await readdir(join(root, folder));
  await writeFile(join(root, 'bad.xlf'), xml);
  const result = await xliff(['import', 'bad.xlf', ...extra]);
  expect(result.code, `${String(message)}: ${result.stdout}`).toBe(1);
  expect(result.stderr).toMatch(message);
  if (unit) expect(result.stderr).toContain(`unit \`${unit}\``);
  expect(result.stderr).toMatch(/^bad\.xlf: error: /);
  expect(result.stderr).toContain('nothing written');
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(await Promise.all(['ja.md', 'en.md'].map((name) => read(`${folder}/${name}`)))).toEqual(before);
  expect(await readdir(join(root, folder))).toEqual(names);
}

beforeEach(async () => {
  root = await workspace();
});

describe('npm run xliff', () => {
  it('prints its usage for --help, and refuses a command it does not know', async () => {
    expect(await xliff(['--help'])).toEqual({ code: 0, stdout: `${usage}\n`, stderr: '' });
    expect((await xliff(['export', '--help'])).code).toBe(0);
    const unknown = await xliff(['convert', 'x']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown command `convert`');
    const noOut = await xliff(['export', slug, '--lang', 'ja']);
    expect(noOut.stderr).toContain('--out FILE');
  });

  for (const lang of ['ja', 'en']) {
    for (const format of ['2.1', '1.2']) {
      it(`gives ${lang}.md back byte for byte from its XLIFF ${format} imported unchanged`, async () => {
        const original = await read(`${folder}/${lang}.md`);
        const xml = await exported(lang, format);
        expect(xml).toContain(format === '2.1' ? 'version="2.1"' : 'version="1.2"');
        const result = await xliff(['import', `${lang}-${format}.xlf`, '--format', format]);
        expect(result).toMatchObject({ code: 0, stderr: '' });
        expect(result.stdout).toContain('unchanged');
        expect(await read(`${folder}/${lang}.md`)).toBe(original);
      });
    }
  }

  it('writes a unit per block, a segment per sentence that may not be resegmented, mentions and anchors as codes carrying their keys, the glossary and the notes', async () => {
    const xml = await exported('ja', '2.1');
    expect(xml.match(/<unit /g)).toHaveLength(18);
    expect(xml.match(/<segment /g)).toHaveLength(24);
    expect(xml.match(/<segment [^>]*canResegment="no"/g)).toHaveLength(24);
    expect(xml).toContain('<segment id="s1-1-p1.2" canResegment="no" state="translated">');
    expect(xml).toMatch(/<pc id="1\.note\.northern-territories-name"[^>]*><pc id="1\.term\.northern-territories"[^>]*>北方領土<\/pc><\/pc>/);
    expect(xml).toContain('<gls:translation source="name">北朝鮮</gls:translation>');
    expect(xml).toMatch(/<note id="note\.spasskaya-spelling\.ja" category="editorial">ロシア語原文では/);
    const old = await exported('ja', '1.2');
    expect(old.match(/<trans-unit /g)).toHaveLength(24);
    expect(old).toMatch(/<g id="term\.north-korea" ctype="x-term">北朝鮮<\/g>/);
    expect(old).toMatch(/<note from="glossary" annotates="general">north-korea: Северная Корея → 北朝鮮/);
  });

  for (const format of ['2.1', '1.2']) {
    it(`changes exactly the sentence whose target and state changed (XLIFF ${format})`, async () => {
      const original = await read(`${folder}/ja.md`);
      let xml = await exported('ja', format);
      const old = 'また、岩屋防衛大臣は、日本周辺におけるロシア軍機の活発な活動に懸念を表明し、ロシア側に冷静な対応を求めました。';
      const now = 'また、岩屋防衛大臣は、日本周辺におけるロシア軍機の活発な活動に懸念を表明し、ロシア側に冷静な対応を求めた。';
      expect(xml).toContain(old);
      xml = xml.replace(old, now);
      xml =
        format === '2.1'
          ? xml.replace('<segment id="s1-1-p1.2" canResegment="no" state="translated">', '<segment id="s1-1-p1.2" canResegment="no" state="reviewed">')
          : xml.replace(`<target state="translated">${now}`, `<target state="signed-off">${now}`);
      await writeFile(join(root, 'changed.xlf'), xml);
      const result = await xliff(['import', 'changed.xlf']);
      expect(result, result.stderr).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toContain('1 segments changed (s1-1-p1.2), 1 states changed');
      const before = original.split('\n');
      const after = (await read(`${folder}/ja.md`)).split('\n');
      // The recorded state, before the front matter's closing line, and the sentence's line: nothing else.
      const closing = before.indexOf('---', 1);
      expect(after.slice(closing, closing + 2)).toEqual(['states:', '  s1-1-p1.2: reviewed']);
      after.splice(closing, 2);
      const differing = before.flatMap((line, index) => (line === after[index] ? [] : [index]));
      expect(differing).toHaveLength(1);
      expect(before[differing[0]]).toBe(`${old} {#s1-1-p1}`);
      expect(after[differing[0]]).toBe(`${now} {#s1-1-p1}`);
      // The recorded state passes the check (segment-state), and so does the whole document.
      if (format === '2.1') {
        const content = await loadContent(root);
        expect(content.failed, content.report).toBe(false);
      }
      // And back: the new file exports the new target and state, and imports unchanged.
      const again = await exported('ja', '2.1');
      expect(again).toContain('<segment id="s1-1-p1.2" canResegment="no" state="reviewed">');
      const imported = await read(`${folder}/ja.md`);
      expect((await xliff(['import', 'ja-2.1.xlf'])).stdout).toContain('unchanged');
      expect(await read(`${folder}/ja.md`)).toBe(imported);
    });
  }

  it('exports an untranslated sentence as state initial without a target, and writes an empty target as `:untranslated`', async () => {
    const ja = await read(`${folder}/ja.md`);
    const lines = ja.split('\n');
    const at = lines.findIndex((line) => line.endsWith('{#s2-1-p1}'));
    // s2-1-p1 has three sentences: the second is not yet translated, with its marker.
    lines[at - 1] = ':untranslated {.2}';
    await writeFile(join(root, folder, 'ja.md'), lines.join('\n'));
    const draft = lines.join('\n');
    for (const format of ['2.1', '1.2']) {
      const xml = await exported('ja', format);
      const segment = format === '2.1' ? /<segment id="s2-1-p1\.2" canResegment="no" state="initial">\s*<source[^>]*>[^<]*<pc[^]*?<\/source>\s*<\/segment>/ : /<trans-unit id="s2-1-p1\.2"[^>]*>\s*<source>[^]*?<\/source>\s*<note/;
      expect(xml).toMatch(segment);
      expect((await xliff(['import', `ja-${format}.xlf`])).stdout).toContain('unchanged');
      expect(await read(`${folder}/ja.md`)).toBe(draft);
    }
    // Translated in the tool, with the source's codes: the line gets the text, its marker stays.
    let xml = await exported('ja', '2.1');
    xml = xml.replace(/(<segment id="s2-1-p1\.2" canResegment="no") state="initial">(\s*<source[^>]*>)([^]*?)<\/source>/, (_all, head: string, open: string, content: string) => {
      const codes = [...content.matchAll(/<pc [^>]*>/g)].map((match) => match[0]);
      return `${head} state="translated">${open}${content}</source><target>訳文${codes.map((code) => `${code}語</pc>`).join('')}。</target>`;
    });
    await writeFile(join(root, 'ja-2.1.xlf'), xml);
    const result = await xliff(['import', 'ja-2.1.xlf']);
    expect(result, result.stderr).toMatchObject({ code: 0 });
    const written = (await read(`${folder}/ja.md`)).split('\n');
    expect(written[at - 1]).toMatch(/^訳文(:term\[語\]\{ref=[a-z0-9-]+\})+。 \{\.2\}$/);
    // An empty target for a translated sentence writes `:untranslated`, keeping the block ID.
    xml = await exported('ja', '1.2');
    xml = xml.replace(/(<trans-unit id="s2-1-p1\.3"[^]*?<\/source>\s*)<target state="translated">[^]*?<\/target>/, '$1<target state="new"></target>');
    await writeFile(join(root, 'empty.xlf'), xml);
    expect((await xliff(['import', 'empty.xlf'])).code).toBe(0);
    expect((await read(`${folder}/ja.md`)).split('\n')[at]).toBe(':untranslated {#s2-1-p1}');
  });

  it('refuses bad files, naming the unit, writing nothing, without a stack trace', async () => {
    const xml = await exported('ja', '2.1');
    const old = await exported('ja', '1.2');
    await refused(xml.slice(0, Math.floor(xml.length / 2)), /not well-formed or is cut short/);
    await refused(
      `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n${xml.slice(xml.indexOf('<xliff'))}`.replace('>第4回', '>&lol2;第4回'),
      /DOCTYPE or entities/,
    );
    await refused(old.replace('version="1.2"', 'version="2.1"'), /says version="2\.1" but its namespace is XLIFF 1\.2’s/);
    await refused(old, /is XLIFF 1\.2, not 2\.1/, undefined, ['--format', '2.1']);
    const unit = /\n {4}<unit id="s1-3"[^]*?<\/unit>/.exec(xml)?.[0] ?? '';
    await refused(xml.replace(unit, unit + unit), /appears twice/, 's1-3');
    await refused(xml.replace(unit, ''), /is missing/, 's1-3');
    await refused(xml.replace('<unit id="s1-3" name="s1-3">', '<unit id="s1-9" name="s1-9">'), /is not a block of .*another document/, 's1-9');
    await refused(xml.replace('trgLang="ja"', 'trgLang="en"'), /target language is `en`.*ja\.md, which is in `ja`/);
    await refused(xml.replace(/<pc id="1\.term\.tokyo"[^>]*>東京<\/pc>/, '東京'), /lost the mention of `tokyo`/, 'dateline');
    await refused(xml.replace('（2019年5月30日、', '（2019年5月30日、<ph id="1.note.invented"/>'), /inline code `note\.invented` that the export did not have/, 'dateline');
    await refused(xml.replace('Четвертый раунд', 'Пятый раунд'), /source differs from the document's/, 'title');
    // Another document's XLIFF: this document's export, its <file original> pointing at another document.
    const other = 'content/documents/2020-01-01-other';
    await mkdir(join(root, other));
    const front = (lang: string, role: string) => `---\ntitle: T\ndate: 2020-01-01\nplace: P\nlang: ${lang}\nrole: ${role}\nprovenance:\n  issuer: I\n  official: ${role === 'source'}\n---\n\n`;
    await writeFile(join(root, other, 'ru.md'), `${front('ru', 'source')}# Заголовок {#title}\n\nТекст. {#p1}\n`);
    await writeFile(join(root, other, 'ja.md'), `${front('ja', 'translation')}# 表題 {#title}\n\n本文。 {#p1}\n`);
    const before = await read(`${other}/ja.md`);
    await refused(xml.replace(`${folder}/ja.md`, `${other}/ja.md`), /unit `title`: segment `title\.1`: the source differs|is not a block of content\/documents\/2020-01-01-other\/ja\.md: is this the XLIFF of another document/);
    expect(await read(`${other}/ja.md`)).toBe(before);
  });

  it.skipIf(!hasXmllint)('writes XLIFF 2.1 that the OASIS XLIFF 2 core schema and glossary module accept (xmllint)', async () => {
    await exported('ja', '2.1');
    const output = execFileSync('xmllint', ['--noout', '--schema', join(schemas, 'xliff-2.1-with-glossary.xsd'), join(root, 'ja-2.1.xlf')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(output).toBe('');
    // The schema can fail: a segment with an unknown state is refused.
    const broken = (await read('ja-2.1.xlf')).replace('state="translated"', 'state="done"');
    await writeFile(join(root, 'broken.xlf'), broken);
    expect(() => execFileSync('xmllint', ['--noout', '--schema', join(schemas, 'xliff-2.1-with-glossary.xsd'), join(root, 'broken.xlf')], { stdio: 'ignore' })).toThrow();
  });

  it.skipIf(!hasTranslateToolkit)("is read by Debian's translate-toolkit: every unit of the XLIFF 1.2 file, with its source and target", async () => {
    await exported('en', '1.2');
    const script = `
import json, sys
from translate.storage import xliff
store = xliff.xlifffile.parsefile(open(sys.argv[1], 'rb'))
units = [u for u in store.units if u.istranslatable()]
print(json.dumps([[u.getid().split('\\x04')[-1], u.source, u.target] for u in units], ensure_ascii=False))
`;
    const units = JSON.parse(execFileSync(debianPython, ['-c', script, join(root, 'en-1.2.xlf')], { encoding: 'utf8' })) as string[][];
    expect(units).toHaveLength(24);
    expect(units[0][0]).toMatch(/title\.1$/);
    expect(units.find((unit) => unit[0].endsWith('dateline.1'))?.[2]).toBe('(May 30, 2019, Tokyo)');
  });
});
