/**
 * A document in two editions, made from a fixture document for the tests of what the exports and the
 * feed say of editions: edition 1 (26 November 2026) had the Russian and Japanese versions only;
 * edition 2 (7 December 2026) corrects a misprint in the Japanese and adds the English translation.
 * The past edition is a `PastEdition` as the content cache gives it, and the same laid out as a
 * document to export (src/exports/edition.ts).
 */
import { pastEditionDocument } from '../../src/exports/edition';
import type { ArchiveDocument, EditionRecord, GlossaryItem, PastEdition } from '../../src/model/types';

export const editionRecords: EditionRecord[] = [
  { number: 1, date: '2026-11-26', changes: {}, fates: {} },
  {
    number: 2,
    date: '2026-12-07',
    summary: {
      ru: 'Добавлен английский перевод; исправлена опечатка в японском тексте.',
      ja: '英訳を追加し、日本語訳の誤植を訂正。',
      en: 'English translation added; a misprint in the Japanese corrected.',
    },
    changes: {
      ja: [{ blocks: ['s1-p1'], notes: [], entries: [], what: '「訪門」を「訪問」に訂正。', why: '誤植のため。', line: 14 }],
      en: [{ blocks: ['title', 's1', 's1-p1', 's1-p2'], notes: ['n-spelling'], entries: [], what: 'Translation added.', why: 'For readers of English.', line: 20 }],
    },
    fates: {},
  },
];

export function twoEditions(document: ArchiveDocument, glossary: readonly GlossaryItem[]): { current: ArchiveDocument; pastEdition: PastEdition; past: ArchiveDocument } {
  const current: ArchiveDocument = { ...document, editions: editionRecords };
  const pastEdition: PastEdition = { slug: document.slug, number: 1, source: document.source, texts: { ru: document.texts.ru, ja: document.texts.ja }, glossary: [...glossary] };
  return { current, pastEdition, past: pastEditionDocument(current, pastEdition) };
}
