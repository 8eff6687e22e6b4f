import { notFound } from 'next/navigation';
import { exportParams, renderExport } from '../../../../site/exports';

export const dynamic = 'force-static';
export const dynamicParams = false;
export const generateStaticParams = exportParams;

/**
 * `/exports/<slug>/<file>`: a document as TMX, JSON, TEI or plain text; `/exports/<slug>/editions/<n>/<file>`:
 * a past edition of it as JSON or TEI. Written at build time. One catch-all route for both, so that an
 * archive in which no document has a past edition yet still has files to generate (Next's static
 * export refuses a route whose static params are empty).
 */
export async function GET(_request: Request, { params }: RouteContext<'/exports/[slug]/[...path]'>): Promise<Response> {
  const { slug, path } = await params;
  const rendered = await renderExport(slug, path);
  if (!rendered) notFound();
  return new Response(rendered.body, { headers: { 'Content-Type': rendered.file.contentType } });
}
