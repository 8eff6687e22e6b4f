/**
 * Running the pipeline over content files: one language version (`processText`), or every file of a
 * document's folder (`loadDocument`). Problems of single files become messages on them; the rules
 * across files (src/rules/) come after, and the cache writer (src/cache/) runs both over all content.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { loadEditions, noEditionsFile, type DocumentEditions } from '../content/editions';
import { parseGlossary, type LoadedGlossary } from '../content/glossary';
import { readContentFile } from '../content/read';
import { reportFailure } from '../content/report';
import { isLanguage, languages, type Language } from '../model/languages';
import { slugPattern } from '../model/schema';
import type { ArchiveDocument, DocumentText, PastEdition } from '../model/types';
import { createProcessor } from './index';
import { report } from './report';

/** The document pipeline, made once with `createProcessor()` and shared by every file. */
export type Processor = ReturnType<typeof createProcessor>;

/** One document as loaded, with the files read for it. */
export interface LoadedDocument {
  document: ArchiveDocument;
  /** The VFile of each language version (also of one that could not be read or processed). */
  byLanguage: Partial<Record<Language, VFile>>;
  /**
   * Every file of the document's folder, in name order, with its messages, including files that are
   * not language versions, and those of its past editions. Their text and pipeline data are released
   * once read: messages only.
   */
  files: VFile[];
  /** Its `editions.yaml` as read, with the places the rules across editions report at. */
  editions: DocumentEditions;
  /** Its past editions, oldest first: each `editions/<n>/` below the current edition that exists. */
  past: LoadedPastEdition[];
}

/** A past edition of a document as loaded (`editions/<n>/`), with the files read for it. */
export interface LoadedPastEdition {
  edition: PastEdition;
  /** The VFile of each of its language versions. */
  byLanguage: Partial<Record<Language, VFile>>;
  /** Its glossary snapshot (`glossary.yaml`) as loaded: its entries and where each ID is written. */
  glossary: LoadedGlossary;
  glossaryFile: VFile;
}

/**
 * Runs a language version already read into `file` (its path relative to the project root) through
 * the pipeline, as `loadDocument` does for each file it reads: problems become messages on the file,
 * and the text and pipeline data are released. Undefined when the file's front matter or blocks could
 * not be read.
 */
export async function processText(processor: Processor, file: VFile, lang: Language): Promise<DocumentText | undefined> {
  const path = file.path;
  file.data.lang = lang;
  // Parse and run only: the model is on file.data, and nothing needs the file compiled to HTML.
  try {
    await processor.run(processor.parse(file), file);
  } catch (error) {
    // A fault no rule foresaw: one message on this file, and the other files are still checked.
    reportFailure(file, error);
    file.value = '';
    file.data = {};
    return undefined;
  }
  const { frontMatter, blocks, notes, mentions, anchors, frontMatterPlaces } = file.data;
  file.value = '';
  // Only the places of the front matter's fields stay, for the rules that compare them across files.
  file.data = frontMatterPlaces ? { frontMatterPlaces } : {};
  if (!frontMatter || !blocks) return undefined;
  if (frontMatter.lang !== lang) {
    report(file, 'error', `the file is named \`${lang}.md\` but its front matter says \`lang: ${frontMatter.lang}\``, { line: 1, column: 1 }, 'lang-mismatch');
  }
  return { lang, path, frontMatter, ...(frontMatterPlaces ? { frontMatterPlaces } : {}), blocks, notes: notes ?? [], mentions: mentions ?? [], anchors: anchors ?? [] };
}

/** The language versions of one folder (the document's, or one of its past editions'), read and run through the pipeline. */
interface FolderTexts {
  texts: Partial<Record<Language, DocumentText>>;
  byLanguage: Partial<Record<Language, VFile>>;
  /** The source's language: the version that says `role: source`, else the first present. */
  source: Language;
}

/** Reads and processes the language version `<folder>/<lang>.md` of each of `langs`, adding each file to `files`. */
async function loadTexts(processor: Processor, root: string, folder: string, langs: readonly Language[], files: VFile[]): Promise<FolderTexts> {
  const byLanguage: Partial<Record<Language, VFile>> = {};
  const texts: Partial<Record<Language, DocumentText>> = {};
  for (const lang of langs) {
    const read = await readContentFile(root, `${folder}/${lang}.md`);
    files.push(read.file);
    byLanguage[lang] = read.file;
    const text = read.ok ? await processText(processor, read.file, lang) : undefined;
    if (text) texts[lang] = text;
  }
  const sources = languages.filter((lang) => texts[lang]?.frontMatter.role === 'source');
  return { texts, byLanguage, source: sources[0] ?? languages.find((lang) => texts[lang]) ?? 'ru' };
}

