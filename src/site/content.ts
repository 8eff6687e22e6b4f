import 'server-only';
import { openContentCache, type ContentCache } from '../cache/read';

let cache: ContentCache | undefined;

/**
 * The content cache of the project the site is built from: Next runs in the project's folder. In
 * development nothing is kept between requests: run `npm run content` after editing content, and reload.
 */
export function siteContent(): ContentCache {
  cache ??= openContentCache(process.cwd(), { keep: process.env.NODE_ENV !== 'development' });
  return cache;
}
