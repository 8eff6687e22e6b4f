/**
 * Bundles, with esbuild, minified, for browsers of the last few years, what the pages load besides
 * their HTML and inlined CSS: the page script (src/behaviour/index.ts) into
 * `public/assets/site.<hash>.js`, and the print stylesheet (src/app/print.css), which is not inlined
 * into every page, into `public/assets/print.<hash>.css`. Each name carries a hash of the content, so
 * a host can cache it for good; older bundles are removed. Run before `next build` (and `next dev`);
 * the layouts find the files by their prefix (src/site/assets.ts).
 *
 *   tsx src/export/bundle-behaviour.ts
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { assetsDir, printPrefix, scriptPrefix } from '../site/asset-names';

const target = ['chrome111', 'firefox113', 'safari16.4'];

/** Each bundle: its entry point, the prefix and extension of its file, esbuild's options for it. */
const bundles: Array<{ entry: string[]; prefix: string; extension: string; options: BuildOptions }> = [
  { entry: ['src', 'behaviour', 'index.ts'], prefix: scriptPrefix, extension: '.js', options: { format: 'iife' } },
  { entry: ['src', 'app', 'print.css'], prefix: printPrefix, extension: '.css', options: {} },
];

/** Writes every bundle; returns their file names. */
export async function bundleBehaviour(root: string): Promise<string[]> {
  const dir = join(root, 'public', assetsDir);
  await mkdir(dir, { recursive: true });
  const names: string[] = [];
  for (const { entry, prefix, extension, options } of bundles) {
    const result = await build({
      ...options,
      entryPoints: [join(root, ...entry)],
      bundle: true,
      minify: true,
      target,
      write: false,
      legalComments: 'none',
      logLevel: 'silent',
    });
    const code = result.outputFiles?.[0]?.contents;
    if (!code) throw new Error(`esbuild produced no output for ${entry.join('/')}`);
    const hash = createHash('sha256').update(code).digest('base64url').slice(0, 10);
    for (const name of await readdir(dir)) {
      if (name.startsWith(prefix) && name.endsWith(extension)) await rm(join(dir, name));
    }
    const name = `${prefix}${hash}${extension}`;
    await writeFile(join(dir, name), code);
    names.push(name);
  }
  return names;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  bundleBehaviour(process.cwd()).then(
    (names) => process.stdout.write(`bundle: ${names.map((name) => `public/${assetsDir}/${name}`).join(', ')}\n`),
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
