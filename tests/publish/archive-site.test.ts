/**
 * The site the `archive` browser tests read (tests/archive/): a generated archive built in its
 * scratch copy by `npm run build`, as an editor's archive would be. `npm run test:publish` builds it
 * here, beside the rebuild of tests/publish/rebuild-beside-server.test.ts (vitest runs the two files at
 * once, `maxWorkers` in vitest.config.ts: a build leaves a core idle much of the time), so that the
 * browser tests that follow find it built; run alone, they build it themselves.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { archiveOptions, archiveSite } from '../archive/where';

const root = join(import.meta.dirname, '..', '..');

it('builds the generated archive the browser tests browse: every document, and the library in pages of twenty', { timeout: 1_200_000 }, async () => {
  const child = spawn('npx', ['tsx', 'tests/archive/prepare.ts'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  expect(code, output.slice(-4000)).toBe(0);
  expect(output).toMatch(/^archive: (built|the site in .* is up to date)/m);
  for (const locale of ['ru', 'ja', 'en']) {
    expect((await readdir(join(archiveSite, locale, 'documents'))).length, locale).toBe(archiveOptions.docs);
    const pages = Math.ceil(archiveOptions.docs / 20);
    for (let page = 2; page <= pages; page++) expect(existsSync(join(archiveSite, locale, 'page', String(page), 'index.html')), `${locale} page ${page}`).toBe(true);
    expect(existsSync(join(archiveSite, locale, 'page', String(pages + 1)))).toBe(false);
  }
});
