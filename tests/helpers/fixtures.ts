import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diagnostics, type Diagnostic } from '../../src/model/format';
import { loadContent, type LoadedContent } from '../../src/cache/load';
import type { Archive } from '../../src/model/types';

export const fixturesDir = join(import.meta.dirname, '..', 'fixtures');

/** What to lay over the base fixture: a folder of `tests/fixtures/rules` or `tests/fixtures/faults`, and files made by the test. */
export interface FixtureOptions {
  /** The corpus the named folder is in. Default: `rules`. */
  corpus?: 'rules' | 'faults';
  /** Writes generated files into the fixture's folder (the project root of the copy), after the named folder is laid over. */
  prepare?: (dir: string) => Promise<void>;
}

/**
 * Loads the base fixture content with the files of `tests/fixtures/<corpus>/<name>` laid over it, in a
 * temporary folder, and returns the diagnostics of every file.
 */
export async function loadFixture(name?: string, options: FixtureOptions = {}): Promise<{ content: LoadedContent; list: Diagnostic[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'reader-fixture-'));
  try {
    await cp(join(fixturesDir, 'base'), dir, { recursive: true });
    if (name) await cp(join(fixturesDir, options.corpus ?? 'rules', name), dir, { recursive: true });
    await options.prepare?.(dir);
    const content = await loadContent(dir);
    return { content, list: diagnostics(content.files) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The edition under `root/content`, for tests that need content without errors; fails with the report otherwise. */
export async function loadArchive(root = join(import.meta.dirname, '..', '..')): Promise<Archive> {
  const content = await loadContent(root);
  if (content.failed) throw new Error(`the content has errors:\n${content.report}`);
  return content.archive;
}
