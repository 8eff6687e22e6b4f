import { localeOrNotFound, localeParams } from '../../../site/locale-params';
import { readerStrings } from '../../../site/reader-strings';

export const dynamic = 'force-static';
export const dynamicParams = false;
export const generateStaticParams = localeParams;

/** `/<lang>/reader.json`: the reading page's strings that only its script uses, written at build time. */
export async function GET(_request: Request, { params }: RouteContext<'/[lang]/reader.json'>): Promise<Response> {
  return Response.json(readerStrings(localeOrNotFound((await params).lang)));
}
