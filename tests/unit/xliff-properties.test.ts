/**
 * The XLIFF round trip over generated documents (fast-check): sentences with Markdown's and the
 * directives' special characters, mentions, note anchors (labelled, nested, and points), source
 * sentences inserted later (`{.1a}`), and translations that split a sentence over two lines (`{.2}`
 * twice), render two as one (`{.2 .3}`), mark lines without need, or leave a sentence `:untranslated`.
 * - An export, in either format, imported unchanged gives the translation back byte for byte.
 * - Every target replaced by other text, with its codes where they were, and a state: the Markdown
 *   written reads back as exactly those targets and states.
 * On failure fast-check prints its seed and path; replay with `fc.assert(…, { seed, path })`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildUnits, mergeXliff, parseXliff, readMarkdownFile, writeXliff, xliffFormats, type Coded } from '../../src/exports/xliff';
import { escapeText, mergeText, writeInline, type Inline } from '../../src/exports/xliff-markdown';
import type { SegmentState } from '../../src/model/schema';

const paths = { source: 'content/documents/d/ru.md', target: 'content/documents/d/en.md' };
const runs = { numRuns: 40 };

const characters = [...'aZя Ж日本。、.!?*_[]{}:#<>&;\\`-+=1()~|"\'', ' ', ' '];
const text = fc.array(fc.constantFrom(...characters), { minLength: 1, maxLength: 10 }).map((chars) => chars.join(''));
/** Text with no space at either end: a label, or a replacement target. */
const word = text.map((value) => value.trim()).filter((value) => value !== '');

const term = fc.record({ key: fc.constantFrom('japan', 'russia', 'tokyo'), label: word }).map(({ key, label }): Inline => ({ kind: 'term', key, children: [label] }));
const note = fc.record({ key: fc.constantFrom('n-a', 'n-b'), label: fc.oneof(word.map((value): Inline[] => [value]), term.map((value) => [value])) }).map(({ key, label }): Inline => ({ kind: 'note', key, children: label }));
const point = fc.constantFrom('n-a', 'n-b').map((key): Inline => ({ kind: 'note', key }));

function trimmed(inline: Inline[]): Inline[] {
  const result = mergeText(inline);
  if (typeof result[0] === 'string') result[0] = result[0].trimStart();
  const end = result.length - 1;
  if (typeof result[end] === 'string') result[end] = (result[end] as string).trimEnd();
  return result.filter((item) => item !== '');
}

const sentence = fc
  .array(fc.oneof({ weight: 4, arbitrary: text.map((value): Inline => value) }, term, note, point), { minLength: 1, maxLength: 5 })
  .map(trimmed)
  .filter((inline) => inline.length > 0);

type Op = 'one' | 'marked' | 'split' | 'join' | 'untranslated';
const block = fc.record({
  sentences: fc.array(sentence, { minLength: 1, maxLength: 3 }),
  inserted: fc.boolean(),
  ops: fc.array(fc.constantFrom<Op>('one', 'marked', 'split', 'join', 'untranslated'), { minLength: 4, maxLength: 4 }),
  targets: fc.array(sentence, { minLength: 8, maxLength: 8 }),
});

const frontMatter = (lang: string, role: string) =>
  `---\ntitle: T\ndate: 2020-01-01\nplace: P\nlang: ${lang}\nrole: ${role}\nprovenance:\n  issuer: I\n  official: ${role === 'source'}\n---\n`;

const numeric = (number: string) => Number.parseInt(number, 10);

/** A source (ru) and a translation (en) of generated blocks: the first a heading, the others paragraphs. */
type GeneratedBlock = typeof block extends fc.Arbitrary<infer T> ? T : never;

