/**
 * What messages suggest (src/model/suggest.ts): "did you mean" only when the suggestion is close, and
 * the characters by which two look-alike forms differ.
 */
import { describe, expect, it } from 'vitest';
import * as suggest from '../../src/model/suggest';
import { closest, didYouMean, editDistance, lookAlikeDifference } from '../../src/model/suggest';

describe('suggestions', () => {
  it('exports these names', () => {
    expect(Object.keys(suggest).sort()).toEqual(['closest', 'didYouMean', 'editDistance', 'lookAlikeDifference']);
  });

  it('counts a swap of two neighbours as one edit', () => {
    expect(editDistance('kono-taro', 'kono-tarо'.replace('о', 'o'))).toBe(0);
    expect(editDistance('konot-aro', 'kono-taro')).toBe(1);
    expect(editDistance('kono-tar', 'kono-taro')).toBe(1);
    expect(editDistance('s1-p2', 's2-p1')).toBe(2);
    expect(editDistance('東京', '京東')).toBe(1);
  });

  it('suggests only within two edits and a third of the length', () => {
    expect(closest('kono-tar', ['japan', 'kono-taro'])).toBe('kono-taro');
    expect(closest('n-speling', ['n-spelling', 'n-other'])).toBe('n-spelling');
    expect(closest('s1', ['s2', 's3'])).toBeUndefined();
    expect(closest('s1-p22', ['s1-p2'])).toBe('s1-p2');
    expect(closest('lavrov', ['kono-taro', 'iwaya-takeshi'])).toBeUndefined();
    expect(closest('japan', ['japan'])).toBeUndefined();
    expect(didYouMean('transation', ['source', 'translation'])).toBe('; did you mean `translation`?');
    expect(didYouMean('xyz', ['source'])).toBe('');
  });

  it('names the dash, quote or space by which a form differs from a name, and nothing else', () => {
    expect(lookAlikeDifference('Japan-Russia', 'Japan–Russia')).toBe('U+002D HYPHEN-MINUS where it has U+2013 EN DASH');
    expect(lookAlikeDifference('Japan’s', "Japan's")).toBe('U+2019 RIGHT SINGLE QUOTATION MARK where it has U+0027 APOSTROPHE');
    expect(lookAlikeDifference('Taro\u00a0Kono', 'Taro Kono')).toBe('U+00A0 NO-BREAK SPACE where it has U+0020 SPACE');
    expect(lookAlikeDifference('japan-russia', 'Japan–Russia')).toBe('U+002D HYPHEN-MINUS where it has U+2013 EN DASH');
    expect(lookAlikeDifference('Japan Russia', 'Japan–Russia')).toBeUndefined();
    expect(lookAlikeDifference('Japan-Rusia', 'Japan–Russia')).toBeUndefined();
    expect(lookAlikeDifference('Japan', 'Japan')).toBeUndefined();
  });
});
