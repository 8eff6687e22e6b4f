import { atomContentType } from '../../../exports/atom';
import { feedXml } from '../../../site/feed';
import { localeOrNotFound, localeParams } from '../../../site/locale-params';

export const dynamic = 'force-static';
export const dynamicParams = false;
export const generateStaticParams = localeParams;

/** `/<lang>/feed.xml`: the current Atom feed of new documents and new editions, written at build time (its archives: feeds/[...path]). */
export async function GET(_request: Request, { params }: RouteContext<'/[lang]/feed.xml'>): Promise<Response> {
  const locale = localeOrNotFound((await params).lang);
  return new Response((await feedXml(locale)) ?? '', { headers: { 'Content-Type': atomContentType } });
}
