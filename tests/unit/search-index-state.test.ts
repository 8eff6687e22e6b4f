/**
 * The search index step, fast and to the same bytes, on a small generated archive:
 * - the records sent to Pagefind without waiting for each answer give the bundles that records
 *   awaited one by one give (the step's way before), and two runs give the same bytes;
 * - a language whose records did not change takes the previous run's bundle, and the result is the
 *   tree a fresh index of the same content writes; a bundle whose files changed since is not taken.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { close, createIndex, type IndexFile } from 'pagefind';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/** How many times a document's records were made (each time, the document was read). */
const made = vi.hoisted(() => ({ documents: 0 }));
vi.mock('../../src/search/records', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/search/records')>();
  return {
    ...real,
    searchRecords: (...args: Parameters<typeof real.searchRecords>) => {
      made.documents++;
      return real.searchRecords(...args);
    },
  };
});

/** How many indexes Pagefind holds at once, and the most it has held (the step's memory). */
const held = vi.hoisted(() => ({ now: 0, most: 0 }));
vi.mock('pagefind', async (importOriginal) => {
  const real = await importOriginal<typeof import('pagefind')>();
  return {
    ...real,
    createIndex: async (...args: Parameters<typeof real.createIndex>) => {
      const made = await real.createIndex(...args);
      if (!made.index) return made;
      held.now++;
      held.most = Math.max(held.most, held.now);
      const { index } = made;
      return {
        ...made,
        index: new Proxy(index, {
          get: (target, name, receiver) =>
            name === 'deleteIndex'
              ? async () => {
                  held.now--;
                  return target.deleteIndex();
                }
              : Reflect.get(target, name, receiver),
        }),
      };
    },
    close: async () => {
      held.now = 0;
      return real.close();
    },
  };
});
import { openContentCache } from '../../src/cache/read';
import { writeContentCache } from '../../src/cache/write';
import { isNeededFile, writeSearchIndex } from '../../src/export/search-index';
import { writeArchive } from '../../src/generate/write';
import { glossaryRecords, indexedLanguages, searchRecords } from '../../src/search/records';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'search-state-'));
  writeArchive(root, { docs: 6, seed: 7, baseLength: 1500 });
  expect((await writeContentCache(root)).written).toBe(true);
}, 120_000);
afterAll(() => rm(root, { recursive: true, force: true }));

/** Every file under `dir`, by relative path, with the sha256 of its bytes. */
async function tree(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: Record<string, string> = {};
  for (const entry of entries.filter((each) => each.isFile()).sort((a, b) => join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)))) {
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path)] = createHash('sha256').update(await readFile(path)).digest('hex');
  }
  return files;
}

/** The index as the step wrote it before: each record awaited before the next is sent. */
async function awaitedOneByOne(out: string): Promise<void> {
  const cache = openContentCache(root, { keep: true });
  const catalog = await cache.catalog();
  const glossary = await cache.glossaryIndex();
  const indexes = new Map();
  try {
    for (const [language, documents] of indexedLanguages(catalog.documents)) indexes.set(language, (await createIndex({ maxFragments: documents + 1, writePlayground: false })).index);
    for (const summary of catalog.documents) {
      const document = await cache.document(summary.slug);
      if (!document) throw new Error(summary.slug);
      for (const record of searchRecords(document, glossary)) await indexes.get(record.language).addCustomRecord(record);
    }
    for (const record of glossaryRecords(glossary.values())) if (indexes.has(record.language)) await indexes.get(record.language).addCustomRecord(record);
    for (const [language, index] of indexes) {
      const { files } = await index.getFiles();
      const entry = files.find((file: IndexFile) => file.path === 'pagefind-entry.json');
      const wasm = (JSON.parse(new TextDecoder().decode(entry.content)) as { languages: Record<string, { wasm: string | null }> }).languages[language].wasm ?? 'unknown';
      for (const file of files.filter((each: IndexFile) => isNeededFile(each.path, wasm))) {
        await mkdir(dirname(join(out, 'pagefind', language, file.path)), { recursive: true });
        await writeFile(join(out, 'pagefind', language, file.path), file.content);
      }
    }
  } finally {
    await close();
  }
}

