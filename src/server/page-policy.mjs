// @ts-check
/**
 * Each page's own Content-Security-Policy. The build writes one policy for the whole site
 * (`out/_headers`, src/export/security-headers.ts): it allows the hash of every distinct inline
 * script and style of every page, because a static host sends the same header to every page. This
 * server can do better: it sends a page the site's policy with only the hashes of that page's own
 * inline code, so a page allows exactly what it runs, and its first response is shorter (the site's
 * policy lists nine style hashes of 53 bytes where a page uses one; the reading page's HTML and its
 * headers then fit the first round trip together).
 *
 * Narrowing can only take sources away, never add one: a hash the site's policy does not list stays
 * unlisted, and every source that is not a hash (`'self'`, `'wasm-unsafe-eval'`) stays. The page's
 * inline code is found as a browser finds it: the text between `<script …>` or `<style …>` and its
 * end tag. Anything else the search may also match (a script with `src`, a JSON block) only adds a
 * hash the site's policy does not list, which changes nothing.
 */
import { createHash } from 'node:crypto';

/** The directives whose hash sources are narrowed to the page's. */
const narrowed = new Set(['script-src', 'style-src']);

const inlineCode = /<(script|style)(?:\s[^>]*)?>([\s\S]*?)<\/\1[\s/>]/gi;

/**
 * The `'sha256-…'` sources of the inline scripts and styles of `html`.
 * @param {string} html
 * @returns {Set<string>}
 */
export function inlineSources(html) {
  const sources = new Set();
  for (const match of html.matchAll(inlineCode)) sources.add(`'sha256-${createHash('sha256').update(match[2], 'utf8').digest('base64')}'`);
  return sources;
}

/**
 * `policy` with the hash sources of `script-src` and `style-src` kept only where `sources` has them.
 * @param {string} policy
 * @param {ReadonlySet<string>} sources
 */
export function narrowPolicy(policy, sources) {
  return policy
    .split(/;\s*/)
    .map((directive) => {
      const [name = '', ...values] = directive.split(/\s+/);
      if (!narrowed.has(name.toLowerCase())) return directive;
      return [name, ...values.filter((value) => !value.startsWith("'sha256-") || sources.has(value))].join(' ');
    })
    .join('; ');
}

/**
 * The narrowed policies of the pages served, each kept while its page and the site's policy are
 * what they were.
 */
export class PagePolicies {
  /** @type {Map<string, { mtimeMs: number, size: number, site: string, policy: string }>} */
  #kept = new Map();
  /** Each distinct narrowed policy once: pages of one kind share theirs. */
  /** @type {Map<string, string>} */
  #distinct = new Map();

  /**
   * The policy for the page at `path` (its file), from the site's `policy`.
   * @param {string} path
   * @param {{ mtimeMs: number, size: number }} stats the page's
   * @param {string} policy the site's
   * @param {() => Promise<Buffer>} read the page's bytes
   */
  async get(path, { mtimeMs, size }, policy, read) {
    const kept = this.#kept.get(path);
    if (kept && kept.mtimeMs === mtimeMs && kept.size === size && kept.site === policy) return kept.policy;
    const narrowed = narrowPolicy(policy, inlineSources((await read()).toString('utf8')));
    const shared = this.#distinct.get(narrowed) ?? narrowed;
    this.#distinct.set(shared, shared);
    this.#kept.set(path, { mtimeMs, size, site: policy, policy: shared });
    return shared;
  }
}
