/**
 * Properties of the pipeline, the validator and the importer, for arbitrary Markdown, front matter,
 * bytes and plain text (fast-check):
 * - they return messages and never throw, and every message has a place and a rule id;
 * - the sanitized output holds no script, no event-handler attribute and no `javascript:` (or other
 *   non-web) URL, whatever HTML-ish or directive input goes in;
 * - the words that go in come out, in order, modulo markup;
 * - the importer (as `npm run import` runs it) writes only what passes the check, and keeps every
 *   character of the text but white space, sentence markers and Markdown syntax included.
 *
 * Run counts are kept moderate so that the suite stays fast (`FC_RUNS=2000` searches longer). A failure
 * prints fast-check's seed and path; replay it with
 * `FC_SEED=<seed> FC_PATH=<path> npx vitest run tests/unit/properties.test.ts`.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Element, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { languages } from '../../src/model/languages';
import { createProcessor, sanitizeSchema } from '../../src/pipeline';
import { messageSource } from '../../src/model/report';
import { loadFixture } from '../helpers/fixtures';
import { expectFaithfulImport } from '../helpers/import';

/** Runs of a property (FC_RUNS replaces the count, for a longer search); with FC_SEED (and FC_PATH) set, the replay of a reported failure. */
function params(numRuns: number): fc.Parameters<unknown> {
  const runs = Number(process.env.FC_RUNS) || numRuns;
  const seed = process.env.FC_SEED;
  return seed ? { numRuns: runs, seed: Number(seed), path: process.env.FC_PATH } : { numRuns: runs };
}

// One processor for every run, as the loader uses it: plugins keep no state between files.
const processor = createProcessor();

async function processMarkdown(markdown: string, lang: string): Promise<VFile> {
  const file = new VFile({ path: `property/${lang}.md`, value: markdown });
  file.data.lang = lang;
  await processor.process(file);
  return file;
}

/** Every message came through `report()`: our source, a rule id, a place in the file. */
function expectWellFormed(file: VFile): void {
  for (const message of file.messages) {
    expect(message.source).toBe(messageSource);
    expect(message.ruleId).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    expect(message.line).toBeGreaterThanOrEqual(1);
    expect(message.column).toBeGreaterThanOrEqual(1);
  }
}

/** Pieces of Markdown and directive syntax, so that arbitrary input reaches every construct. */
const syntax = [
  ':', '::', ':::', '*', '**', '_', '`', '[', ']', '(', ')', '{', '}', '{#', '#', '## ', '> ', '- ', '1. ', '2) ', '\\', '<', '>',
  '&', '&amp;', '&#x3C;', '|', '~~', '!', '---', '***', '    ', '\t', '=', '"', "'", 'ref=', '{#p1}', ' {#s1-p1}', '{#S1}',
  ':term[', ':note[', ']{ref=japan}', ']{ref=n1}', ':term[Япония]{ref=japan}', ':note[x]{ref=n1}', ':note{ref=n1}', '[:term[x]{ref=japan}]', ':note[:term[x]{ref=japan}]{ref=n1}',
  ':::note{#n1 kind=editorial}\n', ':::note{#n1 kind=translator}\nПримечание.\n:::\n', '\n:::\n', '::note{#x}', '10:30',
  '[1]: https://example.org\n', '[a][1]', '<https://example.org>', 'https://example.org', '\u200b', '\u202e', '\ufeff', 'Япoния', '\r', '\r\n',
];

/** Sentence markers, and text of their form (which the importer must escape, `\{.2}`, to keep it text). */
const sentenceMarkers = [' {.2}', ' {.2 .3}', ' {.2a}', '{.x}', ' {.1 .1}'];

