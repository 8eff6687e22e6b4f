/**
 * The scripts a page of the export loads when it opens, as addresses of the site: its `<script src>`
 * files, the modules its inline scripts import (the loader of src/site/asset-loader.ts), and, of each,
 * the files it imports statically (the split parts of src/export/bundle-behaviour.ts), each once.
 * Not the parts a script imports with `import()` from its own code: those load on use. Used by the
 * byte budgets (tests/e2e/runtime.spec.ts) and the bench (bench/budgets.ts).
 */

/** Static `import … from "x"` and bare `import "x"` of minified ES modules. */
const staticImport = /\bimport\s*(?:[\w${},*\s]+from\s*)?["']([^"']+)["']/g;
/** `import("x")` with a string literal: what an inline loader imports. */
const dynamicImport = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

const resolve = (specifier: string, base: string) => new URL(specifier, `http://site${base}`).pathname;

/**
 * Addresses of the scripts `html` loads at once; `read` gives the text of a site address, or
 * undefined when the export has no such file (then it is left out: a missing file is another test's concern).
 */
export function pageScripts(html: string, read: (address: string) => string | undefined): string[] {
  const seen = new Set<string>();
  const visit = (address: string): void => {
    if (seen.has(address)) return;
    const code = read(address);
    if (code === undefined) return;
    seen.add(address);
    for (const match of code.matchAll(staticImport)) visit(resolve(match[1], address));
  };
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) {
    if (!/^(?:[a-z]+:)?\/\//i.test(match[1])) visit(match[1].split(/[?#]/)[0]);
  }
  for (const match of html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    for (const imported of match[1].matchAll(dynamicImport)) visit(resolve(imported[1], '/'));
  }
  return [...seen];
}
