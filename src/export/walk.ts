import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file under `dir`, depth first, as absolute paths. Each folder is listed synchronously: an
 * export of 1,000 documents has some 40,000 folders, and listing them one asynchronous call at a time
 * took 2.5 s where this takes 1 s; no step does anything else meanwhile. The folders in `skip`
 * (absolute paths) are not entered.
 */
export async function* walk(dir: string, skip?: ReadonlySet<string>): AsyncGenerator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skip?.has(path)) yield* walk(path, skip);
    } else yield path;
  }
}
