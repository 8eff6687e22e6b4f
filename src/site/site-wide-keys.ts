import 'server-only';
import { facetPages, valuePages } from './browse-pages';
import { entryPages } from './entry-page';
import { feedPages } from './feed-routes';
import { libraryPages } from './library-page';
import { shortHash } from './page-keys';
import { pageId, type SiteWidePages } from './rendered-documents';
import { sitemapFiles } from './sitemap';

/**
 * A site-wide route's pages, each with its key: a hash of what it shows that documents can change,
 * the same in every interface language (made once for the page in all of them).
 */
function keyed<P>(pages: SiteWidePages<P>) {
  return {
    route: pages.route,
    async keys(into: Record<string, string>): Promise<void> {
      const made = new Map<string, string>();
      for (const params of await pages.params()) {
        const { lang: _lang, ...page } = params as P & { lang?: string };
        const name = JSON.stringify(page);
        let key = made.get(name);
        if (key === undefined) {
          key = shortHash(JSON.stringify((await pages.shows(params)) ?? null));
          made.set(name, key);
        }
        into[pageId(pages.route, params)] = key;
      }
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
