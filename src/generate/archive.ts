/**
 * A generated test archive: N documents shaped like the real ones (a Russian source, Japanese and
 * English translations sentence for sentence, mentions of glossary entries, now and then a note),
 * and the glossary of the entries they mention, drawn from a larger universe of generated persons,
 * places, bodies and topics. Pure and deterministic: the same seed gives the same bytes, and
 * document i is the same whatever N is (so N + 1 documents are N and one more, for the incremental
 * build). `writeArchive` in `write.ts` puts it on disk; `npm run generate` is its command.
 */
import { stringify } from 'yaml';
import type { Language } from '../model/languages';
import { documentTypes } from '../model/schema';
import {
  japaneseFamily,
  japaneseGiven,
  ministries,
  monthsEn,
  monthsRu,
  places,
  russianFamily,
  russianGiven,
  states,
  topics,
  type Trilingual,
} from './names';

export interface GenerateOptions {
  /** How many documents. */
  docs: number;
  /** The seed: the same seed gives the same archive (default 1). */
  seed?: number;
  /**
   * The length of the first real document, in characters of its source text (notes and front matter
   * left out); generated documents run from a third of it to three times it. Default 3,000.
   */
  baseLength?: number;
  /** Share of documents with one translation left out (default 0.15: 15 %). */
  missingTranslationShare?: number;
  /**
   * Share of translated paragraphs written as `:untranslated` lines (default 0). Untranslated drafts
   * are read by the pipeline from issue 20 (item 3); until then leave this at 0, and the missing
   * translations are whole files left out.
   */
  untranslatedShare?: number;
  /**
   * How many entries of each kind (persons, places, ministries, topics) the documents draw from: the
   * first of each list of the universe (default: all of them, about 900 entries in all). Fewer make a
   * small archive whose names recur, so that a few documents give a name more than one page of them.
   */
  entries?: number;
}

type Kind = 'person' | 'place' | 'organisation' | 'concept';

/** A generated glossary entry, as glossary.yaml writes it. */
export interface GeneratedEntry {
  id: string;
  kind: Kind;
  names: Record<Language, string>;
  description: Record<Language, string>;
}

export interface GeneratedDocument {
  slug: string;
  /** The text of each language file: `ru` always (the source), `ja` and `en` unless left out. */
  files: Partial<Record<Language, string>>;
  /** Every glossary entry the document names (participants, mentions). */
  entries: string[];
}

const descriptions: Record<Kind, Record<Language, string>> = {
  person: {
    ru: 'Вымышленное лицо сгенерированного тестового архива.',
    ja: '生成されたテスト用アーカイブの架空の人物。',
    en: 'A fictitious person of a generated test archive.',
  },
  place: {
    ru: 'Город, упоминаемый в сгенерированном тестовом архиве.',
    ja: '生成されたテスト用アーカイブに登場する都市。',
    en: 'A city named in a generated test archive.',
  },
  organisation: {
    ru: 'Ведомство, упоминаемое в сгенерированном тестовом архиве; его документы вымышлены.',
    ja: '生成されたテスト用アーカイブに登場する省庁。その文書は架空のものである。',
    en: 'A ministry named in a generated test archive; its documents are fictitious.',
  },
  concept: {
    ru: 'Тема документов сгенерированного тестового архива.',
    ja: '生成されたテスト用アーカイブの文書の主題。',
    en: 'A topic of the documents of a generated test archive.',
  },
};

const entry = (id: string, kind: Kind, [ru, ja, en]: Trilingual): GeneratedEntry => ({ id, kind, names: { ru, ja, en }, description: descriptions[kind] });

const slugPart = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The universe the documents draw from, in a fixed order (the first of each list are the most often met). */
export interface GlossaryUniverse {
  persons: GeneratedEntry[];
  places: GeneratedEntry[];
  organisations: GeneratedEntry[];
  topics: GeneratedEntry[];
}

/**
 * Persons interleave Russian and Japanese names; every given name meets every family name once.
 * `entries`: keep only the first that many of each kind (`GenerateOptions.entries`).
 */
