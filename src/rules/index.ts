/**
 * Rules across files: each translation has exactly the source's blocks and notes, in order and of the
 * same kind; every mention names a glossary entry and every entry is mentioned; every note anchor
 * names a note and every note is anchored. A message names both places involved. The rules run one
 * document at a time (`createArchiveCheck`), so that the whole archive is never held in memory.
 */
import type { VFile } from 'vfile';
import type { LoadedGlossary } from '../content/glossary';
import { languages, type Language } from '../model/languages';
import type { Block, DocumentText, Archive, ArchiveDocument } from '../model/types';
import { report, where } from './report';
import { checkGlossaryStyle } from './glossary-style';
import { checkEditions, keepPastEditionRules, type EditionHistory } from './editions';
import { checkMentionNames } from './mention-names';
import { checkDates } from './dates';
import { closest, didYouMean } from '../model/suggest';
import { checkFacets } from './facets';

export interface CheckInput {
  archive: Archive;
  documentFiles: Map<string, Partial<Record<Language, VFile>>>;
  glossary: LoadedGlossary;
  glossaryFile: VFile | undefined;
}

/**
 * The archive's rules applied one document at a time, so that documents can be loaded, checked and let
 * go one after another: only the IDs of the glossary entries mentioned so far are kept between them.
 */
export interface ArchiveCheck {
  /**
   * Applies every rule that concerns one document; its messages go on the document's files. With its
   * `history` (its editions file and past editions as loaded), also each past edition's own rules
   * (all but those in `notForPastEditions`) and the rules across editions.
   */
  document(document: ArchiveDocument, files: Partial<Record<Language, VFile>>, history?: EditionHistory): ReadonlySet<string>;
  /**
   * Counts the glossary entries a document mentions without checking it again: for a document whose
   * files, the glossary and the code are what they were when it was checked (the content cache's reuse).
   */
  mentioned(refs: Iterable<string>): void;
  /** Applies the glossary-wide rules (`term-unused`) once every document has been checked. */
  finish(): void;
}

/** Indices (into `sequence`) of a longest strictly increasing subsequence: the items that kept their order. */
export function longestIncreasing(sequence: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array(sequence.length).fill(-1);
  for (let i = 0; i < sequence.length; i++) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sequence[tails[middle]] < sequence[i]) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[i] = tails[low - 1];
    tails[low] = i;
  }
  const kept = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i !== -1; i = previous[i]) kept.add(i);
  return kept;
}

interface Item {
  id: string;
  line: number;
  column: number;
}

/**
 * Compares the IDs of a translation with those of the source: missing, extra and moved items.
 * `noun` names the kind of item in messages ("paragraph", "note").
 */
function compareSequences(
  file: VFile,
  source: { path: string; items: Item[] },
  translation: { items: Item[]; end: Item },
  noun: string,
  rules: { missing: 'id-missing' | 'note-missing'; extra: 'id-extra' | 'note-extra'; order: 'id-order' | 'note-order' },
): void {
  const sourceIndex = new Map(source.items.map((item, index) => [item.id, index]));
  const translationIds = new Set(translation.items.map((item) => item.id));
  for (const [index, item] of source.items.entries()) {
    if (translationIds.has(item.id)) continue;
    // Point at the translation's item that follows the missing one, where it should be inserted.
    const next = source.items.slice(index + 1).find((later) => translationIds.has(later.id));
    const place = translation.items.find((candidate) => candidate.id === next?.id) ?? translation.end;
    report(file, 'error', `${noun} \`${item.id}\` of the source (${where(source.path, item)}) is missing from this translation`, place, rules.missing);
  }
  const common: Item[] = [];
  for (const item of translation.items) {
    if (sourceIndex.has(item.id)) common.push(item);
    else {
      const unmatched = source.items.filter((candidate) => !translationIds.has(candidate.id)).map((candidate) => candidate.id);
      report(file, 'error', `${noun} \`${item.id}\` is not in the source (${source.path}); a translation has exactly the source's IDs${didYouMean(item.id, unmatched)}`, item, rules.extra);
    }
  }
  const kept = longestIncreasing(common.map((item) => sourceIndex.get(item.id) ?? 0));
  common.forEach((item, index) => {
    if (kept.has(index)) return;
    const sourceItem = source.items[sourceIndex.get(item.id) ?? 0];
    const before = source.items[(sourceIndex.get(item.id) ?? 0) - 1];
    const expected = before ? `after \`${before.id}\`` : 'first';
    report(file, 'error', `${noun} \`${item.id}\` is out of order: in the source (${where(source.path, sourceItem)}) it comes ${expected}`, item, rules.order);
  });
}

