/**
 * Sentences at import: the importer writes each paragraph one sentence a line (docs/content-format.md
 * "Sentences"), so that a translator starts from the lines the validator will number.
 *
 * A sentence ends at `.`, `!`, `?` or `…` (Russian, English) or `。`, `！`, `？` (Japanese), with the
 * closing quotes and brackets that follow it, where the next sentence starts: in Russian and English
 * after exactly one space and before a letter that is not lower case, a digit, or an opening quote or
 * bracket; in Japanese right after the mark, with no space (a closing bracket after the mark ends a
 * quotation, not the sentence: `「…。」と述べました`). It does not end
 *
 * - after an initial (`Т. Коно`, `С. В. Лавров`, `U.S.`: one capital letter before the dot);
 * - after an abbreviation that does not end sentences (`Mr.`, `No.`, `г. Москва`, `т.е.`, `e.g.`; the
 *   lists are below); `г.` after a number (`в 2019 г.`) is a year and may end one;
 * - after a number that is all the sentence would hold (`2019. Год …`, `1. …`);
 * - inside a quotation or a bracket that closes in the same paragraph («…», “…”, „…“, "…", 「…」, 『…』,
 *   (…), （…）, […]): a quoted sentence stays in the sentence that quotes it.
 *
 * Lines are cut only where the pipeline joins them back into the same text (one space between the
 * sentences of a Russian or English block, none in Japanese), so that the paragraph the reader gets is
 * the paragraph received, character for character: `lines.join(separator) === text`.
 *
 * Why not `Intl.Segmenter` alone: ICU's sentence rules break after every initial and abbreviation
 * followed by a capital (`Т. | Коно`, `Mr. | Smith`, `U.S. | Department`), inside quotations
 * (`«Мы рады. | Очень.»`), and in Japanese leave an opening bracket at the end of the sentence before
 * it (`一致しました。（ | 注。）`); the rules above are the ones those cases need.
 */
import type { Language } from '../model/languages';

/** What the pipeline sets between two sentence lines of a block: a space, or nothing in Japanese. */
export function sentenceSeparator(lang: Language): string {
  return lang === 'ja' ? '' : ' ';
}

const terminators: Record<Language, RegExp> = {
  ru: /[.!?…]/u,
  en: /[.!?…]/u,
  ja: /[。！？!?]/u,
};

/** Opening and closing marks of quotations and brackets. `"` and `“` depend on the context (below). */
const pairs: Record<string, string> = {
  '(': ')',
  '（': '）',
  '[': ']',
  '［': '］',
  '«': '»',
  '„': '“',
  '“': '”',
  '‘': '’',
  '「': '」',
  '『': '』',
  '【': '】',
  '〈': '〉',
  '《': '》',
  '〔': '〕',
};
const closers = new Set([...Object.values(pairs), '"']);

/** Abbreviations after which no sentence ends (compared in lower case, without their final dot). */
const neverFinal: Record<Language, ReadonlySet<string>> = {
  en: new Set([
    'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'gen', 'lt', 'col', 'sgt', 'capt', 'adm', 'gov', 'sen', 'rep', 'amb', 'hon', 'rev',
    'no', 'nos', 'art', 'arts', 'para', 'paras', 'vol', 'p', 'pp', 'fig', 'vs', 'cf', 'approx', 'e.g', 'i.e', 'viz', 'ca',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  ]),
  ru: new Set([
    'т.е', 'т.к', 'т.н', 'т.ч', 'напр', 'см', 'ср', 'ок', 'им', 'ул', 'д', 'стр', 'с', 'г-н', 'г-жа', 'гр', 'проф', 'акад', 'ген',
    'зам', 'пос', 'обл', 'р', 'гл', 'п', 'пп', 'ст', 'ч', 'рис', 'табл', 'англ', 'яп', 'рус', 'кит', 'лат', 'тыс', 'млн', 'млрд',
    'руб', 'долл', 'т', 'вв', 'в', 'no',
  ]),
  ja: new Set(),
};

/** The word (letters, dots and inner hyphens) that ends `text` before its final dot, in lower case. */
function wordBeforeDot(text: string): string {
  return (/[\p{L}.-]*$/u.exec(text.slice(0, -1))?.[0] ?? '').replace(/^[.-]+/u, '').toLowerCase();
}

