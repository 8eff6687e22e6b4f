/**
 * Bundles the page script (src/behaviour/index.ts) with esbuild into `public/assets/site.<hash>.js`,
 * minified, for browsers of the last few years. The name carries a hash of the content, so a host can
 * cache it for good; older bundles are removed. Run before `next build` (and `next dev`); the layout
 * finds the file by its prefix (src/site/assets.ts).
 *
 *   tsx src/export/bundle-behaviour.ts
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { assetsDir, scriptPrefix } from '../site/asset-names';

export async function bundleBehaviour(root: string): Promise<string> {
  const result = await build({
    entryPoints: [join(root, 'src', 'behaviour', 'index.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['chrome111', 'firefox113', 'safari16.4'],
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents;
  if (!code) throw new Error('esbuild produced no output');
  const hash = createHash('sha256').update(code).digest('base64url').slice(0, 10);
  const dir = join(root, 'public', assetsDir);
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(dir)) {
    if (name.startsWith(scriptPrefix)) await rm(join(dir, name));
  }
  const name = `${scriptPrefix}${hash}.js`;
  await writeFile(join(dir, name), code);
  return name;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  bundleBehaviour(process.cwd()).then(
    (name) => process.stdout.write(`page script: public/${assetsDir}/${name}\n`),
    (error: unknown) => {
      const errors = (error as { errors?: Array<{ text: string; location?: { file: string; line: number; column: number } }> }).errors;
      if (errors?.length) {
        for (const { text, location } of errors) {
          process.stderr.write(`${location ? `${location.file}:${location.line}:${location.column + 1}: ` : ''}error ${text}\n`);
        }
      } else {
        process.stderr.write(`bundle: ${error instanceof Error ? error.message : String(error)}\n`);
      }
      process.exitCode = 1;
    },
  );
}
