/**
 * XLIFF 2.1 and 1.2 of one language version of a document, and back (docs/xliff.md). A unit per block
 * (1.2: a `<group>`), a segment per alignment group of sentences (1.2: a `<trans-unit>`), never to be
 * resegmented; glossary mentions and note anchors are inline codes whose IDs carry the entry's or the
 * note's key, so that a tool lets the translator move them but not lose them. The segment state travels
 * both ways; the Markdown keeps a state that is not the default in the front matter (`states`).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Element, ElementContent } from 'xast';
import { x } from 'xastscript';
import type { Language } from '../model/languages';
import type { SegmentState } from '../model/schema';
import { segmentStates } from '../model/schema';
import type { GlossaryItem } from '../model/types';
import { block, xmlDocument } from './xml';
import {
  lineFrame,
  lineGroups,
  mergeText,
  readMarkdownFile,
  sameInline,
  writeInline,
  XliffError,
  type Code,
  type Inline,
  type LineGroup,
  type MarkdownFile,
} from './xliff-markdown';

export { readMarkdownFile, XliffError } from './xliff-markdown';

export type XliffFormat = '2.1' | '1.2';
export const xliffFormats: readonly XliffFormat[] = ['2.1', '1.2'];

export const xliff2Namespace = 'urn:oasis:names:tc:xliff:document:2.0';
export const xliff12Namespace = 'urn:oasis:names:tc:xliff:document:1.2';
const glossaryNamespace = 'urn:oasis:names:tc:xliff:glossary:2.0';

/** XLIFF 2 states and their XLIFF 1.2 counterparts (the mapping of the XLIFF 2 specification's appendix). */
const toState12: Record<SegmentState, string> = { initial: 'new', translated: 'translated', reviewed: 'signed-off', final: 'final' };
const fromState12: Record<string, SegmentState> = {
  new: 'initial',
  'needs-translation': 'initial',
  'needs-adaptation': 'translated',
  'needs-l10n': 'translated',
  'needs-review-adaptation': 'translated',
  'needs-review-l10n': 'translated',
  'needs-review-translation': 'translated',
  translated: 'translated',
  'signed-off': 'reviewed',
  final: 'final',
};

/** An inline code with its ID in the segment. */
export interface CodedCode {
  id: string;
  code: Code;
  children?: Coded[];
}
export type Coded = string | CodedCode;

/** One segment as it is exported. */
export interface Segment {
  id: string;
  group: LineGroup;
  source: Coded[];
  /** Undefined when the segment is untranslated. */
  target?: Coded[];
  state: SegmentState;
  /** The codes an imported target must hold, each once, by ID. */
  codes: Map<string, Code>;
}

export interface Unit {
  id: string;
  segments: Segment[];
}

/** Gives each code an ID: its kind and key, numbered from the second occurrence in the segment. */
function assignIds(inline: readonly Inline[], seen = new Map<string, number>()): Coded[] {
  return inline.map((item) => {
    if (typeof item === 'string') return item;
    const base = item.key ? `${item.kind}.${item.key}` : item.kind;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    const id = item.key ? (count === 1 ? base : `${base}.${count}`) : `${base}.${count}`;
    return { id, code: { ...item, children: undefined }, ...(item.children ? { children: assignIds(item.children, seen) } : {}) };
  });
}

function collectCodes(coded: readonly Coded[], into: Map<string, Code>): Map<string, Code> {
  for (const item of coded) {
    if (typeof item === 'string') continue;
    into.set(item.id, { ...item.code, ...(item.children ? { children: [] } : {}) });
    if (item.children) collectCodes(item.children, into);
  }
  return into;
}

const joinLines = (lines: Inline[][]): Inline[] =>
  lines.flatMap((line, index) => (index === 0 ? line : [{ kind: 'lb' } satisfies Code, ...line]));

