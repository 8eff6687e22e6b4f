/**
 * What `npm run import` must do with any file, asserted: print Markdown that passes the check and keeps
 * every character of the text (white space aside, which is layout), or refuse compiler-style, with
 * exit code 1 and a message that names a place and a rule; never a stack trace, and never a refusal
 * for syntax it should have escaped.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import { VFile } from 'vfile';
import type { Language } from '../../src/model/languages';
import { runImport } from '../../src/importer/run';
import { createProcessor } from '../../src/pipeline';
import { messageSource } from '../../src/model/report';

/** Rules that an imported file breaks only if the importer failed to escape its text or to give IDs. */
const escapingRules = ['raw-html', 'unsafe-link', 'unsupported-syntax', 'directive-unknown', 'block-kind', 'block-id-missing', 'block-id-syntax', 'duplicate-id', 'term-syntax', 'note-syntax', 'sentence-syntax'];

/** The text without white space. */
const visible = (text: string) => text.replace(/\s+/gu, '');

const processor = createProcessor();

/**
 * Imports `input` (a path) as `npm run import -- input --lang lang … --out -` does, in `cwd`, with the
 * date and place given (so that a text without a date line is imported too), and asserts the above.
 * Resolves with the exit code.
 */
export async function expectFaithfulImport(cwd: string, input: string, lang: Language): Promise<number> {
  let stdout = '';
  let stderr = '';
  const args = [input, '--slug', '2020-01-15-import', '--lang', lang, '--issuer', 'Issuer', '--date', '2020-01-15', '--place', 'Tokyo', '--out', '-'];
  const code = await runImport(args, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  expect(stderr, input).not.toMatch(/\n\s+at /);
  if (code !== 0) {
    expect([input, code, stdout]).toEqual([input, 1, '']);
    expect(stderr, input).toMatch(/^\S+:\d+:\d+: error .+ \[[a-z]+(?:-[a-z]+)*\]$/m);
    for (const rule of escapingRules) expect(stderr, input).not.toContain(`[${rule}]`);
    return code;
  }
  const file = new VFile({ path: `imported/${lang}.md`, value: stdout });
  file.data.lang = lang;
  await processor.process(file);
  for (const message of file.messages) expect([message.source, message.fatal, message.ruleId]).toEqual([messageSource, false, message.ruleId]);
  // Every character of the text as the file holds it, in order, in the blocks.
  const text = new TextDecoder().decode(await readFile(resolve(cwd, input)));
  const blocks = (file.data.blocks ?? []).map((block) => block.text).join('');
  expect(visible(blocks), input).toBe(visible(text));
  return code;
}
