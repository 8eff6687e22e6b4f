/**
 * What changed between two editions of a document, in one language: which blocks were changed, added,
 * removed, split or merged (by their IDs and the editions' `fates`), which note bodies changed, and
 * within each changed block or note which words. Pure functions of the two editions' texts, shared by
 * the changelog page and the reading page's "changed in edition N" marks.
 *
 * The word-level diff is jsdiff's (`diff` on npm, `diffArrays`): Myers' O(ND) algorithm over the
 * units of each text. Russian and English are compared word by word, the words and the spaces between
 * them as `Intl.Segmenter` finds them (jsdiff's own word tokenizer takes only Latin letters for word
 * characters, so it would compare Cyrillic letter by letter, and its `diffWords` keeps the newer text's
 * spaces in the common runs, so the older wording could not be given back exactly). Japanese has no
 * spaces between words: it is compared by BudouX phrases (bunsetsu), the same units the pipeline lets
 * lines break between (src/pipeline/rehype-budoux.ts), so that a change reads as a whole phrase struck
 * and replaced rather than as scattered characters, and the units do not depend on the ICU data of the
 * Node.js that builds the site.
 */
import { loadDefaultJapaneseParser, type Parser } from 'budoux';
import { diffArrays } from 'diff';
import { toHtml } from 'hast-util-to-html';
import type { Language } from '../model/languages';
import type { BlockFate } from '../model/schema';
import type { Block, DocumentText, NoteBody } from '../model/types';

/** A run of a compared text: kept, removed from the older text, or added in the newer. */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/**
 * What became of one group of blocks. `changed`: one block, kept under its ID, whose text changed;
 * `added`, `removed`: a block only the newer, or only the older, edition has; `split`: one block that
 * became several; `merged`: several that became one; `regrouped`: several that became several other
 * (a split and a merge between the two editions).
 */
export type BlockChangeKind = 'changed' | 'added' | 'removed' | 'split' | 'merged' | 'regrouped';

export interface BlockChange {
  kind: BlockChangeKind;
  /** The block ID that names the change: its first block in the newer edition, or in the older where it was removed. */
  id: string;
  /** The blocks as the older edition has them, in its order (empty when added). */
  before: Block[];
  /** The blocks as the newer edition has them, in its order (empty when removed). */
  after: Block[];
  /** The wording compared: the older blocks' text against the newer's, blocks apart by a blank line. */
  parts: DiffPart[];
  /** Why the block was removed, as the editions file says. */
  why?: string;
}

export interface NoteChange {
  kind: 'changed' | 'added' | 'removed';
  id: string;
  before?: NoteBody;
  after?: NoteBody;
  parts: DiffPart[];
}

/** The changes of one language version between two editions, in the newer edition's reading order. */
export interface LanguageDiff {
  language: Language;
  blocks: BlockChange[];
  notes: NoteChange[];
}

/** What the diff needs of an edition: its texts (a document, or a superseded edition). */
export interface EditionTexts {
  texts: Partial<Record<Language, DocumentText>>;
}

/** Between the blocks of a split or merge: a paragraph break. */
const blockBreak = '\n\n';

let japanese: Parser | undefined;
const segmenters = new Map<Language, Intl.Segmenter>();

/** The units a text of `language` is compared in, which joined give the text back. */
function units(language: Language, text: string): string[] {
  if (!text) return [];
  if (language === 'ja') {
    japanese ??= loadDefaultJapaneseParser();
    return japanese.parse(text);
  }
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: 'word' });
    segmenters.set(language, segmenter);
  }
  return Array.from(segmenter.segment(text), ({ segment }) => segment);
}

const isSpace = (part: DiffPart) => part.kind === 'same' && /^\s+$/.test(part.text);

/**
 * The parts as a reader takes them in: a space kept between two changes belongs to the change (so
 * that "a b c" → "x y z" reads as one phrase replaced, not as three words struck between kept
 * spaces), and within a run of changes everything removed comes before everything added.
 */
