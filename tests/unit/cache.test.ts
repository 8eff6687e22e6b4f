/**
 * The content cache (`npm run content`): what it writes for the base fixture, that a cached document
 * is the document the pipeline made, that the mentions are written per entry and the catalog only
 * counts them, that broken content writes nothing, and that documents and mentions which no longer
 * exist are removed.
 */
import { execFile, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { toHtml } from 'hast-util-to-html';
import { afterEach, describe, expect, it } from 'vitest';
import * as cache from '../../src/cache/write';
import * as catalogModule from '../../src/cache/catalog';
import type { Catalog, DocumentText, ArchiveDocument, EntryMentions } from '../../src/model/types';
import { fixturesDir, loadArchive } from '../helpers/fixtures';
import { walk } from '../../src/export/walk';

const { writeContentCache } = cache;
const slug = '2020-01-15-sample';
const projectRoot = join(import.meta.dirname, '..', '..');
const temporary: string[] = [];

/** A copy of the base fixture (with the files of `rules/<name>` laid over it) in a temporary folder. */
async function fixture(name?: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'reader-cache-'));
  temporary.push(dir);
  await cp(join(fixturesDir, 'base'), dir, { recursive: true });
  if (name) await cp(join(fixturesDir, 'rules', name), dir, { recursive: true });
  return dir;
}

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'));
}

