/**
 * Reporting content problems as vfile messages: a place, a rule id, a severity and our source name,
 * so that every problem is printed compiler-style (./format.ts) and none ends in a stack trace.
 *
 * Rule ids live with the code that reports them: each layer declares its own list and reports through
 * `reporter(list)`, so that a rule id the layer does not declare is a type error. Every id is
 * documented in docs/validator-rules.md (a unit test holds the lists against it).
 */
import type { Node, Point, Position } from 'unist';
import type { VFile } from 'vfile';

export const messageSource = 'diplomatic-reader';

export type Severity = 'error' | 'warning';

export type Place = Node | Position | Point | undefined;

/** Records a problem on the file. Errors are marked fatal (without throwing) so callers can count them. */
export type Reporter<RuleId extends string> = (file: VFile, severity: Severity, reason: string, place: Place, ruleId: RuleId) => void;

/** `report` for any rule id: for helpers that report on behalf of a caller, who names the rule. */
export const report: Reporter<string> = (file, severity, reason, place, ruleId) => {
  const options =
    place && 'type' in place ? { ancestors: [place], place: place.position } : { place: place as Position | Point | undefined };
  const message = file.message(reason, { ...options, ruleId, source: messageSource });
  message.fatal = severity === 'error';
};

/** `report`, restricted to the rule ids of one layer. */
export function reporter<const RuleIds extends readonly string[]>(ruleIds: RuleIds): Reporter<RuleIds[number]> {
  void ruleIds;
  return report;
}

/** True when any message of the files is an error. */
export function hasErrors(files: readonly VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal === true));
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
