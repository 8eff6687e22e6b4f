/**
 * The rule ids the importer reports about the plain text it reads, each documented in
 * docs/validator-rules.md. What it writes is then checked by the validator's own rules.
 */
import { reporter } from '../model/report';

export const importerRuleIds = ['encoding', 'empty-file', 'import-structure', 'import-dateline', 'import-numbering', 'import-language', 'import-translation'] as const;

export type ImporterRuleId = (typeof importerRuleIds)[number];

export const report = reporter(importerRuleIds);
