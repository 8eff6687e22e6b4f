import 'server-only';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assetsDir, earlyScriptNames, earlyScriptsFile, laterPrefix, printPrefix, type EarlyScriptName } from './asset-names';

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

/** The print stylesheet (src/app/print.css), linked with `media="print"`. */
export function printStylesheetPath(): string {
  return bundledAsset('print stylesheet', printPrefix, '.css');
}

/** The screen rules no first paint needs (src/app/later.css), linked after the page has painted. */
export function laterStylesheetPath(): string {
  return bundledAsset('stylesheet of later rules', laterPrefix, '.css');
}

let early: Record<EarlyScriptName, string> | undefined;

/**
 * The code of an early script (src/behaviour/early/<name>.ts), as the bundle step compiled it, with
 * the page script's address in it (read once per build process). Fails with what to run when it is
 * missing.
 */
export function earlyScript(name: EarlyScriptName): string {
  if (!early) {
    const file = join(process.cwd(), ...earlyScriptsFile);
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      parsed = undefined;
    }
    const scripts = parsed !== null && typeof parsed === 'object' ? (parsed as Partial<Record<string, unknown>>) : {};
    const missing = earlyScriptNames.filter((each) => typeof scripts[each] !== 'string');
    if (missing.length > 0) {
      throw new Error(`expected the early scripts in ${earlyScriptsFile.join('/')}, missing: ${missing.join(', ')}: run \`tsx src/export/bundle-behaviour.ts\` (part of \`npm run build\` and \`npm run dev\`)`);
    }
    early = scripts as Record<EarlyScriptName, string>;
  }
  return early[name];
}