/** The language of a file name `<lang>.md`, if it is one. */
function languageOf(name: string): Language | undefined {
  const lang = name.replace(/\.md$/, '');
  return name.endsWith('.md') && isLanguage(lang) ? lang : undefined;
}

/** Reports a name of a folder that does not belong there, on a file of that name. */
function stray(root: string, path: string, reason: string, ruleId: 'lang-mismatch' | 'edition-folder'): VFile {
  const file = new VFile({ path, cwd: root });
  report(file, 'error', reason, { line: 1, column: 1 }, ruleId);
  return file;
}

/** Reads the glossary snapshot `<folder>/glossary.yaml` of an edition's folder, or reports that it is missing. */
async function loadGlossarySnapshot(root: string, folder: string, names: readonly string[], n: number): Promise<{ glossary: LoadedGlossary; file: VFile }> {
  const path = `${folder}/glossary.yaml`;
  let glossary: LoadedGlossary = { items: [], places: new Map(), loaded: false };
  if (!names.includes('glossary.yaml')) {
    const reason = `edition ${n} has no glossary.yaml: copy there the entries of content/glossary.yaml that its texts mention, as they stand when it is superseded`;
    return { glossary, file: stray(root, path, reason, 'edition-folder') };
  }
  const read = await readContentFile(root, path);
  try {
    if (read.ok) glossary = parseGlossary(read.file);
  } catch (error) {
    reportFailure(read.file, error);
  }
  read.file.value = '';
  return { glossary, file: read.file };
}

/** The names of an edition's folder, each that is neither a language version nor `glossary.yaml` reported on `files`. */
async function editionFolderNames(root: string, folder: string, files: VFile[]): Promise<string[]> {
  const names = (await readdir(join(root, folder))).sort();
  for (const name of names) {
    if (languageOf(name) || name === 'glossary.yaml') continue;
    files.push(stray(root, `${folder}/${name}`, `an edition's folder holds only its language versions (\`${languages.join('.md`, `')}.md\`) and \`glossary.yaml\`; \`${name}\` is not one of them`, 'edition-folder'));
  }
  return names;
}

/**
 * Loads the past edition kept in `<folder>/editions/<n>/`: its language versions through the pipeline
 * like the current ones, and the glossary entries it mentions as they stood (`glossary.yaml`). Its files
 * (and a message for each name that does not belong) are added to `files`.
 */
async function loadPastEdition(processor: Processor, root: string, slug: string, n: number, files: VFile[]): Promise<LoadedPastEdition> {
  const folder = `content/documents/${slug}/editions/${n}`;
  const names = await editionFolderNames(root, folder, files);
  const langs = languages.filter((lang) => names.includes(`${lang}.md`));
  const { texts, byLanguage, source } = await loadTexts(processor, root, folder, langs, files);
  if (langs.length === 0) files.push(stray(root, `${folder}/${source}.md`, `edition ${n} is kept in ${folder}/ but that folder holds no language version: copy there the files it was published with`, 'edition-folder'));
  const { glossary, file: glossaryFile } = await loadGlossarySnapshot(root, folder, names, n);
  files.push(glossaryFile);
  return { edition: { slug, number: n, source, texts, glossary: glossary.items }, byLanguage, glossary, glossaryFile };
}

/**
 * Checks `editions/<n>/` for the current edition `n`: the copy an editor makes before writing the next
 * edition (docs/content-format.md, "Editions"). Until the next edition is in editions.yaml it must be
 * the current text byte for byte: each language version the same as the one beside editions.yaml. Its
 * glossary snapshot is read for its own messages.
 */