/** Whether the dot that ends `text` belongs to an initial or an abbreviation after which no sentence ends. */
function endsInAbbreviation(text: string, lang: Language): boolean {
  if (!text.endsWith('.')) return false;
  const raw = /[\p{L}.-]*$/u.exec(text.slice(0, -1))?.[0] ?? '';
  // An initial: one capital letter (`Т.`, `S.` of `U.S.`).
  if (/(?:^|[.\s])\p{Lu}$/u.test(raw) || /^\p{Lu}$/u.test(raw)) return true;
  // A listed abbreviation (`т.е.`, `Mr.`), not the end of a number (`1st.`).
  const word = wordBeforeDot(text);
  const before = text.slice(0, -1 - raw.length);
  if (neverFinal[lang].has(word) && !/[0-9]$/u.test(before)) return true;
  if (lang === 'ru' && word === 'г') {
    // `в 2019 г.` is a year and may end a sentence; `г. Москва` is a city and does not.
    return !/[0-9]\s*г\.$/u.test(text);
  }
  return false;
}

/**
 * Which offsets of `text` lie strictly inside a quotation or bracket that closes in it (after its
 * opening mark, up to its closing mark). A mark that is never closed (a stray `(`) protects nothing.
 */
function enclosed(text: string): (offset: number) => boolean {
  const depth = new Int32Array(text.length + 2);
  for (const [start, end] of enclosedSpans(text)) {
    depth[start + 1] += 1;
    depth[end] -= 1;
  }
  for (let i = 1; i < depth.length; i++) depth[i] += depth[i - 1];
  return (offset) => depth[offset] > 0;
}

/** The spans of the quotations and brackets of `text` that close in it: [start, end) of each, the marks included. */
function enclosedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const stack: Array<{ close: string; at: number }> = [];
  const chars = [...text];
  let offset = 0;
  for (const char of chars) {
    const top = stack.at(-1);
    if (top && char === top.close) {
      stack.pop();
      spans.push([top.at, offset + char.length]);
    } else if (char === '"') {
      stack.push({ close: '"', at: offset });
    } else if (pairs[char]) {
      stack.push({ close: pairs[char], at: offset });
    } else if (closers.has(char)) {
      // A closer that closes an outer mark closes the marks opened inside it that never closed.
      const index = stack.findLastIndex((open) => open.close === char);
      if (index >= 0) {
        spans.push([stack[index].at, offset + char.length]);
        stack.length = index;
      }
    }
    offset += char.length;
  }
  return spans;
}

/** Where the next sentence may start after a sentence's end in Russian and English. */
const startsSentence = /^[\p{Lu}\p{Lt}\p{N}«„“"‘'(\[—–-]/u;

/**
 * The sentences of a paragraph's text, as lines: `lines.join(sentenceSeparator(lang))` is `text`.
 * A text with no sentence end inside it is one line.
 */
export function splitSentences(text: string, lang: Language): string[] {
  const inside = enclosed(text);
  const separator = sentenceSeparator(lang);
  const terminator = terminators[lang];
  const lines: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    if (!terminator.test(text[i])) {
      i += 1;
      continue;
    }
    // The end of the sentence: its marks, then any closing quotes and brackets.
    let end = i + 1;
    while (end < text.length && terminator.test(text[end])) end += 1;
    while (end < text.length && closers.has(text[end])) end += 1;
    i = end;
    const rest = text.slice(end);
    const cut = end + separator.length;
    if (!rest.startsWith(separator) || cut >= text.length) continue;
    const next = text.slice(cut);
    if (lang === 'ja' ? /^[\s、，。]/u.test(next) : !startsSentence.test(next) || /^\s/u.test(next)) continue;
    // In Japanese a quotation that ends with its own 。 goes on in the sentence that quotes it (「…。」と述べた).
    if (lang === 'ja' && !terminator.test(text[end - 1])) continue;
    const sentence = text.slice(start, end);
    if (inside(end)) continue;
    if (lang !== 'ja' && endsInAbbreviation(sentence, lang)) continue;
    // A number alone is a numbering or a year that starts the paragraph (`2019. Год …`), not a sentence.
    if (!/\p{L}/u.test(sentence)) continue;
    // A period between digits is a decimal or an ordinal point, not an end (`1.5`, `30.05.2019`).
    if (lang !== 'ja' && text[end - 1] === '.' && /[0-9]$/u.test(text.slice(0, end - 1)) && /^[0-9]/u.test(next)) continue;
    lines.push(sentence);
    start = cut;
  }
  lines.push(text.slice(start));
  return lines;
}
