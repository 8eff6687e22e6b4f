/** The missing-anchor notice: which fragment is missing and which existing ID is nearest. */
import { describe, expect, it } from 'vitest';
import { missingTarget } from '../../src/behaviour/missing-target';
import { editDistance, nearest } from '../../src/behaviour/suggest-target';

describe('nearest', () => {
  const ids = ['title', 'dateline', 'intro-p1', 's1', 's1-1', 's1-1-p1', 's1-1-p2', 's2-3-p1'];
  it('suggests the ID a typo was meant to be, and nothing for an unrelated fragment', () => {
    expect(editDistance('s1-1-p2', 's1-1-q2')).toBe(1);
    expect(nearest('s1-1-q2', ids)).toBe('s1-1-p2');
    expect(nearest('S2-3-P1', ids)).toBe('s2-3-p1');
    expect(nearest('nothing-like-it-at-all', ids)).toBeUndefined();
  });
  it('counts two swapped letters as one edit, and offers nothing that is not close', () => {
    expect(editDistance('lavorv-sergey', 'lavrov-sergey')).toBe(1);
    expect(nearest('lavorv-sergey', ['lavrov-sergey', 'shoigu-sergey'])).toBe('lavrov-sergey');
    expect(nearest('ndgp', ['ndpg', 'iran'])).toBe('ndpg');
    // Two letters of four apart: a different word, not a typo.
    expect(editDistance('nope', 'ndpg')).toBe(2);
    expect(nearest('nope', ['ndpg', 'iran', 'japan', 'syria'])).toBeUndefined();
    expect(nearest('s9', ids)).toBe('s1');
  });
  it('names only fragments no element has', () => {
    const root = { getElementById: (id: string) => (ids.includes(id) ? ({} as HTMLElement) : null) };
    expect(missingTarget(root, '#s1-1-p1')).toBeUndefined();
    expect(missingTarget(root, '#s9')).toBe('s9');
  });
});
