/**
 * `npm run import -- FILE (--slug SLUG | --translation-of SLUG) --lang ru|ja|en --issuer "…" [options]`
 * (`--help` lists them): see `./run.ts`.
 */
import { runImport } from './run';

runImport(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Problems of the input are messages; reaching this means the importer itself could not run.
    process.stderr.write(`import: could not run: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
