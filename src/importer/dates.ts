/**
 * Date lines of official releases, in the forms the ministries print them:
 *
 * - Russian: `(30 мая 2019 года, Токио)`, `30 мая 2019 г.`, `Токио, 30 мая 2019 года`;
 * - Japanese: `令和元年5月30日`, `平成31年4月30日`, `2019年5月30日`, `（２０１９年５月３０日、東京）`,
 *   `令和元年五月三十日（木）`, with ASCII, full-width or kanji numerals, `元年` for the first year of an era;
 * - English: `May 30, 2019`, `30 May 2019`, `Tokyo, May 30, 2019`, `Thursday, May 30, 2019`;
 * - numeric: `2019-05-30`, and `30.05.2019` (day first, as in Russian), possibly with a time (`18:05`).
 *
 * A date line holds the date and, optionally, a place and a weekday; anything more and it is not a date
 * line. The date becomes `YYYY-MM-DD`, the place is kept as written.
 */

/** A date line as read: the date in ISO form and the place as written, if the line names one. */
export interface Dateline {
  date: string;
  place?: string;
}

/** A line that is shaped like a date line but whose date does not exist (31 June, 令和 before 1 May 2019). */
export interface BadDateline {
  problem: string;
}

interface Era {
  /** The first day of the era. */
  start: string;
  /** The last day of the era, if it has ended. */
  end?: string;
}

/** The eras of modern Japan: Gregorian year = first year of the era − 1 + era year (元年 is year 1). */
const eras: Record<string, Era> = {
  昭和: { start: '1926-12-25', end: '1989-01-07' },
  平成: { start: '1989-01-08', end: '2019-04-30' },
  令和: { start: '2019-05-01' },
};

const russianMonths = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const englishMonths = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const digits = '[0-9０-９]+';
const kanjiNumber = '[〇一二三四五六七八九十]+';
const jaNumber = `(?:${digits}|${kanjiNumber})`;
/** Not preceded or followed by a letter or digit: `\b` does not work outside ASCII. */
const edge = { before: '(?<![\\p{L}\\p{N}])', after: '(?![\\p{L}\\p{N}])' };
const englishMonth = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const ordinal = '(?:st|nd|rd|th)?';

interface DateMatch {
  index: number;
  length: number;
  /** The date as written. */
  written: string;
  year: number;
  month: number;
  day: number;
  era?: string;
}

type Reader = (match: RegExpExecArray) => Omit<DateMatch, 'index' | 'length' | 'written'>;

const forms: Array<[RegExp, Reader]> = [
  [
    new RegExp(`${edge.before}([0-9]{1,2})\\s+(${russianMonths.join('|')})\\s+([0-9]{4})(?:\\s*(?:года|г\\.))?${edge.after}`, 'iu'),
    (m) => ({ day: Number(m[1]), month: russianMonths.indexOf(m[2].toLowerCase()) + 1, year: Number(m[3]) }),
  ],
  [
    new RegExp(`(?:(${Object.keys(eras).join('|')})\\s*(元|${jaNumber})|(${jaNumber}))\\s*年\\s*(${jaNumber})\\s*月\\s*(${jaNumber})\\s*日`, 'u'),
    (m) => {
      const era = m[1];
      const year = era ? Number(eras[era].start.slice(0, 4)) - 1 + japaneseNumber(m[2]) : japaneseNumber(m[3]);
      return { year, month: japaneseNumber(m[4]), day: japaneseNumber(m[5]), era };
    },
  ],
  [
    new RegExp(`${edge.before}([0-9]{4})-([0-9]{2})-([0-9]{2})${edge.after}`, 'u'),
    (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }),
  ],
  [
    new RegExp(`${edge.before}([0-9]{1,2})\\.([0-9]{1,2})\\.([0-9]{4})${edge.after}`, 'u'),
    (m) => ({ day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) }),
  ],
  [
    new RegExp(`${edge.before}${englishMonth}\\s+([0-9]{1,2})${ordinal},?\\s+([0-9]{4})${edge.after}`, 'iu'),
    (m) => ({ month: englishMonthNumber(m[1]), day: Number(m[2]), year: Number(m[3]) }),
  ],
  [
    new RegExp(`${edge.before}([0-9]{1,2})${ordinal}\\s+${englishMonth},?\\s+([0-9]{4})${edge.after}`, 'iu'),
    (m) => ({ day: Number(m[1]), month: englishMonthNumber(m[2]), year: Number(m[3]) }),
  ],
];

