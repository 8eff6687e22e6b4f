/**
 * The Russian column holds the source as received word for word: the committed file, markup and
 * annotations stripped by the pipeline, gives exactly the words of the source text, in order. The
 * source as received is kept in the repository (content/sources/, with its provenance).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/cache/load';

const root = join(import.meta.dirname, '..', '..');
const words = (text: string) => text.split(/\s+/u).filter(Boolean);
const receivedSource = join(root, 'content', 'sources', '2019-05-30-japan-russia-2plus2', '000_1042bb5bae12716b.txt');

describe('the Russian source text', () => {
  it('is kept as received, with the checksum its provenance records', () => {
    const bytes = readFileSync(receivedSource);
    const readme = readFileSync(join(receivedSource, '..', 'README.md'), 'utf8');
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(readme).toContain(`\`${sha}\``);
    expect(sha).toBe('0ba1c92bd41c975a5cb337b457ff1b95971f37c350225707c411191b87a08a93');
  });

  it('has every word of the source as received in order, and nothing else', async () => {
    const source = readFileSync(receivedSource, 'utf8');
    const { archive: edition } = await loadContent(root);
    const ru = edition.documents.find((document) => document.slug === '2019-05-30-japan-russia-2plus2')?.texts.ru;
    expect(ru?.frontMatter.role).toBe('source');
    const edited = words((ru?.blocks ?? []).map((block) => block.text).join('\n'));
    expect(edited).toEqual(words(source));
    expect(edited.length).toBeGreaterThan(400);
  });

  it('keeps the source’s quirks and annotates them', async () => {
    const { archive: edition } = await loadContent(root);
    const ru = edition.documents[0]?.texts.ru;
    const paragraph = ru?.blocks.find((block) => block.id === 's1-2-p1');
    expect(paragraph?.text).toContain('«Спаская башня»');
    const anchor = ru?.anchors.find((reference) => reference.ref === 'spasskaya-spelling');
    expect(anchor).toMatchObject({ block: 's1-2-p1', text: 'Спаская башня' });
    expect(ru?.notes.find((note) => note.id === 'spasskaya-spelling')?.text).toContain('«Спасская башня»');
  });
});
