/**
 * What the content cache may keep of its previous run: a document whose files are the same bytes, read
 * by the same code against the same glossary, gives the same model and the same messages, so the
 * writer takes it from `.content/` instead of running the pipeline and the rules on it again. At a
 * thousand documents that is the difference between about a minute and a few seconds for a build that
 * corrects one of them.
 *
 * `.content/reuse.json` (`ReuseState`) records, for the run that wrote the cache:
 * - `inputs`: a hash of everything every document depends on: the cache's format, the code of the
 *   layers the cache runs (src/model, src/content, src/pipeline, src/rules, src/cache: the
 *   architecture test keeps the cache from importing anything else), the installed packages, Node's
 *   version, and every file of content/ outside the documents' folders and the received sources
 *   (the glossary above all);
 * - per document, a hash of its folder (`content/documents/<slug>/`, editions included), the messages
 *   its check gave (a document with an error is never written, so they are warnings), how many files
 *   it was read from, the glossary entries it mentions, whether it has past editions, and its summary
 *   and mentions of glossary entries (what the catalog and `mentions/` take of it), so that a reused
 *   document is not read back.
 * Other inputs, or no state at all: nothing is reused. The state is removed before the cache's files
 * are replaced and written after, so a run stopped halfway leaves none, and the next run reuses nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { VFile } from 'vfile';
import { messageSource } from '../model/report';
import type { DocumentMentions, DocumentSummary } from '../model/types';
import { cacheFormat } from './catalog';

/** A message as the state keeps it: what the report prints of it. */
export interface KeptMessage {
  reason: string;
  line: number;
  column: number;
  ruleId: string;
  fatal: boolean;
}

export interface KeptDocument {
  /** Hash of the document's folder. */
  key: string;
  fileCount: number;
  /** The files with messages, by path (relative to the project root, as the report prints them). */
  messages: Array<{ path: string; messages: KeptMessage[] }>;
  mentioned: string[];
  /** Whether `.content/editions/<slug>/` holds its past editions. */
  past: boolean;
  /** Its entry of the catalog, and its mentions of each glossary entry: what the catalog and `mentions/` take of it. */
  summary: DocumentSummary;
  mentions: Array<[string, DocumentMentions]>;
}

export interface ReuseState {
  inputs: string;
  documents: Record<string, KeptDocument>;
}

/** The folders of code whose every file is an input of every document's cache entry. */
export const cacheCode = ['src/model', 'src/content', 'src/pipeline', 'src/rules', 'src/cache'];

/** Files outside src/ that the code's result depends on. */
const otherInputs = ['package-lock.json', 'node_modules/.package-lock.json'];

const posix = (path: string) => path.split(sep).join('/');

/** Every file under `folder` (absolute paths), sorted by their path; none when it does not exist. */
export async function filesUnder(folder: string): Promise<string[]> {
  if (!existsSync(folder)) return [];
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Adds each file to `hash`: its path relative to `root`, its length and its bytes. */
export async function hashFiles(root: string, files: readonly string[], hash = createHash('sha256')): Promise<ReturnType<typeof createHash>> {
  for (const file of files) {
    const bytes = await readFile(file);
    hash.update(`${posix(relative(root, file))}\0${bytes.length}\0`).update(bytes);
  }
  return hash;
}

/** The hash of what every document of the project at `root` depends on (see the module's comment). */
export async function inputsKey(root: string): Promise<string> {
  const hash = createHash('sha256').update(`cache format ${cacheFormat}\nnode ${process.version}\n`);
  for (const folder of cacheCode) await hashFiles(root, await filesUnder(join(root, folder)), hash);
  await hashFiles(root, otherInputs.map((path) => join(root, path)).filter((path) => existsSync(path)), hash);
  const content = join(root, 'content');
  const shared = (await filesUnder(content)).filter((file) => !/^(?:documents|sources)\//.test(posix(relative(content, file))));
  await hashFiles(root, shared, hash);
  return hash.digest('hex');
}

/** The hash of one document's folder. */
export async function documentKey(root: string, slug: string): Promise<string> {
  return (await hashFiles(root, await filesUnder(join(root, 'content', 'documents', slug)))).digest('hex');
}

/** Reads the state a previous run left, or undefined when there is none that can be trusted. */
export async function readReuseState(path: string): Promise<ReuseState | undefined> {
  try {
    const state = JSON.parse(await readFile(path, 'utf8')) as ReuseState;
    return typeof state.inputs === 'string' && state.documents && typeof state.documents === 'object' ? state : undefined;
  } catch {
    return undefined;
  }
}

/** The files with messages of a document, as the state keeps them. */
export function keepMessages(files: readonly VFile[]): KeptDocument['messages'] {
  return files
    .filter((file) => file.messages.length > 0)
    .map((file) => ({
      path: file.path,
      messages: file.messages.map((message) => ({ reason: message.reason, line: message.line ?? 1, column: message.column ?? 1, ruleId: message.ruleId ?? 'unknown', fatal: message.fatal === true })),
    }));
}

/** The files with messages of a kept document, as its check made them. */
export function restoreMessages(kept: KeptDocument['messages']): VFile[] {
  return kept.map(({ path, messages }) => {
    const file = new VFile({ path });
    for (const { reason, line, column, ruleId, fatal } of messages) {
      const message = file.message(reason, { place: { line, column }, ruleId, source: messageSource });
      message.fatal = fatal;
    }
    return file;
  });
}
