/** Links to a selected passage: the text directive of a URL text fragment, scoped by context. */
import { describe, expect, it } from 'vitest';
import { passageAddress, textDirective } from '../../src/behaviour/text-fragment';

describe('textDirective', () => {
  it('names a short passage whole, with a few words of context on each side', () => {
    expect(textDirective('joint search and rescue exercise', 'The two sides agreed to hold a Japan–Russia ', ' in Vladivostok in mid-June')).toBe(
      'text=hold%20a%20Japan%E2%80%93Russia-,joint%20search%20and%20rescue%20exercise,-in%20Vladivostok%20in',
    );
  });

  it('escapes the characters the syntax reserves', () => {
    expect(textDirective('mid-June, this year & next', '', '')).toBe('text=mid%2DJune%2C%20this%20year%20%26%20next');
  });

  it('names a long passage by its start and end', () => {
    const long = 'Russia appreciated the contribution of Japan to the development of the Russian Far East region';
    expect(textDirective(long, '', '')).toBe('text=Russia%20appreciated%20the%20contribution,Russian%20Far%20East%20region');
  });

  it('counts Japanese context in characters', () => {
    expect(textDirective('ウラジオストク', '本年6月中旬に', 'において日露捜索・救難共同訓練')).toBe(
      `text=${encodeURIComponent('本年6月中旬に')}-,${encodeURIComponent('ウラジオストク')},-${encodeURIComponent('において日露捜索')}`,
    );
  });
});

describe('passageAddress', () => {
  it('keeps the page and its view, and puts the paragraph before the directive', () => {
    expect(passageAddress(new URL('https://example.org/en/documents/x/?cols=en-ja#s1'), 's2-p1', 'text=a')).toBe('https://example.org/en/documents/x/?cols=en-ja#s2-p1:~:text=a');
  });
});