/** The segments of a translation against its source, block by block. */
export function buildUnits(source: MarkdownFile, target: MarkdownFile, paths: { source: string; target: string }): Unit[] {
  if (target.role === 'source') throw new XliffError(`${paths.target}: this is the source text of the document; export a translation`);
  const sourceBlocks = new Map(source.blocks.map((item) => [item.id, item]));
  const targetIds = new Set(target.blocks.map((item) => item.id));
  for (const item of source.blocks) {
    if (!targetIds.has(item.id)) throw new XliffError(`${paths.target}: block \`${item.id}\` of the source is missing: run \`npm run check\``, item.id);
  }
  const separator = source.lang === 'ja' ? '' : ' ';
  return target.blocks.map((targetBlock) => {
    const sourceBlock = sourceBlocks.get(targetBlock.id);
    if (!sourceBlock) throw new XliffError(`${paths.target}:${targetBlock.lines[0].index + 1}: block \`${targetBlock.id}\` is not in the source: run \`npm run check\``, targetBlock.id);
    const sourceLines = new Map(sourceBlock.lines.map((line) => [line.numbers[0], line]));
    const covered = new Set<string>();
    const segments = lineGroups(targetBlock).map((group): Segment => {
      const sourceInline = group.numbers.flatMap((number, index) => {
        const line = sourceLines.get(number);
        if (!line) throw new XliffError(`${paths.target}:${group.lines[0].index + 1}: sentence \`${targetBlock.id}.${number}\` is not in the source: run \`npm run check\``, targetBlock.id);
        covered.add(number);
        return index === 0 || !separator ? line.inline : [separator, ...line.inline];
      });
      const untranslated = group.lines.filter((line) => line.untranslated).length;
      if (untranslated > 0 && untranslated < group.lines.length) {
        throw new XliffError(`${paths.target}:${group.lines[0].index + 1}: sentence \`${group.id}\` is split over lines of which only some are \`:untranslated\``, targetBlock.id);
      }
      const sourceCoded = assignIds(mergeText(sourceInline));
      const targetCoded = untranslated ? undefined : assignIds(mergeText(joinLines(group.lines.map((line) => line.inline))));
      const lineBreaks = assignIds(joinLines(group.lines.map(() => []))).filter((item) => typeof item !== 'string');
      const codes = targetCoded ? collectCodes(targetCoded, new Map()) : collectCodes([...sourceCoded, ...lineBreaks], new Map());
      // A code taken from the source does not carry `quirk`: that marks the source's own wrong form.
      if (!targetCoded) for (const [id, code] of codes) codes.set(id, { ...code, quirk: undefined });
      const state = target.states[group.id] ?? (untranslated ? 'initial' : 'translated');
      return { id: group.id, group, source: sourceCoded, ...(targetCoded ? { target: targetCoded } : {}), state, codes };
    });
    for (const line of sourceBlock.lines) {
      if (!covered.has(line.numbers[0])) throw new XliffError(`${paths.target}: sentence \`${targetBlock.id}.${line.numbers[0]}\` of the source has no line in this translation: run \`npm run check\``, targetBlock.id);
    }
    return { id: targetBlock.id, segments };
  });
}

// Writing.

export interface XliffExport {
  format: XliffFormat;
  /** `content/documents/<slug>/<lang>.md`: the file the XLIFF comes back into. */
  original: string;
  source: MarkdownFile;
  target: MarkdownFile;
  units: Unit[];
  glossary: readonly GlossaryItem[];
}

function inline2(coded: readonly Coded[]): ElementContent[] {
  return coded.map((item): ElementContent => {
    if (typeof item === 'string') return { type: 'text', value: item };
    const { kind } = item.code;
    const fixed = { canCopy: 'no', canDelete: 'no' };
    if (kind === 'lb') return x('ph', { id: item.id, ...fixed, type: 'fmt', subType: 'xlf:lb', disp: '\u21B5' });
    if (!item.children) return x('ph', { id: item.id, ...fixed, type: 'other', disp: `${kind}:${item.code.key}` });
    const typed = kind === 'em' ? { type: 'fmt', subType: 'xlf:i' } : kind === 'strong' ? { type: 'fmt', subType: 'xlf:b' } : { type: 'other', dispStart: `${kind}:${item.code.key}` };
    const element = x('pc', { id: item.id, ...fixed, ...typed });
    element.children = inline2(item.children);
    return element;
  });
}

function inline12(coded: readonly Coded[]): ElementContent[] {
  return coded.map((item): ElementContent => {
    if (typeof item === 'string') return { type: 'text', value: item };
    const { kind } = item.code;
    if (kind === 'lb') return x('x', { id: item.id, ctype: 'lb' });
    if (!item.children) return x('x', { id: item.id, ctype: `x-${kind}` });
    const element = x('g', { id: item.id, ctype: kind === 'em' ? 'italic' : kind === 'strong' ? 'bold' : `x-${kind}` });
    element.children = inline12(item.children);
    return element;
  });
}

