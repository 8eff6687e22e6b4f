/**
 * What changed between two editions (src/editions/diff.ts): words for Russian and English, BudouX
 * phrases for Japanese, blocks changed, split, merged, removed and added, note bodies; on the fixture
 * of a document in two editions (tests/fixtures/editions) and on blocks made here.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import * as diffModule from '../../src/editions/diff';
import { diffEditions, diffWording, hasChanges, type DiffPart, type EditionTexts } from '../../src/editions/diff';
import { readContentFile } from '../../src/content/read';
import { createProcessor } from '../../src/pipeline/index';
import { processText } from '../../src/pipeline/process';
import { languages, type Language } from '../../src/model/languages';
import { editionsFileSchema, type BlockFate } from '../../src/model/schema';
import type { Block, DocumentText } from '../../src/model/types';
import { fixturesDir } from '../helpers/fixtures';

const root = join(fixturesDir, 'editions');
const folder = 'content/documents/2020-01-15-sample';

/** The language versions in `path` (relative to the fixture's root), through the pipeline. */
async function texts(path: string): Promise<EditionTexts> {
  const processor = createProcessor();
  const result: EditionTexts = { texts: {} };
  for (const language of languages) {
    const { file } = await readContentFile(root, `${path}/${language}.md`);
    const text = await processText(processor, file, language);
    if (!text) throw new Error(`${path}/${language}.md could not be read`);
    result.texts[language] = text;
  }
  return result;
}

const before = (parts: DiffPart[]) => parts.filter((part) => part.kind !== 'added').map((part) => part.text).join('');
const after = (parts: DiffPart[]) => parts.filter((part) => part.kind !== 'removed').map((part) => part.text).join('');
const changed = (parts: DiffPart[]) => parts.filter((part) => part.kind !== 'same').map((part) => [part.kind, part.text]);

describe('the diff module', () => {
  it('exports the wording diff, the editions diff, hasChanges and where blocks went', () => {
    expect(Object.keys(diffModule).sort()).toEqual(['blockSuccessors', 'diffEditions', 'diffWording', 'hasChanges']);
  });
});

