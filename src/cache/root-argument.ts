/**
 * The project folder that `npm run check` and `npm run content` take as their one optional
 * argument, and the flags a command may take beside it. A wrong option, a second folder or a path that is no folder is a `UsageError`, which
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
  return rootAndFlags(args, []).root;
}

/** The folder named by `args`, or the current folder, and which of the boolean `flags` (`--name`) were given. */
export function rootAndFlags<const Flag extends string>(args: readonly string[], flags: readonly Flag[]): { root: string; flags: Set<Flag> } {
  let positionals: string[];
  let values: Record<string, unknown>;
  try {
    ({ positionals, values } = parseArgs({ args: [...args], allowPositionals: true, options: Object.fromEntries(flags.map((flag) => [flag, { type: 'boolean' as const }])) }));
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
  return { root, flags: new Set(flags.filter((flag) => values[flag] === true)) };
}