/** In XLIFF 2 a code ID is unique in its unit: prefixed with the segment's sentence numbers. */
function prefixIds(coded: readonly Coded[], prefix: string): Coded[] {
  return coded.map((item) => (typeof item === 'string' ? item : { ...item, id: `${prefix}${item.id}`, ...(item.children ? { children: prefixIds(item.children, prefix) } : {}) }));
}

const segmentPrefix = (segment: Segment) => `${segment.group.numbers.join('_')}.`;

function termKeys(units: Segment[]): string[] {
  const keys: string[] = [];
  const walk = (coded: readonly Coded[]) => {
    for (const item of coded) {
      if (typeof item === 'string') continue;
      if (item.code.kind === 'term' && item.code.key && !keys.includes(item.code.key)) keys.push(item.code.key);
      if (item.children) walk(item.children);
    }
  };
  for (const segment of units) walk([...segment.source, ...(segment.target ?? [])]);
  return keys;
}

function noteKeys(segments: Segment[]): string[] {
  const keys: string[] = [];
  for (const segment of segments) for (const code of segment.codes.values()) if (code.kind === 'note' && code.key && !keys.includes(code.key)) keys.push(code.key);
  const walk = (coded: readonly Coded[]) => {
    for (const item of coded) {
      if (typeof item === 'string') continue;
      if (item.code.kind === 'note' && item.code.key && !keys.includes(item.code.key)) keys.push(item.code.key);
      if (item.children) walk(item.children);
    }
  };
  for (const segment of segments) walk(segment.source);
  return keys;
}

const instructions =
  'Translate each segment into the target; keep the segments as they are. Inline codes are glossary mentions (term.<entry>) and note anchors (note.<note>): move them with the words they mark, never drop or add one. States: initial (not yet translated), translated, reviewed, final.';

function notesFor(exported: XliffExport, keys: string[]): Array<{ id: string; category: string; lang: Language; text: string }> {
  const result: Array<{ id: string; category: string; lang: Language; text: string }> = [];
  for (const key of keys) {
    for (const file of [exported.source, exported.target]) {
      const note = file.notes.find((candidate) => candidate.id === key);
      if (note) result.push({ id: `note.${key}.${file.lang}`, category: note.kind, lang: file.lang, text: note.text });
    }
  }
  return result;
}

function unit2(exported: XliffExport, unit: Unit): Element {
  const { source, target } = exported;
  const entries = termKeys(unit.segments).flatMap((key) => {
    const item = exported.glossary.find((candidate) => candidate.id === key);
    return item ? [item] : [];
  });
  const glossary =
    entries.length > 0
      ? block(
          'gls:glossary',
          {},
          3,
          entries.map((item) =>
            block('gls:glossEntry', { id: `gls.${item.id}` }, 4, [
              x('gls:term', { source: item.id }, item.names[source.lang]),
              x('gls:translation', { source: 'name' }, item.names[target.lang]),
              ...(item.variants?.[target.lang] ?? []).map((variant) => x('gls:translation', { source: 'variant' }, variant)),
              x('gls:definition', {}, item.description[target.lang]),
            ]),
          ),
        )
      : undefined;
  const notes = notesFor(exported, noteKeys(unit.segments));
  return block('unit', { id: unit.id, name: unit.id }, 2, [
    glossary,
    notes.length > 0 ? block('notes', {}, 3, notes.map((note) => x('note', { id: note.id, category: note.category }, note.text))) : undefined,
    ...unit.segments.map((segment) =>
      block('segment', { id: segment.id, canResegment: 'no', state: segment.state }, 3, [
        x('source', { 'xml:space': 'preserve' }, inline2(prefixIds(segment.source, segmentPrefix(segment)))),
        segment.target ? x('target', { 'xml:space': 'preserve' }, inline2(prefixIds(segment.target, segmentPrefix(segment)))) : undefined,
      ]),
    ),
  ]);
}

