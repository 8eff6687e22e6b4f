/** `npm run generate`: test archives that pass the checker, varied as issue 18 asks, the same for a seed. */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/cache/load';
import { generateDocument, glossaryUniverse, textLength } from '../../src/generate/archive';
import { firstDocumentLength, markerName, writeArchive } from '../../src/generate/write';

const root = join(import.meta.dirname, '..', '..');
const universe = glossaryUniverse();
const base = firstDocumentLength(root) ?? 3000;
const many = Array.from({ length: 2000 }, (_, index) => generateDocument(index + 1, universe, { docs: 2000, seed: 7, baseLength: base }));

const frontMatter = (text: string) => parse(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]) as { date: string; participants: string[]; role: string };

describe('generated documents', () => {
  it('are the same bytes for a seed, whatever the number of documents, and differ for another seed', () => {
    const again = generateDocument(12, universe, { docs: 5, seed: 7, baseLength: base });
    expect(again).toEqual(many[11]);
    expect(generateDocument(12, universe, { docs: 2000, seed: 8, baseLength: base }).files.ru).not.toBe(many[11].files.ru);
  });

  it('drawn from the first K entries of each kind, name those alone, and a few of them in many documents', () => {
    const small = glossaryUniverse(12);
    expect([small.persons, small.places, small.organisations, small.topics].map((list) => list.map((entry) => entry.id))).toEqual(
      [universe.persons, universe.places, universe.organisations, universe.topics].map((list) => list.slice(0, 12).map((entry) => entry.id)),
    );
    const known = new Set(Object.values(small).flatMap((list: Array<{ id: string }>) => list.map((entry) => entry.id)));
    const documents = Array.from({ length: 45 }, (_, index) => generateDocument(index + 1, small, { docs: 45, seed: 1, entries: 12, baseLength: base }));
    expect(documents.flatMap((document) => document.entries).filter((id) => !known.has(id))).toEqual([]);
    // Every entry the source's front matter names is among the document's entries (the glossary is made of them), named in its text or not.
    for (const document of [...documents, ...many.slice(0, 200)]) {
      const fields = frontMatter(document.files.ru!) as unknown as Record<string, string | string[] | undefined>;
      const named = ['participants', 'venue', 'issuedBy', 'organisations', 'topics'].flatMap((field) => fields[field] ?? []);
      expect(named.filter((id) => !document.entries.includes(id)), document.slug).toEqual([]);
    }
    // The tests' archive (tests/archive/where.ts): some participant of more than twenty of the 45.
    const counts = new Map<string, number>();
    for (const document of documents) for (const id of frontMatter(document.files.ru!).participants) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeGreaterThan(20);
  });

  it('are dated over 30 years, each slug once', () => {
    const years = many.map((document) => Number(frontMatter(document.files.ru!).date.slice(0, 4)));
    expect(Math.min(...years)).toBe(1995);
    expect(Math.max(...years)).toBe(2024);
    expect(new Set(many.map((document) => document.slug)).size).toBe(many.length);
    expect(many.every((document) => document.slug.startsWith(frontMatter(document.files.ru!).date))).toBe(true);
  });

  it('run from a third to three times the length of the first real document', () => {
    const ratios = many.map((document) => textLength(document.files.ru!) / base);
    // A document is never cut mid-section below a third; it may end one paragraph past three times.
    expect(Math.min(...ratios)).toBeGreaterThanOrEqual(1 / 3 - 0.05);
    expect(Math.min(...ratios)).toBeLessThan(0.5);
    expect(Math.max(...ratios)).toBeGreaterThan(2.5);
    expect(Math.max(...ratios)).toBeLessThan(3.3);
  });

  it('draw participants from a glossary larger than any document, some often and most rarely', () => {
    const counts = new Map<string, number>();
    for (const document of many) for (const id of frontMatter(document.files.ru!).participants) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect(universe.persons.length).toBeGreaterThan(500);
    expect(counts.size).toBeGreaterThan(200);
    expect(Math.max(...counts.values())).toBeGreaterThan(50);
  });

  it('now and then lack a translation, never the source', () => {
    const partial = many.filter((document) => !document.files.ja || !document.files.en);
    expect(partial.length / many.length).toBeGreaterThan(0.08);
    expect(partial.length / many.length).toBeLessThan(0.25);
    expect(many.every((document) => frontMatter(document.files.ru!).role === 'source')).toBe(true);
  });
});

describe('a generated archive on disk', () => {
  it('passes npm run check with no error and no warning, glossary included', async () => {
    const out = await mkdtemp(join(tmpdir(), 'generated-'));
    const written = writeArchive(out, { docs: 16, seed: 3, baseLength: base });
    expect(readdirSync(join(out, 'content', 'documents'))).toHaveLength(16);
    const glossary = parse(readFileSync(join(out, 'content', 'glossary.yaml'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(glossary)).toHaveLength(written.entries);
    const { report, failed } = await checkContent(out);
    expect(failed).toBe(false);
    expect(report).toMatch(/^0 errors, 0 warnings in \d+ files$/m);
  }, 60_000);

  it('replaces an archive it wrote, and refuses a folder it did not write, by the command, with its usage and exit 2', async () => {
    const out = await mkdtemp(join(tmpdir(), 'generated-'));
    const tsx = join(root, 'node_modules', '.bin', 'tsx');
    const run = async (args: string[]) =>
      promisify(execFile)(tsx, [join(root, 'src', 'generate', 'cli.ts'), ...args], { cwd: root }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
    const first = await run(['--docs', '3', '--out', out, '--seed', '5']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^generated 3 documents/);
    expect(existsSync(join(out, markerName))).toBe(true);
    expect((await run(['--docs', '2', '--out', out])).code).toBe(0);
    expect(readdirSync(join(out, 'content', 'documents'))).toHaveLength(2);

    const other = join(out, 'content', 'documents', 'mine');
    mkdirSync(join(other, 'x'), { recursive: true });
    writeFileSync(join(other, 'keep.txt'), 'keep');
    const refused = await run(['--docs', '2', '--out', other]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^generate: .*mine is not empty and was not written by npm run generate/);
    expect(refused.stderr).toMatch(/usage: npm run generate -- --docs N/);
    expect(existsSync(join(other, 'keep.txt'))).toBe(true);

    const wrong = await run(['--docs', 'many']);
    expect(wrong.code).toBe(2);
    const usage = 'usage: npm run generate -- --docs N [--out DIR] [--seed S] [--entries K]   (DIR: default .generated; S: an integer, default 1; K: the entries of each kind the documents draw from, default all)\n';
    expect(wrong.stderr).toBe(`generate: --docs must be a whole number, not "many"\n${usage}`);
    const none = await run(['--docs', '2', '--entries', '0']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(`generate: --entries must be at least 1\n${usage}`);
  }, 60_000);
});
