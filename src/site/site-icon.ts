/**
 * The site's icon (public/icon.svg), linked as a plain `/icon.svg`. Not Next's `app/icon.svg`
 * convention: that link carries a cache-busting query, `sizes` and `type`, 35 bytes more in every
 * page's first round trip, for a file of 265 bytes that revalidates by its ETag.
 */
export const siteIconPath = '/icon.svg';

/**
 * The icon a page with the page script links in its head (src/site/page-assets.tsx): none to fetch
 * until the text has painted, when the script links the site's icon. An empty `data:` address, not no
 * link: without one, browsers ask for `/favicon.ico` as the page loads.
 */
export const emptyIcon = 'data:,';
