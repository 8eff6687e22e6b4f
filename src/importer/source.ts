/**
 * What `--translation-of SLUG` needs of the document: its source file's structure (block IDs, kinds,
 * sentence numbers), read through the pipeline as `npm run check` reads it, whether it has an
 * `editions.yaml`, and the glossary's places for reading a place in the text.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadEditions } from '../content/editions';
import { loadGlossary } from '../content/glossary';
import { readContentFile } from '../content/read';
import { languages, type Language } from '../model/languages';
import { createProcessor } from '../pipeline';
import { processText } from '../pipeline/process';
import type { KnownPlace } from './place';
import type { SourceStructure } from './translation';

export interface TranslatedDocument {
  source: SourceStructure;
  /**
   * When the document has `editions.yaml`: its current edition, and whether the copy of it that a new
   * edition starts from (`editions/<current>/`) is made. A new language version is a new edition,
   * which the editor records.
   */
  editions?: { current: number; copied: boolean };
}

/** The source of the document `slug` under `cwd`, or why it cannot be read (a sentence for the user). */
export async function readSourceOf(cwd: string, slug: string): Promise<TranslatedDocument | string> {
  const folder = join('content', 'documents', slug);
  if (!existsSync(resolve(cwd, folder))) return `there is no document ${slug} (no folder ${folder}/): --translation-of names a document that has its source`;
  const processor = createProcessor();
  const sources: SourceStructure[] = [];
  for (const lang of languages) {
    const path = join(folder, `${lang}.md`);
    if (!existsSync(resolve(cwd, path))) continue;
    const read = await readContentFile(cwd, path);
    const text = read.ok ? await processText(processor, read.file, lang) : undefined;
    if (text?.frontMatter.role !== 'source') continue;
    const blocks = text.blocks.map(({ id, kind, depth, line, sentences }) => ({
      id,
      kind,
      depth,
      line,
      sentences: sentences.map((sentence) => sentence.ids[0]?.slice(id.length + 1) ?? '1'),
    }));
    sources.push({ path, lang, blocks });
  }
  if (sources.length !== 1) {
    return sources.length === 0
      ? `${folder}/ has no source file that npm run check accepts (role: source): import the source first, or correct it`
      : `${folder}/ has ${sources.length} source files (${sources.map((source) => source.path).join(', ')}): npm run check must accept the document first`;
  }
  if (!existsSync(resolve(cwd, folder, 'editions.yaml'))) return { source: sources[0] };
  const editions = await loadEditions(cwd, folder);
  if (!editions.valid) return `${folder}/editions.yaml is not valid (npm run check says why): correct it first`;
  const current = editions.records.length;
  return { source: sources[0], editions: { current, copied: existsSync(resolve(cwd, folder, 'editions', String(current))) } };
}

/** The places of the glossary under `cwd`, in `lang`; none when it has no glossary. */
export async function knownPlaces(cwd: string, lang: Language): Promise<KnownPlace[]> {
  if (!existsSync(resolve(cwd, 'content', 'glossary.yaml'))) return [];
  const { glossary } = await loadGlossary(cwd);
  return glossary.items
    .filter((entry) => entry.kind === 'place')
    .map((entry) => ({ name: entry.names[lang], forms: entry.variants?.[lang] ?? [] }));
}
