/**
 * The Russian column holds the shared source word for word: the committed file, markup and
 * annotations stripped by the pipeline, gives exactly the words of the source text, in order.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load';

const root = join(import.meta.dirname, '..', '..');
const words = (text: string) => text.split(/\s+/u).filter(Boolean);

describe('the Russian source text', () => {
  it('has every word of ../shared/source in order, and nothing else', async () => {
    const source = readFileSync(join(root, '..', 'shared', 'source', '000_1042bb5bae12716b.txt'), 'utf8');
    const { edition } = await loadContent(root);
    const ru = edition.documents.find((document) => document.slug === '2019-05-30-japan-russia-2plus2')?.texts.ru;
    expect(ru?.frontMatter.role).toBe('source');
    const edited = words((ru?.blocks ?? []).map((block) => block.text).join('\n'));
    expect(edited).toEqual(words(source));
    expect(edited.length).toBeGreaterThan(400);
  });

  it('keeps the source’s quirks and annotates them', async () => {
    const { edition } = await loadContent(root);
    const ru = edition.documents[0]?.texts.ru;
    const paragraph = ru?.blocks.find((block) => block.id === 's1-2-p1');
    expect(paragraph?.text).toContain('«Спаская башня»');
    const anchor = ru?.anchors.find((reference) => reference.ref === 'spasskaya-spelling');
    expect(anchor).toMatchObject({ block: 's1-2-p1', text: 'Спаская башня' });
    expect(ru?.notes.find((note) => note.id === 'spasskaya-spelling')?.text).toContain('«Спасская башня»');
  });
});
