/**
 * `npm run check`: validates all content and prints every problem compiler-style. Exits 1 on any
 * error, 0 otherwise (warnings are printed but do not fail).
 */
import { loadContent, hasErrors } from '../content/load';
import { formatReport } from './format';

async function main(): Promise<number> {
  const root = process.argv[2] ?? process.cwd();
  const { files } = await loadContent(root);
  process.stdout.write(`${formatReport(files)}\n`);
  return hasErrors(files) ? 1 : 0;
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
