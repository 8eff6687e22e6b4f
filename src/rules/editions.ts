/**
 * The rules across a document's editions: each edition's changelog (`editions.yaml`) against what
 * changed between the edition before and it, block by block and note by note, in each language; the
 * fates of block IDs that an edition removed, split or merged; and block IDs never reused. Also which
 * rules a past edition, frozen word for word, is not held to (`notForPastEditions`).
 *
 * What is compared is what the reader gets: a block's element (its tag, markup, mentions, note anchors
 * and sentences) and text as HTML, a note's kind and body; not lines or columns.
 */
import { toHtml } from 'hast-util-to-html';
import type { VFile } from 'vfile';
import type { DocumentEditions } from '../content/editions';
import type { ContentRuleId } from '../content/report';
import { languages, type Language } from '../model/languages';
import type { ArchiveDocument, Block, DocumentText, EditionRecord, NoteBody } from '../model/types';
import type { PipelineRuleId } from '../pipeline/report';
import type { LoadedPastEdition } from '../pipeline/process';
import { report, where, type CrossFileRuleId } from './report';

/**
 * The error rules a past edition is not held to. A past edition is frozen: its words may not change,
 * so it is held only to what keeps it readable and safe as published: every error rule (its files can
 * be read, nothing unsafe or unshowable is in them, every block, note, sentence and mention can be
 * placed, its mentions name entries of its own glossary snapshot; the rules across editions), except
 * these, whose fix would change frozen words and which are tightened as the house style grows: a form
 * added to the house style later must not break an edition published before it. Warnings are advice
 * to an editor who can change the words, so none is reported on a past edition's files either. A new
 * error rule that judges style rather than structure belongs in this list.
 */
export const notForPastEditions = ['spelling', 'term-name'] as const satisfies readonly (ContentRuleId | PipelineRuleId | CrossFileRuleId)[];

const styleRules = new Set<string>(notForPastEditions);

/** Drops from a past edition's file every warning and every error of a rule in `notForPastEditions`. */
export function keepPastEditionRules(file: VFile): void {
  const kept = file.messages.filter((message) => message.fatal === true && !(message.ruleId !== undefined && styleRules.has(message.ruleId)));
  file.messages.splice(0, file.messages.length, ...kept);
}

/** One edition of a document as the rules see it: its texts, their files and the glossary IDs it knows. */
interface EditionTexts {
  number: number;
  texts: Partial<Record<Language, DocumentText>>;
  files: Partial<Record<Language, VFile>>;
  /** The IDs of its glossary (its snapshot, or the glossary for the current edition); undefined when unread. */
  glossary: Set<string> | undefined;
}

/** What a reader gets of a block: its element as HTML (tag, markup, mentions, anchors, sentences). */
const renderBlock = (block: Block) => toHtml(block.element);
/** What a reader gets of a note: its kind and body. */
const renderNote = (note: NoteBody) => `${note.kind}:${toHtml(note.children)}`;

/** The block IDs of an edition, in every language, with the first place each stands at. */
function blockPlaces(edition: EditionTexts): Map<string, { path: string; line: number; file: VFile | undefined }> {
  const places = new Map<string, { path: string; line: number; file: VFile | undefined }>();
  for (const lang of languages) {
    const text = edition.texts[lang];
    for (const block of text?.blocks ?? []) {
      if (!places.has(block.id)) places.set(block.id, { path: text?.path ?? '', line: block.line, file: edition.files[lang] });
    }
  }
  return places;
}

/** `list` as a message writes it: `a`, `b`. */
const quoted = (list: Iterable<string>) => [...list].map((item) => `\`${item}\``).join(', ');

/**
 * Checks what changed in one language version between `older` and `newer` against edition `newer`'s
 * changes of that language: every changed, added or removed block and note is listed (`edition-unlogged`),
 * every listed one changed (`edition-unchanged`) and exists (`edition-unknown`).
 */
