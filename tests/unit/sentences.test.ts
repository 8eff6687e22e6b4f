/**
 * The importer's sentence splitting (src/importer/sentences.ts): its public API, the cases of
 * tests/fixtures/sentences/cases.json (initials, abbreviations, quotations and brackets in Russian,
 * English and Japanese), a property (the lines, joined as the pipeline joins them, are the paragraph),
 * and its agreement with the sentence lines the editors wrote in the first document (bench/sentences.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measureSentences, segmenterSplitter } from '../../bench/sentences';
import * as sentences from '../../src/importer/sentences';
import { sentenceSeparator, splitSentences } from '../../src/importer/sentences';
import type { Language } from '../../src/model/languages';

const root = join(import.meta.dirname, '..', '..');

interface Case {
  lang: Language;
  about: string;
  lines: string[];
}

const { cases } = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'sentences', 'cases.json'), 'utf8')) as { cases: Case[] };

describe('splitSentences', () => {
  it('exports these names', () => {
    expect(Object.keys(sentences).sort()).toEqual(['sentenceSeparator', 'splitSentences']);
  });

  for (const { lang, about, lines } of cases) {
    it(`${lang}: ${about}`, () => {
      expect(splitSentences(lines.join(sentenceSeparator(lang)), lang)).toEqual(lines);
    });
  }

  it('gives back the paragraph when its lines are joined as the pipeline joins them (property)', () => {
    const pieces = ['Т.', 'Коно', 'г.', 'т.е.', 'Mr.', 'U.S.', 'No.', 'etc.', 'end.', 'Two!', 'Why?', '«Да.', 'нет»', '(a.', 'b)', '“Yes.', 'no”', '"', '。', '「', '」', '（', '）', 'です', '1.5', '2019.', '…', 'x', ' ', '  ', '\u3000', 'A'];
    fc.assert(
      fc.property(fc.constantFrom<Language>('ru', 'ja', 'en'), fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.constantFrom('', ' '), (lang, words, glue) => {
        const text = words.join(glue).trim();
        const lines = splitSentences(text, lang);
        expect(lines.join(sentenceSeparator(lang))).toBe(text);
        expect(lines.length).toBeGreaterThan(0);
        if (lines.length > 1) expect(lines.every((line) => line.length > 0 && line.trim() === line)).toBe(true);
      }),
      { numRuns: 500, seed: 20190530 },
    );
  });
});

describe('agreement with the editors’ sentence lines of the first document', () => {
  it('proposes every line the editors wrote in ru, ja and en, and no other', async () => {
    const results = await measureSentences(root);
    expect(results.map(({ lang, paragraphs, exact, editors, proposed, agreed }) => ({ lang, paragraphs, exact, editors, proposed, agreed }))).toEqual([
      { lang: 'ru', paragraphs: 8, exact: 8, editors: 6, proposed: 6, agreed: 6 },
      { lang: 'ja', paragraphs: 8, exact: 8, editors: 6, proposed: 6, agreed: 6 },
      { lang: 'en', paragraphs: 8, exact: 8, editors: 6, proposed: 6, agreed: 6 },
    ]);
  });

  it('does better than Intl.Segmenter alone, which cuts the Russian after every initial (Т. | Ивая)', async () => {
    const [ru] = await measureSentences(root, undefined, segmenterSplitter);
    expect({ exact: ru.exact, proposed: ru.proposed, agreed: ru.agreed }).toEqual({ exact: 5, proposed: 11, agreed: 6 });
    expect(ru.differences.flatMap((difference) => difference.proposed).filter((line) => /\s\p{Lu}\.$/u.test(line)).length).toBe(5);
  });
});
