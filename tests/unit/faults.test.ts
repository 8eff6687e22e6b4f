/**
 * The fault corpus: content as it goes wrong in practice (wrong encodings, cut-off files, stray
 * invisible characters, odd IDs, unclosed directives, very large inputs). Each class is the base
 * fixture with files from tests/fixtures/faults/<class>/ laid over it, or with files the test
 * generates (the large ones). Each class either is reported, every message asserted field by field
 * (file, line, column, severity, rule id, reason), or is handled without loss: the text of every block
 * is asserted in full. None throws.
 */
import { readdirSync } from 'node:fs';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
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

/** Front matter of a generated source file. */
const frontMatter = (title: string) =>
  `---\ntitle: ${title}\ndate: 2020-01-16\nplace: Токио\nlang: ru\nrole: source\nprovenance:\n  issuer: Министерство иностранных дел Японии\n  official: true\n---\n\n# ${title} {#title}\n\n`;

/** Writes a generated source document `content/documents/<slug>/ru.md`. */
async function writeSource(dir: string, slug: string, markdown: string): Promise<void> {
  const folder = join(dir, 'content', 'documents', slug);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'ru.md'), markdown);
}

/** 10,000 glossary entries, and a document that names each as a participant (mentions, without 10,000 directives to parse). */
async function largeGlossary(dir: string): Promise<void> {
  const ids = Array.from({ length: 10_000 }, (_, i) => `entry-${String(i + 1).padStart(5, '0')}`);
  const entries = ids.map(
    (id, i) =>
      `${id}:\n  kind: concept\n  names:\n    ru: Понятие ${i + 1}\n    ja: 概念${i + 1}\n    en: Concept ${i + 1}\n  description:\n    ru: Описание.\n    ja: 説明。\n    en: A description.\n`,
  );
  await appendFile(join(dir, 'content', 'glossary.yaml'), entries.join(''));
  const markdown = frontMatter('Указатель').replace('role: source\n', `role: source\nparticipants: [${ids.join(', ')}]\n`);
  await writeSource(dir, '2020-01-16-index', `${markdown}Все понятия глоссария. {#p1}\n`);
}

interface FaultCase {
  /** Writes the generated files of the class (the large ones). */
  prepare?: (dir: string) => Promise<void>;
  /** Every message, in report order. */
  expected: Expected[];
  /** The plain text of every block of each language version loaded, when the class must keep the text. */
  texts?: Partial<Record<Language, string[]>>;
  /** How long loading may take, in seconds (measured on a shared 2-core machine, with a wide margin). Default: 10. */
  seconds?: number;
  /** How much the heap may grow while the content is loaded and held, in MB. */
  megabytes?: number;
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
  // CRLF, LF and CR in turn in the source; CR alone in the translation and the glossary. Places are
  // those of the LF file (compare term-unknown in rules.test.ts).
  'line-endings': {
    expected: [
      [en, 19, 1, 'warning', 'term-alignment', /marks `nippon` which the source does not mark here \(.*ru\.md:17:1\)/],
      [en, 19, 51, 'error', 'term-unknown', /`nippon` is not in the glossary/],
    ],
    texts: baseTexts,
  },
  // Aliases that would expand to millions of nodes ("billion laughs"): refused at the first alias.
  'yaml-aliases': {
    expected: [[en, 9, 11, 'error', 'yaml-syntax', /not valid YAML: its aliases cannot be expanded/]],
    texts: { ru: baseTexts.ru },
  },
  'large-glossary': { prepare: largeGlossary, expected: [], seconds: 30, megabytes: 400 },
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
      const heap = process.memoryUsage().heapUsed;
      const started = performance.now();
      const { list, content } = await loadFixture(folders.includes(name) ? name : undefined, { corpus: 'faults', prepare: fault.prepare });
      expect((performance.now() - started) / 1000).toBeLessThan(fault.seconds ?? 10);
      if (fault.megabytes) expect((process.memoryUsage().heapUsed - heap) / 1e6).toBeLessThan(fault.megabytes);
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
