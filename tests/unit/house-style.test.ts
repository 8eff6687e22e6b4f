/**
 * The house style as the checks apply it: refused forms with their replacements (rule `spelling`), the
 * comparison of a mention's label with its entry's names (rule `term-name`), and the interface strings,
 * which the content checks do not read.
 */
import { describe, expect, it } from 'vitest';
import { isFormOf, namesOf } from '../../src/rules/mention-names';
import { findRefused } from '../../src/content/house-style';
import { locales } from '../../src/i18n/config';
import { resources } from '../../src/i18n/resources';

const refused = (text: string, lang: 'ru' | 'ja' | 'en') => findRefused(text, lang).map(({ index, found, use }) => [index, found, use]);

describe('refused forms', () => {
  it('find British spellings in English, keep their capitals in the suggestion, and leave US spellings and lookalikes alone', () => {
    expect(refused('Minister of Defence, the defense programme, a centre', 'en')).toEqual([
      [12, 'Defence', 'Defense'],
      [33, 'programme', 'program'],
      [46, 'centre', 'center'],
    ]);
    expect(refused('Organisations, neighbouring, Honour, licence, travelled, judgement, analysed', 'en').map(([, , use]) => use)).toEqual([
      'Organizations',
      'neighboring',
      'Honor',
      'license',
      'traveled',
      'judgment',
      'analyzed',
    ]);
    expect(refused('defense, neighboring, emphasis, exercise, analyses, programmed, defenceless', 'en')).toEqual([]);
  });

  it('find the unhyphenated forms of the compounds the edition hyphenates', () => {
    expect(refused('a Buildup, two buildups, counternarcotics; build-up and counter-narcotics', 'en')).toEqual([
      [2, 'Buildup', 'Build-up'],
      [15, 'buildups', 'build-ups'],
      [25, 'counternarcotics', 'counter-narcotics'],
    ]);
  });

  it('find other romanizations of Russian names in English', () => {
    expect(refused('Sergei Shoigu and Nikolai Yevmenov; Sergey', 'en')).toEqual([
      [0, 'Sergei', 'Sergey'],
      [18, 'Nikolai', 'Nikolay'],
    ]);
  });

  it('find the refused Japanese forms and half-width brackets', () => {
    expect(refused('本エディション編集部、ワーキング・ディナー（BMD）(NPT)アドレス： x', 'ja')).toEqual([
      [0, '本エディション', '本版'],
      [11, 'ワーキング・ディナー', 'ワーキングディナー'],
      [26, '(', '（'],
      [30, ')', '）'],
      [35, '： ', '：'],
    ]);
  });

  it('refuse nothing in Russian', () => {
    expect(refused('Министерство обороны, центр, программа', 'ru')).toEqual([]);
  });

  it('are absent from the interface strings', () => {
    const strings = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : typeof value === 'object' && value !== null ? Object.values(value).flatMap(strings) : [];
    for (const locale of locales) {
      expect(strings(resources[locale]).flatMap((text) => findRefused(text, locale).map((match) => `${match.found} in “${text}”`)), locale).toEqual([]);
    }
  });
});

describe('a mention’s label and its entry’s names', () => {
  it('match in Russian whatever the case ending, word by word', () => {
    expect(isFormOf('Северной Кореи', 'Северная Корея', 'ru')).toBe(true);
    expect(isFormOf('Сергеем Лавровым', 'Сергей Лавров', 'ru')).toBe(true);
    expect(isFormOf('северных территориях', 'Северные территории', 'ru')).toBe(true);
    expect(isFormOf('Министерством иностранных дел Японии', 'Министерство иностранных дел Японии', 'ru')).toBe(true);
    expect(isFormOf('совместных японо-российских поисково-спасательных учений', 'Совместные японо-российские поисково-спасательные учения', 'ru')).toBe(true);
    expect(isFormOf('Центрального оркестра', 'Центральный оркестр', 'ru')).toBe(true);
  });

  it('do not match in Russian other words, other punctuation, misspellings or a part of the name', () => {
    expect(isFormOf('Ирак', 'Иран', 'ru')).toBe(false);
    expect(isFormOf('Спаская башня', 'Спасская башня', 'ru')).toBe(false);
    expect(isFormOf('Центрального оркестра', 'Центральный оркестр Сухопутных сил самообороны Японии', 'ru')).toBe(false);
    expect(isFormOf('формат «два плюс два»', 'формат два плюс два', 'ru')).toBe(false);
    expect(isFormOf('Генерального штаба Японии', 'Штаб Сухопутных сил самообороны Японии', 'ru')).toBe(false);
  });

  it('match in Japanese and English exactly, apart from capitals', () => {
    expect(isFormOf('Non-Traditional Threats', 'Non-traditional threats', 'en')).toBe(true);
    expect(isFormOf('Japan’s', 'Japan', 'en')).toBe(false);
    expect(isFormOf('陸上幕僚長', '陸上幕僚長', 'ja')).toBe(true);
    expect(isFormOf('陸上自衛隊', '陸上幕僚長', 'ja')).toBe(false);
  });

  it('count each name of a place that governments name differently', () => {
    const entry = {
      id: 'northern-territories',
      kind: 'place' as const,
      names: { ru: 'Северные территории / Южные Курилы', ja: '北方領土／南クリル', en: 'Northern Territories / Southern Kurils' },
      variants: { ja: ['北方四島'] },
      description: { ru: '…', ja: '…', en: '…' },
    };
    expect(namesOf(entry, 'ru')).toEqual(['Северные территории', 'Южные Курилы']);
    expect(namesOf(entry, 'ja')).toEqual(['北方領土', '南クリル', '北方四島']);
    expect(namesOf(entry, 'en')).toEqual(['Northern Territories', 'Southern Kurils']);
  });
});