/** HTML-ish and link input that a sanitizer must neutralise, entity-encoded and case-mixed variants included. */
const attacks = [
  '<script>alert(1)</script>', '<SCRIPT SRC=//x.test/x.js></SCRIPT>', '<scr<script>ipt>alert(1)</script>', '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>', '<iframe src="javascript:alert(1)"></iframe>', '<a href="javascript:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>', '<p onclick=alert(1)>x</p>', '<div style="background:url(javascript:alert(1))">x</div>',
  '<form action="javascript:alert(1)"><button>x</button></form>', '<object data="javascript:alert(1)"></object>', '<base href="javascript:alert(1)//">',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>', '<style>*{}</style>', '<!-- <script>alert(1)</script> -->', '<details open ontoggle=alert(1)>',
  '[x](javascript:alert(1))', '[x](JaVaScRiPt:alert(1))', '[x](java&#x73;cript:alert(1))', '[x](&#x6A;avascript&colon;alert(1))',
  '[x](java\\tscript:alert(1))', '[x](<javascript:alert(1)>)', '<javascript:alert(1)>', '[x](vbscript:msgbox(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', '[x][r]\n\n[r]: javascript:alert(1)\n', '![x](javascript:alert(1))',
  ':term[x]{ref="javascript:alert(1)" onclick=alert(1)}', ':term[x]{ref=japan onclick="alert(1)" href="javascript:alert(1)"}',
  ':note[x]{ref=n1 onmouseover=alert(1) style="color:red"}', ':::note{#n1 kind=editorial onclick=alert(1)}\nx\n:::\n',
  ':x[y]{href="javascript:alert(1)"}', ':::script\nalert(1)\n:::\n', 'x {#s1 onclick=alert(1)}', '&lt;script&gt;alert(1)&lt;/script&gt;',
  '[ok](https://example.org "title")', '[mail](mailto:x@example.org)',
];

const separators = ['', ' ', '\n', '\n\n'];

/** A front matter block: a valid one, arbitrary `key: value` lines, or arbitrary text between the fences. */
const frontMatterArbitrary = fc.oneof(
  fc.constant(''),
  fc.constantFrom(...languages).map(
    (lang) => `---\ntitle: T\ndate: 2020-01-15\nplace: P\nlang: ${lang}\nrole: source\nprovenance:\n  issuer: I\n  official: true\n---\n\n`,
  ),
  fc
    .array(fc.tuple(fc.string({ maxLength: 12 }), fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('[a, b]', '{a: 1}', '&a x', '*a', '!!binary x', '|', '>', "'", '"'))), { maxLength: 6 })
    .map((pairs) => `---\n${pairs.map(([key, value]) => `${key}: ${value}`).join('\n')}\n---\n\n`),
  fc.string({ unit: 'binary', maxLength: 80 }).map((text) => `---\n${text}\n---\n\n`),
);

/** Arbitrary Markdown: syntax pieces, attacks and arbitrary text, joined by arbitrary separators. */
const markdownArbitrary = fc
  .tuple(
    frontMatterArbitrary,
    fc.array(
      fc.tuple(
        fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...syntax, ...sentenceMarkers) },
          { weight: 2, arbitrary: fc.constantFrom(...attacks) },
          { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
          { weight: 2, arbitrary: fc.constantFrom('Министр', 'Японии', '日本', 'Japan', 'слово', '1', '2019') },
        ),
        fc.constantFrom(...separators),
      ),
      { maxLength: 40 },
    ),
  )
  .map(([frontMatter, pieces]) => frontMatter + pieces.map(([piece, separator]) => piece + separator).join(''));

const allowedTags = new Set(sanitizeSchema.tagNames ?? []);

/** Properties (hast names) whose value a browser follows as a URL. */
const urlProperties = new Set(['href', 'src', 'srcSet', 'action', 'formAction', 'data', 'poster', 'background', 'cite', 'xLinkHref', 'ping']);

/** Checks one element of the output: an allowed tag, no event handler, no URL but a web or mail one. */
function expectHarmless(element: Element): void {
  expect(allowedTags).toContain(element.tagName);
  for (const [name, value] of Object.entries(element.properties)) {
    expect(name).not.toMatch(/^on/i);
    if (!urlProperties.has(name)) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      // Resolved as a browser resolves it: entities already decoded, controls and spaces dropped.
      expect(['http:', 'https:', 'mailto:']).toContain(new URL(String(item), 'https://reader.invalid/').protocol);
    }
  }
}

