/**
 * Compiler-style report: `path:line:col: error|warning message [rule-id]`, files in path order,
 * messages in place order, then a summary line.
 */
import type { VFile } from 'vfile';

export interface Diagnostic {
  path: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  reason: string;
  ruleId: string;
}

export function diagnostics(files: readonly VFile[]): Diagnostic[] {
  const list: Diagnostic[] = [];
  for (const file of files) {
    for (const message of file.messages) {
      list.push({
        path: file.path,
        line: message.line ?? 1,
        column: message.column ?? 1,
        severity: message.fatal === true ? 'error' : 'warning',
        reason: message.reason,
        ruleId: message.ruleId ?? 'unknown',
      });
    }
  }
  return list.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column);
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.path}:${d.line}:${d.column}: ${d.severity} ${d.reason} [${d.ruleId}]`;
}

/**
 * Every message of `files`, then the summary. `fileCount` is how many files were read, when `files`
 * holds only those with messages (as a streaming run keeps them); it defaults to `files.length`.
 */
export function formatReport(files: readonly VFile[], fileCount: number = files.length): string {
  const list = diagnostics(files);
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const summary = `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(fileCount, 'file')}`;
  return [...list.map(formatDiagnostic), summary].join('\n');
}
