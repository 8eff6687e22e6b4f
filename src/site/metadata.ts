import 'server-only';
import type { Metadata } from 'next';
import { locales, openGraphLocales, type Locale } from '../i18n/config';
import { getT } from '../i18n/server';
import { emptyIcon, siteIconPath } from './site-icon';
import { absoluteUrl, siteUrl } from './site-url';

/** The site's icon, for a page without the page script (the root page). */
export const siteIcons: Metadata['icons'] = { icon: siteIconPath };

/** The icon of a page with the page script, which links the site's icon once the text has painted (src/site/site-icon.ts). */
export const pageIcons: Metadata['icons'] = { icon: emptyIcon };

export interface PageMetadataInput {
  locale: Locale;
  title: string;
  description: string;
  /** The canonical address of this page in each interface language. */
  paths: Record<Locale, string>;
  type?: 'website' | 'article';
}

/** A page's title in the browser's tab, its history and bookmarks: the page, then the site's name. */
export function pageTitle(title: string, siteName: string): string {
  return `${title} · ${siteName}`;
}

/**
 * Title (the page's, then the site's name), description, canonical and language alternates, and
 * OpenGraph data for one page. Canonical, alternates and `og:url` must be full addresses (a crawler
 * takes a relative one as an error), so they are given on `SITE_URL` when it is set and left out when
 * the site's address is unknown (site-url.ts): the build warns, and publishes no guessed host.
 */
export function pageMetadata({ locale, title, description, paths, type = 'website' }: PageMetadataInput): Metadata {
  const t = getT(locale);
  const url = absoluteUrl(paths[locale]);
  const base = siteUrl();
  return {
    metadataBase: base ?? null,
    title: pageTitle(title, t('site.name')),
    description,
    ...(base
      ? {
          alternates: {
            canonical: paths[locale],
            languages: {
              ...Object.fromEntries(locales.map((candidate) => [candidate, paths[candidate]])),
              'x-default': '/',
            },
          },
        }
      : {}),
    openGraph: {
      type,
      title,
      description,
      ...(url ? { url } : {}),
      siteName: t('site.name'),
      // No og:locale:alternate: it tells Facebook's crawler that this address answers in those locales
      // when asked with `fb_locale`, which a static page cannot; the other languages have addresses of
      // their own, given as hreflang alternates.
      locale: openGraphLocales[locale],
    },
  };
}

/** The same path builder applied to every locale. */
export function pathsFor(build: (locale: Locale) => string): Record<Locale, string> {
  return { ru: build('ru'), ja: build('ja'), en: build('en') };
}

/** A description of at most about 160 characters, cut at a word where the script has words. */
export function shorten(text: string, limit = 160): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > limit * 0.6 ? cut.slice(0, space) : cut}…`;
}
