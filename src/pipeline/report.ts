/** The rule ids the pipeline's plugins report, each documented in docs/validator-rules.md. */
import { reporter } from '../model/report';

export const pipelineRuleIds = [
  'front-matter',
  'provenance-url',
  'raw-html',
  'unsafe-link',
  'unsupported-syntax',
  'directive-unknown',
  'block-id-missing',
  'block-id-syntax',
  'block-kind',
  'duplicate-id',
  'term-syntax',
  'note-syntax',
  'sentence-syntax',
  'sentence-duplicate',
  'untranslated-syntax',
  'spelling',
  'lang-mismatch',
  'document-source',
  'edition-folder',
] as const;

export type PipelineRuleId = (typeof pipelineRuleIds)[number];

export const report = reporter(pipelineRuleIds);
export { codePoint, excerpt, where } from '../model/report';