export function glossaryUniverse(entries?: number): GlossaryUniverse {
  const persons: GeneratedEntry[] = [];
  for (let round = 0; round < russianGiven.length * russianFamily.length; round++) {
    const [rg, rf] = [russianGiven[round % russianGiven.length], russianFamily[(round + Math.floor(round / russianFamily.length)) % russianFamily.length]];
    persons.push(entry(`${slugPart(rf[2])}-${slugPart(rg[2])}`, 'person', [`${rg[0]} ${rf[0]}`, `${rg[1]}・${rf[1]}`, `${rg[2]} ${rf[2]}`]));
    const [jg, jf] = [japaneseGiven[round % japaneseGiven.length], japaneseFamily[(round + Math.floor(round / japaneseFamily.length)) % japaneseFamily.length]];
    persons.push(entry(`${slugPart(jf[2])}-${slugPart(jg[2])}`, 'person', [`${jg[0]} ${jf[0]}`, `${jf[1]}${jg[1]}`, `${jg[2]} ${jf[2]}`]));
  }
  const organisations: GeneratedEntry[] = [];
  for (const [stateSlug, ruState, jaState, enState] of states) {
    for (const [ministrySlug, ru, ja, en] of ministries) {
      organisations.push(entry(`${ministrySlug}-${stateSlug}`, 'organisation', [`${ru} ${ruState}`, `${jaState}${ja}`, `${en} ${enState}`]));
    }
  }
  const first = <T>(list: T[]) => (entries === undefined ? list : list.slice(0, entries));
  return {
    persons: first(persons),
    places: first(places.map((names) => entry(slugPart(names[2]), 'place', names))),
    organisations: first(organisations),
    topics: first(topics.map((names) => entry(slugPart(names[2]), 'concept', names))),
  };
}

/** mulberry32: a small, fast, well-mixed 32-bit generator. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The generator of document `index` of archive `seed`: independent of the number of documents. */
function documentRandom(seed: number, index: number): () => number {
  return random(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index, 0xc2b2ae35));
}

/** Picks skewed to the front of a list: a few entries are met in many documents, most in few. */
function skewed<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * next() * list.length)];
}

/**
 * Picks persons more skewed still: of hundreds, the first few take part in a tenth of the documents
 * each, as a foreign minister does in an archive of one ministry.
 */
function prominent<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * next() * next() * list.length)];
}

function distinct<T>(next: () => number, list: readonly T[], count: number, pick = skewed): T[] {
  const chosen = new Set<T>();
  while (chosen.size < Math.min(count, list.length)) chosen.add(pick(next, list));
  return [...chosen];
}

const uniform = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)];
const between = (next: () => number, low: number, high: number) => low + Math.floor(next() * (high - low + 1));

/** The first and last day of the 30 years the documents are dated in. */
const firstDay = Date.UTC(1995, 0, 1);
const lastDay = Date.UTC(2024, 11, 31);

/** One line (a sentence) or heading text in each language. */
type Line = Record<Language, string>;

