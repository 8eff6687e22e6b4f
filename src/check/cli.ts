/**
 * `npm run check`: validates all content and prints every problem compiler-style. Exits 1 on any
 * error, 0 otherwise (warnings are printed but do not fail). Writes nothing: `npm run content` checks
 * the same way and writes the content cache.
 *
 *   npm run check [-- ROOT]     # ROOT: the project folder holding content/ (default: the current one)
 *
 * A wrong option, or a ROOT that is not a folder, is named with the usage, and the exit code is 2.
 */
import { checkContent } from '../cache/load';
import { rootArgument, UsageError } from '../cache/root-argument';

const usage = 'usage: npm run check [-- ROOT]   (ROOT: the folder that holds content/; default: the current folder)';

async function main(): Promise<number> {
  const { report, failed } = await checkContent(rootArgument(process.argv.slice(2)));
  process.stdout.write(`${report}\n`);
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`check: ${error.message}\n${usage}\n`);
      process.exitCode = 2;
      return;
    }
    // Content problems are messages; reaching this means the checker itself could not run.
    process.stderr.write(`check: could not run: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
