/**
 * Bundles, with esbuild, minified, for browsers of the last few years, what the pages load besides
 * their HTML and inlined CSS: the page script (src/behaviour/index.ts) into
 * `public/assets/site.<hash>.js`, an ES module, and the print stylesheet (src/app/print.css), which
 * is not inlined into every page, into `public/assets/print.<hash>.css`. What the page script imports
 * with `import()` (the search page's code) is split into files of its own,
 * `public/assets/part.<hash>.js`, which only the pages that use them load. Each name carries a hash
 * of the content, so a host can cache it for good; older bundles are removed. Then the early scripts,
 * inline in the pages (src/behaviour/early/), each into one minified script (an IIFE: no module
 * syntax, as it runs while the page is parsed), with the page script's address put in; they go, by
 * name, into `.bundle/early-scripts.json`, which the pages read when they are rendered (the security
 * headers step hashes them from the pages, as any inline script). Run before `next build` (and
 * `next dev`); the layouts find the files by their prefix and the early scripts by name
 * (src/site/assets.ts).
 *
 *   tsx src/export/bundle-behaviour.ts
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import { build, transform, type BuildOptions, type Plugin } from 'esbuild';
import { assetsDir, earlyScriptNames, earlyScriptsFile, laterPrefix, partPrefix, printPrefix, scriptPrefix, type EarlyScriptName } from '../site/asset-names';

const target = ['chrome111', 'firefox113', 'safari16.4'];

/**
 * Tells esbuild that the modules of the page–script contract (src/contract/) have no side effects.
 * Its names are TypeScript enums, which esbuild writes where they are used; a module that holds only
 * names would otherwise stay behind as an empty file of the bundle, which every file that names it
 * imports.
 */
const contractWithoutSideEffects: Plugin = {
  name: 'contract-without-side-effects',
  setup(builder) {
    builder.onResolve({ filter: /^\./ }, async ({ path, resolveDir, kind, importer, pluginData }) => {
      if (pluginData === contractWithoutSideEffects) return undefined;
      const resolved = await builder.resolve(path, { resolveDir, kind, importer, pluginData: contractWithoutSideEffects });
      return resolved.path.includes(`${sep}src${sep}contract${sep}`) ? { ...resolved, sideEffects: false } : resolved;
    });
  },
};

/**
 * Each bundle: its entry point, the prefixes of its files (the entry's first, then the split parts'),
 * their extension, esbuild's options for it.
 */
const bundles: Array<{ entry: string[]; prefixes: string[]; extension: string; options: BuildOptions }> = [
  { entry: ['src', 'behaviour', 'index.ts'], prefixes: [scriptPrefix, partPrefix], extension: '.js', options: { format: 'esm', splitting: true, chunkNames: `${partPrefix}[hash]`, plugins: [contractWithoutSideEffects] } },
  { entry: ['src', 'app', 'print.css'], prefixes: [printPrefix], extension: '.css', options: {} },
  { entry: ['src', 'app', 'later.css'], prefixes: [laterPrefix], extension: '.css', options: {} },
];

/** A name for `code`: the prefix and a hash of the content. */
const hashedName = (prefix: string, code: Uint8Array, extension: string) =>
  `${prefix}${createHash('sha256').update(code).digest('base64url').slice(0, 10)}${extension}`;

/** Writes every bundle, then the early scripts; returns the files written, relative to `root`, each entry's first. */
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
      names.push(`public/${assetsDir}/${name}`);
    }
  }
  const pageScript = names.find((name) => basename(name).startsWith(scriptPrefix) && name.endsWith('.js'));
  if (!pageScript) throw new Error('the page script was not written');
  const early = await compileEarlyScripts(root, `/${assetsDir}/${basename(pageScript)}`);
  const file = join(root, ...earlyScriptsFile);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(early, null, 2)}\n`);
  names.push(earlyScriptsFile.join('/'));
  return names;
}

/**
 * Compiles each early script (`src/behaviour/early/<name>.ts`, with what it imports) into one
 * minified classic script, and puts in the page script's address (`pageScript`). Bundled first and
 * given the address after, so that esbuild leaves the loader's `import()` of it alone: the pages load
 * it, and the byte budgets find it there (src/export/page-scripts.ts).
 */
export async function compileEarlyScripts(root: string, pageScript: string): Promise<Record<EarlyScriptName, string>> {
  // What the early scripts are told at build time: the identifiers they declare, replaced by esbuild.
  const facts: Record<string, string> = { PAGE_SCRIPT_ADDRESS: JSON.stringify(pageScript) };
  const compiled: Partial<Record<EarlyScriptName, string>> = {};
  for (const name of earlyScriptNames) {
    const result = await build({
      entryPoints: [join(root, 'src', 'behaviour', 'early', `${name}.ts`)],
      bundle: true,
      minify: true,
      format: 'iife',
      target,
      // Not strict ("use strict" would cost every page its bytes): the scripts need nothing of it.
      tsconfigRaw: { compilerOptions: { alwaysStrict: false } },
      write: false,
      legalComments: 'none',
      logLevel: 'silent',
    });
    const [bundled] = result.outputFiles ?? [];
    if (!bundled) throw new Error(`esbuild produced no output for the early script ${name}`);
    const { code } = await transform(bundled.text, { minify: true, target, define: facts, legalComments: 'none' });
    const unknown = Object.keys(facts).find((fact) => code.includes(fact));
    if (unknown) throw new Error(`the early script ${name} still names ${unknown}`);
    compiled[name] = code.trim();
  }
  return compiled as Record<EarlyScriptName, string>;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  bundleBehaviour(process.cwd()).then(
    (names) => process.stdout.write(`bundle: ${names.join(', ')}\n`),
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