function glossaryNote(exported: XliffExport, key: string): string | undefined {
  const item = exported.glossary.find((candidate) => candidate.id === key);
  if (!item) return undefined;
  const { source, target } = exported;
  const variants = item.variants?.[target.lang] ?? [];
  return `${key}: ${item.names[source.lang]} → ${item.names[target.lang]}${variants.length > 0 ? ` (${variants.join('; ')})` : ''}. ${item.description[target.lang]}`;
}

function unit12(exported: XliffExport, unit: Unit): Element {
  return block(
    'group',
    { id: unit.id, resname: unit.id },
    3,
    unit.segments.map((segment) => {
      const glossary = termKeys([segment]).flatMap((key) => glossaryNote(exported, key) ?? []);
      const notes = notesFor(exported, noteKeys([segment]));
      return block('trans-unit', { id: segment.id, resname: segment.id, 'xml:space': 'preserve' }, 4, [
        x('source', {}, inline12(segment.source)),
        segment.target ? x('target', { state: toState12[segment.state] }, inline12(segment.target)) : undefined,
        ...glossary.map((text) => x('note', { from: 'glossary', annotates: 'general' }, text)),
        ...notes.map((note) => x('note', { from: note.category, 'xml:lang': note.lang, annotates: 'general' }, note.text)),
      ]);
    }),
  );
}

/** The XLIFF file of a translation (2.1 or 1.2). */
export function writeXliff(exported: XliffExport): string {
  const { source, target, original } = exported;
  if (exported.format === '1.2') {
    return xmlDocument(
      block('xliff', { version: '1.2', xmlns: xliff12Namespace }, 0, [
        block('file', { original, datatype: 'x-markdown', 'source-language': source.lang, 'target-language': target.lang }, 1, [
          block('header', {}, 2, [x('note', { from: 'instructions' }, instructions)]),
          block('body', {}, 2, exported.units.map((unit) => unit12(exported, unit))),
        ]),
      ]),
    );
  }
  return xmlDocument(
    block('xliff', { xmlns: xliff2Namespace, 'xmlns:gls': glossaryNamespace, version: '2.1', srcLang: source.lang, trgLang: target.lang }, 0, [
      block('file', { id: 'f1', original, canResegment: 'no' }, 1, [
        block('notes', {}, 2, [x('note', { id: 'instructions', category: 'instructions' }, instructions)]),
        ...exported.units.map((unit) => unit2(exported, unit)),
      ]),
    ]),
  );
}

// Reading.

type XmlNode = { name: string; attributes: Record<string, string>; children: XmlNode[] } | { text: string };

const decode = (value: string) =>
  value.replace(/&(lt|gt|amp|apos|quot|#\d+|#x[0-9a-fA-F]+);/g, (_all, name: string) => {
    if (name === 'lt') return '<';
    if (name === 'gt') return '>';
    if (name === 'amp') return '&';
    if (name === 'apos') return "'";
    if (name === 'quot') return '"';
    return String.fromCodePoint(name.startsWith('#x') ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10));
  });

function toNodes(raw: unknown[]): XmlNode[] {
  const result: XmlNode[] = [];
  for (const item of raw as Array<Record<string, unknown>>) {
    if ('#text' in item) {
      result.push({ text: decode(String(item['#text'])) });
      continue;
    }
    const name = Object.keys(item).find((key) => key !== ':@');
    if (!name || name.startsWith('?')) continue;
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries((item[':@'] ?? {}) as Record<string, unknown>)) attributes[key.replace(/^@_/, '')] = decode(String(value));
    result.push({ name, attributes, children: toNodes(item[name] as unknown[]) });
  }
  return result;
}

const isElement = (node: XmlNode): node is Extract<XmlNode, { name: string }> => 'name' in node;
const localName = (name: string) => name.slice(name.indexOf(':') + 1);
const elements = (node: XmlNode | undefined, name?: string) => (node && isElement(node) ? node.children.filter(isElement).filter((child) => !name || localName(child.name) === name) : []);

/** A segment as an XLIFF file brings it back. */
export interface ImportedSegment {
  unit: string;
  id: string;
  source: Coded[];
  /** Undefined or empty: untranslated. */
  target?: Coded[];
  state: SegmentState;
  targetLang?: string;
}

export interface ParsedXliff {
  format: XliffFormat;
  original: string;
  sourceLang: string;
  targetLang: string;
  segments: ImportedSegment[];
  /** The unit IDs (1.2: group IDs) in file order, repeated ones included. */
  units: string[];
}

