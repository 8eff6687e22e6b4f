import 'server-only';
import { loadDefaultJapaneseParser } from 'budoux';
import type { Element, ElementContent, Root, RootContent } from 'hast';

const parser = loadDefaultJapaneseParser();

function textLength(node: RootContent | Root): number {
  if (node.type === 'text') return node.value.length;
  if (node.type === 'element' || node.type === 'root') {
    let sum = 0;
    for (const child of node.children) sum += textLength(child);
    return sum;
  }
  return 0;
}

function textOf(node: RootContent | Root): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') {
    let text = '';
    for (const child of node.children) text += textOf(child);
    return text;
  }
  return '';
}

const wbr = (): Element => ({ type: 'element', tagName: 'wbr', properties: {}, children: [] });
const isWbr = (node: ElementContent | undefined) => node?.type === 'element' && node.tagName === 'wbr';

/** Characters a line may not start with: closing brackets, punctuation, the prolonged sound mark. */
const closing = /^[、。，．・：；？！）」』】〕〉》’”ー〜…‥]/;
/** Characters a line may not end with: opening brackets and quotes. */
const opening = /[（「『【〔〈《‘“]$/;
/** Hiragana: particles and okurigana belong to the word before them. */
const hiragana = /^[\u3040-\u309f]/;

/**
 * The pipeline puts BudouX's `<wbr>` inside each text node; where a glossary mention or note anchor
 * begins or ends there is none, so with `word-break: keep-all` a line cannot break there and long
 * runs such as 「セルゲイ・ラヴロフ・ロシア外務大臣及び」 push the line to break early. This adds `<wbr>`
 * at element boundaries that BudouX finds to be phrase boundaries in the whole block, and at the
 * edges of a name or term unless a particle follows it. A `<wbr>` never stands after an opening
 * bracket or before closing punctuation (kinsoku): such breaks, also those the pipeline inserted, are
 * dropped. Changes `root` in place.
 */
export function addPhraseBreaksAtElements(root: Root): void {
  const boundaries = new Set<number>();
  let offset = 0;
  for (const phrase of parser.parse(textOf(root))) {
    offset += phrase.length;
    boundaries.add(offset);
  }
  const text = textOf(root);
  const forbidden = (position: number) =>
    position <= 0 || position >= text.length || opening.test(text.slice(0, position)) || closing.test(text.slice(position));
  const breakable = (position: number) =>
    !forbidden(position) && (boundaries.has(position) || !hiragana.test(text.slice(position)));
  const visit = (parent: Root | Element, start: number) => {
    const end = start + textLength(parent);
    let position = start;
    const children: ElementContent[] = [];
    for (const child of parent.children as ElementContent[]) {
      const length = textLength(child);
      if (child.type === 'element' && child.tagName !== 'wbr') {
        if (position !== start && breakable(position) && !isWbr(children.at(-1))) children.push(wbr());
        visit(child, position);
        children.push(child);
        const after = position + length;
        if (after !== end && breakable(after)) children.push(wbr());
      } else if (!isWbr(child) || (!isWbr(children.at(-1)) && !forbidden(position))) {
        children.push(child);
      }
      position += length;
    }
    parent.children = children;
  };
  visit(root, 0);
}
