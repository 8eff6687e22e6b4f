/**
 * One failing fixture per validator rule: each is the base fixture with one file changed
 * (tests/fixtures/rules/<case>/), and each expected message is asserted field by field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, loadFixture } from '../helpers/fixtures';
import { contentRuleIds } from '../../src/content/report';
import { importerRuleIds } from '../../src/importer/report';
import { pipelineRuleIds } from '../../src/pipeline/report';
import { crossFileRuleIds } from '../../src/rules/report';

const ru = 'content/documents/2020-01-15-sample/ru.md';
const en = 'content/documents/2020-01-15-sample/en.md';
const glossary = 'content/glossary.yaml';
const editions = 'content/documents/2020-01-15-sample/editions.yaml';

type Expected = [path: string, line: number, column: number, severity: 'error' | 'warning', ruleId: string, reason: RegExp];

const cases: Record<string, Expected[]> = {
  encoding: [[en, 21, 8, 'error', 'encoding', /not valid UTF-8: byte 0xff/]],
  'empty-file': [[en, 1, 1, 'error', 'empty-file', /empty/]],
  'yaml-syntax': [[en, 3, 1, 'error', 'yaml-syntax', /not valid YAML/]],
  'front-matter': [
    [en, 2, 1, 'error', 'front-matter', /`place` is missing/],
    [en, 6, 1, 'error', 'front-matter', /unknown field `colour`/],
  ],
  'provenance-url': [
    [ru, 11, 3, 'error', 'provenance-url', /`provenance\.url`: "ftp:\/\/example\.org\/press\/2020-01-15\.html" must be a full http or https address/],
    [ru, 12, 3, 'error', 'provenance-url', /`provenance\.archive`: "web\.archive\.org\/web\/2020\/https:\/\/example\.org\/press\/2020-01-15\.html" must be a full http or https address/],
  ],
  'glossary-schema': [[glossary, 20, 3, 'error', 'glossary-schema', /`kono-taro\.description\.ja` is missing/]],
  'raw-html': [
    [ru, 19, 8, 'error', 'raw-html', /raw HTML.*`<b>`/],
    [ru, 19, 16, 'error', 'raw-html', /raw HTML.*`<\/b>`/],
  ],
  'unsafe-link': [[ru, 19, 8, 'error', 'unsafe-link', /`javascript:alert\(1\)`.*not allowed/]],
  'unsupported-syntax': [[ru, 19, 14, 'error', 'unsupported-syntax', /images are not supported/]],
  'directive-unknown': [[ru, 19, 18, 'error', 'directive-unknown', /unknown directive `:30`.*10\\:30/]],
  'block-id-missing': [
    [en, 19, 1, 'error', 'id-missing', /paragraph `s1-p2` of the source \(content\/documents\/2020-01-15-sample\/ru\.md:19:1\) is missing/],
    [en, 21, 18, 'error', 'block-id-missing', /this paragraph has no ID/],
  ],
  'block-id-syntax': [
    [en, 19, 1, 'error', 'id-missing', /`s1-p2`/],
    [en, 21, 19, 'error', 'block-id-syntax', /`S1_P2` is not a valid block ID/],
  ],
  'duplicate-id': [
    [en, 19, 1, 'error', 'id-missing', /`s1-p2`/],
    [en, 21, 19, 'error', 'duplicate-id', /`s1-p1` is used twice; it was first used at line 19:93/],
  ],
  'duplicate-id-glossary': [[glossary, 24, 1, 'error', 'duplicate-id', /defined twice/]],
  'id-missing': [[en, 19, 1, 'error', 'id-missing', /`s1-p2` of the source \(.*ru\.md:19:1\)/]],
  'segment-state': [[en, 1, 1, 'error', 'segment-state', /`states` names `s1-p1\.2`, which is not a segment of this translation/]],
  'id-extra': [[en, 23, 1, 'error', 'id-extra', /`s1-p3` is not in the source/]],
  'id-order': [[en, 19, 1, 'error', 'id-order', /`s1-p2` is out of order: in the source \(.*ru\.md:19:1\) it comes after `s1-p1`/]],
  'id-sequence': [[ru, 19, 1, 'warning', 'id-sequence', /`s1-p0` comes after `s1-p1`/]],
  'block-kind': [[en, 17, 1, 'error', 'block-kind', /`s1` is a level-3 heading here but a level-2 heading in the source \(.*ru\.md:15:1\)/]],
  'block-kind-list': [
    [en, 21, 1, 'error', 'id-extra', /`s1-p2` is not in the source/],
    [ru, 19, 1, 'error', 'block-kind', /a list cannot stand here/],
  ],
  'term-syntax': [[ru, 17, 9, 'error', 'term-syntax', /`:term` needs the ID of its glossary entry/]],
  'term-unknown': [
    [en, 19, 1, 'warning', 'term-alignment', /marks `nippon` which the source does not/],
    [en, 19, 51, 'error', 'term-unknown', /`nippon` is not in the glossary/],
  ],
  'facet-kind': [
    [ru, 7, 1, 'error', 'facet-kind', /participants: `japan` is a glossary entry of kind place, not person/],
    [ru, 9, 1, 'error', 'facet-kind', /venue: `kono-taro` is a glossary entry of kind person, not place/],
    [ru, 10, 1, 'error', 'facet-kind', /topics: `japan` is a glossary entry of kind place, not concept or event or system/],
    [ru, 10, 1, 'error', 'term-unknown', /topics: `two-plus-two` is not in the glossary/],
  ],
  'term-unused': [[glossary, 24, 1, 'warning', 'term-unused', /`russia` is never mentioned/]],
  'term-alignment': [[en, 19, 1, 'warning', 'term-alignment', /the source marks `kono-taro` here but this translation does not \(.*ru\.md:17:1\)/]],
  'term-name': [
    [en, 19, 10, 'error', 'term-name', /`Konno` is not a name or variant of `kono-taro` in en \(`Taro Kono`, `Kono`\)/],
    [ru, 17, 97, 'error', 'term-name', /`Ниппон` is marked `quirk`.*stands in no note's anchor/],
  ],
  spelling: [
    [en, 12, 64, 'error', 'spelling', /`programme`: write `program` \(the English texts use US spelling\)/],
    [en, 21, 22, 'error', 'spelling', /`defence`: write `defense`/],
  ],
  'spelling-glossary': [[glossary, 23, 42, 'error', 'spelling', /`defence` in `kono-taro\.description\.en`: write `defense`/]],
  'glossary-as-of': [
    [glossary, 8, 9, 'warning', 'glossary-as-of', /`japan\.description\.ru` gives no "as of" date, but the ja description does/],
    [glossary, 10, 9, 'warning', 'glossary-as-of', /`japan\.description\.en` gives no "as of" date/],
    [glossary, 23, 9, 'warning', 'glossary-as-of', /`kono-taro\.description\.en` states a continuing fact without the month it was last checked: add \(as of October 2025\)/],
  ],
  'note-syntax': [[ru, 19, 8, 'error', 'note-syntax', /`:note` needs the ID of its note/]],
  'note-unknown': [[en, 19, 45, 'error', 'note-unknown', /note `n-other` is not declared in this file/]],
  'note-unanchored': [[ru, 21, 1, 'warning', 'note-unanchored', /`n-spelling` is anchored nowhere/]],
  'note-missing': [
    [en, 19, 45, 'error', 'note-unknown', /`n-spelling` is not declared in this file/],
    [en, 21, 1, 'error', 'note-missing', /note `n-spelling` of the source \(.*ru\.md:21:1\) is missing/],
  ],
  'note-extra': [[en, 27, 1, 'error', 'note-extra', /note `n-extra` is not in the source/]],
  'note-order': [[en, 23, 1, 'error', 'note-order', /note `n-second` is out of order: in the source \(.*ru\.md:25:1\) it comes after `n-spelling`/]],
  'sentence-syntax': [[en, 19, 1, 'error', 'sentence-syntax', /`\{\.one\}` is not a sentence marker of `s1-p1`/]],
  'sentence-duplicate': [[ru, 18, 1, 'error', 'sentence-duplicate', /sentence `s1-p1\.1` is written twice in this paragraph; it was first at line 17/]],
  'sentence-missing': [[en, 19, 1, 'error', 'sentence-missing', /`s1-p1`: `s1-p1\.2` of the source \(.*ru\.md:18:1\) has no counterpart here/]],
  'sentence-extra': [[en, 20, 1, 'error', 'sentence-extra', /sentence `s1-p1\.2` is not in the source \(.*ru\.md:17:1 has `s1-p1\.1`\)/]],
  'translation-incomplete': [[en, 14, 1, 'warning', 'translation-incomplete', /^2 of 4 blocks are untranslated; also untranslated: 1 of 1 notes, the title \(no `title` in the front matter\); the reader shows the source/]],
  'untranslated-syntax': [
    [en, 21, 8, 'error', 'untranslated-syntax', /^`:untranslated` stands for a whole line: write either the translated sentence or `:untranslated` alone on its line/],
    [en, 24, 10, 'error', 'untranslated-syntax', /^`:untranslated` in a note stands alone for its whole body/],
  ],
  'document-source': [[en, 1, 1, 'error', 'document-source', /two source texts: .*ru\.md is already the source/]],
  // The source's front matter is invalid (no date): that is the only problem reported, not also "no source text".
  'front-matter-value': [
    [en, 3, 1, 'error', 'front-matter', /^`date`: "2020-1-15" is not a date in the form YYYY-MM-DD \(such as 2019-05-30\)$/],
    [en, 6, 1, 'error', 'front-matter', /^`role`: "transation" is not one of "source", "translation" \(did you mean "translation"\?\)$/],
  ],
  'front-matter-tab': [[en, 9, 1, 'error', 'yaml-syntax', /^not valid YAML: this line is indented with a tab \(U\+0009 CHARACTER TABULATION\); YAML indents with spaces only/]],
  'block-kind-tab': [
    [en, 19, 1, 'error', 'id-missing', /paragraph `s1-p2` of the source/],
    [en, 21, 1, 'error', 'block-kind', /^a line indented with a tab \(U\+0009 CHARACTER TABULATION\) is read as a code block, which cannot stand here/],
  ],
  'did-you-mean': [
    [en, 19, 1, 'warning', 'term-alignment', /the source marks `kono-taro` here but this translation does not/],
    [en, 19, 10, 'error', 'term-unknown', /^`kono-tar` is not in the glossary \(content\/glossary\.yaml\); did you mean `kono-taro`\?$/],
    [en, 19, 44, 'error', 'note-unknown', /^note `n-speling` is not declared in this file: did you mean `n-spelling`\? Otherwise add/],
    [en, 21, 1, 'error', 'id-missing', /paragraph `s1-p2` of the source/],
    [en, 21, 1, 'error', 'id-extra', /^paragraph `s1-p22` is not in the source .*; did you mean `s1-p2`\?$/],
  ],
  'term-name-look-alike': [
    [en, 19, 51, 'error', 'term-name', /^`Japan's` is not a name or variant of `japan` in en \(`Japan`, `Japan’s`\): it differs from `Japan’s` only by U\+0027 APOSTROPHE where it has U\+2019 RIGHT SINGLE QUOTATION MARK;/],
  ],
  'date-mismatch': [[en, 3, 1, 'error', 'date-mismatch', /^`date`: 2020-01-16 differs from the source's date, 2020-01-15 \(.*ru\.md:3:1\)/]],
  'folder-date': [['content/documents/2020-02-01-dated/ru.md', 3, 1, 'warning', 'folder-date', /^`date`: 2020-01-31 differs from the date the folder name starts with \(2020-02-01-dated: 2020-02-01\)/]],
  'front-matter-source': [[ru, 2, 1, 'error', 'front-matter', /`date` is missing/]],
  'lang-mismatch': [[en, 1, 1, 'error', 'lang-mismatch', /named `en\.md` but its front matter says `lang: ja`/]],
  'invisible-character': [[en, 21, 12, 'warning', 'invisible-character', /^U\+200B ZERO WIDTH SPACE: an invisible character/]],
  'bidi-control': [
    [en, 21, 8, 'error', 'bidi-control', /^U\+202E RIGHT-TO-LEFT OVERRIDE: a bidirectional control reorders what is shown/],
    [en, 21, 18, 'error', 'bidi-control', /^U\+202C POP DIRECTIONAL FORMATTING/],
  ],
  'mixed-script': [[ru, 19, 11, 'warning', 'mixed-script', /^`абзaц` mixes Cyrillic and Latin letters: `a` \(U\+0061, looks like Cyrillic `а`\) is Latin/]],
  // Editions: each case has an edition 1 kept in editions/1/ and the base fixture as edition 2 (edition-id-reused: 3).
  'editions-file': [[editions, 4, 3, 'error', 'editions-file', /^editions are numbered 1, 2, 3 … oldest first: the 2nd entry is `edition: 2`, not 3$/]],
  'edition-date-order': [[editions, 5, 3, 'error', 'edition-date-order', /^edition 2 is dated 2020-01-15, earlier than edition 1 \(2020-02-01, line 3:3\)/]],
  'edition-folder': [[editions, 2, 3, 'error', 'edition-folder', /^edition 1 is superseded, so its text is kept word for word in editions\/1\/ .*; that folder is missing$/]],
  'edition-unlogged': [[en, 21, 1, 'error', 'edition-unlogged', /^block `s1-p2` changed since edition 1 \(.*editions\/1\/en\.md:21:1\), but no change of en in edition 2 lists it: add it to the `blocks` of a change of en in editions\.yaml \(edition 2, line 4\)/]],
  'edition-unchanged': [[editions, 12, 25, 'warning', 'edition-unchanged', /^block `s1-p1` is listed as changed, but its ru text is the same in editions 1 and 2 \(.*\/ru\.md:17:1\)$/]],
  'edition-unknown': [
    [editions, 16, 25, 'error', 'edition-unknown', /^block `s1-p9` is in neither edition 1 nor edition 2 of the en version/],
    [editions, 17, 19, 'error', 'edition-unknown', /^`russia` is not an entry of edition 2's glossary$/],
  ],
  'edition-block-vanished': [[editions, 4, 3, 'error', 'edition-block-vanished', /^block `s1-p3` of edition 1 \(.*editions\/1\/ru\.md:21:1\) is not in edition 2: block IDs stay; give it a fate/]],
  'edition-fate': [[editions, 20, 5, 'error', 'edition-fate', /^`s1-p3` is merged into `s1-p9`, which is not a block of edition 2$/]],
  'edition-id-reused': [[ru, 21, 1, 'error', 'edition-id-reused', /^block ID `s1-p3` was used in an earlier edition and is gone from edition 2: .* give this block a new ID$/]],
};

describe('validator rules', () => {
  it('accepts the base fixture without any message', async () => {
    const { list } = await loadFixture();
    expect(list).toEqual([]);
  });

  it('has a case for every fixture folder and a fixture folder for every case', () => {
    expect(readdirSync(join(fixturesDir, 'rules')).sort()).toEqual(Object.keys(cases).sort());
  });

  it('has a failing fixture (the importer’s rules: an importer test) and a documented row for every rule id', () => {
    const root = join(import.meta.dirname, '..', '..');
    // Each layer declares the rule ids it reports; the importer's are about the plain text it reads.
    const ruleIds = [...new Set([...contentRuleIds, ...pipelineRuleIds, ...crossFileRuleIds, ...importerRuleIds])];
    const asserted = new Set(Object.values(cases).flatMap((expected) => expected.map((item) => item[4])));
    const documented = readFileSync(join(root, 'docs', 'validator-rules.md'), 'utf8');
    expect(ruleIds.length).toBeGreaterThan(30);
    // The importer's own rules are about the plain text it reads, and are asserted in its tests.
    const importerTests = ['importer.test.ts', 'import-command.test.ts'].map((name) => readFileSync(join(import.meta.dirname, name), 'utf8')).join('');
    const [importerRules, validatorRules] = [importerRuleIds.filter((ruleId) => ruleId.startsWith('import-')), ruleIds.filter((ruleId) => !ruleId.startsWith('import-'))];
    expect(importerRules.length).toBeGreaterThan(0);
    expect(validatorRules.filter((ruleId) => !asserted.has(ruleId))).toEqual([]);
    expect(importerRules.filter((ruleId) => !importerTests.includes(`'${ruleId}'`) && !importerTests.includes(`[${ruleId}]`))).toEqual([]);
    expect(ruleIds.filter((ruleId) => !new RegExp(`^\\| (?:\`[a-z-]+\`, )*\`${ruleId}\``, 'm').test(documented))).toEqual([]);
  });

  for (const [name, expected] of Object.entries(cases)) {
    it(`reports ${name}`, async () => {
      const { list } = await loadFixture(name);
      expect(list.map((d) => [d.path, d.line, d.column, d.severity, d.ruleId])).toEqual(
        expected.map(([path, line, column, severity, ruleId]) => [path, line, column, severity, ruleId]),
      );
      list.forEach((d, index) => expect(d.reason).toMatch(expected[index][5]));
    });
  }
});
