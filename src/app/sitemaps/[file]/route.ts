import { notFound } from 'next/navigation';
import { sitemapFiles, sitemapPart, sitemapXml } from '../../../site/sitemap';
import { siteWide } from '../../../site/rendered-documents';

export const dynamic = 'force-static';
export const dynamicParams = false;

/** Every sitemap the index names: `/sitemaps/1.xml` … */
export const generateStaticParams = siteWide(sitemapFiles);

/** One sitemap of at most 50,000 addresses, each with its language versions. */
export async function GET(_request: Request, { params }: RouteContext<'/sitemaps/[file]'>): Promise<Response> {
  const part = sitemapPart((await params).file);
  const xml = part === undefined ? undefined : await sitemapXml(part);
  if (xml === undefined) notFound();
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