function checkLanguage(file: VFile, editions: DocumentEditions, record: EditionRecord, lang: Language, older: DocumentText, newer: DocumentText, newerFile: VFile, exempt: ReadonlySet<string>): void {
  const index = record.number - 1;
  const changes = record.changes[lang] ?? [];
  const listedBlocks = new Set(changes.flatMap((change) => change.blocks));
  const listedNotes = new Set(changes.flatMap((change) => change.notes));
  const entryPlace = editions.placeOf([index, 'edition']);
  const oldBlocks = new Map(older.blocks.map((block) => [block.id, block]));
  const newBlocks = new Map(newer.blocks.map((block) => [block.id, block]));
  const oldNotes = new Map(older.notes.map((note) => [note.id, note]));
  const newNotes = new Map(newer.notes.map((note) => [note.id, note]));
  const changed = new Set<string>();
  const changedNotes = new Set<string>();
  const unlogged = (what: string, field: 'blocks' | 'notes', place: { line: number; column: number }, target: VFile) =>
    report(target, 'error', `${what}, but no change of ${lang} in edition ${record.number} lists it: add it to the \`${field}\` of a change of ${lang} in editions.yaml (edition ${record.number}, line ${entryPlace.line}), saying what changed and why`, place, 'edition-unlogged');

  for (const block of newer.blocks) {
    const before = oldBlocks.get(block.id);
    if (before && renderBlock(before) === renderBlock(block)) continue;
    changed.add(block.id);
    if (listedBlocks.has(block.id) || exempt.has(block.id)) continue;
    const what = before ? `block \`${block.id}\` changed since edition ${record.number - 1} (${where(older.path, { line: before.line, column: 1 })})` : `block \`${block.id}\` is new in edition ${record.number}`;
    unlogged(what, 'blocks', { line: block.line, column: 1 }, newerFile);
  }
  for (const block of older.blocks) {
    if (!newBlocks.has(block.id)) changed.add(block.id);
  }
  for (const note of newer.notes) {
    const before = oldNotes.get(note.id);
    if (before && renderNote(before) === renderNote(note)) continue;
    changedNotes.add(note.id);
    if (listedNotes.has(note.id)) continue;
    const what = before ? `note \`${note.id}\` changed since edition ${record.number - 1} (${where(older.path, { line: before.line, column: 1 })})` : `note \`${note.id}\` is new in edition ${record.number}`;
    unlogged(what, 'notes', { line: note.line, column: 1 }, newerFile);
  }
  for (const note of older.notes) {
    if (newNotes.has(note.id)) continue;
    changedNotes.add(note.id);
    if (!listedNotes.has(note.id)) unlogged(`note \`${note.id}\` of edition ${record.number - 1} (${where(older.path, { line: note.line, column: 1 })}) is gone from edition ${record.number}`, 'notes', entryPlace, file);
  }

  changes.forEach((change, position) => {
    for (const [field, ids, known, touched, noun] of [
      ['blocks', change.blocks, (id: string) => oldBlocks.has(id) || newBlocks.has(id), changed, 'block'],
      ['notes', change.notes, (id: string) => oldNotes.has(id) || newNotes.has(id), changedNotes, 'note'],
    ] as const) {
      ids.forEach((id, item) => {
        const place = editions.placeOf([index, 'changes', lang, position, field, item]);
        if (!known(id)) {
          report(file, 'error', `${noun} \`${id}\` is in neither edition ${record.number - 1} nor edition ${record.number} of the ${lang} version (${newer.path})`, place, 'edition-unknown');
        } else if (!touched.has(id) && !exempt.has(id)) {
          report(file, 'warning', `${noun} \`${id}\` is listed as changed, but its ${lang} text is the same in editions ${record.number - 1} and ${record.number} (${where(newer.path, { line: (noun === 'block' ? newBlocks.get(id) : newNotes.get(id))?.line ?? 1, column: 1 })})`, place, 'edition-unchanged');
        }
      });
    }
  });
}

/**
 * Checks edition `newer` against the edition before it, `older`: the changes of each language, the
 * fates of the block IDs that are gone, and IDs that come back. `seen` holds every block ID of the
 * editions before `older`.
 */