function codedOf(node: Extract<XmlNode, { name: string }>, format: XliffFormat, unit: string, prefix: string): Coded[] {
  const result: Coded[] = [];
  for (const child of node.children) {
    if (!isElement(child)) {
      result.push(child.text);
      continue;
    }
    const name = localName(child.name);
    const paired = format === '1.2' ? name === 'g' : name === 'pc';
    const point = format === '1.2' ? name === 'x' : name === 'ph';
    if (!paired && !point) throw new XliffError(`unit \`${unit}\`: the inline element <${child.name}> is not one this export writes (${format === '1.2' ? '<g> and <x>' : '<pc> and <ph>'}); keep the codes as they were exported`, unit);
    const rawId = child.attributes.id ?? '';
    const id = !prefix ? rawId : rawId.startsWith(prefix) ? rawId.slice(prefix.length) : `?${rawId}`;
    // What the code stands for is looked up by its ID against the export (`resolve`); the file's own
    // attributes (type, ctype, disp) are a tool's to show and are not trusted.
    result.push({ id, code: { kind: 'term' }, ...(paired ? { children: codedOf(child, format, unit, prefix) } : {}) });
  }
  return result;
}

/** Reads an XLIFF 2.x or 1.2 file; refuses anything that is not well-formed or declares a DOCTYPE. */
export function parseXliff(text: string): ParsedXliff {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new XliffError('the file declares a DOCTYPE or entities: an XLIFF file never needs one, and entity declarations can expand without bound, so it is refused');
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new XliffError(`line ${valid.err.line}, column ${valid.err.col}: the XML is not well-formed or is cut short (${valid.err.msg})`);
  const raw = new XMLParser({ preserveOrder: true, ignoreAttributes: false, trimValues: false, parseTagValue: false, parseAttributeValue: false, processEntities: false }).parse(text) as unknown[];
  const root = toNodes(raw).filter(isElement).find(() => true);
  if (!root || localName(root.name) !== 'xliff') throw new XliffError(`the root element is <${root?.name ?? 'none'}>, not <xliff>`);
  const prefix = root.name.includes(':') ? root.name.slice(0, root.name.indexOf(':')) : '';
  const namespace = root.attributes[prefix ? `xmlns:${prefix}` : 'xmlns'] ?? '';
  const version = root.attributes.version ?? '';
  let format: XliffFormat;
  if (namespace === xliff12Namespace && version === '1.2') format = '1.2';
  else if (namespace === xliff2Namespace && /^2\.[0-2]$/.test(version)) format = '2.1';
  else if (namespace === xliff12Namespace || namespace === xliff2Namespace) {
    throw new XliffError(`the file says version="${version}" but its namespace is ${namespace === xliff12Namespace ? 'XLIFF 1.2’s' : 'XLIFF 2’s'} (${namespace}): XLIFF 2.1 uses ${xliff2Namespace} with version="2.1", XLIFF 1.2 uses ${xliff12Namespace} with version="1.2"`);
  } else throw new XliffError(`the namespace \`${namespace}\` is not XLIFF 2 (${xliff2Namespace}) or XLIFF 1.2 (${xliff12Namespace})`);
  const files = elements(root, 'file');
  if (files.length !== 1) throw new XliffError(`the file holds ${files.length} <file> elements; an export holds one`);
  const file = files[0];
  const original = file.attributes.original ?? '';
  const sourceLang = (format === '1.2' ? file.attributes['source-language'] : root.attributes.srcLang) ?? '';
  const targetLang = (format === '1.2' ? file.attributes['target-language'] : root.attributes.trgLang) ?? '';
  const segments: ImportedSegment[] = [];
  const unitIds: string[] = [];
  const state = (value: string | undefined, unit: string, id: string): SegmentState => {
    if (format === '2.1') {
      const found = (value ?? 'initial') as SegmentState;
      if (!segmentStates.includes(found)) throw new XliffError(`unit \`${unit}\`: segment \`${id}\` has state="${value}"; XLIFF 2 knows ${segmentStates.join(', ')}`, unit);
      return found;
    }
    if (value === undefined) return 'translated';
    const found = fromState12[value];
    if (!found) throw new XliffError(`unit \`${unit}\`: trans-unit \`${id}\` has state="${value}", which is not an XLIFF 1.2 state`, unit);
    return found;
  };
  if (format === '2.1') {
    const units: Array<Extract<XmlNode, { name: string }>> = [];
    const walk = (node: Extract<XmlNode, { name: string }>) => {
      for (const child of elements(node)) {
        if (localName(child.name) === 'unit') units.push(child);
        else if (localName(child.name) === 'group') walk(child);
      }
    };
    walk(file);
    for (const unit of units) {
      const unitId = unit.attributes.id ?? '';
      unitIds.push(unitId);
      for (const segment of elements(unit, 'segment')) {
        const id = segment.attributes.id ?? '';
        if (!id) throw new XliffError(`unit \`${unitId}\`: a segment has no id; segments must keep the IDs they were exported with`, unitId);
        const numbers = id.slice(id.lastIndexOf('.') + 1);
        const source = elements(segment, 'source')[0];
        const target = elements(segment, 'target')[0];
        segments.push({
          unit: unitId,
          id,
          source: source ? codedOf(source, format, unitId, `${numbers}.`) : [],
          ...(target ? { target: codedOf(target, format, unitId, `${numbers}.`), targetLang: target.attributes['xml:lang'] } : {}),
          state: state(segment.attributes.state, unitId, id),
        });
      }
    }
  } else {
    const body = elements(file, 'body')[0];
    const walk = (node: Extract<XmlNode, { name: string }>, group: string) => {
      for (const child of elements(node)) {
        if (localName(child.name) === 'group') {
          unitIds.push(child.attributes.id ?? '');
          walk(child, child.attributes.id ?? '');
        }
        if (localName(child.name) !== 'trans-unit') continue;
        const id = child.attributes.id ?? '';
        const unitId = group || id.slice(0, id.lastIndexOf('.'));
        const source = elements(child, 'source')[0];
        const target = elements(child, 'target')[0];
        segments.push({
          unit: unitId,
          id,
          source: source ? codedOf(source, format, unitId, '') : [],
          ...(target ? { target: codedOf(target, format, unitId, ''), targetLang: target.attributes['xml:lang'] } : {}),
          state: target ? state(target.attributes.state, unitId, id) : 'initial',
        });
      }
    };
    if (body) walk(body, '');
  }
  return { format, original, sourceLang, targetLang, segments, units: unitIds };
}

