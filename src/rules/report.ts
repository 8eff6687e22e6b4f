/** The rule ids of the rules across files (a document's versions, the glossary), each documented in docs/validator-rules.md. */
import { reporter } from '../model/report';

export const crossFileRuleIds = [
  'id-missing',
  'id-extra',
  'id-order',
  'id-sequence',
  'block-kind',
  'term-unknown',
  'term-unused',
  'term-alignment',
  'term-name',
  'facet-kind',
  'spelling',
  'glossary-as-of',
  'note-unknown',
  'note-unanchored',
  'note-missing',
  'note-extra',
  'note-order',
  'sentence-missing',
  'sentence-extra',
  'segment-state',
  'translation-incomplete',
  'document-source',
  'date-mismatch',
  'folder-date',
  'edition-unlogged',
  'edition-unchanged',
  'edition-unknown',
  'edition-block-vanished',
  'edition-fate',
  'edition-id-reused',
] as const;

export type CrossFileRuleId = (typeof crossFileRuleIds)[number];

export const report = reporter(crossFileRuleIds);
export { where } from '../model/report';