const term = (entry: GeneratedEntry, language: Language, label = entry.names[language]) => `:term[${label}]{ref=${entry.id}}`;
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const titleCase = (text: string) => text.replace(/(^|[\s-])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
const fullWidth = (number: number) => String(number).replace(/[0-9]/g, (digit) => String.fromCharCode(0xff10 + Number(digit)));

/** A list of names: «A, B и C», 「A、B及びC」, "A, B, and C". */
function nameList(names: string[], language: Language): string {
  if (names.length === 1) return names[0];
  const last = names[names.length - 1];
  const rest = names.slice(0, -1);
  if (language === 'ru') return `${rest.join(', ')} и ${last}`;
  if (language === 'ja') return `${rest.join('、')}及び${last}`;
  return names.length === 2 ? `${rest[0]} and ${last}` : `${rest.join(', ')}, and ${last}`;
}

/** What a document is about: the entries its sentences name. */
interface Cast {
  participants: GeneratedEntry[];
  venue: GeneratedEntry;
  places: GeneratedEntry[];
  issuer: GeneratedEntry;
  organisations: GeneratedEntry[];
  topics: GeneratedEntry[];
}

type Sentence = (next: () => number, cast: Cast, named: Set<string>) => Line;

const mention = (named: Set<string>, entry: GeneratedEntry) => {
  named.add(entry.id);
  return { ru: term(entry, 'ru'), ja: term(entry, 'ja'), en: term(entry, 'en') };
};

/** Sentences of a paragraph, in the three languages, sentence for sentence. */
const sentences: readonly Sentence[] = [
  (next, cast, named) => {
    const p = mention(named, uniform(next, cast.participants));
    return { ru: `Участие в обсуждении принимает ${p.ru}.`, ja: `${p.ja}が議論に参加しました。`, en: `${p.en} took part in the discussion.` };
  },
  (next, cast, named) => {
    const [a, b] = distinct(next, cast.participants, 2, uniform).map((person) => mention(named, person));
    if (!b) return { ru: `Переговоры провел ${a.ru}.`, ja: `${a.ja}が会談を行いました。`, en: `${a.en} held talks.` };
    return { ru: `Переговоры провели ${a.ru} и ${b.ru}.`, ja: `${a.ja}と${b.ja}が会談を行いました。`, en: `${a.en} and ${b.en} held talks.` };
  },
  (next, cast, named) => {
    const t = mention(named, uniform(next, cast.topics));
    return { ru: `Стороны обменялись мнениями по теме: ${t.ru}.`, ja: `双方は、${t.ja}について意見交換を行いました。`, en: `The sides exchanged views on ${t.en}.` };
  },
  (next, cast, named) => {
    const t = mention(named, uniform(next, cast.topics));
    return { ru: `Особое внимание было уделено теме: ${t.ru}.`, ja: `特に${t.ja}に焦点が当てられました。`, en: `Particular attention was paid to ${t.en}.` };
  },
  (next, cast, named) => {
    const l = mention(named, uniform(next, [cast.venue, ...cast.places]));
    return { ru: `Следующая встреча состоится в городе ${l.ru}.`, ja: `次回の会合は${l.ja}で開催される予定です。`, en: `The next meeting will be held in ${l.en}.` };
  },
  (next, cast, named) => {
    const o = mention(named, uniform(next, [cast.issuer, ...cast.organisations]));
    return { ru: `Заявление по этому вопросу опубликовало ведомство: ${o.ru}.`, ja: `${o.ja}は、この件に関する声明を発表しました。`, en: `The ${o.en} published a statement on this matter.` };
  },
  () => ({ ru: 'Стороны договорились продолжить диалог на всех уровнях.', ja: '双方は、あらゆるレベルで対話を継続することで一致しました。', en: 'The sides agreed to continue the dialogue at all levels.' }),
  () => ({ ru: 'Стороны подчеркнули важность регулярных консультаций.', ja: '双方は、定期的な協議の重要性を強調しました。', en: 'The sides stressed the importance of regular consultations.' }),
  () => ({ ru: 'Было отмечено, что сотрудничество в этой области развивается последовательно.', ja: 'この分野における協力が着実に進展していることが確認されました。', en: 'It was noted that cooperation in this area is developing steadily.' }),
  () => ({ ru: 'Стороны обсудили планы на текущий год, включая совместные учения.', ja: '双方は、共同訓練を含む本年の計画について協議しました。', en: 'The sides discussed their plans for the current year, including joint exercises.' }),
  () => ({
    ru: 'Стороны обменялись мнениями о положении в регионе и выразили готовность к дальнейшим контактам.',
    ja: '双方は、地域情勢について意見交換を行い、更なる接触への用意を表明しました。',
    en: 'The sides exchanged views on the situation in the region and expressed their readiness for further contacts.',
  }),
];

interface Block {
  id: string;
  level: 0 | 1 | 2;
  lines: Line[];
}

const noteId = 'generated-record';
const noteBodies: Line = {
  ru: 'Этот документ создан генератором тестовых архивов; его участники, даты и слова вымышлены.',
  ja: '本文書はテスト用アーカイブの生成プログラムが作成したものであり、参加者、日付及び文言は架空である。',
  en: 'This document was made by the test-archive generator; its participants, dates, and words are fictitious.',
};

const translatorOf: Record<'ja' | 'en', { translator: string; method: string }> = {
  ja: { translator: '本版編集部', method: 'テスト用アーカイブのために生成プログラムが作成した非公式訳である。' },
  en: { translator: 'Diplomatic Records Reader editors', method: 'An unofficial translation made for a test archive by its generator.' },
};

/** The directive that stands for a sentence not yet translated (issue 20, item 3). */
export const untranslatedLine = ':untranslated';

/** Characters of a source text as the length of documents is measured: the body, without notes. */
export function textLength(source: string): number {
  const body = source.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '').replace(/^:::note[\s\S]*?^:::[ \t]*$/gm, '');
  return body.replace(/\s+/g, ' ').trim().length;
}

