/**
 * The check the project runs, applied to an imported file before it is written: the pipeline (front
 * matter schema, block IDs, syntax), then the document rules of `npm run check` on the document the
 * file will belong to, that is with the other language files already in its folder. The glossary is not
 * consulted: an imported text has no mentions yet.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { VFile } from 'vfile';
import { checkDocument } from '../rules';
import { isLanguage, languages, type Language } from '../model/languages';
import { firstEditionOnly } from '../model/document';
import { processText } from '../pipeline/process';
import { readContentFile } from '../content/read';
import type { DocumentText } from '../model/types';
import { createProcessor } from '../pipeline';

export interface ImportTarget {
  /** Where the file is to be written, as the user named it (relative to `cwd` or absolute). */
  path: string;
  lang: Language;
  /** The document's slug, for messages. */
  slug: string;
  cwd: string;
}

/**
 * Checks `markdown` as the file `target.path` of its document. Returns the files checked, the imported
 * one first, each with its messages (none when all is well).
 */
export async function checkImport(markdown: string, target: ImportTarget): Promise<VFile[]> {
  const processor = createProcessor();
  const file = new VFile({ path: target.path, cwd: target.cwd, value: markdown });
  // A file named after a language is that language's version, whatever it says (`en.md` written with
  // --lang ja is an error, as in a document folder); a file named otherwise is a draft outside one.
  const named = basename(target.path).replace(/\.md$/u, '');
  const inFolder = target.path.endsWith('.md') && isLanguage(named);
  const lang = inFolder ? named : target.lang;
  const texts: Partial<Record<Language, DocumentText>> = {};
  const files: Partial<Record<Language, VFile>> = { [lang]: file };
  texts[lang] = await processText(processor, file, lang);
  // The other language versions in the same document folder, read as `npm run check` reads them.
  const folder = dirname(resolve(target.cwd, target.path));
  for (const other of inFolder ? languages : []) {
    const path = relative(target.cwd, join(folder, `${other}.md`));
    if (other === lang || !existsSync(resolve(target.cwd, path))) continue;
    const read = await readContentFile(target.cwd, path);
    files[other] = read.file;
    if (read.ok) texts[other] = await processText(processor, read.file, other);
  }
  checkDocument({ slug: target.slug, source: lang, texts, editions: firstEditionOnly() }, files, undefined);
  return [file, ...languages.flatMap((other) => (other !== lang && files[other] ? [files[other]] : []))];
}
