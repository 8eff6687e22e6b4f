import type { Metadata } from 'next';
import { DocumentPage, documentMetadata, documentParams } from '../../../../site/document-page';

export const dynamicParams = false;

export function generateStaticParams() {
  return documentParams();
}

export async function generateMetadata({ params }: PageProps<'/[lang]/documents/[slug]'>): Promise<Metadata> {
  return documentMetadata(await params);
}

/** The reading page: every language version; the column choice (`?cols=…`) is applied in the page. */
export default async function ReaderPage({ params }: PageProps<'/[lang]/documents/[slug]'>) {
  return <DocumentPage params={await params} />;
}
