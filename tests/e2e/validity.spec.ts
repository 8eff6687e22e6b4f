/**
 * Every page of the export is valid HTML: the Nu Html Checker (vnu-jar from npm, the W3C's validator,
 * run offline with the Java runtime Debian's `default-jre-headless` gives; `.ci/run` installs it)
 * reports no error on any page as the build wrote it.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { expect, test } from './fixtures';

const out = join(process.cwd(), 'out');
// The package's main export is the path of its jar (a String object).
const vnu = String(createRequire(import.meta.url)('vnu-jar'));

function pagesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? pagesUnder(path) : name.endsWith('.html') ? [path] : [];
  });
}

interface VnuMessage {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
}

test('the Nu Html Checker finds no error on any page of the export', () => {
  test.setTimeout(120_000);
  const java = spawnSync('java', ['-version']);
  expect(java.error, 'no Java runtime: install Debian’s default-jre-headless (.ci/run does)').toBeUndefined();
  const pages = pagesUnder(out).sort();
  expect(pages.length).toBeGreaterThan(100);
  // The checker writes its JSON report to standard error, and exits 1 when it finds errors.
  const run = spawnSync('java', ['-jar', vnu, '--errors-only', '--format', 'json', ...pages], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(run.status === 0 || run.status === 1, `the checker could not run: ${run.stderr.slice(0, 500)}`).toBe(true);
  const report = run.stderr;
  const { messages } = JSON.parse(report.slice(report.indexOf('{'))) as { messages: VnuMessage[] };
  const errors = messages.filter((message) => message.type === 'error').map((message) => `${relative(out, new URL(message.url).pathname)}:${message.lastLine ?? 0}: ${message.message}`);
  expect(errors).toEqual([]);
});
