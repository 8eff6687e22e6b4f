/**
 * The check before the first build: two generated copies go through the project's own content check,
 * so that a template or a rule change that makes the copies invalid stops the run with the first
 * error, before any long build and before anything is written to bench/results/ or the chart. The
 * only module of the bench that imports the content loader and the report format.
 */
import { rm } from 'node:fs/promises';
import { diagnostics, formatDiagnostic } from '../../src/check/format';
import { hasErrors, loadContent } from '../../src/content/load';
import { slugPattern } from '../../src/content/schema';
import { BenchError } from '../errors';
import { writeScaleContent, type GeneratedSet } from './generate';

/**
 * Runs the project's content check (`loadContent`) on a small generated set, so that a template or a
 * rule change that makes the copies invalid stops the run before any long build.
 */
export async function checkGeneratedContent(root: string, dest: string, count = 2): Promise<GeneratedSet> {
  await rm(dest, { recursive: true, force: true });
  const set = await writeScaleContent(root, dest, count);
  const invalid = set.slugs.filter((slug) => !slugPattern.test(slug));
  if (invalid.length > 0 || new Set(set.slugs).size !== set.slugs.length) {
    throw new BenchError(`generated slugs are not valid and unique: ${set.slugs.join(', ')}`);
  }
  const { files } = await loadContent(dest);
  if (hasErrors(files)) {
    const errors = diagnostics(files).filter((d) => d.severity === 'error');
    throw new BenchError(`the generated copies of ${set.template} fail the content check (${errors.length} errors; first: ${formatDiagnostic(errors[0])}); see ${dest}`);
  }
  return set;
}
