/**
 * Dates that must agree: every translation is dated as its source (`date` is the date of the event or
 * statement, not of the translation: rule `date-mismatch`), and a document folder whose name starts
 * with a date (`2019-05-30-japan-russia-2plus2`) starts with the source's date (rule `folder-date`, a
 * warning: the folder name is the document's address, which never changes once published, so the
 * editor decides whether the date or the name is wrong). Both point at the `date` field.
 */
import type { VFile } from 'vfile';
import type { Language } from '../model/languages';
import type { ArchiveDocument } from '../model/types';
import { report, where } from './report';

const datePrefix = /^(\d{4}-\d{2}-\d{2})(?:-|$)/u;

/** Checks the dates of one document whose source is in `sourceLang`. */
export function checkDates(document: ArchiveDocument, files: Partial<Record<Language, VFile>>, sourceLang: Language): void {
  const source = document.texts[sourceLang];
  const sourceFile = files[sourceLang];
  if (!source || !sourceFile) return;
  const placeOf = (file: VFile) => file.data.frontMatterPlaces?.date ?? { line: 1, column: 1 };
  const sourcePlace = placeOf(sourceFile);
  const { date } = source.frontMatter;
  const prefix = datePrefix.exec(document.slug)?.[1];
  if (prefix && prefix !== date) {
    report(
      sourceFile,
      'warning',
      `\`date\`: ${date} differs from the date the folder name starts with (${document.slug}: ${prefix}); one of them is wrong (a published folder keeps its name)`,
      sourcePlace,
      'folder-date',
    );
  }
  for (const [lang, text] of Object.entries(document.texts) as Array<[Language, ArchiveDocument['texts'][Language]]>) {
    const file = files[lang];
    if (!text || !file || lang === sourceLang || text.frontMatter.date === date) continue;
    report(
      file,
      'error',
      `\`date\`: ${text.frontMatter.date} differs from the source's date, ${date} (${where(source.path, sourcePlace)}): a translation is dated as its source, the date of the event`,
      placeOf(file),
      'date-mismatch',
    );
  }
}
