import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diagnostics, type Diagnostic } from '../../src/check/format';
import { loadContent, type LoadedContent } from '../../src/content/load';

export const fixturesDir = join(import.meta.dirname, '..', 'fixtures');

/**
 * Loads the base fixture content with the files of `tests/fixtures/rules/<name>` laid over it, in a
 * temporary folder, and returns the diagnostics of every file.
 */
export async function loadFixture(name?: string): Promise<{ content: LoadedContent; list: Diagnostic[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'reader-fixture-'));
  try {
    await cp(join(fixturesDir, 'base'), dir, { recursive: true });
    if (name) await cp(join(fixturesDir, 'rules', name), dir, { recursive: true });
    const content = await loadContent(dir);
    return { content, list: diagnostics(content.files) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
