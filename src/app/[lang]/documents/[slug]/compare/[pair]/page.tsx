import type { Metadata } from 'next';
import { ComparePage, compareMetadata, compareParams } from '../../../../../../site/compare';
import '../../changes/changes.css';

export const dynamicParams = false;

export function generateStaticParams() {
  return compareParams();
}

export async function generateMetadata({ params }: PageProps<'/[lang]/documents/[slug]/compare/[pair]'>): Promise<Metadata> {
  return compareMetadata(await params);
}

/** Two editions of a document compared: what changed from the older to the newer, in each language, word by word. */
export default async function CompareRoute({ params }: PageProps<'/[lang]/documents/[slug]/compare/[pair]'>) {
  return <ComparePage params={await params} />;
}