/** Warns when sibling IDs in the source are numbered out of sequence (`s1-1-p2` before `s1-1-p1`). */
function checkSequence(file: VFile, text: DocumentText): void {
  const last = new Map<string, { number: number; id: string }>();
  for (const block of text.blocks) {
    const match = /^(.*?)(\d+)([a-z]*)$/.exec(block.id);
    if (!match) continue;
    const [, prefix, digits] = match;
    const number = Number(digits);
    const previous = last.get(prefix);
    if (previous && number < previous.number) {
      report(file, 'warning', `\`${block.id}\` comes after \`${previous.id}\`: numbers out of sequence (allowed, since IDs never change, but check that this is intended)`, { line: block.line, column: 1 }, 'id-sequence');
    }
    last.set(prefix, { number, id: block.id });
  }
}

function blockItems(text: DocumentText): Item[] {
  return text.blocks.map((block) => ({ id: block.id, line: block.line, column: 1 }));
}

function endOf(text: DocumentText): Item {
  const lastBlock = text.blocks.at(-1);
  return { id: '', line: lastBlock?.line ?? 1, column: 1 };
}

/**
 * Checks one document: its source, its notes and mentions, and each translation against the source.
 * `known` holds the glossary's IDs (undefined when the glossary could not be read: mentions are then
 * not checked). Returns the IDs of the glossary entries the document mentions.
 */
export /**
 * Every source sentence of a block has a counterpart in the translation's block, and every sentence
 * of the translation renders sentences the source block has (sentence-missing, sentence-extra).
 */
function checkSentences(file: VFile, block: Block, counterpart: Block, sourcePath: string): void {
  const sourceIds = counterpart.sentences.flatMap((sentence) => sentence.ids);
  const known = new Set(sourceIds);
  const rendered = new Set(block.sentences.flatMap((sentence) => sentence.ids));
  for (const sentence of block.sentences) {
    for (const id of sentence.ids) {
      if (known.has(id)) continue;
      report(file, 'error', `sentence \`${id}\` is not in the source (${where(sourcePath, { line: counterpart.line, column: 1 })} has ${sourceIds.map((source) => `\`${source}\``).join(', ')}): check the line's marker`, { line: sentence.line, column: 1 }, 'sentence-extra');
    }
  }
  const missing = sourceIds.filter((id) => !rendered.has(id));
  if (missing.length > 0) {
    const line = counterpart.sentences.find((sentence) => sentence.ids.includes(missing[0]))?.line ?? counterpart.line;
    report(
      file,
      'error',
      `\`${block.id}\`: ${missing.map((id) => `\`${id}\``).join(', ')} of the source (${where(sourcePath, { line, column: 1 })}) ${missing.length === 1 ? 'has' : 'have'} no counterpart here: give each sentence its own line, or mark the line that renders it (\`{.2}\`, \`{.2 .3}\`)`,
      { line: block.line, column: 1 },
      'sentence-missing',
    );
  }
}

/**
 * The segment IDs of a translation's blocks, as `npm run xliff` names them: the block ID, a dot, the
 * numbers of the source sentences a line renders joined by `_`; a sentence split over consecutive lines
 * is one segment.
 */
function segmentIds(text: DocumentText): Set<string> {
  const ids = new Set<string>();
  for (const block of text.blocks) {
    for (const sentence of block.sentences) ids.add(`${block.id}.${sentence.ids.map((id) => id.slice(block.id.length + 1)).join('_')}`);
  }
  return ids;
}

/** A translation's recorded segment states name its own segments; a source records none (segment-state). */
function checkStates(file: VFile, text: DocumentText): void {
  const states = Object.keys(text.frontMatter.states ?? {});
  if (states.length === 0) return;
  if (text.frontMatter.role === 'source') {
    report(file, 'error', '`states` records the state of a translation’s segments: the source text has none (remove the field)', { line: 1, column: 1 }, 'segment-state');
    return;
  }
  const known = segmentIds(text);
  for (const id of states) {
    if (!known.has(id)) report(file, 'error', `\`states\` names \`${id}\`, which is not a segment of this translation (a block ID, a dot and the sentence numbers of a line, such as \`${[...known][0] ?? 'title.1'}\`)`, { line: 1, column: 1 }, 'segment-state');
  }
}

/**
 * A translation with text still to translate: one warning for the file, with the count of untranslated
 * blocks (and of those partly translated, and of notes, and whether the title is), at the first of them.
 */