describe('diffWording', () => {
  it('compares Russian word by word, not letter by letter, and gives each wording back exactly', () => {
    const parts = diffWording('ru', 'Он состоит из двух предложений.', 'Он состоит из одного предложения.');
    expect(parts).toEqual([
      { kind: 'same', text: 'Он состоит из ' },
      { kind: 'removed', text: 'двух предложений' },
      { kind: 'added', text: 'одного предложения' },
      { kind: 'same', text: '.' },
    ]);
  });

  it('compares English word by word, the space before an added phrase going with it', () => {
    expect(diffWording('en', 'Minister Kono visited Japan.', 'Minister Kono visited Japan in January.')).toEqual([
      { kind: 'same', text: 'Minister Kono visited Japan' },
      { kind: 'added', text: ' in January' },
      { kind: 'same', text: '.' },
    ]);
  });

  it('reads a run of replaced words as one phrase replaced, not words struck between kept spaces', () => {
    expect(changed(diffWording('en', 'a b c d', 'a x y z d'))).toEqual([
      ['removed', 'b c '],
      ['added', 'x y z '],
    ]);
  });

  it('compares Japanese by BudouX phrases: an added phrase is one part', () => {
    expect(diffWording('ja', '河野太郎大臣は日本を訪問した。', '河野太郎大臣は一月に日本を訪問した。')).toEqual([
      { kind: 'same', text: '河野太郎大臣は' },
      { kind: 'added', text: '一月に' },
      { kind: 'same', text: '日本を訪問した。' },
    ]);
  });

  it('marks a changed Japanese phrase whole, not the one character that differs', () => {
    expect(changed(diffWording('ja', '二つの文から成る。', '一つの文から成る。'))).toEqual([
      ['removed', '二つの'],
      ['added', '一つの'],
    ]);
  });

  it('gives no change for the same text, and all of a text added or removed', () => {
    expect(diffWording('en', 'Same.', 'Same.')).toEqual([{ kind: 'same', text: 'Same.' }]);
    expect(diffWording('ru', '', 'Новое.')).toEqual([{ kind: 'added', text: 'Новое.' }]);
    expect(diffWording('ja', '古い。', '')).toEqual([{ kind: 'removed', text: '古い。' }]);
  });

  it('always gives back both wordings, in every language', () => {
    const word = fc.constantFrom('Министр', 'посетил', 'Japan', 'visited', '日本を', '訪問した。', 'in', ',', '.', '«', '»', '2+2', '一月に');
    const text = fc.array(fc.tuple(word, fc.constantFrom(' ', '', '\n\n', '  ')), { maxLength: 12 }).map((pairs) => pairs.flat().join(''));
    fc.assert(
      fc.property(fc.constantFrom<Language>(...languages), text, text, (language, older, newer) => {
        const parts = diffWording(language, older, newer);
        expect(before(parts)).toBe(older);
        expect(after(parts)).toBe(newer);
        // No two neighbouring parts of one kind, and never an empty part.
        parts.forEach((part, index) => {
          expect(part.text).not.toBe('');
          if (index > 0) expect(part.kind).not.toBe(parts[index - 1].kind);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('diffEditions on the fixture of a document in two editions', () => {
  let first: EditionTexts;
  let second: EditionTexts;
  let fates: Record<string, BlockFate>;

  beforeAll(async () => {
    first = await texts(`${folder}/editions/1`);
    second = await texts(folder);
    const editions = editionsFileSchema.parse(parse(readFileSync(join(root, folder, 'editions.yaml'), 'utf8')));
    fates = editions[1].fates ?? {};
  });

  it.each(languages)('finds in %s the changed paragraph, the split one and the removed section, in reading order', (language) => {
    const diff = diffEditions(first, second, [fates], language);
    expect(diff.language).toBe(language);
    expect(diff.blocks.map(({ kind, id, before: was, after: now }) => ({ kind, id, before: was.map((block) => block.id), after: now.map((block) => block.id) }))).toEqual([
      { kind: 'changed', id: 's1-p1', before: ['s1-p1'], after: ['s1-p1'] },
      { kind: 'split', id: 's1-p3', before: ['s1-p2'], after: ['s1-p3', 's1-p4'] },
      { kind: 'removed', id: 's2', before: ['s2'], after: [] },
      { kind: 'removed', id: 's2-p1', before: ['s2-p1'], after: [] },
    ]);
    expect(diff.blocks.filter((change) => change.kind === 'removed').map((change) => change.why)).toEqual(['The source has no second section.', 'The source has no second section.']);
    expect(hasChanges(diff)).toBe(true);
  });

  it('gives the words that changed in each language', () => {
    const parts = (language: Language, id: string) => changed(diffEditions(first, second, [fates], language).blocks.find((change) => change.id === id)?.parts ?? []);
    expect(parts('ru', 's1-p1')).toEqual([['added', ' в январе']]);
    expect(parts('en', 's1-p1')).toEqual([['added', ' in January']]);
    expect(parts('ja', 's1-p1')).toEqual([['added', '一月に']]);
    // A split: the paragraph break is what was added, with the words that changed.
    expect(parts('en', 's1-p3')).toEqual([
      ['removed', ' '],
      ['added', '\n\n'],
      ['removed', 'two sentences'],
      ['added', 'one sentence'],
    ]);
  });

  it('keeps every word of both editions in a changed block', () => {
    for (const language of languages) {
      for (const change of diffEditions(first, second, [fates], language).blocks) {
        expect(before(change.parts)).toBe(change.before.map((block) => block.text).join('\n\n'));
        expect(after(change.parts)).toBe(change.after.map((block) => block.text).join('\n\n'));
      }
    }
  });

  it('compares the note bodies', () => {
    const diff = diffEditions(first, second, [fates], 'en');
    expect(diff.notes.map(({ kind, id }) => ({ kind, id }))).toEqual([{ kind: 'changed', id: 'n-spelling' }]);
    expect(changed(diff.notes[0].parts)).toEqual([['added', '; clarified in the second edition']]);
    expect(changed(diffEditions(first, second, [fates], 'ja').notes[0].parts)).toEqual([['added', '第二版で補足した。']]);
  });

  it('finds nothing between an edition and itself', () => {
    for (const language of languages) expect(hasChanges(diffEditions(second, second, [], language))).toBe(false);
  });

  it('reads backwards as added what was removed', () => {
    const diff = diffEditions(second, first, [], 'en');
    expect(diff.blocks.filter((change) => change.kind === 'added').map((change) => change.id)).toEqual(['s1-p2', 's2', 's2-p1']);
  });
});

/** A paragraph of one text: what the diff reads of a block. */
function block(id: string, text: string): Block {
  return { id, kind: 'paragraph', depth: 0, element: { type: 'element', tagName: 'p', properties: {}, children: [] }, text, line: 1, sentences: [] };
}

function edition(...blocks: Block[]): EditionTexts {
  const text = { lang: 'en', path: 'en.md', blocks, notes: [], mentions: [], anchors: [] } as unknown as DocumentText;
  return { texts: { en: text } };
}

describe('diffEditions on blocks made here', () => {
  it('counts a block whose markup alone changed (a mention marked) as changed, every word kept', () => {
    const marked = block('p1', 'Japan.');
    marked.element = { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'element', tagName: 'span', properties: { dataTerm: 'japan' }, children: [{ type: 'text', value: 'Japan' }] }] };
    const diff = diffEditions(edition(block('p1', 'Japan.')), edition(marked), [], 'en');
    expect(diff.blocks.map(({ kind, id, parts }) => ({ kind, id, parts }))).toEqual([{ kind: 'changed', id: 'p1', parts: [{ kind: 'same', text: 'Japan.' }] }]);
  });

  it('groups merged blocks into one change with the wording of both', () => {
    const diff = diffEditions(edition(block('p1', 'One.'), block('p2', 'Two.'), block('p3', 'Three.')), edition(block('p1', 'One. Two.'), block('p3', 'Three.')), [{ p2: { merged: 'p1' } }], 'en');
    expect(diff.blocks).toHaveLength(1);
    expect(diff.blocks[0]).toMatchObject({ kind: 'merged', id: 'p1' });
    expect(diff.blocks[0].before.map((each) => each.id)).toEqual(['p1', 'p2']);
    expect(changed(diff.blocks[0].parts)).toEqual([
      ['removed', '\n\n'],
      ['added', ' '],
    ]);
  });

  it('follows the fates of every edition between the two compared: a split, then a merge', () => {
    const one = edition(block('p1', 'A. B.'), block('p2', 'C.'));
    const three = edition(block('p1', 'A.'), block('p3', 'B. C.'));
    const diff = diffEditions(one, three, [{ p1: { split: ['p1', 'p3'] } }, { p2: { merged: 'p3' } }], 'en');
    expect(diff.blocks.map(({ kind, before: was, after: now }) => [kind, was.map((each) => each.id), now.map((each) => each.id)])).toEqual([['regrouped', ['p1', 'p2'], ['p1', 'p3']]]);
  });

  it('places an added block where the newer edition has it and a removed one after the block before it', () => {
    const diff = diffEditions(edition(block('p1', 'A.'), block('p2', 'Gone.'), block('p3', 'C.')), edition(block('p0', 'New.'), block('p1', 'A.'), block('p3', 'C.')), [{ p2: { removed: 'Not in the source.' } }], 'en');
    expect(diff.blocks.map(({ kind, id, why }) => [kind, id, why])).toEqual([
      ['added', 'p0', undefined],
      ['removed', 'p2', 'Not in the source.'],
    ]);
  });
});
