import { siteContent } from '../../../../site/content';
import { glossaryTips } from '../../../../site/glossary-tips';
import { localeOrNotFound, localeParams } from '../../../../site/locale-params';

export const dynamic = 'force-static';
export const dynamicParams = false;
export const generateStaticParams = localeParams;

/** `/<lang>/glossary/tips.json`: the glossary for the reading page's tooltips, written at build time. */
export async function GET(_request: Request, { params }: RouteContext<'/[lang]/glossary/tips.json'>): Promise<Response> {
  const locale = localeOrNotFound((await params).lang);
  const glossary = await siteContent().glossaryIndex();
  return Response.json(glossaryTips(locale, glossary.values()));
}
