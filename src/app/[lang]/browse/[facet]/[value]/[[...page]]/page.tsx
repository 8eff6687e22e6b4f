import type { Metadata } from 'next';
import { browseMetadata, browsePage, valuePages } from '../../../../../../site/browse-pages';
import '../../../../library.css';
import '../../../../search/search.css';
import { siteWide } from '../../../../../../site/rendered-documents';

export const dynamicParams = false;
export const generateStaticParams = siteWide(valuePages);

export async function generateMetadata({ params }: PageProps<'/[lang]/browse/[facet]/[value]/[[...page]]'>): Promise<Metadata> {
  return browseMetadata(await params);
}

/** One facet value's documents, newest first: the first page at its address, the others at `page/2/` … */
export default async function FacetValuePage({ params }: PageProps<'/[lang]/browse/[facet]/[value]/[[...page]]'>) {
  return browsePage(await params);
}