/** The inline content of an imported segment, its codes looked up by ID; refuses lost, invented or repeated codes. */
function resolve(coded: readonly Coded[], codes: Map<string, Code>, unit: string, segment: string, used: Set<string>): Inline[] {
  return coded.map((item): Inline => {
    if (typeof item === 'string') return item.replace(/[\t\r\n]+/g, ' ');
    const id = item.id.startsWith('?') ? item.id.slice(1) : item.id;
    const code = item.id.startsWith('?') ? undefined : codes.get(id);
    if (!code) throw new XliffError(`unit \`${unit}\`: segment \`${segment}\` has an inline code \`${id}\` that the export did not have; a code cannot be invented`, unit);
    if (used.has(id)) throw new XliffError(`unit \`${unit}\`: segment \`${segment}\` has the inline code \`${id}\` twice; each code stands once`, unit);
    used.add(id);
    if (Boolean(item.children) !== Boolean(code.children)) throw new XliffError(`unit \`${unit}\`: segment \`${segment}\`: the code \`${id}\` was exported as ${code.children ? 'a pair around words' : 'a point'} and came back as ${item.children ? 'a pair' : 'a point'}`, unit);
    return { ...code, children: item.children ? resolve(item.children, codes, unit, segment, used) : undefined };
  });
}

const describe = (id: string, code: Code) =>
  code.kind === 'term' ? `the mention of \`${code.key}\` (\`${id}\`)` : code.kind === 'note' ? `the anchor of note \`${code.key}\` (\`${id}\`)` : code.kind === 'lb' ? `a line break between the lines of a split sentence (\`${id}\`)` : `the emphasis \`${id}\``;

