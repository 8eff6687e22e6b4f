/**
 * What a tooltip of the reading page says (src/behaviour/tooltips.ts, which loads this part when the
 * first tooltip is wanted): a glossary entry's name, kind, description, names and link, or a note's
 * kind and text.
 */
import type { GlossaryTip } from '../contract/glossary-tips';

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The body of a glossary entry's tooltip: name and kind, description, the names in every language, a link. */
export function entryContent(tip: GlossaryTip): Node[] {
  const head = element('p', 'tip-head');
  head.append(element('span', 'tip-name', tip.name), element('span', 'tip-kind', tip.kind));
  const names = element('p', 'tip-names');
  // The glossary's file names the languages (its type, the contract's); nothing here but their names.
  for (const [language, name] of Object.entries(tip.names)) {
    if (!name) continue;
    const span = element('span', '', name);
    span.lang = language;
    names.append(span);
  }
  const more = element('a', 'tip-more', tip.more);
  more.href = tip.href;
  more.tabIndex = -1;
  return [head, element('p', '', tip.description), names, more];
}

/** The body of a note's tooltip: its kind and a copy of its text from the notes list (links not focusable). */
export function noteContent(note: HTMLElement): { nodes: Node[]; lang: string } | undefined {
  const body = note.querySelector<HTMLElement>('.note-body');
  if (!body) return undefined;
  // The kind, as the notes list names it after the note's number (reading-notes.tsx).
  const head = element('p', 'tip-head tip-kind', note.querySelector('.note-kind')?.lastChild?.textContent?.trim() ?? '');
  head.lang = document.documentElement.lang;
  const copy = element('div', '');
  for (const child of body.childNodes) copy.append(child.cloneNode(true));
  for (const link of copy.querySelectorAll('a')) link.tabIndex = -1;
  for (const marked of copy.querySelectorAll('[id]')) marked.removeAttribute('id');
  return { nodes: [head, copy], lang: body.lang };
}
