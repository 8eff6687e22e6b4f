import 'server-only';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { assetsDir, printPrefix, scriptPrefix } from './asset-names';

const found = new Map<string, string>();

/**
 * The address of the one file `public/<assetsDir>/<prefix><hash><extension>` that
 * src/export/bundle-behaviour.ts wrote (found once per build process). Fails with what to run when
 * it is missing.
 */
function bundledAsset(what: string, prefix: string, extension: string): string {
  const known = found.get(prefix);
  if (known) return known;
  const dir = join(process.cwd(), 'public', assetsDir);
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((name) => name.startsWith(prefix) && name.endsWith(extension));
  } catch {
    names = [];
  }
  if (names.length !== 1) {
    throw new Error(`expected one ${what} public/${assetsDir}/${prefix}<hash>${extension}, found ${names.length}: run \`tsx src/export/bundle-behaviour.ts\` (part of \`npm run build\` and \`npm run dev\`)`);
  }
  const path = `/${assetsDir}/${names[0]}`;
  found.set(prefix, path);
  return path;
}

/** The page script (src/behaviour/). */
export function pageScriptPath(): string {
  return bundledAsset('page script', scriptPrefix, '.js');
}

/** The print stylesheet (src/app/print.css), linked with `media="print"`. */
export function printStylesheetPath(): string {
  return bundledAsset('print stylesheet', printPrefix, '.css');
}
