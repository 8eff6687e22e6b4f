import 'server-only';
import { facetPages, valuePages } from './browse-pages';
import { entryPages } from './entry-page';
import { feedPages } from './feed-routes';
import { libraryPages } from './library-page';
import { shortHash } from './page-keys';
import { pageId, type SiteWidePages } from './rendered-documents';
import { sitemapFiles } from './sitemap';

/** A site-wide route's pages, each with its key: a hash of what it shows that documents can change. */
function keyed<P>(pages: SiteWidePages<P>) {
  return {
    route: pages.route,
    async keys(into: Record<string, string>): Promise<void> {
      for (const params of await pages.params()) into[pageId(pages.route, params)] = shortHash(JSON.stringify((await pages.shows(params)) ?? null));
    },
  };
}

/**
 * Every site-wide route whose static params pass through `siteWide` (src/site/rendered-documents.ts),
 * as src/app declares them: a test checks that the two lists agree.
 */
export const siteWideRoutes = [keyed(libraryPages), keyed(facetPages), keyed(valuePages), keyed(entryPages), keyed(feedPages), keyed(sitemapFiles)];

/**
 * The key of every site-wide page of the content cache, by page id (`SiteWidePages.shows`). An
 * incremental build renders the pages whose keys changed since the previous build (`planSiteWide`,
 * src/export/incremental.ts).
 */
export async function siteWideKeys(): Promise<Record<string, string>> {
  const keys: Record<string, string> = {};
  for (const route of siteWideRoutes) await route.keys(keys);
  return keys;
}
