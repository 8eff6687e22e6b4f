/**
 * The reading page's strings that only its script uses (src/contract/reader-strings.ts): the file of
 * each interface language holds every row template, the hint of the keys and the notice, and the
 * script puts each where the page would have had it.
 */
import { describe, expect, it } from 'vitest';
import { Attribute, ElementId, placeholder, RowTemplate } from '../../src/contract/page';
import { applyStrings, contentKey, stringTargets } from '../../src/contract/reader-strings';
import { locales } from '../../src/i18n/config';
import { getT } from '../../src/i18n/server';
import { readerStrings } from '../../src/site/reader-strings';

/** Text as HTML writes it (hast-util-to-html: `&` and `<`). */
const escaped = (text: string) => text.replaceAll('&', '&#x26;').replaceAll('<', '&#x3C;');

describe('the file of the reading page’s script strings', () => {
  it('holds, in each interface language, every row template with its placeholders open, the hint of the keys and the notice', () => {
    for (const locale of locales) {
      const t = getT(locale);
      const strings = readerStrings(locale);
      expect(Object.keys(strings[stringTargets.rows]).sort(), locale).toEqual(Object.values(RowTemplate).sort());
      expect(strings[stringTargets.rows][RowTemplate.CopyLabel], locale).toBe(t('reader.copyLink', { place: placeholder('place') }));
      // Content is HTML: its text escaped.
      expect(strings[stringTargets.keysHint][contentKey], locale).toBe(escaped(t('reader.keysHint')));
      const notice = strings[stringTargets.notice][contentKey];
      // The message around the missing ID's empty <code>, the hidden suggestion, the buttons.
      const [before] = t('reader.unknownParagraph', { id: placeholder('id') }).split(placeholder('id'));
      expect(notice, locale).toContain(`<p>${escaped(before)}<code></code>`);
      expect(notice, locale).toContain('<p class="hash-suggestion" hidden>');
      expect(notice, locale).toContain(`<button type="button" ${Attribute.OpenContents}="">${t('reader.openContents')}</button>`);
      expect(notice, locale).toContain(`<button type="button" data-dismiss="">${t('reader.dismiss')}</button>`);
    }
  });

});

describe('applyStrings', () => {
  /** A page of three elements, found by the selectors of the file. */
  function page() {
    type Found = { attributes: Map<string, string>; innerHTML: string; setAttribute(name: string, value: string): void };
    const elements = new Map<string, Found>(Object.values(stringTargets).map((selector) => [selector, { attributes: new Map<string, string>(), innerHTML: '', setAttribute(name: string, value: string) { this.attributes.set(name, value); } }]));
    return { elements, root: { querySelector: (selector: string) => elements.get(selector) ?? null } as unknown as ParentNode };
  }

  it('sets the attributes and the content of each element named, and passes over one the page lacks', () => {
    const { elements, root } = page();
    applyStrings(root, {
      [stringTargets.rows]: { [RowTemplate.CiteLabel]: 'Cite {place}' },
      [stringTargets.keysHint]: { [contentKey]: 'Tab: next paragraph.' },
      [`#${ElementId.Contents}-missing`]: { [contentKey]: 'nowhere' },
    });
    expect(elements.get(stringTargets.rows)?.attributes.get(RowTemplate.CiteLabel)).toBe('Cite {place}');
    expect(elements.get(stringTargets.keysHint)?.innerHTML).toBe('Tab: next paragraph.');
    expect(elements.get(stringTargets.notice)?.innerHTML).toBe('');
  });
});
