import 'server-only';
import { createHash } from 'node:crypto';
import type { DocumentSummary } from '../model/types';
import { siteContent } from './content';

/**
 * The parts of a site-wide page's key (`SiteWidePages.shows`, src/site/rendered-documents.ts) that
 * stand for a document: short hashes of what the lists and feeds show of it, each computed once.
 */
export const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

const summaries = new WeakMap<DocumentSummary, string>();

/** A document as the lists show it: the hash of its summary (front matter, lead, titles, status, editions). */
export function summaryKey(summary: DocumentSummary): string {
  let key = summaries.get(summary);
  if (key === undefined) {
    key = shortHash(JSON.stringify(summary));
    summaries.set(summary, key);
  }
  return key;
}

export const summaryKeys = (documents: readonly DocumentSummary[]) => documents.map((summary) => `${summary.slug} ${summaryKey(summary)}`);

const changelogs = new Map<string, Promise<string>>();

/** A document's editions with their changelogs (what its feed entries of editions 2 and later show), hashed. */
export function changelogKey(slug: string): Promise<string> {
  let key = changelogs.get(slug);
  if (key === undefined) {
    key = siteContent()
      .document(slug)
      .then((document) => shortHash(JSON.stringify(document?.editions ?? null)));
    changelogs.set(slug, key);
  }
  return key;
}
