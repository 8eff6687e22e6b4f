/**
 * The glossary as TBX-Basic (src/exports/tbx.ts): a concept per entry, a language section per
 * language, the name as the preferred term and the variants as admitted terms, the description as the
 * definition, the Wikidata item and the entry's page as cross-references; the data categories and
 * their values and levels are those the TBX-Basic Schematron (LTAC-Global/TBX-Basic_dialect, DCA)
 * allows. Debian's translate-toolkit, which reads TBX of ISO 30042:2008 only, reads the 2008 file with
 * every entry and language (when installed; .ci/run installs it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../../src/content/glossary';
import { toTbx } from '../../src/exports/tbx';
import { languages } from '../../src/model/languages';

const repository = join(import.meta.dirname, '..', '..');
const glossary = parseGlossary(new VFile({ path: 'content/glossary.yaml', value: await readFile(join(repository, 'content', 'glossary.yaml'), 'utf8') })).items;
const options = { publisher: 'Diplomatic Records Reader', entryAddress: (id: string) => `https://example.org/en/glossary/${id}/` };
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['conceptEntry', 'termEntry', 'langSec', 'langSet', 'termSec', 'tig', 'xref'].includes(name) });
const debianPython = '/usr/bin/python3';
const hasTranslateToolkit = existsSync(debianPython) && (() => {
  try {
    execFileSync(debianPython, ['-c', 'from translate.storage import tbx'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

type Term = { term: string; termNote: { '#text': string; '@type': string } };

describe('the glossary as TBX-Basic (ISO 30042:2019)', () => {
  const tbx = parser.parse(toTbx(glossary, { ...options, edition: '2019' })).tbx;

  it('is TBX-Basic in the namespace of ISO 30042:2019', () => {
    expect(tbx['@type']).toBe('TBX-Basic');
    expect(tbx['@style']).toBe('dca');
    expect(tbx['@xmlns']).toBe('urn:iso:std:iso:30042:ed-2');
  });

  it('has a concept per entry, a language section per language, the name preferred, the variants admitted, the description as definition', () => {
    const concepts = tbx.text.body.conceptEntry;
    expect(concepts.map((concept: { '@id': string }) => concept['@id'])).toEqual(glossary.map((item) => item.id));
    const russia = concepts.find((concept: { '@id': string }) => concept['@id'] === 'russia');
    expect(russia.langSec.map((section: { '@xml:lang': string }) => section['@xml:lang'])).toEqual([...languages]);
    const ja = russia.langSec[1];
    expect(ja.descrip).toEqual({ '#text': 'ロシア連邦。東ヨーロッパから北アジアにまたがる国。首都はモスクワ。', '@type': 'definition' });
    expect(ja.termSec.map((section: Term) => [section.term, section.termNote['#text']])).toEqual([
      ['ロシア', 'preferredTerm-admn-sts'],
      ['ロシア連邦', 'admittedTerm-admn-sts'],
    ]);
    expect(russia.xref.map((xref: { '@target': string }) => xref['@target'])).toEqual(['https://www.wikidata.org/wiki/Q159', 'https://example.org/en/glossary/russia/']);
  });

  it('uses only the data categories, values and levels that TBX-Basic allows', () => {
    for (const concept of tbx.text.body.conceptEntry) {
      for (const xref of concept.xref) expect(xref['@type']).toBe('externalCrossReference');
      for (const section of concept.langSec) {
        expect(section.descrip['@type']).toBe('definition');
        for (const term of section.termSec) {
          expect(term.termNote['@type']).toBe('administrativeStatus');
          expect(['preferredTerm-admn-sts', 'admittedTerm-admn-sts']).toContain(term.termNote['#text']);
        }
        expect(section.termSec.filter((term: Term) => term.termNote['#text'] === 'preferredTerm-admn-sts')).toHaveLength(1);
      }
    }
  });
});

describe('the glossary as TBX-Basic of ISO 30042:2008', () => {
  it('has a term entry per entry and a language set per language', () => {
    const martif = parser.parse(toTbx(glossary, { ...options, edition: '2008' })).martif;
    expect(martif['@type']).toBe('TBX-Basic');
    expect(martif.text.body.termEntry).toHaveLength(glossary.length);
    expect(martif.text.body.termEntry[0].langSet[2].tig[0]).toEqual({ term: glossary[0].names.en, termNote: { '#text': 'preferredTerm-admn-sts', '@type': 'administrativeStatus' } });
  });

  it.skipIf(!hasTranslateToolkit)("is read by Debian's translate-toolkit with every entry and every language", async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'tbx-')), 'glossary-2008.tbx');
    await writeFile(path, toTbx(glossary, { ...options, edition: '2008' }));
    const script = `
import json, sys
from translate.storage import tbx
store = tbx.tbxfile.parsefile(open(sys.argv[1], 'rb'))
print(json.dumps([[unit.getid(), sorted(node.get('{http://www.w3.org/XML/1998/namespace}lang') for node in unit.getlanguageNodes()), unit.source] for unit in store.units], ensure_ascii=False))
`;
    const units = JSON.parse(execFileSync(debianPython, ['-c', script, path], { encoding: 'utf8' })) as Array<[string, string[], string]>;
    expect(units.map((unit) => unit[0])).toEqual(glossary.map((item) => item.id));
    for (const unit of units) expect(unit[1]).toEqual(['en', 'ja', 'ru']);
    // translate-toolkit takes the first language set's first term as the source: the Russian name.
    expect(units[0][2]).toBe(glossary[0].names.ru);
  });
});
