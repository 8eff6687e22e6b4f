import { glossaryExportFormat } from '../../../exports/files';
import { glossaryTbx } from '../../../site/exports';

export const dynamic = 'force-static';

/** `/exports/glossary.tbx`: the whole glossary as TBX-Basic (ISO 30042:2019). Written at build time. */
export async function GET(): Promise<Response> {
  return new Response(await glossaryTbx('2019'), { headers: { 'Content-Type': glossaryExportFormat.contentType } });
}
