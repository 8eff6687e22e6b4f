/**
 * The project folder that `npm run check` and `npm run content` take as their one optional
 * argument. A wrong option, a second folder or a path that is no folder is a `UsageError`, which
 * the commands print with their usage line (no stack trace) and exit 2.
 */
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The folder named by `args` (the command line after the script), or the current folder. */
export function rootArgument(args: readonly string[]): string {
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ args: [...args], allowPositionals: true, options: {} }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (positionals.length > 1) throw new UsageError(`one project folder at most, not ${positionals.length}`);
  const root = positionals[0] ?? process.cwd();
  let folder = false;
  try {
    folder = statSync(root).isDirectory();
  } catch {
    // Not there, or not readable: reported as not a folder.
  }
  if (!folder) throw new UsageError(`${root} is not a folder`);
  return root;
}