/** Changes one word of the English text of the first document that has the word, as an editor would. */
async function correctEnglish(from: string, to: string): Promise<string> {
  const documents = join(root, 'content', 'documents');
  for (const slug of (await readdir(documents)).sort()) {
    const path = join(documents, slug, 'en.md');
    const text = await readFile(path, 'utf8').catch(() => '');
    const body = text.indexOf('\n---\n', 4) + 5;
    const at = text.slice(body).search(new RegExp(`\\b${from}\\b`));
    if (body < 5 || at < 0) continue;
    await writeFile(path, `${text.slice(0, body + at)}${to}${text.slice(body + at + from.length)}`);
    return slug;
  }
  throw new Error(`no English text has "${from}"`);
}

describe('the search index step', () => {
  it('writes, records sent without waiting, the bytes of records awaited one by one, every time', async () => {
    const work = await mkdtemp(join(tmpdir(), 'search-out-'));
    try {
      await awaitedOneByOne(join(work, 'before'));
      held.most = 0;
      const report = await writeSearchIndex(root, join(work, 'now'));
      // One language at a time: each index is written and dropped before the next is made.
      expect(held.most).toBe(1);
      expect(Object.keys(report.languages).sort()).toEqual(['en', 'ja', 'ru']);
      const before = await tree(join(work, 'before'));
      expect(Object.keys(before).length).toBeGreaterThan(30);
      expect(await tree(join(work, 'now'))).toEqual(before);
      await writeSearchIndex(root, join(work, 'again'));
      expect(await tree(join(work, 'again'))).toEqual(before);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }, 120_000);

  it('takes the previous bundle of each language whose records did not change, to the bytes of a fresh index', async () => {
    const work = await mkdtemp(join(tmpdir(), 'search-out-'));
    const state = join(work, 'state.json');
    try {
      const first = await writeSearchIndex(root, join(work, 'first'), { state: { path: state } });
      expect(Object.values(first.languages).map((language) => language.reused)).toEqual([false, false, false]);

      const unchanged = await writeSearchIndex(root, join(work, 'unchanged'), { state: { path: state } });
      expect(Object.values(unchanged.languages).map((language) => language.reused)).toEqual([true, true, true]);
      expect(await tree(join(work, 'unchanged'))).toEqual(await tree(join(work, 'first')));
      // `--clean`: nothing taken.
      const fresh = await writeSearchIndex(root, join(work, 'unchanged'), { state: { path: state, fresh: true } });
      expect(Object.values(fresh.languages).map((language) => language.reused)).toEqual([false, false, false]);

      // A word of one English text: the content cache rewrites that document only.
      await correctEnglish('sides', 'parties');
      expect((await writeContentCache(root)).reused).toBe(5);
      made.documents = 0;
      const corrected = await writeSearchIndex(root, join(work, 'corrected'), { state: { path: state } });
      // Only the corrected document is read: the others' English records are those the last run kept.
      expect(made.documents).toBe(1);
      expect({ ru: corrected.languages.ru?.reused, ja: corrected.languages.ja?.reused, en: corrected.languages.en?.reused }).toEqual({ ru: true, ja: true, en: false });
      await writeSearchIndex(root, join(work, 'anew'));
      const anew = await tree(join(work, 'anew'));
      expect(await tree(join(work, 'corrected'))).toEqual(anew);
      expect(anew).not.toEqual(await tree(join(work, 'first')));

      // A file of the bundle the state names, changed since: that language is indexed anew.
      const ru = join(work, 'corrected', 'pagefind', 'ru');
      const meta = (await readdir(ru)).find((name) => name.endsWith('.pf_meta'));
      await writeFile(join(ru, meta ?? 'missing'), 'not the bundle');
      const checked = await writeSearchIndex(root, join(work, 'checked'), { state: { path: state } });
      expect({ ru: checked.languages.ru?.reused, ja: checked.languages.ja?.reused, en: checked.languages.en?.reused }).toEqual({ ru: false, ja: true, en: true });
      expect(await tree(join(work, 'checked'))).toEqual(anew);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }, 180_000);
});