/** Splits content at its top-level line breaks. */
function splitAtBreaks(inline: Inline[], unit: string, segment: string): Inline[][] {
  const lines: Inline[][] = [[]];
  for (const item of inline) {
    if (typeof item !== 'string' && item.kind === 'lb') lines.push([]);
    else lines[lines.length - 1].push(item);
  }
  const nested = (items: Inline[]): boolean => items.some((item) => typeof item !== 'string' && (item.kind === 'lb' || nested(item.children ?? [])));
  if (inline.some((item) => typeof item !== 'string' && item.kind !== 'lb' && nested(item.children ?? []))) {
    throw new XliffError(`unit \`${unit}\`: segment \`${segment}\`: a line break stands inside a mention, note anchor or emphasis`, unit);
  }
  return lines.map((line) => {
    const trimmed = mergeText(line);
    if (typeof trimmed[0] === 'string') trimmed[0] = trimmed[0].trimStart();
    const end = trimmed.length - 1;
    if (typeof trimmed[end] === 'string') trimmed[end] = (trimmed[end] as string).trimEnd();
    return trimmed.filter((item) => item !== '');
  });
}

export interface ImportResult {
  /** The new text of the translation. */
  text: string;
  /** Segment IDs whose line(s) changed, and segments whose state changed. */
  changed: string[];
  states: string[];
}

/**
 * Merges an imported XLIFF into the translation's current text: every unit and segment of the
 * translation must come back, once, with the same source and exactly the codes it was exported with.
 */
