import type { Metadata } from 'next';
import { browseMetadata, browsePage, facetPages } from '../../../../site/browse-pages';
import '../../library.css';
import { siteWide } from '../../../../site/rendered-documents';

export const dynamicParams = false;
export const generateStaticParams = siteWide(facetPages);

export async function generateMetadata({ params }: PageProps<'/[lang]/browse/[facet]'>): Promise<Metadata> {
  return browseMetadata(await params);
}

/** Every value of one facet, with its number of documents. */
export default async function FacetPage({ params }: PageProps<'/[lang]/browse/[facet]'>) {
  return browsePage(await params);
}
