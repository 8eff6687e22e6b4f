import type { Metadata } from 'next';
import { libraryMetadata, libraryPage, libraryPages } from '../../../site/library-page';
import '../library.css';
import { siteWide } from '../../../site/rendered-documents';

export const dynamicParams = false;
export const generateStaticParams = siteWide(libraryPages);

export async function generateMetadata({ params }: PageProps<'/[lang]/[[...page]]'>): Promise<Metadata> {
  return libraryMetadata(await params);
}

/** The library, newest first: its first page at `/en/`, the others at `/en/page/2/` … */
export default async function LibraryPage({ params }: PageProps<'/[lang]/[[...page]]'>) {
  return libraryPage(await params);
}
