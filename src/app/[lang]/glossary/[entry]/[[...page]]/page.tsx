import type { Metadata } from 'next';
import { entryMetadata, entryPage, entryPages } from '../../../../../site/entry-page';
import '../../glossary.css';
import '../../../library.css';
import { siteWide } from '../../../../../site/rendered-documents';

export const dynamicParams = false;
export const generateStaticParams = siteWide(entryPages);

export async function generateMetadata({ params }: PageProps<'/[lang]/glossary/[entry]/[[...page]]'>): Promise<Metadata> {
  return entryMetadata(await params);
}

/** A glossary entry and the documents that mention it, newest first, page by page. */
export default async function GlossaryEntryPage({ params }: PageProps<'/[lang]/glossary/[entry]/[[...page]]'>) {
  return entryPage(await params);
}