export function mergeXliff(parsed: ParsedXliff, source: MarkdownFile, target: MarkdownFile, paths: { source: string; target: string }): ImportResult {
  if (parsed.sourceLang !== source.lang) throw new XliffError(`the XLIFF's source language is \`${parsed.sourceLang}\`, but the source of the document (${paths.source}) is in \`${source.lang}\``);
  if (parsed.targetLang !== target.lang) throw new XliffError(`the XLIFF's target language is \`${parsed.targetLang}\`, but it comes back into ${paths.target}, which is in \`${target.lang}\``);
  const units = buildUnits(source, target, paths);
  const blockIds = new Set(units.map((unit) => unit.id));
  const seenUnits = new Set<string>();
  for (const unit of parsed.units) {
    if (seenUnits.has(unit)) throw new XliffError(`unit \`${unit}\` appears twice; each block is one unit`, unit);
    seenUnits.add(unit);
  }
  const imported = new Map<string, ImportedSegment>();
  for (const segment of parsed.segments) {
    if (!blockIds.has(segment.unit)) throw new XliffError(`unit \`${segment.unit}\` is not a block of ${paths.target}: is this the XLIFF of another document?`, segment.unit);
    if (imported.has(segment.id)) throw new XliffError(`unit \`${segment.unit}\`: segment \`${segment.id}\` appears twice`, segment.unit);
    if (segment.targetLang && segment.targetLang !== target.lang) throw new XliffError(`unit \`${segment.unit}\`: segment \`${segment.id}\`'s target is marked xml:lang="${segment.targetLang}", not \`${target.lang}\``, segment.unit);
    imported.set(segment.id, segment);
  }
  for (const unit of units) if (!seenUnits.has(unit.id)) throw new XliffError(`unit \`${unit.id}\` is missing; every block of ${paths.target} must come back`, unit.id);
  const lines = [...target.lines];
  const changed: string[] = [];
  const newStates: Record<string, SegmentState> = {};
  for (const unit of units) {
    for (const segment of unit.segments) {
      const found = imported.get(segment.id);
      if (!found) throw new XliffError(`unit \`${unit.id}\`: segment \`${segment.id}\` is missing; every segment of the export must come back`, unit.id);
      if (found.unit !== unit.id) throw new XliffError(`unit \`${found.unit}\`: segment \`${segment.id}\` belongs to unit \`${unit.id}\``, found.unit);
      const sourceCodes = collectCodes(segment.source, new Map());
      let sourceInline: Inline[];
      try {
        sourceInline = resolve(found.source, sourceCodes, unit.id, segment.id, new Set());
      } catch {
        throw new XliffError(`unit \`${unit.id}\`: segment \`${segment.id}\`: the source is not the document's (${paths.source}): is this the XLIFF of another document, or of an older text?`, unit.id);
      }
      if (!sameInline(sourceInline, resolve(segment.source, sourceCodes, unit.id, segment.id, new Set()))) {
        throw new XliffError(`unit \`${unit.id}\`: segment \`${segment.id}\`: the source differs from the document's (${paths.source}): is this the XLIFF of another document, or of an older text?`, unit.id);
      }
      const used = new Set<string>();
      const targetInline = mergeText(resolve(found.target ?? [], segment.codes, unit.id, segment.id, used));
      const empty = targetInline.every((item) => typeof item === 'string' && item.trim() === '');
      if (!empty) {
        const lost = [...segment.codes].filter(([id]) => !used.has(id));
        if (lost.length > 0) throw new XliffError(`unit \`${unit.id}\`: segment \`${segment.id}\` lost ${lost.map(([id, code]) => describe(id, code)).join(', ')}; every code must stay in the target`, unit.id);
      }
      if (empty && found.state !== 'initial') throw new XliffError(`unit \`${unit.id}\`: segment \`${segment.id}\` has no target but is marked ${found.state}`, unit.id);
      const defaultState: SegmentState = empty ? 'initial' : 'translated';
      if (found.state !== defaultState) newStates[segment.id] = found.state;
      const pieces = empty ? segment.group.lines.map((): Inline[] => []) : splitAtBreaks(targetInline, unit.id, segment.id);
      segment.group.lines.forEach((line, index) => {
        const piece = pieces[index];
        if (!empty && piece.length === 0) throw new XliffError(`unit \`${unit.id}\`: segment \`${segment.id}\`: line ${index + 1} of the sentence is empty`, unit.id);
        const keep = empty ? line.untranslated : !line.untranslated && sameInline(piece, line.inline);
        if (keep) return;
        const { prefix, suffix } = lineFrame(lines[line.index]);
        lines[line.index] = `${prefix}${empty ? ':untranslated' : writeInline(piece)}${suffix}`;
        if (!changed.includes(segment.id)) changed.push(segment.id);
      });
    }
  }
  const stateChanges = [...new Set([...Object.keys(target.states), ...Object.keys(newStates)])].filter((id) => target.states[id] !== newStates[id]);
  const written = stateChanges.length > 0 ? writeStates(lines, target, newStates) : { lines, endings: target.endings };
  const text = written.lines.map((line, index) => line + (written.endings[index] ?? '')).join('');
  // What was written must read back as what was meant: the same lines, the same content.
  const check = readMarkdownFile(text, paths.target);
  if (check.blocks.length !== target.blocks.length) throw new XliffError(`${paths.target}: the imported text does not keep the blocks (please report this)`);
  for (const unit of units) {
    const groups = lineGroups(check.blocks.find((item) => item.id === unit.id) ?? { id: unit.id, kind: 'paragraph', lines: [] });
    for (const segment of unit.segments) {
      const back = groups.find((group) => group.id === segment.id);
      const found = imported.get(segment.id);
      const meant = mergeText(resolve(found?.target ?? [], segment.codes, unit.id, segment.id, new Set()));
      const meantLines = meant.every((item) => typeof item === 'string' && item.trim() === '') ? [] : splitAtBreaks(meant, unit.id, segment.id);
      const wrote = back?.lines.every((line) => line.untranslated) ? [] : (back?.lines.map((line) => line.inline) ?? [[]]);
      if (!back || wrote.length !== meantLines.length || wrote.some((line, index) => !sameInline(line, meantLines[index]))) {
        throw new XliffError(`unit \`${unit.id}\`: segment \`${segment.id}\`: its target cannot be written as Markdown that reads back the same (please report this)`, unit.id);
      }
    }
  }
  return { text, changed, states: stateChanges };
}

/** The front matter with `states` replaced (in place) or added before its closing `---`, or removed when empty. */
function writeStates(lines: string[], target: MarkdownFile, states: Record<string, SegmentState>): { lines: string[]; endings: string[] } {
  const end = target.frontMatterEnd;
  const head = lines.slice(0, end);
  const start = head.findIndex((line) => /^states:/.test(line));
  let at = end;
  if (start >= 0) {
    let stop = start + 1;
    while (stop < end && /^[ \t]/.test(head[stop])) stop++;
    head.splice(start, stop - start);
    at = start;
  }
  const entries = Object.entries(states);
  const block = entries.length > 0 ? ['states:', ...entries.map(([id, state]) => `  ${id}: ${state}`)] : [];
  head.splice(Math.min(at, head.length), 0, ...block);
  // Line endings follow the lines: those of the front matter take the file's first.
  const ending = target.endings[0] || '\n';
  return { lines: [...head, ...lines.slice(end)], endings: [...head.map(() => ending), ...target.endings.slice(end)] };
}
