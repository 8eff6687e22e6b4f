/**
 * What the exports hold of a document whose translations are not finished: only text that exists. A
 * sentence, block or note not yet translated (`:untranslated`, see docs/content-format.md) is left
 * out of its language, as a language without a version is, so that no export presents a missing
 * translation as text; a translation with no translated block is left out whole. The source is
 * never untranslated (the validator makes sure).
 */
import type { Element, ElementContent } from 'hast';
import { hasText } from '../model/document';
import { languages, type Language } from '../model/languages';
import type { ArchiveDocument, Block, DocumentText } from '../model/types';


/** The element of a block without its untranslated sentences (and the space set before each). */
function withoutUntranslated(element: Element): Element {
  const children: ElementContent[] = [];
  for (const child of element.children) {
    if (child.type === 'element' && child.properties.dataUntranslated !== undefined) {
      if (children.at(-1)?.type === 'text') children.pop();
      continue;
    }
    // The space between sentences, when no translated sentence precedes it.
    if (child.type === 'text' && children.length === 0 && child.value.trim() === '') continue;
    children.push(child);
  }
  return { ...element, children };
}

function translatedBlock(block: Block): Block {
  if (!block.sentences.some((sentence) => sentence.untranslated)) return block;
  return { ...block, element: withoutUntranslated(block.element), sentences: block.sentences.filter((sentence) => !sentence.untranslated) };
}

/** `document` with every untranslated sentence, block and note left out, and every translation without text. */
export function translatedOnly(document: ArchiveDocument): ArchiveDocument {
  const texts: Partial<Record<Language, DocumentText>> = {};
  for (const language of languages) {
    const text = document.texts[language];
    if (!text || !hasText(text)) continue;
    texts[language] = {
      ...text,
      blocks: text.blocks.filter((block) => !block.untranslated).map(translatedBlock),
      notes: text.notes.filter((note) => !note.untranslated),
    };
  }
  return { ...document, texts };
}
