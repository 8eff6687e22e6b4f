/**
 * The scripts a page of the export loads when it opens: its `<script src>`
 * files, the modules its inline scripts import (the loader, src/behaviour/early/loader.ts), and, of each,
 * the files it imports statically (the split parts of src/export/bundle-behaviour.ts), each once.
 * Not the parts a script imports with `import()` from its own code: those load on use. Used by the
 * byte budgets (tests/e2e/runtime.spec.ts) and the bench (bench/budgets.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Static `import … from "x"` and bare `import "x"` of minified ES modules. */
const staticImport = /\bimport\s*(?:[\w${},*\s]+from\s*)?["']([^"']+)["']/g;
/** `import("x")` with a string literal: what an inline loader imports. */
const dynamicImport = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

const resolve = (specifier: string, base: string) => new URL(specifier, `http://site${base}`).pathname;

/**
 * The scripts `html`, a page of the export in `dir`, loads at once: each one's address and content.
 * A script the export does not hold is left out (a missing file is another test's concern).
 */
export function pageScripts(html: string, dir: string): Map<string, Buffer> {
  const loaded = new Map<string, Buffer>();
  const visit = (address: string): void => {
    const file = join(dir, address);
    if (loaded.has(address) || !existsSync(file)) return;
    const code = readFileSync(file);
    loaded.set(address, code);
    for (const match of code.toString('utf8').matchAll(staticImport)) visit(resolve(match[1], address));
  };
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) {
    if (!/^(?:[a-z]+:)?\/\//i.test(match[1])) visit(match[1].split(/[?#]/)[0]);
  }
  for (const match of html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    for (const imported of match[1].matchAll(dynamicImport)) visit(resolve(imported[1], '/'));
  }
  return loaded;
}
