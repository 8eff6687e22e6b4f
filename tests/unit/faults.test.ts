/**
 * The fault corpus: content as it goes wrong in practice (wrong encodings, cut-off files, stray
 * invisible characters, odd IDs, unclosed directives, very large inputs). Each class is the base
 * fixture with files from tests/fixtures/faults/<class>/ laid over it, or with files the test
 * generates (the large ones). Each class either is reported, every message asserted field by field
 * (file, line, column, severity, rule id, reason), or is handled without loss: the text of every block
 * is asserted in full. None throws.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { languages, type Language } from '../../src/content/languages';
import { fixturesDir, loadFixture } from '../helpers/fixtures';

const ru = 'content/documents/2020-01-15-sample/ru.md';
const en = 'content/documents/2020-01-15-sample/en.md';
const ja = 'content/documents/2020-01-15-sample/ja.md';
const glossary = 'content/glossary.yaml';

type Expected = [path: string, line: number, column: number, severity: 'error' | 'warning', ruleId: string, reason: RegExp];

/** The base fixture's block texts, for the classes that must keep the text as it is. */
const baseTexts = {
  ru: ['Пример', '1. Раздел', 'Министр Т. Коно посетил Японию.', 'Второй абзац.'],
  en: ['Sample', '1. Section', 'Minister Kono visited Japan.', 'Second paragraph.'],
};

interface FaultCase {
  /** Writes the generated files of the class (the large ones). */
  prepare?: (dir: string) => Promise<void>;
  /** Every message, in report order. */
  expected: Expected[];
  /** The plain text of every block of each language version loaded, when the class must keep the text. */
  texts?: Partial<Record<Language, string[]>>;
}

const cases: Record<string, FaultCase> = {
  'windows-1251': {
    expected: [
      [en, 1, 1, 'error', 'document-source', /has no source text/],
      [ru, 2, 8, 'error', 'encoding', /not valid UTF-8: byte 0xcf at offset 11 cannot be decoded; it looks like Windows-1251; save the file as UTF-8/],
    ],
  },
  'shift-jis': {
    expected: [[ja, 2, 8, 'error', 'encoding', /not valid UTF-8: byte 0x8c at offset 11 cannot be decoded; it looks like Shift_JIS; save the file as UTF-8/]],
    texts: baseTexts,
  },
  'utf16-bom': {
    expected: [
      [en, 1, 1, 'error', 'encoding', /the file is UTF-16 \(little-endian\), not UTF-8 .*byte-order mark/],
      [ru, 1, 1, 'error', 'encoding', /the file is UTF-16 \(big-endian\), not UTF-8/],
      [ru, 1, 1, 'error', 'document-source', /has no source text/],
      [glossary, 1, 1, 'warning', 'term-unused', /`japan`/],
      [glossary, 11, 1, 'warning', 'term-unused', /`kono-taro`/],
    ],
  },
  'utf16-no-bom': {
    expected: [[en, 1, 2, 'error', 'encoding', /NUL character \(U\+0000\): it looks like UTF-16 without a byte-order mark/]],
  },
  // A UTF-8 byte-order mark is dropped; a genuine U+FFFD after it is text, not a decoding failure.
  'bom-utf8': { expected: [], texts: { ru: [...baseTexts.ru.slice(0, 3), 'Второй абзац: знак \uFFFD, как в источнике.'], en: baseTexts.en } },
  // Cut in the middle of «Т», in a file that starts with a byte-order mark: the place is counted without it, the offset with it.
  'truncated-utf8': {
    expected: [[en, 24, 22, 'error', 'encoding', /not valid UTF-8: byte 0xd0 at offset 500/]],
    texts: { ru: baseTexts.ru },
  },
};

describe('the fault corpus', () => {
  it('has a case for every fixture folder, and a folder or a generator for every case', () => {
    const folders = readdirSync(join(fixturesDir, 'faults')).sort();
    expect(folders.filter((name) => !(name in cases))).toEqual([]);
    expect(Object.keys(cases).filter((name) => !folders.includes(name) && !cases[name].prepare)).toEqual([]);
  });

  for (const [name, fault] of Object.entries(cases)) {
    it(`${fault.texts ? 'keeps the text of' : 'reports'} ${name}`, async () => {
      const folders = readdirSync(join(fixturesDir, 'faults'));
      const { list, content } = await loadFixture(folders.includes(name) ? name : undefined, { corpus: 'faults', prepare: fault.prepare });
      expect(list.map((d) => [d.path, d.line, d.column, d.severity, d.ruleId])).toEqual(
        fault.expected.map(([path, line, column, severity, ruleId]) => [path, line, column, severity, ruleId]),
      );
      list.forEach((d, index) => expect(d.reason).toMatch(fault.expected[index][5]));
      if (fault.texts) {
        const texts = content.edition.documents[0]?.texts ?? {};
        const loaded = Object.fromEntries(languages.filter((lang) => texts[lang]).map((lang) => [lang, texts[lang]?.blocks.map((block) => block.text)]));
        expect(loaded).toEqual(fault.texts);
      }
    });
  }
});
