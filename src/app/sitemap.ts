import type { MetadataRoute } from 'next';
import { locales } from '../i18n/config';
import { getCatalog } from '../site/edition';
import { pathsFor } from '../site/metadata';
import { absoluteUrl, documentPath, glossaryPath, libraryPath } from '../site/paths';

export const dynamic = 'force-static';

function entry(paths: Record<(typeof locales)[number], string>): MetadataRoute.Sitemap {
  const languages = Object.fromEntries(locales.map((locale) => [locale, absoluteUrl(paths[locale])]));
  return locales.map((locale) => ({
    url: absoluteUrl(paths[locale]),
    alternates: { languages },
  }));
}

/** Every page a search engine should index: the libraries, glossaries, glossary entries and documents in each interface language. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { documents, glossary } = await getCatalog();
  return [
    { url: absoluteUrl('/') },
    ...entry(pathsFor(libraryPath)),
    ...entry(pathsFor((locale) => glossaryPath(locale))),
    ...glossary.flatMap((item) => entry(pathsFor((locale) => glossaryPath(locale, item.id)))),
    ...documents.flatMap((document) =>
      entry(pathsFor((locale) => documentPath(locale, document.slug))),
    ),
  ];
}