const weekdayBefore = /(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье)\.?[\s,]*$/iu;
const weekdayAfter = /^\s*[（(][月火水木金土日](?:曜日?)?[）)]/u;
/** A time of day after the date (`30.05.2019 18:05`, `May 30, 2019, 2:15 p.m.`, `令和元年5月30日午後3時`). */
const timeAfter = /^[\s,，、]*(?:[0-9]{1,2}:[0-9]{2}(?:\s*[ap]\.?m\.?)?|(?:午前|午後)?[0-9０-９]{1,2}時(?:[0-9０-９]{1,2}分|半)?)/iu;
const separators = /[\s,，、]+/u;

/** The value of a Japanese number: ASCII or full-width digits, kanji numerals (三十一, 二〇一九), 元 (1). */
export function japaneseNumber(written: string): number {
  if (written === '元') return 1;
  const ascii = written.replace(/[０-９]/gu, (digit) => String(digit.charCodeAt(0) - 0xff10));
  if (/^[0-9]+$/.test(ascii)) return Number(ascii);
  const kanji = '〇一二三四五六七八九';
  const ten = written.indexOf('十');
  if (ten === -1) return Number([...written].map((char) => kanji.indexOf(char)).join(''));
  const tens = ten === 0 ? 1 : kanji.indexOf(written[ten - 1]);
  const units = ten === written.length - 1 ? 0 : kanji.indexOf(written[ten + 1]);
  return tens * 10 + units;
}

function englishMonthNumber(written: string): number {
  const stem = written.toLowerCase().replace(/\.$/, '').slice(0, 3);
  return englishMonths.findIndex((month) => month.startsWith(stem)) + 1;
}

/** The first date written in `text`, in any of the forms above. */
export function findDate(text: string): DateMatch | undefined {
  let found: DateMatch | undefined;
  for (const [pattern, read] of forms) {
    const match = pattern.exec(text);
    if (match && (!found || match.index < found.index)) {
      found = { index: match.index, length: match[0].length, written: match[0], ...read(match) };
    }
  }
  return found;
}

const iso = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The ISO date of a match, or why it is not a date. */
function dateOf(match: DateMatch): string | BadDateline {
  const { year, month, day, era, written } = match;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || day < 1 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { problem: `\`${written}\` is not a calendar date` };
  }
  const value = iso(year, month, day);
  const range = era ? eras[era] : undefined;
  if (era && range && (value < range.start || (range.end && value > range.end))) {
    const span = range.end ? `from ${range.start} to ${range.end}` : `from ${range.start}`;
    return { problem: `\`${written}\` is not a date of the ${era} era, which runs ${span}` };
  }
  return value;
}

/**
 * A place as a date line or a place line names it: a few words, no digits, not a sentence (a final
 * period only after a capital, as in "Washington, D.C.").
 */
export function isPlace(text: string): boolean {
  return (
    text.length > 0 &&
    text.length <= 60 &&
    /\p{L}/u.test(text) &&
    !/[0-9０-９]/u.test(text) &&
    !/[!?。！？:;：；]$/u.test(text) &&
    (!text.endsWith('.') || /\p{Lu}\.$/u.test(text)) &&
    text.split(/\s+/u).length <= 6
  );
}

/**
 * A line of its own that names the place beside a date line ("Tokyo" under "May 30, 2019"): a place of
 * at most four words in Latin or Cyrillic letters, each capitalised. A Japanese line is never taken for
 * one: above or below a date line it is more often the issuer (外務省) or a heading (概要).
 */
export function isPlaceLine(text: string): boolean {
  const words = text.split(/[\s,]+/u).filter(Boolean);
  return isPlace(text) && words.length <= 4 && words.every((word) => /^[\p{Lu}][\p{Script=Latin}\p{Script=Cyrillic}.'’-]*$/u.test(word));
}

/**
 * Reads a whole line as a date line. Undefined when the line is not one (it says more than a date, a
 * place and a weekday); a BadDateline when it is shaped like one but its date does not exist.
 */
export function readDateline(line: string): Dateline | BadDateline | undefined {
  let inner = line.trim();
  if (/^[(（]/u.test(inner) && /[)）]$/u.test(inner)) inner = inner.slice(1, -1).trim();
  const match = findDate(inner);
  if (!match) return undefined;
  const before = inner.slice(0, match.index).replace(weekdayBefore, '').replace(new RegExp(`${separators.source}$`, 'u'), '');
  let after = inner.slice(match.index + match.length).replace(weekdayAfter, '').replace(timeAfter, '').replace(new RegExp(`^${separators.source}`, 'u'), '');
  const parenthesised = /^[(（](.*)[)）]$/u.exec(after);
  if (parenthesised) after = parenthesised[1].trim();
  if (before && after) return undefined;
  const place = before || after || undefined;
  if (place !== undefined && !isPlace(place)) return undefined;
  const date = dateOf(match);
  if (typeof date !== 'string') return date;
  return place === undefined ? { date } : { date, place };
}
