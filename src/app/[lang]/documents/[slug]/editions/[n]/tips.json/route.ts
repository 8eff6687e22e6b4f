import { editionLookup, mentionedEntries, supersededParams } from '../../../../../../../site/edition-page';
import { glossaryTips } from '../../../../../../../site/glossary-tips';

export const dynamic = 'force-static';
export const dynamicParams = false;
export const generateStaticParams = supersededParams;

/**
 * `/<lang>/documents/<slug>/editions/<n>/tips.json`: the glossary entries a superseded edition
 * mentions, as they stood, for its page's tooltips (the current edition's pages use the glossary's
 * own file).
 */
export async function GET(_request: Request, { params }: RouteContext<'/[lang]/documents/[slug]/editions/[n]/tips.json'>): Promise<Response> {
  const { locale, edition } = await editionLookup(await params);
  const mentioned = mentionedEntries(edition.document);
  return Response.json(glossaryTips(locale, [...edition.glossary.values()].filter((item) => mentioned.has(item.id))));
}
