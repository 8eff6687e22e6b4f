import type { MetadataRoute } from 'next';
import { locales } from '../i18n/config';
import { siteContent } from '../site/content';
import { pathsFor } from '../site/metadata';
import { changesPath, documentPath, editionPath, glossaryPath, libraryPath } from '../contract/paths';
import { siteUrl } from '../site/site-url';

export const dynamic = 'force-static';

/**
 * Every page a search engine should index: the libraries, glossaries, glossary entries and documents in
 * each interface language, and each document's changelog and superseded editions (the current
 * edition's own page is not listed: its canonical address is the reading page). A sitemap holds full addresses only, so without `SITE_URL` it is empty,
 * and the build's finish step removes the file (src/export/finish.ts) rather than publish it.
 */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = siteUrl();
  if (!origin) return [];
  const at = (path: string) => new URL(path, origin).toString();
  const entry = (paths: Record<(typeof locales)[number], string>): MetadataRoute.Sitemap => {
    const languages = Object.fromEntries(locales.map((locale) => [locale, at(paths[locale])]));
    return locales.map((locale) => ({ url: at(paths[locale]), alternates: { languages } }));
  };
  const { documents, glossary } = await siteContent().catalog();
  return [
    { url: at('/') },
    ...entry(pathsFor(libraryPath)),
    ...entry(pathsFor((locale) => glossaryPath(locale))),
    ...glossary.flatMap((item) => entry(pathsFor((locale) => glossaryPath(locale, item.id)))),
    ...documents.flatMap((document) => entry(pathsFor((locale) => documentPath(locale, document.slug)))),
    ...documents.flatMap((document) => (document.editions.length > 1 ? entry(pathsFor((locale) => changesPath(locale, document.slug))) : [])),
    ...documents.flatMap((document) => document.editions.slice(0, -1).flatMap((edition) => entry(pathsFor((locale) => editionPath(locale, document.slug, edition.number))))),
  ];
}
