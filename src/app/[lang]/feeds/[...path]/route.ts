import { notFound } from 'next/navigation';
import { atomContentType } from '../../../../exports/atom';
import { feedPages, feedRouteXml } from '../../../../site/feed-routes';
import { siteWide } from '../../../../site/rendered-documents';

export const dynamic = 'force-static';
export const dynamicParams = false;
export const generateStaticParams = siteWide(feedPages);

/**
 * The archived feeds' other documents: the collection's archives (`/<lang>/feeds/archive/<n>.xml`),
 * and each facet value's current feed and archives (`/<lang>/feeds/participant/kono-taro.xml`,
 * `…/kono-taro/<n>.xml`). One route for all, so that it always has an address to write.
 */
export async function GET(_request: Request, { params }: RouteContext<'/[lang]/feeds/[...path]'>): Promise<Response> {
  const xml = await feedRouteXml(await params);
  if (xml === undefined) notFound();
  return new Response(xml, { headers: { 'Content-Type': atomContentType } });
}
