/**
 * Rules on the glossary's own text (docs/content-format.md, "The glossary"):
 * - `spelling`: a form the house style refuses in an entry's name or description (variants are
 *   exempt: they list other spellings on purpose), at the exact place of the form;
 * - `glossary-as-of`: a description that states a continuing fact ("since …", «с … года», 「…から」
 *   with no end) without the month it was last checked, or that gives that month in some languages
 *   only.
 */
import type { VFile } from 'vfile';
import { isMap, isScalar } from 'yaml';
import { findRefused } from '../content/house-style';
import { languages, type Language } from '../model/languages';
import { readYaml } from '../content/yaml';
import { report } from './report';

/** A continuing fact, stated without its end. */
const continuing: Record<Language, RegExp> = {
  ru: /(?<!\p{L})[сС]\s+(?:\d{1,2}\s+)?(?:\p{L}+\s+)?\d{4}\s+(?:года|г\.)(?!\s+по(?!\p{L}))/u,
  ja: /\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:から|以降|以来)(?![^。]*まで)/u,
  en: /(?<!\p{L})since(?!\p{L})/iu,
};

/** The date it was last checked: `(as of October 2025)`, `(по состоянию на октябрь 2025 года)`, `（2025年10月現在）`. */
const asOf: Record<Language, RegExp> = {
  ru: /по состоянию на \p{L}+ \d{4} года/u,
  ja: /\d{4}年(?:\d{1,2}月)?現在/u,
  en: /(?<!\p{L})as of \p{L}+ \d{4}/iu,
};

const asOfExample: Record<Language, string> = {
  ru: '(по состоянию на октябрь 2025 года)',
  ja: '（2025年10月現在）',
  en: '(as of October 2025)',
};

/** The string at `entry.field.lang` and the range of its source text, if it is there. */
function scalarAt(entry: unknown, field: string, lang: Language): { value: string; start: number; end: number } | undefined {
  if (!isMap(entry)) return undefined;
  const scalar: unknown = entry.getIn([field, lang], true);
  if (!isScalar(scalar) || typeof scalar.value !== 'string' || !scalar.range) return undefined;
  return { value: scalar.value, start: scalar.range[0], end: scalar.range[1] };
}

/** Applies `spelling` and `glossary-as-of` to the glossary file (already parsed without error). */
export function checkGlossaryStyle(file: VFile): void {
  const { document, text, pointAt } = readYaml(String(file.value));
  if (document.errors.length > 0 || !isMap(document.contents)) return;
  for (const pair of document.contents.items) {
    const id = isScalar(pair.key) ? String(pair.key.value) : '';
    for (const field of ['names', 'description'] as const) {
      for (const lang of languages) {
        const scalar = scalarAt(pair.value, field, lang);
        if (!scalar) continue;
        // Offsets into the source, so that a place is exact also in a folded (`>-`) scalar.
        for (const match of findRefused(text.slice(scalar.start, scalar.end), lang)) {
          report(file, 'error', `\`${match.found}\` in \`${id}.${field}.${lang}\`: write \`${match.use}\` (${match.because})`, pointAt(scalar.start + match.index), 'spelling');
        }
      }
    }
    const described = languages.map((lang) => ({ lang, scalar: scalarAt(pair.value, 'description', lang) }));
    const dated = described.filter(({ lang, scalar }) => scalar && asOf[lang].test(scalar.value));
    for (const { lang, scalar } of described) {
      if (!scalar || asOf[lang].test(scalar.value)) continue;
      const reason = continuing[lang].test(scalar.value)
        ? `\`${id}.description.${lang}\` states a continuing fact without the month it was last checked: add ${asOfExample[lang]}`
        : dated.length > 0
          ? `\`${id}.description.${lang}\` gives no "as of" date, but the ${dated.map((d) => d.lang).join(' and ')} description does: add ${asOfExample[lang]}`
          : undefined;
      if (reason) report(file, 'warning', reason, pointAt(scalar.start), 'glossary-as-of');
    }
  }
}
