/** Every address of the site, built in one place. All end with a slash (`trailingSlash: true`). */
import type { Locale } from '../i18n/config';
import { columnsSegment, type Columns } from './columns';

export function homePath(): string {
  return '/';
}

export function libraryPath(locale: Locale): string {
  return `/${locale}/`;
}

/** The reader; without `columns`, the default view (all languages in canonical order). */
export function documentPath(locale: Locale, slug: string, columns?: Columns): string {
  const base = `/${locale}/documents/${slug}/`;
  return columns ? `${base}${columnsSegment(columns)}/` : base;
}

export function glossaryPath(locale: Locale, entry?: string): string {
  return `/${locale}/glossary/${entry ? `#${entry}` : ''}`;
}

/** The site's public origin, for sitemap, canonical and OpenGraph URLs and printed permalinks. */
export function siteUrl(): URL {
  return new URL(process.env.SITE_URL ?? 'http://localhost:3000');
}

export function absoluteUrl(path: string): string {
  return new URL(path, siteUrl()).toString();
}
