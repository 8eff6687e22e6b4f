/**
 * Bundles, with esbuild, minified, for browsers of the last few years, what the pages load besides
 * their HTML and inlined CSS: the page script (src/behaviour/index.ts) into
 * `public/assets/site.<hash>.js`, an ES module, and the print stylesheet (src/app/print.css), which
 * is not inlined into every page, into `public/assets/print.<hash>.css`. What the page script imports
 * with `import()` (the search page's code) is split into files of its own,
 * `public/assets/part.<hash>.js`, which only the pages that use them load. Each name carries a hash
 * of the content, so a host can cache it for good; older bundles are removed. Run before
 * `next build` (and `next dev`); the layouts find the files by their prefix (src/site/assets.ts).
 *
 *   tsx src/export/bundle-behaviour.ts
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { assetsDir, partPrefix, printPrefix, scriptPrefix } from '../site/asset-names';

const target = ['chrome111', 'firefox113', 'safari16.4'];

/**
 * Each bundle: its entry point, the prefixes of its files (the entry's first, then the split parts'),
 * their extension, esbuild's options for it.
 */
const bundles: Array<{ entry: string[]; prefixes: string[]; extension: string; options: BuildOptions }> = [
  { entry: ['src', 'behaviour', 'index.ts'], prefixes: [scriptPrefix, partPrefix], extension: '.js', options: { format: 'esm', splitting: true, chunkNames: `${partPrefix}[hash]` } },
  { entry: ['src', 'app', 'print.css'], prefixes: [printPrefix], extension: '.css', options: {} },
];

/** A name for `code`: the prefix and a hash of the content. */
const hashedName = (prefix: string, code: Uint8Array, extension: string) =>
  `${prefix}${createHash('sha256').update(code).digest('base64url').slice(0, 10)}${extension}`;

/** Writes every bundle; returns their file names, each entry's first. */
export async function bundleBehaviour(root: string): Promise<string[]> {
  const dir = join(root, 'public', assetsDir);
  await mkdir(dir, { recursive: true });
  const names: string[] = [];
  for (const { entry, prefixes, extension, options } of bundles) {
    const [prefix = ''] = prefixes;
    const result = await build({
      ...options,
      entryPoints: [join(root, ...entry)],
      // Where esbuild would write: only the names relative to it are used (nothing is written).
      outdir: dir,
      entryNames: `${prefix}entry`,
      bundle: true,
      minify: true,
      target,
      write: false,
      legalComments: 'none',
      logLevel: 'silent',
    });
    const files = result.outputFiles ?? [];
    const main = files.find((file) => basename(file.path) === `${prefix}entry${extension}`);
    if (!main) throw new Error(`esbuild produced no output for ${entry.join('/')}`);
    for (const name of await readdir(dir)) {
      if (prefixes.some((each) => name.startsWith(each)) && name.endsWith(extension)) await rm(join(dir, name));
    }
    // The parts are named by esbuild's hash of their content, and the entry imports them by those
    // names, so the entry's own hash (taken of its text) changes whenever a part does.
    for (const file of [main, ...files.filter((file) => file !== main)]) {
      const name = file === main ? hashedName(prefix, file.contents, extension) : basename(file.path);
      await writeFile(join(dir, name), file.contents);
      names.push(name);
    }
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
