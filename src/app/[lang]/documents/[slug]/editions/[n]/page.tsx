import type { Metadata } from 'next';
import { EditionPage, editionMetadata, editionParams } from '../../../../../../site/edition-page';
import './edition.css';

export const dynamicParams = false;

export function generateStaticParams() {
  return editionParams();
}

export async function generateMetadata({ params }: PageProps<'/[lang]/documents/[slug]/editions/[n]'>): Promise<Metadata> {
  return editionMetadata(await params);
}

/** The permanent page of one edition of a document, the current one included. */
export default async function EditionRoute({ params }: PageProps<'/[lang]/documents/[slug]/editions/[n]'>) {
  return <EditionPage params={await params} />;
}
