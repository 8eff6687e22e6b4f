import type { Metadata } from 'next';
import { DocumentPage, documentMetadata, documentParams } from '../../../../../site/document-page';

export const dynamicParams = false;

export function generateStaticParams() {
  return documentParams(true);
}

export async function generateMetadata({ params }: PageProps<'/[lang]/documents/[slug]/[cols]'>): Promise<Metadata> {
  return documentMetadata(await params);
}

/** The reader with the columns named in the address: `ru-en`, `ja`, `en-ru-ja`… */
export default async function ReaderColumnsPage({ params }: PageProps<'/[lang]/documents/[slug]/[cols]'>) {
  return <DocumentPage params={await params} />;
}