function expectSanitized(file: VFile): void {
  const html = String(file.value);
  expect(html).not.toMatch(/<\s*\/?\s*script/i);
  const tree: HastRoot = fromHtml(html, { fragment: true });
  visit(tree, 'element', expectHarmless);
  // The site renders the collected blocks and notes, not the HTML string: they are checked too.
  for (const block of file.data.blocks ?? []) visit(block.element, 'element', expectHarmless);
  for (const note of file.data.notes ?? []) for (const child of note.children) visit(child, 'element', expectHarmless);
}

/** Letters and digits in order: the words of a text, modulo markup and punctuation. */
const tokens = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

/** True when `needles` appear in `haystack` in order (other tokens may stand between them). */
function inOrder(needles: string[], haystack: string[]): boolean {
  let at = 0;
  for (const token of haystack) if (at < needles.length && token === needles[at]) at += 1;
  return at === needles.length;
}

/** Runs `check` on the pipeline's result for arbitrary Markdown with front matter, in each language. */
async function forArbitraryMarkdown(check: (file: VFile) => void, runs: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(markdownArbitrary, fc.constantFrom(...languages), async (markdown, lang) => check(await processMarkdown(markdown, lang))),
    params(runs),
  );
}

describe('the pipeline, for arbitrary input', () => {
  it('returns messages with a place and a rule id, and never throws', async () => {
    await forArbitraryMarkdown(expectWellFormed, 150);
  });

  it('never throws on arbitrary Unicode text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (text) => {
        expectWellFormed(await processMarkdown(text, 'ru'));
      }),
      params(100),
    );
  });

  it('outputs no script, no event handler and no URL but http, https and mailto', async () => {
    await forArbitraryMarkdown(expectSanitized, 150);
  });

  it('neutralises every known attack, alone and inside a paragraph with an ID', async () => {
    for (const attack of attacks) {
      for (const markdown of [attack, `Текст ${attack} текст {#p1}`]) expectSanitized(await processMarkdown(markdown, 'ru'));
    }
  });
});

/** A word of one script (so that no word mixes scripts): Cyrillic, Latin, Japanese, or digits. */
const wordArbitrary = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЯ'), minLength: 1, maxLength: 8 }),
  fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCZ'), minLength: 1, maxLength: 8 }),
  fc.string({ unit: fc.constantFrom(...'日本国外務省協議東京のがをにはとでしたロシア'), minLength: 1, maxLength: 6 }),
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 4 }),
);

/** A word as it may stand in content: plain, emphasised, code, a mention, a note anchor, a link. */
const markedWordArbitrary = fc
  .tuple(wordArbitrary, fc.constantFrom('plain', 'plain', 'plain', 'em', 'strong', 'underscore', 'code', 'term', 'note', 'link'))
  .map(([word, markup]) => {
    const markdown = {
      plain: word,
      em: `*${word}*`,
      strong: `**${word}**`,
      underscore: `_${word}_`,
      code: `\`${word}\``,
      term: `:term[${word}]{ref=japan}`,
      note: `:note[${word}]{ref=n1}`,
      link: `[${word}](https://example.org/)`,
    }[markup];
    return { word, markdown };
  });

/** A paragraph: words and punctuation, starting with a letter (`1. …` would be a list), with an ID. */
const paragraphArbitrary = fc
  .tuple(
    fc.string({ unit: fc.constantFrom(...'ЯпонияJapan日本'), minLength: 1, maxLength: 6 }),
    fc.array(fc.tuple(fc.constantFrom(' ', ', ', '. ', ' — ', '; ', '\n', ' «', '» ', ' ('), markedWordArbitrary), { maxLength: 25 }),
  )
  .map(([first, rest]) => ({
    words: [first, ...rest.map(([, { word }]) => word)],
    // A line that starts `1. ` would begin a list (reported, not lost): here a digit never starts a line.
    markdown: first + rest.map(([separator, { word, markdown }]) => (separator === '\n' && /^\d/.test(word) ? ' ' : separator) + markdown).join(''),
  }));

