import { notFound } from 'next/navigation';
import { documentParams } from '../../../../../site/document-page';
import { citeData } from '../../../../../site/citation';
import { siteContent } from '../../../../../site/content';
import { localeOrNotFound } from '../../../../../site/locale-params';

export const dynamic = 'force-static';
export const dynamicParams = false;
export const generateStaticParams = documentParams;

/** `/<lang>/documents/<slug>/cite.json`: the citations of a document for its reading page's cite dialog. */
export async function GET(_request: Request, { params }: RouteContext<'/[lang]/documents/[slug]/cite.json'>): Promise<Response> {
  const { lang, slug } = await params;
  const locale = localeOrNotFound(lang);
  const document = await siteContent().document(slug);
  if (!document) notFound();
  return Response.json(citeData(document, locale));
}
