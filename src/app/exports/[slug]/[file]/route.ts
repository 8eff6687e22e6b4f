import { notFound } from 'next/navigation';
import { exportParams, renderExport } from '../../../../site/exports';

export const dynamic = 'force-static';
export const dynamicParams = false;
export const generateStaticParams = exportParams;

/** `/exports/<slug>/<file>`: a document as TMX, JSON, TEI or plain text, written at build time. */
export async function GET(_request: Request, { params }: RouteContext<'/exports/[slug]/[file]'>): Promise<Response> {
  const { slug, file } = await params;
  const rendered = await renderExport(slug, file);
  if (!rendered) notFound();
  return new Response(rendered.body, { headers: { 'Content-Type': rendered.file.contentType } });
}
