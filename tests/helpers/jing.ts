/**
 * RELAX NG validation by jing (Debian's `jing`, the reference validator; .ci/run installs it), for the
 * tests that hold an export to a vendored schema (tests/schemas/). Tests never download a schema.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

function onPath(program: string): string | undefined {
  return (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, program)).find((path) => existsSync(path));
}

/**
 * Runs jing once over `files` against `schema` (`compact`: a `.rnc` in RELAX NG Compact Syntax); the
 * errors of each file (`line:column: message`), empty for a valid file.
 */
export async function validateWithJing(schema: string, files: readonly string[], { compact = false } = {}): Promise<Map<string, string[]>> {
  const jing = onPath('jing');
  if (!jing) throw new Error('jing is not installed, so the exports cannot be validated: install it with `apt-get install -y jing` (Debian; .ci/run does)');
  const stdout = await new Promise<string>((resolve, reject) => {
    // Exit code 1 means "invalid": the errors are on stdout. Anything on stdout that is not an error line is a failure of jing itself.
    execFile(jing, [...(compact ? ['-c'] : []), schema, ...files], { maxBuffer: 16 * 1024 * 1024 }, (error, out, err) => {
      if (error && error.code !== 1) reject(new Error(`jing could not run (${error.message}): ${err}`));
      else resolve(out);
    });
  });
  const errors = new Map<string, string[]>(files.map((file) => [file, []]));
  for (const line of stdout.split('\n').filter(Boolean)) {
    const match = /^(.*?):(\d+):(\d+): (?:error|fatal): (.*)$/.exec(line);
    const list = match ? errors.get(match[1]) : undefined;
    if (!match || !list) throw new Error(`jing said something other than an error of a file: ${line}`);
    list.push(`${match[2]}:${match[3]}: ${match[4]}`);
  }
  return errors;
}
