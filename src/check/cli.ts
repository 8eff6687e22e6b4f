/**
 * `npm run check`: validates all content and prints every problem compiler-style. Exits 1 on any
 * error, 0 otherwise (warnings are printed but do not fail). Writes nothing: `npm run content` checks
 * the same way and writes the content cache.
 */
import { checkContent } from '../content/load';

async function main(): Promise<number> {
  const root = process.argv[2] ?? process.cwd();
  const { report, failed } = await checkContent(root);
  process.stdout.write(`${report}\n`);
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Content problems are messages; reaching this means the checker itself could not run.
    process.stderr.write(`check: could not run: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