/** Document `index` (1-based) of the archive of `seed`. */
export function generateDocument(index: number, universe: GlossaryUniverse, options: GenerateOptions): GeneratedDocument {
  const seed = options.seed ?? 1;
  const next = documentRandom(seed, index);
  const day = new Date(firstDay + Math.floor(next() * ((lastDay - firstDay) / 86_400_000 + 1)) * 86_400_000);
  const [year, month, date] = [day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()];
  const iso = day.toISOString().slice(0, 10);
  const slug = `${iso}-record-${String(index).padStart(5, '0')}`;
  const cast: Cast = {
    participants: distinct(next, universe.persons, between(next, 2, 5), prominent),
    venue: skewed(next, universe.places),
    places: distinct(next, universe.places, between(next, 0, 2)),
    issuer: skewed(next, universe.organisations),
    organisations: distinct(next, universe.organisations, between(next, 0, 1)),
    topics: distinct(next, universe.topics, between(next, 1, 3)),
  };
  const type = skewed(next, documentTypes);
  const named = new Set<string>();
  const withNote = next() < 0.3;
  const mainTopic = mention(named, cast.topics[0]);
  const venue = mention(named, cast.venue);
  const participants = cast.participants.map((person) => mention(named, person));
  const anchor = (label: string) => (withNote ? `:note[${label}]{ref=${noteId}}` : label);
  const blocks: Block[] = [
    {
      id: 'title',
      level: 1,
      lines: [{ ru: `Итоги консультаций по теме «${term(cast.topics[0], 'ru', capitalized(cast.topics[0].names.ru))}»`, ja: `${mainTopic.ja}に関する協議の結果`, en: `Outcome of Consultations on ${term(cast.topics[0], 'en', titleCase(cast.topics[0].names.en))}` }],
    },
    { id: 'dateline', level: 0, lines: [{ ru: `(${date} ${monthsRu[month]} ${year} года, ${venue.ru})`, ja: `（${year}年${month + 1}月${date}日、${venue.ja}）`, en: `(${monthsEn[month]} ${date}, ${year}, ${venue.en})` }] },
    {
      id: 'intro-p1',
      level: 0,
      lines: [
        {
          ru: `В ${anchor('консультациях')} приняли участие ${nameList(participants.map((p) => p.ru), 'ru')}.`,
          ja: `${anchor('協議')}には、${nameList(participants.map((p) => p.ja), 'ja')}が参加しました。`,
          en: `${nameList(participants.map((p) => p.en), 'en')} took part in the ${anchor('consultations')}.`,
        },
      ],
    },
  ];
  const target = (options.baseLength ?? 3000) * 3 ** (2 * next() - 1);
  let length = 0;
  const counted = (line: Line) => {
    length += line.ru.length + 1;
    return line;
  };
  blocks.forEach((block) => block.lines.forEach(counted));
  for (let section = 1; length < target || section === 1; section++) {
    const topic = mention(named, cast.topics[(section - 1) % cast.topics.length]);
    blocks.push({ id: `s${section}`, level: 2, lines: [counted({ ru: `${section}. Обсуждение темы: ${topic.ru}`, ja: `${fullWidth(section)}　${topic.ja}について`, en: `${section}. Discussion of ${topic.en}` })] });
    const paragraphs = between(next, 1, 3);
    for (let paragraph = 1; paragraph <= paragraphs && (paragraph === 1 || length < target); paragraph++) {
      const lines = Array.from({ length: between(next, 1, 4) }, () => counted(uniform(next, sentences)(next, cast, named)));
      blocks.push({ id: `s${section}-p${paragraph}`, level: 0, lines });
    }
  }
  const untranslated = options.untranslatedShare ?? 0;
  const missing = next() < (options.missingTranslationShare ?? 0.15) ? uniform(next, ['ja', 'en'] as const) : undefined;
  const files: Partial<Record<Language, string>> = {};
  for (const language of ['ru', 'ja', 'en'] as const) {
    if (language === missing) continue;
    const frontMatter = {
      title: plainTitle(cast, language),
      date: iso,
      place: cast.venue.names[language],
      lang: language,
      role: language === 'ru' ? 'source' : 'translation',
      participants: cast.participants.map((person) => person.id),
      // What a reader browses by, in the source file only (src/model/facets.ts).
      ...(language === 'ru'
        ? { type, venue: cast.venue.id, issuedBy: cast.issuer.id, organisations: [...new Set([cast.issuer, ...cast.organisations].map((body) => body.id))], topics: cast.topics.map((topic) => topic.id) }
        : {}),
      provenance: language === 'ru' ? { issuer: cast.issuer.names.ru, official: true } : { issuer: cast.issuer.names[language], official: false, ...translatorOf[language] },
    };
    const body = blocks.map((block) => {
      // A translated paragraph left untranslated, when asked for (never a heading, the title or the dateline).
      const lines = language !== 'ru' && block.level === 0 && block.id.startsWith('s') && next() < untranslated ? block.lines.map(() => untranslatedLine) : block.lines.map((line) => line[language]);
      const marks = block.level === 0 ? '' : `${'#'.repeat(block.level)} `;
      return `${marks}${lines.join('\n')} {#${block.id}}`;
    });
    const note = withNote ? [`:::note{#${noteId} kind=editorial}\n${noteBodies[language]}\n:::`] : [];
    files[language] = `---\n${stringify(frontMatter, { lineWidth: 0 })}---\n\n${[...body, ...note].join('\n\n')}\n`;
  }
  const organisations = [cast.issuer, ...cast.organisations].map((body) => body.id);
  // Every entry the front matter names (participants, venue, issuer, organisations, topics) is in the glossary, named in the text or not.
  const fields = [...cast.participants, cast.venue, ...cast.topics].map((entry) => entry.id);
  return { slug, files, entries: [...new Set([...fields, ...organisations, ...named])] };
}

/** The title of the front matter, in plain text. */
function plainTitle(cast: Cast, language: Language): string {
  const topic = cast.topics[0].names;
  if (language === 'ru') return `Итоги консультаций по теме «${capitalized(topic.ru)}» (${cast.venue.names.ru})`;
  if (language === 'ja') return `${topic.ja}に関する協議の結果（${cast.venue.names.ja}）`;
  return `Outcome of Consultations on ${titleCase(topic.en)} (${cast.venue.names.en})`;
}

/** The glossary of the generated archive: the entries its documents name, as glossary.yaml. */
export function glossaryYaml(universe: GlossaryUniverse, used: ReadonlySet<string>): string {
  const entries = [...universe.persons, ...universe.places, ...universe.organisations, ...universe.topics].filter((entry) => used.has(entry.id));
  entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const glossary = Object.fromEntries(entries.map(({ id, kind, names, description }) => [id, { kind, names, description }]));
  return `# A generated test archive's glossary (npm run generate): every entry is fictitious.\n\n${stringify(glossary, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}
