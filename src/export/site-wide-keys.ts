/**
 * The build step that keys the site-wide pages (src/site/site-wide-keys.ts) once the content cache is
 * written, into `<folder>.site-wide-keys.json` beside the build's folder: the build keeps them in its
 * record, and an incremental build renders the site-wide pages whose keys changed. Site modules are
 * server-only: run with the configuration that makes `server-only` the empty module it is on the server:
 *
 *   tsx --tsconfig src/export/site-scripts.tsconfig.json src/export/site-wide-keys.ts FOLDER
 */
import { writeFile } from 'node:fs/promises';
import { siteWideKeys } from '../site/site-wide-keys';
import { siteWideKeysPath } from './incremental';

if (import.meta.url === `file://${process.argv[1]}`) {
  const [folder] = process.argv.slice(2);
  if (!folder) {
    process.stderr.write('usage: tsx --tsconfig src/export/site-scripts.tsconfig.json src/export/site-wide-keys.ts FOLDER\n');
    process.exit(2);
  }
  const started = performance.now();
  siteWideKeys()
    .then(async (keys) => {
      await writeFile(siteWideKeysPath(folder), JSON.stringify(keys));
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stdout.write(`site-wide keys: ${Object.keys(keys).length} pages keyed; ${seconds} s\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`site-wide keys: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
