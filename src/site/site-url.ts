/**
 * The site's public address, `SITE_URL` at build time (`SITE_URL=https://example.org npm run build`):
 * the origin of the canonical, OpenGraph and language-alternate links, of the sitemap and robots.txt,
 * of the citations and of the permalinks in the downloads. A build without it cannot know where the
 * site will be served, so it writes no address it would have to guess: root-relative ones where a
 * relative address is valid (the printed permalinks, the citations the page script completes with the
 * page's own origin), none where only a full one is (canonical and alternate links, og:url, the
 * sitemap, robots.txt's Sitemap line, the permalinks of the downloads). `npm run build` warns loudly
 * when it is not set (src/export/build.ts).
 *
 * The site is served at the root of its origin: every page's path starts with `/` (paths.ts), so a
 * base path (`https://example.org/reader/`) is refused rather than silently dropped.
 */

/** The variable that holds the site's address. */
export const siteUrlVariable = 'SITE_URL';

/** Why `value` cannot be the site's address, or undefined when it can. */
export function siteUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${siteUrlVariable}="${value}" is not a full address: give the origin the site is served at, such as https://example.org`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `${siteUrlVariable}="${value}" must be an http or https address`;
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    return `${siteUrlVariable}="${value}" must be an origin alone (https://example.org): the site is served at the root of its origin, so a base path, query or fragment is not supported`;
  }
  return undefined;
}

/** The site's public origin, or undefined when `SITE_URL` is not set (or empty). Throws on a value that is not an origin. */
export function siteUrl(env: Record<string, string | undefined> = process.env): URL | undefined {
  const value = env[siteUrlVariable]?.trim();
  if (!value) return undefined;
  const problem = siteUrlProblem(value);
  if (problem) throw new Error(problem);
  return new URL(value);
}

/** `path` (from paths.ts) on the site's origin; undefined when the origin is not known. For what needs a full address. */
export function absoluteUrl(path: string): string | undefined {
  const origin = siteUrl();
  return origin ? new URL(path, origin).toString() : undefined;
}

/** `path` as the public should see it: a full address on the site's origin when it is known, else as it is (root-relative). */
export function siteAddress(path: string): string {
  return absoluteUrl(path) ?? path;
}
