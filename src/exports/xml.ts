/**
 * What the XML exports share: the declaration, and indentation of element-only content (never inside
 * mixed content such as a TEI paragraph, where whitespace is text). Trees are built with xastscript and
 * serialized by xast-util-to-xml, which escapes every text and attribute value.
 */
import type { Element, ElementContent, Root } from 'xast';
import { toXml } from 'xast-util-to-xml';
import { x } from 'xastscript';

/** Children of an element that holds elements only, one a line, indented for `depth`. */
export function indented(depth: number, children: ReadonlyArray<ElementContent | null | undefined | false>): ElementContent[] {
  const result: ElementContent[] = [];
  const before = `\n${'  '.repeat(depth + 1)}`;
  for (const child of children) {
    if (!child) continue;
    result.push({ type: 'text', value: before }, child);
  }
  if (result.length > 0) result.push({ type: 'text', value: `\n${'  '.repeat(depth)}` });
  return result;
}

/** An element with element-only content, indented for `depth`. */
export function block(name: string, attributes: Record<string, string | undefined>, depth: number, children: ReadonlyArray<ElementContent | null | undefined | false>): Element {
  const element = x(name, attributes);
  element.children = indented(depth, children);
  return element;
}

/** A whole XML document: declaration, the root element, a final newline. */
export function xmlDocument(root: Element, prolog: ElementContent[] = []): string {
  const tree: Root = {
    type: 'root',
    children: [{ type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' }, { type: 'text', value: '\n' }, ...prolog, root, { type: 'text', value: '\n' }],
  };
  return toXml(tree, { closeEmptyElements: true });
}
