/** The rule ids reported while content files are read (bytes, YAML, the glossary, characters), each documented in docs/validator-rules.md. */
import type { VFile } from 'vfile';
import { reporter } from '../model/report';

export const contentRuleIds = [
  'encoding',
  'empty-file',
  'yaml-syntax',
  'duplicate-id',
  'glossary-schema',
  'unsupported-syntax',
  'invisible-character',
  'bidi-control',
  'mixed-script',
  'editions-file',
  'edition-date-order',
] as const;

export type ContentRuleId = (typeof contentRuleIds)[number];

export const report = reporter(contentRuleIds);

/**
 * Reports an exception thrown while a file was read or processed: the content holds something no rule
 * foresaw. The file is named and the checker goes on; the message asks for the case to be reported.
 */
export function reportFailure(file: VFile, error: unknown): void {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  report(file, 'error', `this file could not be processed (${reason.slice(0, 200)}); it holds something the reader cannot handle: simplify the markup, and report the case`, { line: 1, column: 1 }, 'unsupported-syntax');
}
