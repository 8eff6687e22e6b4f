import 'server-only';
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { Attribute, dataAttribute, placeholder } from '../contract/page';

export interface BrokenLinkNoticeContent {
  /** The notice, with `{id}` where the missing fragment goes. */
  message: string;
  /** "Did you mean {place}?", with `{place}` where the link to the nearest existing target goes. */
  suggestion: string;
  /** Label of the button that closes the notice. */
  dismiss: string;
  /** When the page has a table of contents: the label of the button that opens it. */
  contents?: string;
}

const element = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({ type: 'element', tagName, properties, children });
const text = (value: string): ElementContent => ({ type: 'text', value });

/**
 * What the notice says, as HTML: the message with an empty `<code>` for the missing ID, the hidden
 * suggestion with an empty link, and its buttons. The page script puts in the ID and the suggestion.
 */
export function brokenLinkNoticeContent({ message, suggestion, dismiss, contents }: BrokenLinkNoticeContent): string {
  const [before, after = ''] = message.split(placeholder('id'));
  const [ask, askAfter = ''] = suggestion.split(placeholder('place'));
  const open = contents ? [element('button', { type: 'button', [Attribute.OpenContents]: '' }, [text(contents)])] : [];
  return toHtml([
    element('p', {}, [text(before), element('code', {}), text(after)]),
    element('p', { className: ['hash-suggestion'], hidden: true }, [text(ask), element('a', { href: '#' }), text(askAfter)]),
    element('p', { className: ['hash-actions'] }, [...open, element('button', { type: 'button', dataDismiss: '' }, [text(dismiss)])]),
  ]);
}

/**
 * The notice for a link to a paragraph or an entry that the page does not have: shown by the page
 * script (src/behaviour/missing-target.ts, src/behaviour/suggest-target.ts), which puts in the missing
 * ID, suggests the nearest existing one, and can open the contents. Hidden without JavaScript, like
 * the script that would fill it. `targets`: the elements whose ids are the page's targets (`[data-pid]`
 * rows, `article[id]` entries), the suggestion is the nearest one. Without `content` (the reading
 * page), the page script brings what it says (src/contract/reader-strings.ts).
 */
export function BrokenLinkNotice({ targets, content }: { targets: string; content?: BrokenLinkNoticeContent }) {
  const html = content ? { dangerouslySetInnerHTML: { __html: brokenLinkNoticeContent(content) } } : {};
  return <div role="alert" className="hash-notice" {...dataAttribute(Attribute.BrokenLinkNotice, targets)} hidden {...html} />;
}