describe('the words that go in come out', () => {
  it('for paragraphs with block IDs: every word of the input is in the blocks’ text, in order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(paragraphArbitrary, { minLength: 1, maxLength: 6 }), fc.constantFrom(...languages), async (paragraphs, lang) => {
        const markdown = paragraphs.map((paragraph, index) => `${paragraph.markdown} {#p${index + 1}}`).join('\n\n');
        const file = await processMarkdown(`${markdown}\n\n:::note{#n1 kind=editorial}\nПримечание.\n:::\n`, lang);
        // No front matter, and the house style's forms (half-width brackets in Japanese) are reported at their place, not lost.
        expect(file.messages.filter((message) => message.fatal && message.ruleId !== 'front-matter' && message.ruleId !== 'spelling')).toEqual([]);
        const blocks = file.data.blocks ?? [];
        expect(blocks.map((block) => block.id)).toEqual(paragraphs.map((_, index) => `p${index + 1}`));
        // Japanese sets no space between words, and a line break there may join two (as Japanese
        // sentence lines are joined): in Japanese the letters come out in order; elsewhere, the words.
        blocks.forEach((block, index) => {
          const words = paragraphs[index].words;
          if (lang === 'ja') expect(tokens(block.text).join('')).toBe(words.join(''));
          else expect(tokens(block.text)).toEqual(words);
        });
      }),
      params(100),
    );
  });
});

/** Plain text as a communiqué may arrive: words, numbers, punctuation and what Markdown would read as syntax, in lines. */
const plainTextArbitrary = fc
  .array(
    fc.tuple(
      fc.oneof(
        { weight: 4, arbitrary: wordArbitrary },
        { weight: 2, arbitrary: fc.constantFrom(...syntax, ...sentenceMarkers, ...attacks, '1.', '2)', '(30 мая 2019 года, Токио)', '# ', '* ', '+ ', '>', '    ') },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
      ),
      fc.constantFrom(' ', ' ', ' ', '\n', '\n\n', '\r\n\r\n', ', '),
    ),
    { maxLength: 40 },
  )
  .map((pieces) => pieces.map(([piece, separator]) => piece + separator).join(''));

describe('the importer, for arbitrary plain text', () => {
  it('writes Markdown that passes the check and keeps every character of the text, or refuses with a message; never crashes', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'import-property-'));
    await fc.assert(
      fc.asyncProperty(plainTextArbitrary, fc.constantFrom(...languages), async (text, lang) => {
        await writeFile(join(cwd, 'release.txt'), text);
        await expectFaithfulImport(cwd, 'release.txt', lang);
      }),
      params(150),
    );
  });
});

describe('the validator, for arbitrary files', () => {
  const target = fc.constantFrom(
    'content/documents/2020-01-15-sample/en.md',
    'content/documents/2020-01-15-sample/ru.md',
    'content/documents/2020-01-15-sample/ja.md',
    'content/glossary.yaml',
  );
  const contents = fc.oneof(
    markdownArbitrary.map((text) => Buffer.from(text)),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
    fc.string({ unit: 'binary', maxLength: 200 }).map((text) => Buffer.from(text, 'utf16le')),
  );

  it('reports every problem with a file, a line, a column and a rule id, and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(target, contents, async (path, bytes) => {
        const prepare = async (dir: string) => {
          await mkdir(join(dir, path, '..'), { recursive: true });
          await writeFile(join(dir, path), bytes);
        };
        const { list, content } = await loadFixture(undefined, { prepare });
        const paths = new Set(content.files.map((file) => file.path));
        for (const d of list) {
          expect(paths).toContain(d.path);
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(d.ruleId).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
          expect(d.reason).not.toMatch(/\n\s+at /);
        }
      }),
      params(30),
    );
  });
});
