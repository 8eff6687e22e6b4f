/**
 * `npm run content`: checks all content as `npm run check` does, prints the same report and, when
 * there is no error, writes the content cache (`.content/`) that the site is built from. A document
 * unchanged since the last run, with the same glossary and code, is taken from the cache as it was
 * (src/cache/reuse.ts); `--fresh` runs every document through the pipeline again. Exits 1 on any error
 * (nothing is written), 0 otherwise; 2 when it cannot run (a wrong option or folder).
 *
 *   npm run content [-- ROOT] [--fresh]     # ROOT: the project folder holding content/ (default: the current one)
 */
import { relative } from 'node:path';
import { writeContentCache } from './write';
import { cachePaths } from './catalog';
import { rootAndFlags, UsageError } from './root-argument';

const usage = 'usage: npm run content [-- ROOT] [--fresh]   (ROOT: the folder that holds content/; default: the current folder; --fresh: reuse nothing of the last run)';

async function main(): Promise<number> {
  const { root, flags } = rootAndFlags(process.argv.slice(2), ['fresh']);
  const started = performance.now();
  const result = await writeContentCache(root, { fresh: flags.has('fresh') });
  process.stdout.write(`${result.report}\n`);
  if (!result.written) {
    process.stdout.write('content cache not written: fix the errors above\n');
    return 1;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const plural = result.documents === 1 ? '' : 's';
  const folder = relative(process.cwd(), cachePaths(root).folder) || '.';
  const reused = result.reused > 0 ? ` (${result.reused} unchanged since the last run, taken as they were)` : '';
  process.stdout.write(`content cache written to ${folder}/: ${result.documents} document${plural}${reused}, catalog ${(result.catalogBytes / 1000).toFixed(1)} kB, ${seconds} s\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`content: ${error.message}\n${usage}\n`);
      process.exitCode = 2;
      return;
    }
    // Content problems are messages; reaching this means the writer itself could not run (a full disk, no permission).
    process.stderr.write(`content: could not run: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
