import type { Metadata } from 'next';
import { ChangesPage, changesMetadata, changesParams } from '../../../../../site/changelog';
import './changes.css';

export const dynamicParams = false;

export function generateStaticParams() {
  return changesParams();
}

export async function generateMetadata({ params }: PageProps<'/[lang]/documents/[slug]/changes'>): Promise<Metadata> {
  return changesMetadata(await params);
}

/** A document's changelog: every edition, what changed in each language and why, word by word. */
export default async function ChangesRoute({ params }: PageProps<'/[lang]/documents/[slug]/changes'>) {
  return <ChangesPage params={await params} />;
}
