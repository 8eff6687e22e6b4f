/**
 * Reporting content problems as vfile messages: a place, a rule id, a severity and our source name,
 * so that every problem is printed compiler-style and none ends in a stack trace.
 */
import type { Node, Point, Position } from 'unist';
import type { VFile } from 'vfile';

export const messageSource = 'diplomatic-reader';

export type Severity = 'error' | 'warning';

/** Rule ids, each documented in docs/validator-rules.md. */
export type RuleId =
  | 'encoding'
  | 'empty-file'
  | 'yaml-syntax'
  | 'front-matter'
  | 'provenance-url'
  | 'glossary-schema'
  | 'raw-html'
  | 'unsafe-link'
  | 'unsupported-syntax'
  | 'directive-unknown'
  | 'block-id-missing'
  | 'block-id-syntax'
  | 'duplicate-id'
  | 'id-missing'
  | 'id-extra'
  | 'id-order'
  | 'id-sequence'
  | 'block-kind'
  | 'term-syntax'
  | 'term-unknown'
  | 'term-unused'
  | 'term-alignment'
  | 'term-name'
  | 'spelling'
  | 'glossary-as-of'
  | 'note-syntax'
  | 'note-unknown'
  | 'note-unanchored'
  | 'note-missing'
  | 'note-extra'
  | 'note-order'
  | 'sentence-syntax'
  | 'sentence-duplicate'
  | 'sentence-missing'
  | 'sentence-extra'
  | 'document-source'
  | 'lang-mismatch'
  | 'invisible-character'
  | 'bidi-control'
  | 'mixed-script'
  // The importer's own, about the plain text it reads (src/importer).
  | 'import-structure'
  | 'import-dateline'
  | 'import-numbering'
  | 'import-language';

export type Place = Node | Position | Point | undefined;

/** Records a problem on the file. Errors are marked fatal (without throwing) so callers can count them. */
export function report(file: VFile, severity: Severity, reason: string, place: Place, ruleId: RuleId): void {
  const options =
    place && 'type' in place ? { ancestors: [place], place: place.position } : { place: place as Position | Point | undefined };
  const message = file.message(reason, { ...options, ruleId, source: messageSource });
  message.fatal = severity === 'error';
}

/** `line:column` of a node, for naming the other place in a cross-file message. */
export function where(path: string, place: { line: number; column: number }): string {
  return `${path}:${place.line}:${place.column}`;
}

/** `text` as quoted in a message: at most `max` characters, an ellipsis marking the cut. */
export function excerpt(text: string, max = 60): string {
  const characters = Array.from(text);
  return characters.length > max ? `${characters.slice(0, max - 1).join('')}…` : text;
}

/** The code point of a character as Unicode writes it: `U+0441`. */
export function codePoint(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
