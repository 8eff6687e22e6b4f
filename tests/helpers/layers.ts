/**
 * The import-direction check: every module's imports (static, re-exported and dynamic, type-only ones
 * included) are resolved to files, and each file's folder is placed in a layer by the table of
 * docs/architecture.md. A module may import from its own folder and from lower layers only.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseSync } from 'oxc-parser';

export interface Layer {
  level: number;
  folders: string[];
}

/** The layers of the table in `markdown`: rows `| <level> | \`folder\`, \`folder\` | … |`. */
export function readLayers(markdown: string): Layer[] {
  const layers: Layer[] = [];
  for (const match of markdown.matchAll(/^\| (\d+) \| ((?:`[^`]+`(?:, )?)+) \|/gm)) {
    layers.push({ level: Number(match[1]), folders: [...match[2].matchAll(/`([^`]+)`/g)].map((folder) => folder[1]) });
  }
  return layers;
}

const sourceFile = /\.(?:ts|tsx|mts|mjs|js)$/;
const extensions = ['', '.ts', '.tsx', '.mts', '.mjs', '.js', '/index.ts', '/index.tsx', '/index.mjs'];

/** Every module under `folders` of `root`, relative to `root`. */
export function modulesUnder(root: string, folders: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(join(root, dir))) return;
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (sourceFile.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(path);
    }
  };
  for (const folder of folders) walk(folder);
  return found.sort();
}

/** The file an import specifier names, relative to `root`; undefined for a package or a missing file. */
function resolveImport(root: string, from: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith('@/')) base = join('src', specifier.slice(2));
  else if (specifier.startsWith('.')) base = join(dirname(from), specifier);
  else return undefined;
  for (const extension of extensions) {
    const candidate = base + extension;
    const path = join(root, candidate);
    if (existsSync(path) && statSync(path).isFile()) return candidate;
  }
  return undefined;
}

/** The imports of one module, each with its line. */
export function importsOf(root: string, path: string): Array<{ specifier: string; line: number }> {
  const text = readFileSync(join(root, path), 'utf8');
  const { module, errors } = parseSync(path, text);
  if (errors.length > 0) throw new Error(`${path}: cannot be parsed: ${errors[0].message}`);
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const found: Array<{ specifier: string; line: number }> = [];
  for (const item of module.staticImports) found.push({ specifier: item.moduleRequest.value, line: lineOf(item.start) });
  for (const item of module.staticExports) {
    for (const entry of item.entries) if (entry.moduleRequest) found.push({ specifier: entry.moduleRequest.value, line: lineOf(item.start) });
  }
  for (const item of module.dynamicImports) {
    const literal = /^(['"`])([^'"`$]*)\1$/.exec(text.slice(item.moduleRequest.start, item.moduleRequest.end));
    if (literal) found.push({ specifier: literal[2], line: lineOf(item.start) });
  }
  // `import { a } from 'x'; export { a };` is one import, which the parser also lists as an export.
  return [...new Map(found.map((item) => [`${item.specifier}:${item.line}`, item])).values()];
}

/**
 * Every import under the layers' folders that runs upward or sideways, and every module whose
 * folder the table does not place, as `path:line: …` sentences.
 */
export function importViolations(root: string, layers: readonly Layer[], scanned: readonly string[]): string[] {
  const placed = layers.flatMap((layer) => layer.folders.map((folder) => ({ folder, level: layer.level })));
  // The longest folder that holds the file: `src/site` before `src`.
  const layerOf = (path: string) =>
    placed.filter(({ folder }) => path === folder || path.startsWith(`${folder}/`)).sort((a, b) => b.folder.length - a.folder.length)[0];
  const problems: string[] = [];
  for (const path of modulesUnder(root, scanned)) {
    const own = layerOf(path);
    if (!own) {
      problems.push(`${path}: its folder has no layer in docs/architecture.md`);
      continue;
    }
    for (const { specifier, line } of importsOf(root, path)) {
      const target = resolveImport(root, path, specifier);
      if (!target) continue;
      const other = layerOf(target);
      // Files outside every layer (package.json, a JSON catalogue of strings) are data, not modules.
      if (!other || other.folder === own.folder) continue;
      if (other.level < own.level) continue;
      const direction = other.level > own.level ? 'upward' : 'sideways';
      problems.push(
        `${path}:${line}: imports ${relative(dirname(path), target) || target} (\`${other.folder}\`, layer ${other.level}) from \`${own.folder}\` (layer ${own.level}): an import that runs ${direction}`,
      );
    }
  }
  return problems;
}