function checkUntranslated(file: VFile, text: DocumentText): void {
  const whole = text.blocks.filter((block) => block.untranslated);
  const partly = text.blocks.filter((block) => !block.untranslated && block.sentences.some((sentence) => sentence.untranslated));
  const notes = text.notes.filter((note) => note.untranslated);
  const title = text.frontMatter.title === undefined;
  if (whole.length === 0 && partly.length === 0 && notes.length === 0 && !title) return;
  const also = [notes.length > 0 ? `${notes.length} of ${text.notes.length} notes` : '', title ? 'the title (no `title` in the front matter)' : ''].filter(Boolean);
  const parts = `${whole.length} of ${text.blocks.length} blocks ${whole.length === 1 ? 'is' : 'are'} untranslated${partly.length > 0 ? ` (and ${partly.length} partly)` : ''}${also.length > 0 ? `; also untranslated: ${also.join(', ')}` : ''}`;
  const first = [...whole, ...partly].sort((a, b) => a.line - b.line)[0];
  const place = first ? { line: first.sentences.find((sentence) => sentence.untranslated)?.line ?? first.line, column: 1 } : { line: 1, column: 1 };
  report(file, 'warning', `${parts}; the reader shows the source in their place, marked as not yet translated (lines \`:untranslated\`)`, place, 'translation-incomplete');
}

export function checkDocument(
  document: ArchiveDocument,
  files: Partial<Record<Language, VFile>>,
  known: Set<string> | undefined,
): Set<string> {
  const mentioned = new Set<string>();
  const present = languages.filter((lang) => document.texts[lang]);
  const sources = present.filter((lang) => document.texts[lang]?.frontMatter.role === 'source');
  const firstFile = files[present[0] ?? 'ru'] ?? Object.values(files)[0];
  // A file that could not be read or processed (bad front matter, bad encoding…) has its own error, and
  // whether it says `role: source` is unknown: only when every file was read is a missing source a fact.
  const unread = languages.filter((lang) => files[lang] && !document.texts[lang]);
  if (sources.length === 0 && unread.length === 0) {
    if (firstFile) report(firstFile, 'error', `document \`${document.slug}\` has no source text: exactly one file must say \`role: source\``, { line: 1, column: 1 }, 'document-source');
  }
  for (const extra of sources.slice(1)) {
    const file = files[extra];
    const first = document.texts[sources[0]];
    if (file && first) report(file, 'error', `document \`${document.slug}\` has two source texts: ${first.path} is already the source`, { line: 1, column: 1 }, 'document-source');
  }

  for (const lang of present) {
    const text = document.texts[lang];
    const file = files[lang];
    if (!text || !file) continue;
    const declared = new Set(text.notes.map((note) => note.id));
    for (const mention of text.mentions) {
      mentioned.add(mention.ref);
      if (known && !known.has(mention.ref)) {
        report(file, 'error', `\`${mention.ref}\` is not in the glossary (content/glossary.yaml)${didYouMean(mention.ref, known)}`, mention, 'term-unknown');
      }
    }
    for (const participant of text.frontMatter.participants ?? []) {
      mentioned.add(participant);
      if (known && !known.has(participant)) {
        report(file, 'error', `participant \`${participant}\` is not in the glossary (content/glossary.yaml)${didYouMean(participant, known)}`, { line: 2, column: 1 }, 'term-unknown');
      }
    }
    checkStates(file, text);
    for (const anchor of text.anchors) {
      if (!declared.has(anchor.ref)) {
        const suggestion = closest(anchor.ref, declared);
        const fix = suggestion ? `did you mean \`${suggestion}\`? Otherwise add` : 'add';
        report(file, 'error', `note \`${anchor.ref}\` is not declared in this file: ${fix} \`:::note{#${anchor.ref} kind=editorial}\` at the end`, anchor, 'note-unknown');
      }
    }
  }

  const sourceLang = sources[0];
  const source = sourceLang ? document.texts[sourceLang] : undefined;
  if (!source || !sourceLang) return mentioned;
  const sourceFile = files[sourceLang];
  if (sourceFile) checkSequence(sourceFile, source);

  const anchored = new Set(present.flatMap((lang) => document.texts[lang]?.anchors.map((anchor) => anchor.ref) ?? []));
  for (const note of source.notes) {
    if (!anchored.has(note.id) && sourceFile) {
      report(sourceFile, 'warning', `note \`${note.id}\` is anchored nowhere in the document: mark its place with \`:note[…]{ref=${note.id}}\``, { line: note.line, column: 1 }, 'note-unanchored');
    }
  }

  checkDates(document, files, sourceLang);

  const sourceBlocks = new Map(source.blocks.map((block) => [block.id, block]));
  const termsByBlock = (text: DocumentText) => {
    const map = new Map<string, Set<string>>();
    for (const mention of text.mentions) {
      if (mention.inNote) continue;
      const set = map.get(mention.block) ?? new Set<string>();
      set.add(mention.ref);
      map.set(mention.block, set);
    }
    return map;
  };
  const sourceTerms = termsByBlock(source);

  for (const lang of present) {
    const text = document.texts[lang];
    const file = files[lang];
    if (!text || !file || lang === sourceLang) continue;
    compareSequences(file, { path: source.path, items: blockItems(source) }, { items: blockItems(text), end: endOf(text) }, 'paragraph', {
      missing: 'id-missing',
      extra: 'id-extra',
      order: 'id-order',
    });
    compareSequences(
      file,
      { path: source.path, items: source.notes.map((note) => ({ id: note.id, line: note.line, column: 1 })) },
      { items: text.notes.map((note) => ({ id: note.id, line: note.line, column: 1 })), end: endOf(text) },
      'note',
      { missing: 'note-missing', extra: 'note-extra', order: 'note-order' },
    );
    const terms = termsByBlock(text);
    checkUntranslated(file, text);
    for (const block of text.blocks) {
      const counterpart = sourceBlocks.get(block.id);
      if (!counterpart) continue;
      if (counterpart.kind !== block.kind || counterpart.depth !== block.depth) {
        const describe = (b: { kind: string; depth: number }) => (b.kind === 'heading' ? `a level-${b.depth} heading` : 'a paragraph');
        report(file, 'error', `\`${block.id}\` is ${describe(block)} here but ${describe(counterpart)} in the source (${where(source.path, { line: counterpart.line, column: 1 })})`, { line: block.line, column: 1 }, 'block-kind');
      }
      checkSentences(file, block, counterpart, source.path);
      // Words not yet translated mark no entry: the count of untranslated text says so, once.
      if (block.sentences.some((sentence) => sentence.untranslated)) continue;
      const here = terms.get(block.id) ?? new Set<string>();
      const there = sourceTerms.get(block.id) ?? new Set<string>();
      const missing = [...there].filter((ref) => !here.has(ref));
      const extra = [...here].filter((ref) => !there.has(ref));
      if (missing.length > 0 || extra.length > 0) {
        const parts = [
          missing.length > 0 ? `the source marks ${missing.map((ref) => `\`${ref}\``).join(', ')} here but this translation does not` : '',
          extra.length > 0 ? `this translation marks ${extra.map((ref) => `\`${ref}\``).join(', ')} which the source does not mark here` : '',
        ].filter(Boolean);
        report(file, 'warning', `\`${block.id}\`: ${parts.join('; ')} (${where(source.path, { line: counterpart.line, column: 1 })})`, { line: block.line, column: 1 }, 'term-alignment');
      }
    }
  }
  return mentioned;
}

