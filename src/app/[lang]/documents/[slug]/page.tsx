import type { Metadata } from 'next';
import { DocumentPage, documentMetadata, documentParams } from '../../../../site/document-page';

export const dynamicParams = false;

export function generateStaticParams() {
  return documentParams(false);
}

export async function generateMetadata({ params }: PageProps<'/[lang]/documents/[slug]'>): Promise<Metadata> {
  return documentMetadata(await params);
}

/** The reader with the default columns (ru, ja, en). */
export default async function ReaderPage({ params }: PageProps<'/[lang]/documents/[slug]'>) {
  return <DocumentPage params={await params} />;
}
