/**
 * What the importer's commands (`npm run import`, `npm run translate`) share: reading the command line,
 * where a wrong option is a `UsageError` the command prints with its usage line, and running as a
 * process, where only a fault of the command itself exits 2, never with a stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command line the command cannot take: printed with the usage line, exit 1. */
export class UsageError extends Error {}

/** `parseArgs` with positionals allowed, its errors as `UsageError`s. */
export function parseCommandLine<const Options extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: Options) {
  try {
    return parseArgs({ args, allowPositionals: true, options });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Runs a command as the process: its exit code, or 2 with one line when the command itself could not run. */
export function runMain(name: string, run: (argv: string[], io: { cwd: string; stdout: (text: string) => void; stderr: (text: string) => void }) => Promise<number>): void {
  run(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // Problems of the input are messages; reaching this means the command itself could not run.
      process.stderr.write(`${name}: could not run: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
