/**
 * The site the `archive` browser tests read: a small generated archive (`archiveOptions`: enough
 * documents for three pages of the library and for facet values and glossary entries with two),
 * built once, in a scratch copy of the project (`.scratch/archive/`), as `npm run build` builds any
 * content. Playwright's web server for the `archive` project runs this, then serves
 * `.scratch/archive/out` with `npm start`'s server (playwright.config.ts).
 *
 *   npx tsx tests/archive/prepare.ts
 *
 * The build is reused while nothing it is made from has changed: the files of the checkout that git
 * does not ignore, but for content/ (the generated archive replaces it) and what the build never reads
 * (`notBuiltFrom`: the tests, so that editing a test does not rebuild), and the options, hashed into
 * `.scratch/archive/built-from`; the build's output is kept in `.scratch/archive/build.log`. Anything else (a fresh clone, an edited template) builds anew,
 * clean: about a minute and a half on a quiet 2-core machine.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { copyProject, excludedFromCopy } from '../../bench/scale/scratch-copy';
import { firstDocumentLength, writeArchive } from '../../src/generate/write';
import { archiveOptions, archiveRoot, archiveSite } from './where';

const root = join(import.meta.dirname, '..', '..');
const stampFile = join(archiveRoot, 'built-from');

/** Top-level folders and files of the checkout that `npm run build` never reads. */
const notBuiltFrom: readonly string[] = ['tests', 'docs', 'bench', '.ci', 'README.md'];

/** A hash of what the build is made from: the options and every file of the checkout the scratch copy takes. */
function sourceHash(): string {
  const hash = createHash('sha256').update(JSON.stringify(archiveOptions));
  const listed = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  // Not a checkout: nothing to compare, so build every time.
  if (listed.status !== 0) return `unknown ${Date.now()}`;
  const files = listed.stdout
    .split('\0')
    .filter((file) => file && ![...excludedFromCopy, ...notBuiltFrom].includes(file.split('/')[0]))
    .sort();
  for (const file of files) {
    const path = join(root, file);
    // A file deleted but still in the index.
    if (!existsSync(path) || !statSync(path).isFile()) continue;
    hash.update(`${file}\0`).update(readFileSync(path)).update('\0');
  }
  return hash.digest('hex');
}

/**
 * Runs `npm run build -- --clean` in the scratch copy, without what npm set about the checkout's
 * package; its output, each chunk marked with the seconds since the start, is the log.
 */
function build(): Promise<{ code: number | null; log: string }> {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key === 'INIT_CWD' || key.startsWith('npm_package_') || key.startsWith('npm_lifecycle_')) delete env[key];
  const started = performance.now();
  const child = spawn('npm', ['run', 'build', '--', '--clean'], { cwd: archiveRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const record = (chunk: Buffer) => (log += `[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${chunk.toString()}`);
  child.stdout.on('data', record);
  child.stderr.on('data', record);
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, log })));
}

async function main(): Promise<void> {
  const wanted = sourceHash();
  const built = existsSync(stampFile) ? (await readFile(stampFile, 'utf8')).trim() : '';
  if (built === wanted && existsSync(join(archiveSite, 'index.html'))) {
    process.stdout.write(`archive: the site in ${archiveSite} is up to date\n`);
    return;
  }
  const started = performance.now();
  await copyProject(root, archiveRoot);
  const generated = `${archiveRoot}-generated`;
  const baseLength = firstDocumentLength(root);
  writeArchive(generated, { ...archiveOptions, ...(baseLength === undefined ? {} : { baseLength }) });
  await rename(join(generated, 'content'), join(archiveRoot, 'content'));
  await rm(generated, { recursive: true, force: true });
  const { code, log } = await build();
  await writeFile(join(archiveRoot, 'build.log'), log);
  if (code !== 0) {
    process.stderr.write(`archive: the build of the generated archive failed (exit ${code}); its end:\n${log.slice(-4000)}\n`);
    process.exit(1);
  }
  await writeFile(stampFile, `${wanted}\n`);
  process.stdout.write(`archive: built ${archiveOptions.docs} generated documents in ${archiveSite} in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
}

await main();
