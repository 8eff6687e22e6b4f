/**
 * Citations: formatted by Citation.js and citeproc-js with the packaged Chicago style, offline; a
 * paragraph's citation made in the browser from its template is the one the processor makes for it.
 */
import { describe, expect, it } from 'vitest';
import { bibtex, chicagoBibliography, chicagoNote, cslJson, type CslItem } from '../../src/citation';
import { blockNumber } from '../../src/contract/block-place';
import { citeFormats, citeTokens, fillCitation, type CiteFormat } from '../../src/contract/cite-data';

const item = (block?: { id: string; place: string }): CslItem => ({
  id: `2020-01-15-sample-ja${block ? `-${block.id}` : ''}`,
  'citation-key': `2020-01-15-sample-ja${block ? `-${block.id}` : ''}`,
  type: 'document',
  title: '輸出の例',
  author: [{ literal: '日本国外務省' }],
  translator: [{ literal: '本版編集部' }],
  issued: { 'date-parts': [[2020, 1, 15]] },
  language: 'ja',
  medium: 'Japanese version, unofficial translation made for this edition',
  'container-title': 'Diplomatic Records Reader',
  URL: `https://example.org/en/documents/2020-01-15-sample/${block ? `#${block.id}` : ''}`,
  note: block ? `${block.place}. Japanese version` : 'Japanese version',
});

describe('citations', () => {
  it('cite a document in Chicago style: issuer, title, version, translator, edition, date, permalink', () => {
    expect(chicagoBibliography(item())).toBe(
      '日本国外務省. “輸出の例.” Japanese version, unofficial translation made for this edition. Translated by 本版編集部. Diplomatic Records Reader, January 15, 2020. https://example.org/en/documents/2020-01-15-sample/.',
    );
  });

  it('cite a paragraph as a Chicago full note with its place and its permalink', () => {
    const block = { id: 's1-p1', place: '1 ¶1' };
    expect(chicagoNote(item(block), block.place)).toBe(
      '日本国外務省, “輸出の例,” Japanese version, unofficial translation made for this edition, trans. 本版編集部, Diplomatic Records Reader, January 15, 2020, 1 ¶1, https://example.org/en/documents/2020-01-15-sample/#s1-p1.',
    );
  });

  it('give BibTeX in UTF-8 with biblatex fields and the edition’s key', () => {
    expect(bibtex(item())).toBe(
      [
        '@misc{2020-01-15-sample-ja,',
        '\tauthor = {{日本国外務省}},',
        '\tbooktitle = {Diplomatic {Records} {Reader}},',
        '\tdate = {2020-01-15},',
        '\tlanguage = {ja},',
        '\tnote = {Japanese version},',
        '\ttitle = {輸出の例},',
        '\ttranslator = {{本版編集部}},',
        '\turl = {https://example.org/en/documents/2020-01-15-sample/},',
        '}',
      ].join('\n'),
    );
    expect(JSON.parse(cslJson(item()))).toEqual([item()]);
  });

  it('make the same paragraph citation from a template as from the block itself, in every format', () => {
    const block = { id: 's1-p1', place: '1 ¶1 “x”' };
    const direct: Record<CiteFormat, string> = { chicago: chicagoNote(item(block), block.place), 'csl-json': cslJson(item(block)), bibtex: bibtex(item(block)) };
    const template = item({ id: citeTokens.id, place: citeTokens.place });
    const templates: Record<CiteFormat, string> = { chicago: chicagoNote(template, citeTokens.place), 'csl-json': cslJson(template), bibtex: bibtex(template) };
    for (const format of citeFormats) expect(fillCitation(templates[format], format, block.id, block.place), format).toBe(direct[format]);
  });
});

describe('block numbers', () => {
  it('number each block of the ID scheme the same way in every language, and mark the others ¶', () => {
    const ids = ['title', 'dateline', 'intro-p2', 's3', 's1-2', 's2-p4', 's1-1-p2', 's10-12-p3', 's1a-p1', 'appendix'];
    expect(ids.map(blockNumber)).toEqual(['¶', '¶', '¶2', '3', '1.2', '2 ¶4', '1.1 ¶2', '10.12 ¶3', '1a ¶1', '¶']);
  });
});