function documentOf(blocks: GeneratedBlock[]): { source: string; target: string } {
  const source: string[] = [frontMatter('ru', 'source')];
  const target: string[] = [frontMatter('en', 'translation')];
  blocks.forEach((generated, index) => {
    const id = index === 0 ? 'title' : `p${index}`;
    const heading = index === 0;
    const sentences = heading ? generated.sentences.slice(0, 1) : generated.sentences;
    // The source's numbers: 1, 1a (a sentence inserted later, marked), 2, 3 …
    const numbers = sentences.map((_, at) => String(at + 1));
    if (generated.inserted && !heading && numbers.length > 1) numbers.splice(1, 0, '1a');
    const texts = numbers.map((_, at) => sentences[at % sentences.length]);
    const sourceLines = numbers.map((number, at) => `${writeInline(texts[at])}${number.endsWith('a') ? ` {.${number}}` : ''}`);
    source.push(`\n${heading ? '# ' : ''}${sourceLines.join('\n')} {#${id}}\n`);
    // The translation: each source sentence by the op drawn for it.
    const lines: string[] = [];
    let previous: string | undefined;
    let next = 0;
    const line = (content: string, marker: string[] | undefined) => {
      const implied = String((previous ? numeric(previous) : 0) + 1);
      const explicit = marker ?? [];
      const needed = explicit.length !== 1 || explicit[0] !== implied;
      lines.push(`${content}${explicit.length > 0 && (needed || marker !== undefined) ? ` {.${explicit.join(' .')}}` : ''}`);
      previous = explicit.at(-1);
    };
    for (let at = 0; at < numbers.length; at++) {
      const op = heading ? (generated.ops[0] === 'untranslated' ? 'untranslated' : 'one') : generated.ops[at % generated.ops.length];
      const content = () => writeInline(generated.targets[next++ % generated.targets.length]);
      const number = numbers[at];
      const implied = String((previous ? numeric(previous) : 0) + 1);
      if (op === 'split') {
        line(content(), [number]);
        line(content(), [number]);
      } else if (op === 'join' && at + 1 < numbers.length) {
        line(content(), [number, numbers[at + 1]]);
        at++;
      } else if (op === 'untranslated') {
        line(':untranslated', number === implied ? undefined : [number]);
      } else {
        line(content(), op === 'marked' || number !== implied ? [number] : undefined);
      }
      previous = number;
    }
    target.push(`\n${heading ? '# ' : ''}${lines.join('\n')} {#${id}}\n`);
  });
  return { source: source.join(''), target: target.join('') };
}

const documents = fc.array(block, { minLength: 1, maxLength: 4 }).map(documentOf);

/** Replaces every text of a target by the next of `texts`, keeping its codes. */
function retext(coded: Coded[], texts: string[], counter: { at: number }): Coded[] {
  return coded.map((item) => (typeof item === 'string' ? texts[counter.at++ % texts.length] : { ...item, ...(item.children ? { children: retext(item.children, texts, counter) } : {}) }));
}

/** A target without its code IDs' segment prefixes and with lines' edges as Markdown keeps them. */
const comparable = (coded: Coded[] | undefined) => JSON.stringify(coded ?? []);

describe('the XLIFF round trip over generated documents', () => {
  it('writes Markdown text that reads back as the same text', () => {
    fc.assert(
      fc.property(text, (value) => {
        const written = `---\nlang: en\n---\n\n${escapeText(value.trim() || 'x', true)} {#p1}\n`;
        const read = readMarkdownFile(written, 'x.md');
        expect(read.blocks[0].lines[0].inline).toEqual([value.trim() || 'x']);
      }),
      { numRuns: 300 },
    );
  });

  for (const format of xliffFormats) {
    it(`gives the translation back byte for byte from its XLIFF ${format} imported unchanged`, () => {
      fc.assert(
        fc.property(documents, ({ source, target }) => {
          const src = readMarkdownFile(source, paths.source);
          const tgt = readMarkdownFile(target, paths.target);
          const xml = writeXliff({ format, original: paths.target, source: src, target: tgt, units: buildUnits(src, tgt, paths), glossary: [] });
          const result = mergeXliff(parseXliff(xml), src, tgt, paths);
          expect(result.text).toBe(target);
          expect(result.changed).toEqual([]);
        }),
        runs,
      );
    });

    it(`writes the targets and states an XLIFF ${format} brings back, and only those`, () => {
      const states: SegmentState[] = ['translated', 'reviewed', 'final', 'initial'];
      fc.assert(
        fc.property(documents, fc.array(word, { minLength: 1, maxLength: 6 }), fc.nat(), ({ source, target }, texts, seed) => {
          const src = readMarkdownFile(source, paths.source);
          const tgt = readMarkdownFile(target, paths.target);
          const parsed = parseXliff(writeXliff({ format, original: paths.target, source: src, target: tgt, units: buildUnits(src, tgt, paths), glossary: [] }));
          const counter = { at: 0 };
          parsed.segments = parsed.segments.map((segment, index) => {
            // An untranslated segment is translated by its source (its codes are the source's).
            const base = segment.target && segment.target.length > 0 ? segment.target : segment.source;
            return { ...segment, target: retext(base, texts, counter), state: states[(seed + index) % states.length] };
          });
          const result = mergeXliff(parsed, src, tgt, paths);
          const back = readMarkdownFile(result.text, paths.target);
          const again = parseXliff(writeXliff({ format, original: paths.target, source: src, target: back, units: buildUnits(src, back, paths), glossary: [] }));
          expect(again.segments.map((segment) => segment.id)).toEqual(parsed.segments.map((segment) => segment.id));
          again.segments.forEach((segment, index) => {
            expect(comparable(segment.target)).toBe(comparable(parsed.segments[index].target));
            expect(segment.state).toBe(parsed.segments[index].state);
          });
          // Every line of the source's structure is where it was: the translation has as many lines.
          expect(result.text.split('\n').length - back.frontMatterEnd).toBe(target.split('\n').length - tgt.frontMatterEnd);
        }),
        runs,
      );
    });
  }
});
