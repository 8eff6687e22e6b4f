/** remark-escapes: which characters of a text were written with a backslash. */
import type { Paragraph, Root, Text } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import * as escapes from '../../src/pipeline/remark-escapes';
import { isEscaped, remarkEscapes, sliceText } from '../../src/pipeline/remark-escapes';

const firstText = (markdown: string) => {
  const tree = unified().use(remarkParse).use(remarkEscapes).parse(markdown) as Root;
  return (tree.children[0] as Paragraph).children[0] as Text;
};

describe('remarkEscapes', () => {
  it('exports the plugin and its two helpers', () => {
    expect(Object.keys(escapes).sort()).toEqual(['isEscaped', 'remarkEscapes', 'sliceText']);
  });

  it('records the index in the text of each character written with a backslash', () => {
    const text = firstText('a \\{.2} b {.3} \\\\{ &#123; \\*\n');
    expect(text.value).toBe('a {.2} b {.3} \\{ { *');
    expect(text.data?.escaped).toEqual([2, 14, 19]);
    expect([2, 9, 15, 17].map((index) => isEscaped(text, index))).toEqual([true, false, false, false]);
  });

  it('keeps the record when a text is cut', () => {
    const text = firstText('one \\{.1}\ntwo \\{.2}\n');
    const second = sliceText(text, text.value.indexOf('\n') + 1, text.value.length);
    expect(second).toEqual({ type: 'text', value: 'two {.2}', data: { escaped: [4] } });
    expect(sliceText(text, 0, 3)).toEqual({ type: 'text', value: 'one' });
  });
});
