/**
 * The check before the first build: two generated copies go through the project's own content check,
 * so that a template or a rule change that makes the copies invalid stops the run with the first
 * error, before any long build and before anything is written to bench/results/ or the chart.
 *
 * The check is the checkout's command `npm run check -- <folder>`, which takes the folder to check as
 * its argument. The bench runs it as it runs `npm run build`, rather than importing the loader, so that
 * it depends on the project's commands and not on where the content layers live.
 */
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { slugPattern } from '../../src/model/schema';
import { BenchError } from '../errors';
import { writeScaleContent, type GeneratedSet } from './generate';

/** A line of the check's compiler-style report that is an error: `path:line:col: error reason [rule-id]`. */
const errorLine = /^.+:\d+:\d+: error /;

/**
 * The errors that `npm run check` of the checkout at `root` reports for the content under
 * `folder/content`, as the report's lines, in its order (files by path, messages by place); none when
 * the content passes. Throws a BenchError when the check could not run.
 */
export function contentErrors(root: string, folder: string): string[] {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const check = spawnSync(npm, ['run', '--silent', 'check', '--', folder], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const failed = (why: string) => new BenchError(`could not run the content check \`npm run check -- ${folder}\`: ${why}`);
  if (check.error) throw failed(check.error.message);
  if (check.status === 0) return [];
  // Exit 1: the content has errors. Anything else (2, a signal): the check itself did not run.
  const errors = check.stdout.split('\n').filter((line) => errorLine.test(line));
  if (check.status === 1 && errors.length > 0) return errors;
  throw failed(`${check.stderr}\n${check.stdout}`.trim().split('\n')[0] || `exit ${check.status ?? check.signal}`);
}

/**
 * Writes `count` generated documents to `dest/content/` and runs the project's content check on them.
 * Throws a BenchError naming the first error when the copies are not valid.
 */
export async function checkGeneratedContent(root: string, dest: string, count = 2): Promise<GeneratedSet> {
  await rm(dest, { recursive: true, force: true });
  const set = await writeScaleContent(root, dest, count);
  const invalid = set.slugs.filter((slug) => !slugPattern.test(slug));
  if (invalid.length > 0 || new Set(set.slugs).size !== set.slugs.length) {
    throw new BenchError(`generated slugs are not valid and unique: ${set.slugs.join(', ')}`);
  }
  const errors = contentErrors(root, dest);
  if (errors.length > 0) {
    throw new BenchError(`the generated copies of ${set.template} fail the content check (${errors.length} errors; first: ${errors[0]}); see ${dest}`);
  }
  return set;
}