afterEach(async () => {
  await Promise.all(temporary.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('content cache API', () => {
  it('exports the writer and the layout shared with the site', () => {
    expect(Object.keys(cache).sort()).toEqual(['writeContentCache']);
    expect(Object.keys(catalogModule).sort()).toEqual(['cacheFolder', 'cacheFormat', 'cachePaths', 'documentMentions', 'summarize']);
    expect(catalogModule.cachePaths('/project')).toMatchObject({
      folder: '/project/.content',
      catalog: '/project/.content/catalog.json',
      documents: '/project/.content/documents',
      mentions: '/project/.content/mentions',
    });
    expect(catalogModule.cachePaths('/project').document(slug)).toBe(`/project/.content/documents/${slug}.json`);
    expect(catalogModule.cachePaths('/project').entryMentions('japan')).toBe('/project/.content/mentions/japan.json');
  });
});

describe('writeContentCache', () => {
  it('writes the catalog, one file per document and one per mentioned entry, and nothing else', async () => {
    const root = await fixture();
    const result = await writeContentCache(root);
    expect(result).toMatchObject({ written: true, failed: false, documents: 1, fileCount: 3, files: [] });
    expect(result.report).toBe('0 errors, 0 warnings in 3 files');
    expect((await readdir(join(root, '.content'))).sort()).toEqual(['catalog.json', 'documents', 'mentions', 'reuse.json']);
    expect(await readdir(join(root, '.content', 'documents'))).toEqual([`${slug}.json`]);
    expect((await readdir(join(root, '.content', 'mentions'))).sort()).toEqual(['japan.json', 'kono-taro.json']);

    const catalog = (await readJson(join(root, '.content', 'catalog.json'))) as Catalog;
    expect(catalog.format).toBe(catalogModule.cacheFormat);
    expect(catalog.glossary.map((item) => [item.id, item.kind, item.names.en])).toEqual([
      ['japan', 'place', 'Japan'],
      ['kono-taro', 'person', 'Taro Kono'],
    ]);
    expect(catalog.documents).toHaveLength(1);
    const [summary] = catalog.documents;
    expect(summary.slug).toBe(slug);
    expect(summary.source).toBe('ru');
    expect(Object.keys(summary.texts)).toEqual(['ru', 'en']);
    expect(summary.texts.ru).toEqual({
      lang: 'ru',
      frontMatter: {
        title: 'Пример',
        date: '2020-01-15',
        place: 'Токио',
        lang: 'ru',
        role: 'source',
        participants: ['kono-taro'],
        provenance: { issuer: 'Министерство иностранных дел Японии', official: true },
      },
      lead: 'Министр Т. Коно посетил Японию.',
      progress: { sentences: 4, untranslated: 0 },
    });
    expect(summary.texts.en?.frontMatter.provenance.translator).toBe('Edition editors');
    expect(summary.texts.en?.lead).toBe('Minister Kono visited Japan.');
    // The catalog counts the mentions of each entry; the mentions themselves are in the entry's file.
    expect(catalog.mentions).toEqual({
      'kono-taro': { mentions: 1, documents: 1 },
      japan: { mentions: 1, documents: 1 },
    });
    expect(JSON.stringify(catalog)).not.toMatch(/"(blocks|labels)"/);
  });

  it('writes every mention of an entry to its file, by document, with the titles of the document', async () => {
    const root = await fixture();
    const copy = '2020-01-16-copy';
    await cp(join(root, 'content', 'documents', slug), join(root, 'content', 'documents', copy), { recursive: true });
    await writeContentCache(root);
    const japan = (await readJson(join(root, '.content', 'mentions', 'japan.json'))) as EntryMentions;
    const blocks = [{ block: 's1-p1', labels: [{ language: 'ru', text: 'Японию' }, { language: 'en', text: 'Japan' }] }];
    expect(japan).toEqual({
      entry: 'japan',
      documents: [
        { slug, source: 'ru', titles: { ru: 'Пример', en: 'Sample' }, blocks },
        { slug: copy, source: 'ru', titles: { ru: 'Пример', en: 'Sample' }, blocks },
      ],
    });
    const kono = (await readJson(join(root, '.content', 'mentions', 'kono-taro.json'))) as EntryMentions;
    expect(kono.documents.map((document) => [document.slug, document.blocks])).toEqual([
      [slug, [{ block: 's1-p1', labels: [{ language: 'ru', text: 'Т. Коно' }, { language: 'en', text: 'Kono' }] }]],
      [copy, [{ block: 's1-p1', labels: [{ language: 'ru', text: 'Т. Коно' }, { language: 'en', text: 'Kono' }] }]],
    ]);
    const catalog = (await readJson(join(root, '.content', 'catalog.json'))) as Catalog;
    expect(catalog.mentions).toEqual({ 'kono-taro': { mentions: 2, documents: 2 }, japan: { mentions: 2, documents: 2 } });
  });

  it('stores each document as the pipeline made it, without hast positions', async () => {
    const root = await fixture();
    await writeContentCache(root);
    const path = join(root, '.content', 'documents', `${slug}.json`);
    expect(await readFile(path, 'utf8')).not.toContain('"position"');
    const cached = (await readJson(path)) as ArchiveDocument;
    const [loaded] = (await loadArchive(root)).documents;

    expect(cached.slug).toBe(loaded.slug);
    expect(cached.source).toBe(loaded.source);
    expect(Object.keys(cached.texts)).toEqual(Object.keys(loaded.texts));
    const view = (text: DocumentText | undefined) => ({
      lang: text?.lang,
      path: text?.path,
      frontMatter: text?.frontMatter,
      blocks: text?.blocks.map(({ id, kind, depth, text: plain, line, element }) => ({ id, kind, depth, plain, line, html: toHtml(element) })),
      notes: text?.notes.map(({ id, kind, text: plain, line, children }) => ({ id, kind, plain, line, html: toHtml(children) })),
      mentions: text?.mentions,
      anchors: text?.anchors,
    });
    for (const lang of ['ru', 'en'] as const) {
      expect(view(cached.texts[lang])).toEqual(view(loaded.texts[lang]));
    }
    expect(view(cached.texts.ru).blocks?.map((block) => [block.id, block.plain])).toEqual([
      ['title', 'Пример'],
      ['s1', '1. Раздел'],
      ['s1-p1', 'Министр Т. Коно посетил Японию.'],
      ['s1-p2', 'Второй абзац.'],
    ]);
  });

  it('writes nothing for content with errors and reports them compiler-style', async () => {
    const root = join(await fixture(), 'broken');
    await cp(join(fixturesDir, 'broken'), root, { recursive: true });
    const result = await writeContentCache(root);
    expect(result.written).toBe(false);
    expect(result.failed).toBe(true);
    expect(result.report.split('\n')).toEqual([
      'content/glossary.yaml:1:1: error the glossary file is missing [glossary-schema]',
      '1 error, 0 warnings in 2 files',
    ]);
    expect(await readdir(root)).toEqual(['content']);
  });

  it('keeps the last good cache when a document breaks', async () => {
    const root = await fixture();
    await writeContentCache(root);
    const before = await readFile(join(root, '.content', 'catalog.json'), 'utf8');
    await cp(join(fixturesDir, 'rules', 'id-missing'), root, { recursive: true });
    const result = await writeContentCache(root);
    expect(result.written).toBe(false);
    expect(result.report).toMatch(/^content\/documents\/2020-01-15-sample\/en\.md:19:1: error paragraph `s1-p2` of the source .* \[id-missing\]$/m);
    expect(await readFile(join(root, '.content', 'catalog.json'), 'utf8')).toBe(before);
    expect((await readdir(join(root, '.content'))).sort()).toEqual(['catalog.json', 'documents', 'mentions', 'reuse.json']);
  });

  it('removes the files of documents that no longer exist, and abandoned staging folders', async () => {
    const root = await fixture();
    const copy = '2020-01-16-copy';
    await cp(join(root, 'content', 'documents', slug), join(root, 'content', 'documents', copy), { recursive: true });
    await writeContentCache(root);
    expect((await readdir(join(root, '.content', 'documents'))).sort()).toEqual([`${slug}.json`, `${copy}.json`]);

    await rm(join(root, 'content', 'documents', copy), { recursive: true });
    await writeFile(join(root, '.content', 'documents', 'old-slug.json'), '{}');
    await writeFile(join(root, '.content', 'mentions', 'old-entry.json'), '{}');
    // A folder left by a run that was stopped: its process (one that has ended) no longer runs.
    const ended = spawnSync(process.execPath, ['-e', '']).pid;
    await mkdir(join(root, '.content', `.staging-${ended}-abc123`, 'documents'), { recursive: true });
    const result = await writeContentCache(root);
    expect(result.documents).toBe(1);
    expect(await readdir(join(root, '.content', 'documents'))).toEqual([`${slug}.json`]);
    expect((await readdir(join(root, '.content', 'mentions'))).sort()).toEqual(['japan.json', 'kono-taro.json']);
    expect((await readdir(join(root, '.content'))).sort()).toEqual(['catalog.json', 'documents', 'mentions', 'reuse.json']);
    const catalog = (await readJson(join(root, '.content', 'catalog.json'))) as Catalog;
    expect(catalog.documents.map((document) => document.slug)).toEqual([slug]);
    expect(catalog.mentions.japan).toEqual({ mentions: 1, documents: 1 });
    const japan = (await readJson(join(root, '.content', 'mentions', 'japan.json'))) as EntryMentions;
    expect(japan.documents.map((mentions) => mentions.slug)).toEqual([slug]);
  });
});

describe('reusing the previous run', () => {
  /** Every file of the cache but the reuse state, with its bytes. */
  const snapshot = async (root: string) => {
    const files: Record<string, string> = {};
    for await (const path of walk(join(root, '.content'))) if (!path.endsWith('reuse.json')) files[path.slice(root.length)] = await readFile(path, 'utf8');
    return files;
  };

  it('takes an unchanged document as it was: the same files and the same report, warnings included', async () => {
    const root = await fixture();
    const en = join(root, 'content', 'documents', slug, 'en.md');
    // A warning of the document's own check (the translation leaves out a mention of the source).
    await writeFile(en, (await readFile(en, 'utf8')).replace(':term[Japan]{ref=japan}', 'Japan'));
    const first = await writeContentCache(root);
    expect(first.report).toMatch(/^content\/documents\/2020-01-15-sample\/en\.md:19:\d+: warning .*\[term-alignment\]$/m);
    expect(first.reused).toBe(0);
    const files = await snapshot(root);

    const second = await writeContentCache(root);
    expect(second.reused).toBe(1);
    expect(second.report).toBe(first.report);
    expect(second.fileCount).toBe(first.fileCount);
    expect(await snapshot(root)).toEqual(files);

    // `fresh` reuses nothing, and comes to the same.
    const fresh = await writeContentCache(root, { fresh: true });
    expect(fresh.reused).toBe(0);
    expect(fresh.report).toBe(first.report);
    expect(await snapshot(root)).toEqual(files);
  });

  it('runs a changed document again, and every document when the glossary changed', async () => {
    const root = await fixture();
    const copy = '2020-01-16-copy';
    await cp(join(root, 'content', 'documents', slug), join(root, 'content', 'documents', copy), { recursive: true });
    await writeContentCache(root);
    const en = join(root, 'content', 'documents', copy, 'en.md');
    await writeFile(en, (await readFile(en, 'utf8')).replace('visited', 'went to'));
    const changed = await writeContentCache(root);
    expect(changed.reused).toBe(1);
    const document = (await readJson(join(root, '.content', 'documents', `${copy}.json`))) as ArchiveDocument;
    expect(JSON.stringify(document.texts.en)).toContain('went to');

    const glossary = join(root, 'content', 'glossary.yaml');
    await writeFile(glossary, `${await readFile(glossary, 'utf8')}\n# a comment\n`);
    expect((await writeContentCache(root)).reused).toBe(0);
    expect((await writeContentCache(root)).reused).toBe(2);
  });

  it('does not trust a state whose files are gone, nor one left by a run that broke off', async () => {
    const root = await fixture();
    await writeContentCache(root);
    const files = await snapshot(root);
    await rm(join(root, '.content', 'documents', `${slug}.json`));
    const result = await writeContentCache(root);
    expect(result.reused).toBe(0);
    expect(await snapshot(root)).toEqual(files);
    await writeFile(join(root, '.content', 'reuse.json'), '{"inputs": 1');
    expect((await writeContentCache(root)).reused).toBe(0);
  });

  it('keeps the past editions of a document it reuses', async () => {
    const root = await mkdtemp(join(tmpdir(), 'reader-cache-'));
    temporary.push(root);
    await cp(join(fixturesDir, 'editions'), root, { recursive: true });
    const first = await writeContentCache(root);
    expect(first.written).toBe(true);
    const files = await snapshot(root);
    expect(Object.keys(files).some((path) => path.includes('/editions/'))).toBe(true);
    const second = await writeContentCache(root);
    expect(second.reused).toBe(first.documents);
    expect(await snapshot(root)).toEqual(files);
  });
});

describe('npm run content', () => {
  const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');
  const run = async (args: string[]) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(tsx, [join(projectRoot, 'src/cache/cli.ts'), ...args], { cwd: projectRoot });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failure = error as { code: number; stdout: string; stderr: string };
      return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
    }
  };

  it('prints the check report and writes the cache', async () => {
    const root = await fixture();
    const result = await run([root]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^0 errors, 0 warnings in 3 files$/m);
    expect(result.stdout).toMatch(/^content cache written to .*\.content\/: 1 document, catalog [\d.]+ kB, [\d.]+ s$/m);
    expect(await readdir(join(root, '.content', 'documents'))).toEqual([`${slug}.json`]);
    const again = await run([root]);
    expect(again.stdout).toMatch(/^content cache written to .*\.content\/: 1 document \(1 unchanged since the last run, taken as they were\), catalog [\d.]+ kB, [\d.]+ s$/m);
    expect((await run([root, '--fresh'])).stdout).toMatch(/: 1 document, catalog/);
    const wrong = await run([root, '--stale']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^content: Unknown option '--stale'.*\nusage: npm run content \[-- ROOT\] \[--fresh\]/);
  });

  it('prints every problem as path:line:col: severity message [rule], exits 1 and writes nothing', async () => {
    const root = await fixture('term-unknown');
    const result = await run([root]);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      'content/documents/2020-01-15-sample/en.md:19:1: warning `s1-p1`: the source marks `japan` here but this translation does not; this translation marks `nippon` which the source does not mark here (content/documents/2020-01-15-sample/ru.md:17:1) [term-alignment]',
      'content/documents/2020-01-15-sample/en.md:19:51: error `nippon` is not in the glossary (content/glossary.yaml) [term-unknown]',
      '1 error, 1 warning in 3 files',
      'content cache not written: fix the errors above',
      '',
    ]);
    expect(result.stderr).toBe('');
    expect(await readdir(root)).toEqual(['content']);
  });
});
