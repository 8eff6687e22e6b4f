import { glossaryExportFormat } from '../../../exports/files';
import { glossaryTbx } from '../../../site/exports';

export const dynamic = 'force-static';

/** `/exports/glossary-2008.tbx`: the glossary as TBX-Basic of ISO 30042:2008, for the tools that read only that edition. */
export async function GET(): Promise<Response> {
  return new Response(await glossaryTbx('2008'), { headers: { 'Content-Type': glossaryExportFormat.contentType } });
}