async function checkCurrentCopy(root: string, slug: string, n: number, currentNames: readonly string[], files: VFile[]): Promise<void> {
  const documentFolder = `content/documents/${slug}`;
  const folder = `${documentFolder}/editions/${n}`;
  const names = await editionFolderNames(root, folder, files);
  for (const lang of languages) {
    const name = `${lang}.md`;
    const copied = names.includes(name);
    const current = currentNames.includes(name);
    if (!copied && !current) continue;
    const same = copied && current && (await readFile(join(root, folder, name))).equals(await readFile(join(root, documentFolder, name)));
    if (same) continue;
    const reason = copied
      ? `editions/${n}/ is a copy of the current edition (${n}), made before the next edition is written, so ${name} must stay the same as ${documentFolder}/${name} until edition ${n + 1} is added to editions.yaml`
      : `editions/${n}/ is a copy of the current edition (${n}), made before the next edition is written, but it has no ${name}`;
    files.push(stray(root, `${folder}/${name}`, reason, 'edition-folder'));
  }
  files.push((await loadGlossarySnapshot(root, folder, names, n)).file);
}

/**
 * Loads the past editions of a document whose `editions.yaml` says it is in edition `current`: every
 * `editions/<n>/` below `current` must exist, and none for a later one; one for `current` may hold a copy
 * of the current text (see `checkCurrentCopy`). Files and messages are added to `files`.
 */
async function loadPastEditions(processor: Processor, root: string, slug: string, editions: DocumentEditions, currentNames: readonly string[], files: VFile[]): Promise<LoadedPastEdition[]> {
  const hasFolder = currentNames.includes('editions');
  const folder = `content/documents/${slug}/editions`;
  const current = editions.records.length;
  const entries = hasFolder ? await readdir(join(root, folder), { withFileTypes: true }) : [];
  const present = new Set<number>();
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const n = /^[1-9][0-9]*$/.test(entry.name) && entry.isDirectory() ? Number(entry.name) : undefined;
    if (n !== undefined && n < current) {
      present.add(n);
    } else if (n === current) {
      await checkCurrentCopy(root, slug, n, currentNames, files);
    } else {
      const reason =
        n === undefined
          ? `\`editions/\` holds one folder per past edition, named by its number (\`editions/1/\`); \`${entry.name}\` is not one`
          : `\`editions/${n}/\` is for a past edition, but editions.yaml makes edition ${current} the current one: an edition's folder is made when the edition after it is written`;
      files.push(stray(root, `${folder}/${entry.name}`, reason, 'edition-folder'));
    }
  }
  const past: LoadedPastEdition[] = [];
  for (let n = 1; n < current; n++) {
    if (present.has(n)) {
      past.push(await loadPastEdition(processor, root, slug, n, files));
    } else if (editions.file) {
      report(editions.file, 'error', `edition ${n} is superseded, so its text is kept word for word in editions/${n}/ (its ${languages.join('.md, ')}.md and glossary.yaml); that folder is missing`, editions.placeOf([n - 1, 'edition']), 'edition-folder');
    }
  }
  return past;
}

/**
 * Loads the document in `content/documents/<slug>`: each language version through `processor`, its
 * editions (`editions.yaml`) and its past editions (`editions/<n>/`). The document is not yet checked
 * across its files or its editions (see `createArchiveCheck` in src/rules/); problems of single files
 * are already messages on them.
 */
export async function loadDocument(processor: Processor, root: string, slug: string): Promise<LoadedDocument> {
  const folder = `content/documents/${slug}`;
  const names = (await readdir(join(root, folder))).sort();
  const files: VFile[] = [];
  const editions = names.includes('editions.yaml') ? await loadEditions(root, folder) : noEditionsFile();
  if (editions.file) files.push(editions.file);
  // Past editions only once editions.yaml says which there are; a broken file has its own messages.
  const past = editions.valid ? await loadPastEditions(processor, root, slug, editions, names, files) : [];
  const langs: Language[] = [];
  for (const name of names) {
    const lang = languageOf(name);
    if (lang) {
      langs.push(lang);
    } else if (name !== 'editions' && name !== 'editions.yaml') {
      files.push(stray(root, `${folder}/${name}`, `a document folder holds only \`${languages.join('.md`, `')}.md\`, \`editions.yaml\` and \`editions/\`; \`${name}\` is not one of them`, 'lang-mismatch'));
    }
  }
  const { texts, byLanguage, source } = await loadTexts(processor, root, folder, langs, files);
  // Every file of the folder in path order: editions.yaml, the past editions' files, the language versions.
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const first = Object.values(byLanguage)[0];
  if (!slugPattern.test(slug) && first) {
    report(first, 'error', `the folder name \`${slug}\` is not a valid slug: use lowercase ASCII letters, digits and inner hyphens`, { line: 1, column: 1 }, 'document-source');
  }
  const document: ArchiveDocument = { slug, source, texts, editions: editions.records };
  return { document, byLanguage, files, editions, past };
}
