import type { MetadataRoute } from 'next';
import { absoluteUrl } from '../site/site-url';

export const dynamic = 'force-static';

/** Allows everything; names the sitemap when the site's address is known (a sitemap needs full addresses: sitemap.ts). */
export default function robots(): MetadataRoute.Robots {
  const sitemap = absoluteUrl('/sitemap.xml');
  return {
    rules: { userAgent: '*', allow: '/' },
    ...(sitemap ? { sitemap } : {}),
  };
}