function checkEdition(file: VFile, editions: DocumentEditions, record: EditionRecord, older: EditionTexts, newer: EditionTexts, seen: ReadonlySet<string>): void {
  const index = record.number - 1;
  const oldIds = blockPlaces(older);
  const newIds = blockPlaces(newer);
  const fatePlace = (id: string) => editions.placeOf([index, 'fates', id]);
  const earlier = new Set([...seen, ...oldIds.keys()]);
  // Blocks that take the text of a split or merged block: their change is the fate.
  const exempt = new Set<string>();
  const splitTargets = new Set<string>();

  for (const [id, fate] of Object.entries(record.fates)) {
    const targets = 'split' in fate ? fate.split : 'merged' in fate ? [fate.merged] : [];
    for (const target of targets) exempt.add(target);
    if ('split' in fate) for (const target of fate.split) splitTargets.add(target);
    const before = oldIds.get(id);
    const still = newIds.get(id);
    if (!before) {
      report(file, 'error', `\`${id}\` is not a block of edition ${record.number - 1}: a fate is for a block ID that edition ${record.number} no longer has`, fatePlace(id), 'edition-fate');
    } else if (still) {
      report(file, 'error', `\`${id}\` is still a block of edition ${record.number} (${where(still.path, { line: still.line, column: 1 })}): a fate is for a block ID the edition no longer has`, fatePlace(id), 'edition-fate');
    }
    for (const target of targets) {
      if (!newIds.has(target)) {
        report(file, 'error', `\`${id}\` is ${'split' in fate ? 'split into' : 'merged into'} \`${target}\`, which is not a block of edition ${record.number}`, fatePlace(id), 'edition-fate');
      } else if ('split' in fate && earlier.has(target)) {
        report(file, 'error', `\`${id}\` is split into \`${target}\`, an ID that an earlier edition already had: a block made by a split takes a new ID, never one used before`, fatePlace(id), 'edition-id-reused');
      }
    }
  }

  for (const [id, before] of oldIds) {
    if (newIds.has(id) || Object.hasOwn(record.fates, id)) continue;
    report(
      file,
      'error',
      `block \`${id}\` of edition ${record.number - 1} (${where(before.path, { line: before.line, column: 1 })}) is not in edition ${record.number}: block IDs stay; give it a fate under \`fates\` (removed, split or merged)`,
      editions.placeOf([index, 'edition']),
      'edition-block-vanished',
    );
  }
  for (const [id, place] of newIds) {
    if (oldIds.has(id) || !seen.has(id) || splitTargets.has(id) || !place.file) continue;
    report(place.file, 'error', `block ID \`${id}\` was used in an earlier edition and is gone from edition ${record.number - 1}: an ID that was removed or merged away is never used again; give this block a new ID`, { line: place.line, column: 1 }, 'edition-id-reused');
  }

  for (const lang of languages) {
    const changes = record.changes[lang] ?? [];
    const olderText = older.texts[lang];
    const newerText = newer.texts[lang];
    const newerFile = newer.files[lang];
    if (changes.length > 0 && !newerText) {
      report(file, 'error', `edition ${record.number} has no ${lang} version, so no change of ${lang}`, editions.placeOf([index, 'changes', lang]), 'edition-unknown');
    }
    if (olderText && newerText && newerFile) checkLanguage(file, editions, record, lang, olderText, newerText, newerFile, exempt);
    changes.forEach((change, position) => {
      change.entries.forEach((entry, item) => {
        if (newer.glossary && !newer.glossary.has(entry)) {
          report(file, 'error', `\`${entry}\` is not an entry of edition ${record.number}'s glossary`, editions.placeOf([index, 'changes', lang, position, 'entries', item]), 'edition-unknown');
        }
      });
    });
  }
}

/** What the rules across editions need of one document: its editions file and its past editions as loaded. */
export interface EditionHistory {
  editions: DocumentEditions;
  past: LoadedPastEdition[];
}

/**
 * Checks the editions of `document`, each against the one before. `glossary` holds the current
 * glossary's IDs (undefined when it could not be read). Editions whose texts could not be loaded
 * (a missing folder, already reported) are skipped.
 */
export function checkEditions(document: ArchiveDocument, files: Partial<Record<Language, VFile>>, history: EditionHistory, glossary: Set<string> | undefined): void {
  const { editions, past } = history;
  const file = editions.file;
  if (!file || !editions.valid || editions.records.length < 2) return;
  const versions = new Map<number, EditionTexts>();
  for (const loaded of past) {
    const byLanguage = loaded.byLanguage;
    versions.set(loaded.edition.number, { number: loaded.edition.number, texts: loaded.edition.texts, files: byLanguage, glossary: loaded.glossary.loaded ? new Set(loaded.glossary.places.keys()) : undefined });
  }
  const current = editions.records.length;
  versions.set(current, { number: current, texts: document.texts, files, glossary });
  const seen = new Set<string>();
  for (const record of editions.records.slice(1)) {
    const older = versions.get(record.number - 1);
    const newer = versions.get(record.number);
    if (older && newer) checkEdition(file, editions, record, older, newer, seen);
    if (older) for (const id of blockPlaces(older).keys()) seen.add(id);
  }
}
