import type { Metadata } from 'next';
import { localeParams } from '../../../site/locale-params';
import { browseMetadata, browsePage } from '../../../site/browse-pages';
import '../library.css';

export const dynamicParams = false;
export const generateStaticParams = localeParams;

export async function generateMetadata({ params }: PageProps<'/[lang]/browse'>): Promise<Metadata> {
  return browseMetadata(await params);
}

/** Every facet, with its most frequent values. */
export default async function BrowsePage({ params }: PageProps<'/[lang]/browse'>) {
  return browsePage(await params);
}
