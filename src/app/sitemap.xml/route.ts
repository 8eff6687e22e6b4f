import { sitemapIndexXml } from '../../site/sitemap';

export const dynamic = 'force-static';

/** `/sitemap.xml`: the sitemap index, naming the sitemaps of ≤ 50,000 addresses each (`/sitemaps/<n>.xml`). */
export async function GET(): Promise<Response> {
  return new Response(await sitemapIndexXml(), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
