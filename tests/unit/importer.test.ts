import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { loadContent } from '../../src/content/load';
import { ImportError, importPlainText, parseDateline, splitBlocks } from '../../src/importer/import-text';
import { createProcessor } from '../../src/pipeline';

const root = join(import.meta.dirname, '..', '..');
const receivedSource = join(root, 'content', 'sources', '2019-05-30-japan-russia-2plus2', '000_1042bb5bae12716b.txt');
const options = { lang: 'ru' as const, issuer: 'Министерство иностранных дел Японии' };

async function blocksOf(markdown: string) {
  const file = new VFile({ path: 'imported/ru.md', value: markdown });
  file.data.lang = 'ru';
  await createProcessor().process(file);
  return { file, blocks: (file.data.blocks ?? []).map(({ id, kind, depth, text }) => ({ id, kind, depth, text })) };
}

describe('importPlainText', () => {
  it('proposes the hierarchical IDs for the source as received', async () => {
    const { file, blocks } = await blocksOf(importPlainText(readFileSync(receivedSource, 'utf8'), options));
    expect(file.messages).toEqual([]);
    expect(blocks.map((block) => block.id)).toEqual([
      'title', 'dateline', 'intro-p1',
      's1', 's1-1', 's1-1-p1', 's1-1-p2', 's1-2', 's1-2-p1', 's1-3', 's1-3-p1',
      's2', 's2-1', 's2-1-p1', 's2-2', 's2-2-p1', 's2-3', 's2-3-p1',
    ]);
    expect(file.data.frontMatter).toMatchObject({ date: '2019-05-30', place: 'Токио', lang: 'ru', role: 'source' });
  });

  it('is what the committed Russian source holds once the editor’s annotations are set aside', async () => {
    const imported = await blocksOf(importPlainText(readFileSync(receivedSource, 'utf8'), options));
    const { edition } = await loadContent(root);
    const committed = edition.documents.find((document) => document.slug === '2019-05-30-japan-russia-2plus2');
    const ru = committed?.texts.ru;
    expect(ru?.blocks.map(({ id, kind, depth, text }) => ({ id, kind, depth, text }))).toEqual(imported.blocks);
    expect(ru?.frontMatter).toMatchObject(imported.file.data.frontMatter ?? {});
  });

  it('escapes what Markdown or directives would read as syntax, so that no character is lost', async () => {
    const text = 'Заголовок\n\n(1 мая 2020 года, Москва)\n\nВ 10:30 — *звёздочки*, [скобки], <b>угловые</b>, {#не-id} и 1. в начале.\n\n1. Раздел\n\n1) Подраздел\n\n2. не номер, а текст абзаца\n';
    const { file, blocks } = await blocksOf(importPlainText(text, options));
    expect(file.messages).toEqual([]);
    expect(blocks.find((block) => block.id === 'intro-p1')?.text).toBe('В 10:30 — *звёздочки*, [скобки], <b>угловые</b>, {#не-id} и 1. в начале.');
    expect(blocks.map((block) => block.id)).toEqual(['title', 'dateline', 'intro-p1', 's1', 's1-1', 's2']);
  });

  it('joins wrapped lines and ignores doubled blank lines', () => {
    expect(splitBlocks('\n\nА\nБ\n\n\n\nВ\r\n').map((block) => [block.text, block.line])).toEqual([
      ['А Б', 3],
      ['В', 8],
    ]);
  });

  it('reads a Russian date line', () => {
    expect(parseDateline('30 мая 2019 года, Токио')).toEqual({ date: '2019-05-30', place: 'Токио' });
    expect(parseDateline('1 декабря 2021 г., Москва')).toEqual({ date: '2021-12-01', place: 'Москва' });
    expect(parseDateline('в конце мая, Токио')).toEqual({});
  });

  it('rejects a text that is not shaped like a communiqué, naming the line', () => {
    const attempt = (text: string) => () => importPlainText(text, options);
    expect(attempt('')).toThrowError(ImportError);
    expect(attempt('1. Раздел\n\nТекст')).toThrowError(/must start with a title/);
    expect(attempt('Заголовок\n\n1) Подраздел')).toThrowError(/before any section/);
    try {
      importPlainText('Заголовок\n\n1. Раздел\n\n3. Раздел', options);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).line).toBe(5);
      expect((error as ImportError).message).toBe('section "3." follows section 1');
    }
  });
});
