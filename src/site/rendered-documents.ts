/**
 * An incremental build (src/export/incremental.ts) renders the pages of the documents that changed and
 * every site-wide page, and takes the other documents' pages from the previous build. It names those
 * documents in `SITE_ONLY_DOCUMENTS` (slugs, comma-separated); the static params of every per-document
 * route pass through `renderedParams`. Unset, as in any other build and under `next dev`: every document.
 */
export const onlyDocumentsVariable = 'SITE_ONLY_DOCUMENTS';

/**
 * Set for an incremental build's render with the code compiled before (`next build
 * --experimental-build-mode=generate`, src/export/build.ts): next.config.mjs then leaves out `output:
 * 'export'`, so that Next renders and exports nothing (src/export/next-export.ts exports). Without
 * `output: 'export'` a route may have no page, so a route none of whose pages is wanted renders none.
 */
export const renderOnlyVariable = 'SITE_RENDER_ONLY';

/**
 * The params of the documents to render. When none of them is to be rendered, none is when Next
 * renders only (`renderOnlyVariable`); otherwise the first of all is kept, because Next's static
 * export fails on a route with no page (the previous build's copy of that page is kept, the new one
 * is not used). Only for routes whose files lie in a document's own
 * folders, `<lang>/documents/<slug>/` or `exports/<slug>/` (`documentOfSiteFile` in
 * src/export/incremental.ts): those are the files an incremental build takes from the previous build
 * for the other documents. A route that writes a document's files anywhere else must render them all.
 */
export function renderedParams<T extends { slug: string }>(params: T[], env: Record<string, string | undefined> = process.env): T[] {
  const only = env[onlyDocumentsVariable];
  if (only === undefined) return params;
  const slugs = new Set(only.split(',').filter((slug) => slug !== ''));
  const kept = params.filter((entry) => slugs.has(entry.slug));
  return kept.length > 0 || env[renderOnlyVariable] === '1' ? kept : params.slice(0, 1);
}

/**
 * An incremental build whose site-wide pages cannot have changed (the catalog, the mentions and the
 * editions' changelogs are what they were: `siteWideKey`, src/export/incremental.ts) takes them all
 * from the previous build, and says so with `SITE_SITE_WIDE_REUSED=1`.
 */
export const siteWideReusedVariable = 'SITE_SITE_WIDE_REUSED';

/**
 * The static params of a site-wide route (the library's pages, the browse pages, the glossary
 * entries' pages, the feeds' archives, the sitemaps): all of them, or, when the build takes the
 * site-wide pages from the previous build, none when Next renders only, else the first only (Next's
 * static export fails on a route with no page; the page rendered is not used).
 */
export function siteWide<Args extends unknown[], T>(generate: (...args: Args) => T[] | Promise<T[]>, env: Record<string, string | undefined> = process.env): (...args: Args) => Promise<T[]> {
  return async (...args) => {
    const params = await generate(...args);
    if (env[siteWideReusedVariable] !== '1') return params;
    return env[renderOnlyVariable] === '1' ? [] : params.slice(0, 1);
  };
}