function readable(parts: DiffPart[]): DiffPart[] {
  const result: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) result.push({ kind: 'removed', text: removed });
    if (added) result.push({ kind: 'added', text: added });
    removed = added = '';
  };
  parts.forEach((part, index) => {
    const between = isSpace(part) && index > 0 && index < parts.length - 1 && parts[index - 1].kind !== 'same' && parts[index + 1].kind !== 'same';
    if (part.kind === 'removed' || between) removed += part.text;
    if (part.kind === 'added' || between) added += part.text;
    if (part.kind === 'same' && !between) {
      flush();
      const last = result.at(-1);
      if (last?.kind === 'same') last.text += part.text;
      else result.push({ ...part });
    }
  });
  flush();
  return result;
}

const kindOf = (change: { added: boolean; removed: boolean }): DiffPart['kind'] => (change.added ? 'added' : change.removed ? 'removed' : 'same');

/** The diff of two sequences of units, as parts. */
function diffUnits(before: string[], after: string[]): DiffPart[] {
  return readable(diffArrays(before, after).map((change) => ({ kind: kindOf(change), text: change.value.join('') })));
}

/**
 * The wording of `before` against `after`, in `language`'s units (words; BudouX phrases for Japanese).
 * Joining the parts that are not `added` gives `before` back; joining those not `removed` gives `after`.
 */
export function diffWording(language: Language, before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ kind: 'same', text: before }] : [];
  return diffUnits(units(language, before), units(language, after));
}

/**
 * The wording of several blocks (a split or merge), compared as one text with a blank line between
 * blocks; each block is cut into units alone, so that no unit spans two blocks.
 */
function diffBlocks(language: Language, before: readonly Block[], after: readonly Block[]): DiffPart[] {
  const sequence = (blocks: readonly Block[]) => blocks.flatMap((block, index) => [...(index > 0 ? [blockBreak] : []), ...units(language, block.text)]);
  return diffUnits(sequence(before), sequence(after));
}

/**
 * Where each block ID of the older edition went in the newer, following the fates of every edition
 * after the older one, in order: to itself when no fate names it, to the new blocks of a split, to
 * the block of a merge, nowhere when removed.
 */
export function blockSuccessors(ids: readonly string[], fates: readonly Record<string, BlockFate>[]): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const id of ids) {
    let current = [id];
    for (const edition of fates) {
      current = current.flatMap((each) => {
        const fate = Object.hasOwn(edition, each) ? edition[each] : undefined;
        if (!fate) return [each];
        if ('removed' in fate) return [];
        if ('split' in fate) return fate.split;
        return [fate.merged];
      });
    }
    result.set(id, [...new Set(current)]);
  }
  return result;
}

/** The reason a block was removed, from the last edition whose fates say so. */
function removalReason(id: string, fates: readonly Record<string, BlockFate>[]): string | undefined {
  for (const edition of [...fates].reverse()) {
    const fate = Object.hasOwn(edition, id) ? edition[id] : undefined;
    if (fate && 'removed' in fate) return fate.removed;
  }
  return undefined;
}

/**
 * Whether a block reads the same in both editions: its words, and its markup, mentions and note
 * anchors (as the validator compares them, src/rules/editions.ts). A block whose markup alone changed
 * is a change whose wording is all kept.
 */
const sameBlock = (a: Block, b: Block) => a.text === b.text && toHtml(a.element) === toHtml(b.element);
const sameNote = (a: NoteBody, b: NoteBody) => a.kind === b.kind && a.text === b.text && toHtml(a.children) === toHtml(b.children);

function changeKind(before: number, after: number): BlockChangeKind {
  if (before === 0) return 'added';
  if (after === 0) return 'removed';
  if (before === 1 && after === 1) return 'changed';
  if (before === 1) return 'split';
  if (after === 1) return 'merged';
  return 'regrouped';
}

