import { readFileSync } from 'node:fs';

/**
 * An incremental build (src/export/incremental.ts) renders the pages of the documents that changed and
 * the site-wide pages whose content changed (`siteWide`), and takes the other documents' pages from
 * the previous build. It names those documents in `SITE_ONLY_DOCUMENTS` (slugs, comma-separated);
 * the static params of every per-document route pass through `renderedParams`. Unset, as in any
 * other build and under `next dev`: every document.
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
 * A site-wide route (the library's pages, the browse pages, the glossary entries' pages, the feeds'
 * archives, the sitemaps): its pages' params, and what each page shows that documents can change.
 * `npm run build` keeps a key of each page, the hash of what it shows (src/site/site-wide-keys.ts);
 * an incremental build renders only the pages whose key is new or changed, and takes the others from
 * the previous build. So `shows` must cover every part of the page that is not the same for the same
 * inputs (the code, the glossary, the interface strings): a page whose `shows` leaves out a change
 * would keep its previous bytes, and the comparison of an incremental build with a clean one
 * (`npm run test:publish`, `npm run bench`) would find it.
 */
export interface SiteWidePages<P> {
  /** The route's name in the keys: one of its own. */
  route: string;
  params: () => P[] | Promise<P[]>;
  /**
   * What the page of `params` shows that documents can change: anything JSON can write, the same in
   * every interface language (what differs by language comes from the inputs), so it is made once for
   * a page in all of them.
   */
  shows: (params: P) => unknown;
}

/** A page's name among the keys: its route's name and its params. */
export const pageId = (route: string, params: unknown) => `${route} ${JSON.stringify(params)}`;

/**
 * Set when an incremental build renders some of the site-wide pages only: the path of a JSON array of
 * the page ids (`pageId`) to render. The others are taken from the previous build.
 */
export const siteWideOnlyVariable = 'SITE_SITE_WIDE_ONLY';

const wantedPages = new Map<string, Set<string>>();

function wanted(path: string): Set<string> {
  let pages = wantedPages.get(path);
  if (!pages) {
    pages = new Set(JSON.parse(readFileSync(path, 'utf8')) as string[]);
    wantedPages.set(path, pages);
  }
  return pages;
}

/**
 * The static params of a site-wide route: all of them, or, when the build renders some of the
 * site-wide pages only (`siteWideOnlyVariable`), those. A route none of whose pages is wanted renders
 * none when Next renders only, else its first page (Next's static export fails on a route with no
 * page; that page is rendered from the current content, so it is as good as one taken from the
 * previous build).
 */
export function siteWide<P>(pages: SiteWidePages<P>, env: Record<string, string | undefined> = process.env): () => Promise<P[]> {
  return async () => {
    const params = await pages.params();
    const only = env[siteWideOnlyVariable];
    if (only === undefined) return params;
    const names = wanted(only);
    const kept = params.filter((entry) => names.has(pageId(pages.route, entry)));
    return kept.length > 0 || env[renderOnlyVariable] === '1' ? kept : params.slice(0, 1);
  };
}