/** Starts a check of the archive against `glossary`; feed it every document, then call `finish`. */
export function createArchiveCheck(glossary: LoadedGlossary, glossaryFile: VFile | undefined): ArchiveCheck {
  // Entries that failed validation are still known IDs: their mentions are not reported twice. When the
  // glossary could not be read at all, mentions are not checked against it (one error, not hundreds).
  const known = glossary.loaded ? new Set(glossary.places.keys()) : undefined;
  const mentioned = new Set<string>();
  const entries = new Map(glossary.items.map((item) => [item.id, item]));
  if (glossary.loaded && glossaryFile) checkGlossaryStyle(glossaryFile);
  return {
    document(document, files, history) {
      const refs = new Set(checkDocument(document, files, known));
      checkMentionNames(Object.values(document.texts), files, entries);
      for (const ref of checkFacets(document, files, entries, known)) refs.add(ref);
      for (const ref of refs) mentioned.add(ref);
      if (!history) return refs;
      // A past edition against its own glossary snapshot; its mentions are not the current glossary's.
      for (const { edition, byLanguage, glossary: snapshot, glossaryFile: snapshotFile } of history.past) {
        checkDocument({ ...edition, editions: [] }, byLanguage, snapshot.loaded ? new Set(snapshot.places.keys()) : undefined);
        for (const file of [...Object.values(byLanguage), snapshotFile]) keepPastEditionRules(file);
      }
      checkEditions(document, files, history, known);
      return refs;
    },
    mentioned(refs) {
      for (const ref of refs) mentioned.add(ref);
    },
    finish() {
      if (!glossaryFile) return;
      for (const [id, place] of glossary.places) {
        if (!mentioned.has(id)) {
          report(glossaryFile, 'warning', `glossary entry \`${id}\` is never mentioned in any document`, place, 'term-unused');
        }
      }
    },
  };
}

/** Checks a whole archive held in memory: `createArchiveCheck` fed every document in turn. */
export function checkArchive({ archive, documentFiles, glossary, glossaryFile }: CheckInput): void {
  const check = createArchiveCheck(glossary, glossaryFile);
  for (const document of archive.documents) check.document(document, documentFiles.get(document.slug) ?? {});
  check.finish();
}