/**
 * The blocks of `language` that differ between `older` and `newer`. Blocks are matched by ID, and by
 * `fates`: the fates of each edition after the older, up to and including the newer, oldest first.
 * Blocks that went together (a split, a merge) are one change. A block kept under its ID with the
 * same text is no change. Changes come in the newer edition's order; a removed block after the
 * change of the block that came before it in the older edition.
 */
function blockChanges(language: Language, older: readonly Block[], newer: readonly Block[], fates: readonly Record<string, BlockFate>[]): BlockChange[] {
  const after = blockSuccessors(
    older.map((block) => block.id),
    fates,
  );
  const newIds = new Set(newer.map((block) => block.id));
  // Group the older blocks with the newer ones they went to (union–find over both editions' IDs).
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    const up = parent.get(key) ?? key;
    if (up === key) return key;
    const root = find(up);
    parent.set(key, root);
    return root;
  };
  const union = (a: string, b: string) => parent.set(find(a), find(b));
  for (const block of older) {
    for (const id of after.get(block.id) ?? []) if (newIds.has(id)) union(`old:${block.id}`, `new:${id}`);
  }
  const groups = new Map<string, { before: Block[]; after: Block[]; order: number }>();
  const group = (key: string, order: number) => {
    const root = find(key);
    let found = groups.get(root);
    if (!found) {
      found = { before: [], after: [], order };
      groups.set(root, found);
    }
    return found;
  };
  newer.forEach((block, index) => group(`new:${block.id}`, index).after.push(block));
  // A group without newer blocks (removed) follows the group of the older block before it.
  let previousOrder = -1;
  for (const block of older) {
    const found = group(`old:${block.id}`, previousOrder + 0.5);
    found.before.push(block);
    previousOrder = Math.floor(found.order);
  }
  const changes: BlockChange[] = [];
  for (const { before, after: now } of [...groups.values()].sort((a, b) => a.order - b.order)) {
    const kind = changeKind(before.length, now.length);
    if (kind === 'changed' && before[0].id === now[0].id && sameBlock(before[0], now[0])) continue;
    const id = (now[0] ?? before[0]).id;
    const why = kind === 'removed' ? removalReason(before[0].id, fates) : undefined;
    changes.push({ kind, id, before, after: now, parts: diffBlocks(language, before, now), ...(why ? { why } : {}) });
  }
  return changes;
}

/** The note bodies of `language` that differ between the editions: changed, added or removed, by note ID. */
function noteChanges(language: Language, older: readonly NoteBody[], newer: readonly NoteBody[]): NoteChange[] {
  const before = new Map(older.map((note) => [note.id, note]));
  const after = new Map(newer.map((note) => [note.id, note]));
  const changes: NoteChange[] = [];
  for (const note of newer) {
    const was = before.get(note.id);
    if (!was) changes.push({ kind: 'added', id: note.id, after: note, parts: diffWording(language, '', note.text) });
    else if (!sameNote(was, note)) changes.push({ kind: 'changed', id: note.id, before: was, after: note, parts: diffWording(language, was.text, note.text) });
  }
  for (const note of older) {
    if (!after.has(note.id)) changes.push({ kind: 'removed', id: note.id, before: note, parts: diffWording(language, note.text, '') });
  }
  return changes;
}

/**
 * What changed in `language` from the edition `older` to the edition `newer` of one document.
 * `fates`: the fates of every edition after `older`, up to and including `newer`, oldest first (for
 * two consecutive editions, the newer one's). A version that one edition lacks counts as empty.
 */
export function diffEditions(older: EditionTexts, newer: EditionTexts, fates: readonly Record<string, BlockFate>[], language: Language): LanguageDiff {
  const was = older.texts[language];
  const now = newer.texts[language];
  return {
    language,
    blocks: blockChanges(language, was?.blocks ?? [], now?.blocks ?? [], fates),
    notes: noteChanges(language, was?.notes ?? [], now?.notes ?? []),
  };
}

/** Whether a diff has any change at all. */
export function hasChanges(diff: LanguageDiff): boolean {
  return diff.blocks.length > 0 || diff.notes.length > 0;
}
