import 'server-only';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { assetsDir, scriptPrefix } from './asset-names';

let script: string | undefined;

/**
 * The address of the page script bundled by src/export/bundle-behaviour.ts (found once per build
 * process). Fails with what to run when the bundle is missing.
 */
export function pageScriptPath(): string {
  if (script) return script;
  const dir = join(process.cwd(), 'public', assetsDir);
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((name) => name.startsWith(scriptPrefix) && name.endsWith('.js'));
  } catch {
    names = [];
  }
  if (names.length !== 1) {
    throw new Error(`expected one page script public/${assetsDir}/${scriptPrefix}<hash>.js, found ${names.length}: run \`tsx src/export/bundle-behaviour.ts\` (part of \`npm run build\` and \`npm run dev\`)`);
  }
  script = `/${assetsDir}/${names[0]}`;
  return script;
}
