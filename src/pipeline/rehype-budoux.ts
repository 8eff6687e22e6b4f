/**
 * Japanese has no spaces between words, so browsers may break a line inside a word. BudouX splits the
 * text of each block into phrases; this plugin marks the phrase boundaries with `<wbr>` so that, with
 * `word-break: keep-all`, lines break only between phrases. The whole block is segmented at once, so a
 * glossary mention or note anchor in the middle of a sentence does not hide a boundary at its edges,
 * and a name followed by a particle stays joined to it. No break is placed after an opening bracket or
 * before closing punctuation (kinsoku shori), nor between a glossary mention and the title after it
 * (`:term[岩屋]{…}大臣`, `:term[河野]{…}外務大臣`). It runs on the server: no JavaScript reaches the reader.
 * The page's CSS breaks Japanese only here (`word-break: keep-all`, not the browser's own phrase
 * breaking), and joins each note marker to the word before it (see `.note-ref` in globals.css).
 */
import { loadDefaultJapaneseParser } from 'budoux';
import type { Element, ElementContent, Root } from 'hast';
import type { Plugin } from 'unified';

export interface RehypeBudouxOptions {
  /** Only files whose `file.data.lang` is this language are processed. Default: `'ja'`. */
  lang?: string;
}

declare module 'vfile' {
  interface DataMap {
    /** Language of the file, set by the loader from the file name. */
    lang: string;
  }
}

/** Characters a line may not start with: closing brackets, punctuation, the prolonged sound mark. */
const closing = /^[、。，．・：；？！）」』】〕〉》’”ー〜…‥]/;
/** Characters a line may not end with: opening brackets and quotes. */
const opening = /[（「『【〔〈《‘“]$/;
/** Hiragana: particles and okurigana belong to the word before them. */
const hiragana = /^[\u3040-\u309f]/;
const japanese = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/;
/**
 * A title that follows a name: an office word, with up to four kanji before it (外務大臣, 防衛大臣,
 * 内閣総理大臣, 海軍総司令官). A mention followed by one of these stays on the line of its title.
 */
const title = /^[\u3400-\u9fff々]{0,4}?(?:大臣|外相|防衛相|国防相|総理|首相|長官|大将|司令官|大統領|大使|次官|幕僚長|議長)/;

const wbr = (): Element => ({ type: 'element', tagName: 'wbr', properties: {}, children: [] });
const isWbr = (node: ElementContent | undefined) => node?.type === 'element' && node.tagName === 'wbr';

/** Whether `node` is a glossary mention, or ends with one (`:note[:term[…]]`). */
function endsWithMention(node: ElementContent): boolean {
  if (node.type !== 'element') return false;
  if (node.tagName === 'span' && typeof node.properties.dataTerm === 'string') return true;
  const last = node.children.filter((child) => child.type !== 'text' || child.value !== '').at(-1);
  return last !== undefined && endsWithMention(last);
}

function textOf(node: ElementContent | Element): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

/** Adds `<wbr>` at the phrase boundaries of one block element. */
export function breakPhrases(block: Element, parse: (text: string) => string[]): void {
  const text = textOf(block);
  if (!japanese.test(text)) return;
  const phraseEnds = new Set<number>();
  let offset = 0;
  for (const phrase of parse(text)) {
    offset += phrase.length;
    phraseEnds.add(offset);
  }
  const allowed = (position: number) =>
    position > 0 && position < text.length && !opening.test(text.slice(0, position)) && !closing.test(text.slice(position));
  // Inside text: where BudouX ends a phrase. At the edge of an element: also where a new word starts.
  const inText = (position: number) => allowed(position) && phraseEnds.has(position);
  const atEdge = (position: number) => allowed(position) && (phraseEnds.has(position) || !hiragana.test(text.slice(position)));

  const visit = (parent: Element, start: number): number => {
    const children: ElementContent[] = [];
    let position = start;
    for (const child of parent.children) {
      if (isWbr(child)) continue;
      if (child.type === 'text') {
        let from = 0;
        for (let i = 1; i < child.value.length; i++) {
          if (!inText(position + i)) continue;
          children.push({ type: 'text', value: child.value.slice(from, i) }, wbr());
          from = i;
        }
        children.push({ type: 'text', value: child.value.slice(from) });
        position += child.value.length;
      } else if (child.type === 'element') {
        if (position > start && atEdge(position) && !isWbr(children.at(-1))) children.push(wbr());
        position = visit(child, position);
        children.push(child);
        const titled = endsWithMention(child) && title.test(text.slice(position));
        if (atEdge(position) && !titled) children.push(wbr());
      } else {
        children.push(child);
      }
    }
    // A break at the very end of this element belongs to its parent's level.
    while (isWbr(children.at(-1))) children.pop();
    parent.children = children;
    return position;
  };
  visit(block, 0);
}

export const rehypeBudoux: Plugin<[RehypeBudouxOptions?], Root> = function (options = {}) {
  const lang = options.lang ?? 'ja';
  const parser = loadDefaultJapaneseParser();
  const parse = (text: string) => parser.parse(text);
  return (tree, file) => {
    if (file.data.lang !== lang) return;
    for (const node of tree.children) {
      if (node.type !== 'element') continue;
      // Blocks are segmented one by one; a note body, one paragraph at a time.
      const blocks = node.tagName === 'aside' ? node.children.filter((child): child is Element => child.type === 'element') : [node];
      for (const block of blocks) breakPhrases(block, parse);
    }
  };
};
