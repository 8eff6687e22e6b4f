/**
 * The substitutions the cite dialog makes in the citations of `cite.json` (cite-data.ts): the block's ID
 * and place in a paragraph's template, and the reader's day in place of the stand-in date of access.
 * Apart from cite-data.ts, so that only the dialog's part of the page script carries them.
 */
import { citeTokens, type CiteFormat } from './cite-data';

/** A paragraph citation from its template: `id` and `place` put in, escaped as the format needs. */
export function fillCitation(template: string, format: CiteFormat, id: string, place: string): string {
  const value = (text: string) => (format === 'csl-json' ? JSON.stringify(text).slice(1, -1) : text);
  return template.replaceAll(citeTokens.id, value(id)).replaceAll(citeTokens.place, value(place));
}

/** `text` with the stand-in date of access (`citeAccessed`) replaced by `day`, in the same order and separators, month and day in two digits. */
export function fillAccessed(text: string, day: Date): string {
  // Swedish writes a date as ISO 8601 does (2026-12-07), in the reader's time zone.
  const [year, month, date] = day.toLocaleDateString('sv').split('-');
  return text.replace(/9999(\D{1,20})11(\D{1,20})22/g, `${year}$1${month}$2${date}`).replace(/22\.11\.9999/g, `${date}.${month}.${year}`);
}
