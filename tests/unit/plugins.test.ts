/**
 * Each plugin on a fixture: tests/fixtures/plugins/<case>/input.md through the pipeline gives
 * output.html, and the data the plugin leaves on the file is asserted field by field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { createProcessor, isSafeUrl, parseMarker } from '../../src/pipeline';
import { fixturesDir } from '../helpers/fixtures';

async function run(name: string, lang = 'ru') {
  const dir = join(fixturesDir, 'plugins', name);
  const file = new VFile({ path: `${name}/input.md`, value: readFileSync(join(dir, 'input.md'), 'utf8') });
  file.data.lang = lang;
  await createProcessor().process(file);
  return { file, expected: readFileSync(join(dir, 'output.html'), 'utf8') };
}

describe('remarkBlockIds', () => {
  it('moves each trailing {#id} onto its block as data-pid and records the blocks', async () => {
    const { file, expected } = await run('block-ids');
    expect(String(file.value)).toBe(expected);
    expect(file.messages).toEqual([]);
    expect(file.data.blockIds?.map(({ id, kind, depth, line }) => [id, kind, depth, line])).toEqual([
      ['title', 'heading', 1, 12],
      ['s1', 'heading', 2, 14],
      ['s1-p1', 'paragraph', 0, 16],
      ['s1-p2', 'paragraph', 0, 19],
    ]);
    expect(file.data.blocks?.map((block) => block.text)).toEqual([
      'Заголовок',
      '1. Раздел',
      'Абзац с выделением',
      'Абзац, перенесённый на две строки.',
    ]);
  });
});

describe('remarkAnnotations', () => {
  it('turns mentions, note anchors and note bodies into annotated elements and records them', async () => {
    const { file, expected } = await run('annotations');
    expect(String(file.value)).toBe(expected);
    expect(file.messages).toEqual([]);
    expect(file.data.mentions?.map(({ ref, block, inNote, text }) => [ref, block, inNote, text])).toEqual([
      ['japan', 'title', false, 'Японию'],
      ['spasskaya-tower', 'intro-p1', false, 'Спаская башня'],
      ['moscow', 'spelling', true, 'Москва'],
    ]);
    expect(file.data.anchors?.map(({ ref, block, text, line, column }) => [ref, block, text, line, column])).toEqual([
      ['spelling', 'intro-p1', 'Спаская башня', 14, 12],
      ['point', 'intro-p1', '', 14, 78],
    ]);
    expect(file.data.notes?.map(({ id, kind, text }) => [id, kind, text])).toEqual([
      ['spelling', 'editorial', 'Так в источнике; см. Москва.'],
      ['point', 'translator', 'Точка.'],
    ]);
  });
});

describe('remarkSafety and the sanitize schema', () => {
  it('reports raw HTML, scripts and unsafe links, and the output keeps none of them', async () => {
    const { file, expected } = await run('sanitize');
    expect(String(file.value)).toBe(expected);
    expect(file.messages.map((m) => [m.line, m.column, m.ruleId, m.fatal])).toEqual([
      [12, 7, 'raw-html', true],
      [12, 40, 'unsafe-link', true],
      [12, 108, 'unsupported-syntax', true],
      [14, 1, 'raw-html', true],
    ]);
    expect(String(file.value)).not.toMatch(/onerror|javascript:|<script|<img/);
  });

  it('tells safe from unsafe link targets, including obfuscated schemes', () => {
    expect(isSafeUrl('https://www.mofa.go.jp/')).toBe(true);
    expect(isSafeUrl('mailto:editors@example.org')).toBe(true);
    expect(isSafeUrl('#s1-p1')).toBe(true);
    expect(isSafeUrl('../glossary/')).toBe(true);
    expect(isSafeUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeUrl('JaVaScRiPt:alert(1)')).toBe(false);
    expect(isSafeUrl('java\tscript:alert(1)')).toBe(false);
    expect(isSafeUrl('data:text/html;base64,PHNjcmlwdD4=')).toBe(false);
    expect(isSafeUrl('vbscript:msgbox')).toBe(false);
  });
});

describe('rehypeBudoux', () => {
  it('inserts <wbr> between Japanese phrases in Japanese files only', async () => {
    const { file, expected } = await run('budoux', 'ja');
    expect(String(file.value)).toBe(expected);
    const html = String(file.value);
    expect(html).toContain('を<wbr>めぐる<wbr>最新の<wbr>情勢に');
    // A mention does not hide the phrase boundary before it; the particle after it stays joined.
    expect(html).toContain('双方は、<wbr><span data-term="north-korea">北朝鮮</span>を<wbr>めぐる');
    // No break after an opening bracket or before closing punctuation.
    expect(html).not.toMatch(/[「（]<wbr>|<wbr>[」）、。・]/);
    const asRussian = await run('budoux', 'ru');
    expect(String(asRussian.file.value)).not.toContain('<wbr>');
  });

  it('keeps a name on the line of its title, and a note anchor and closing punctuation on the line of their word', async () => {
    const { file, expected } = await run('budoux-joins', 'ja');
    const html = String(file.value);
    expect(html).toBe(expected);
    expect(file.messages).toEqual([]);
    // No break between a mention and the title after it, also when a note anchor holds the mention.
    for (const joined of [
      '<span data-term="kono-taro">河野</span>外務大臣',
      '<span data-term="iwaya-takeshi">岩屋</span>大臣は、',
      '<span data-term="lavrov-sergey">ラヴロフ</span>外相',
      '<span data-term="shoigu-sergey">ショイグ</span>国防相',
      '<span data-note="name"><span data-term="iwaya-takeshi">岩屋</span></span>大臣は、',
    ]) {
      expect(html).toContain(joined);
    }
    // A mention followed by anything else still ends its phrase.
    expect(html).toContain('<span data-term="russia">ロシア</span>の<wbr>');
    // Where the note marker goes (right after its anchor) no break is placed: not as the anchor's last
    // child, nor before the closing bracket or particle after it.
    expect(html).not.toMatch(/<wbr><\/span>/);
    expect(html).toContain('<span data-note="meal">ワーキングディナー</span>を');
    expect(html).toContain('「<span data-note="tower">スパスカヤ・タワー</span>」に');
    expect(html).toContain('（<span data-term="tokyo">東京</span>）。');
    expect(html).not.toMatch(/[「（]<wbr>|<wbr>[」）、。・]/);
  });
});

describe('remarkFrontMatter', () => {
  it('leaves the validated front matter on file.data', async () => {
    const { file, expected } = await run('front-matter');
    expect(String(file.value)).toBe(expected);
    expect(file.messages).toEqual([]);
    expect(file.data.frontMatter).toEqual({
      title: 'Заголовок',
      date: '2019-05-30',
      place: 'Токио',
      lang: 'ru',
      role: 'translation',
      participants: ['kono-taro'],
      provenance: {
        issuer: 'МИД Японии',
        official: false,
        translator: 'Редакция',
        method: 'Перевод с японского.',
        url: 'https://example.org/a',
      },
    });
  });
});

describe('remarkSentences', () => {
  it('makes each line a sentence with the IDs of the source sentences it renders', async () => {
    const { file, expected } = await run('sentences', 'ja');
    expect(String(file.value)).toBe(expected);
    expect(file.messages).toEqual([]);
    const paragraph = file.data.blocks?.find((block) => block.id === 's1-p1');
    expect(paragraph?.sentences.map(({ ids, text, line }) => [ids, text, line])).toEqual([
      [['s1-p1.1'], '河野大臣は、懸念を表明しました。', 16],
      [['s1-p1.1'], 'また、対話の継続を求めました。', 17],
      [['s1-p1.2'], '双方は意見交換を行いました。', 18],
      [['s1-p1.3', 's1-p1.4'], '双方は協力を確認し、合意しました。', 19],
      [['s1-p1.5'], '双方は次回会合を行います。', 20],
    ]);
    // Japanese sets no space between sentences; the block's text joins them as they are.
    expect(paragraph?.text).toBe('河野大臣は、懸念を表明しました。また、対話の継続を求めました。双方は意見交換を行いました。双方は協力を確認し、合意しました。双方は次回会合を行います。');
    expect(file.data.blocks?.[0].sentences.map((sentence) => sentence.ids)).toEqual([['title.1']]);
  });

  it('reads a marker whose brace is escaped (`\\{.2}`) as text, at the end of a line and inside one', async () => {
    const file = new VFile({ path: 'escaped/en.md', value: 'First \\{.2}\nSecond \\{.3 .4} and more. {.2}\nThird {.4} here. {#p1}\n' });
    file.data.lang = 'en';
    await createProcessor().process(file);
    expect(file.data.blocks?.[0].sentences.map(({ ids, text }) => [ids, text])).toEqual([
      [['p1.1'], 'First {.2}'],
      [['p1.2'], 'Second {.3 .4} and more.'],
      [['p1.3'], 'Third {.4} here.'],
    ]);
    const syntax = file.messages.filter((message) => message.ruleId === 'sentence-syntax');
    expect(syntax.map((message) => [message.line, message.column, message.reason])).toEqual([
      [3, 1, 'a sentence marker stands inside the line: `{.4}` belongs at the end of its line (write `\\{` for a brace that is text)'],
    ]);
  });

  it('parses markers and refuses malformed ones', () => {
    expect(parseMarker('.2')).toEqual(['2']);
    expect(parseMarker('.2 .3')).toEqual(['2', '3']);
    expect(parseMarker('.12b')).toEqual(['12b']);
    for (const bad of ['.0', '.x', '2', '.2 .2', '. 2', '.2-3', '.2AB']) expect(parseMarker(bad), bad).toBeUndefined();
  });
});
