/** The page–script contract (src/contract/page.ts): its names are distinct, its templates agree with the interface strings. */
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { Attribute, ElementId, fill, fillTemplate, openValues, PageEvent, placeholder, RowTemplate, SearchTemplate, StorageKey, templateAttributes, templates, type Template } from '../../src/contract/page';
import { resources } from '../../src/i18n/resources';
import { locales } from '../../src/i18n/config';

/** The string of `key` in `messages` (`reader.copyLink`). */
function message(messages: object, key: string): string {
  const value = key.split('.').reduce<unknown>((node, part) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages);
  if (typeof value !== 'string') throw new Error(`no string ${key}`);
  return value;
}

const templateNames: Template[] = [...Object.values(RowTemplate), ...Object.values(SearchTemplate)];

describe('the names of the contract', () => {
  it('are each declared once: no two share an attribute, an id, a storage key or an event', () => {
    const attributes: string[] = [...Object.values(Attribute), ...templateNames];
    expect(attributes.length).toBeGreaterThan(40);
    for (const attribute of attributes) expect(attribute).toMatch(/^data-[a-z]+(?:-[a-z]+)*$/);
    const names: string[] = [...attributes, ...Object.values(ElementId), ...Object.values(StorageKey), ...Object.values(PageEvent)];
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });
});

describe('the templates', () => {
  it('leave open exactly the variables of their interface string, in every locale', () => {
    expect(Object.keys(templates).sort()).toEqual([...templateNames].sort());
    for (const locale of locales) {
      for (const name of templateNames) {
        const { message: key, placeholders } = templates[name];
        const variables = [...message(resources[locale], key).matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]);
        expect(new Set(variables), `${locale} ${key}`).toEqual(new Set(placeholders));
      }
    }
  });

  it('are written by the server with their placeholders open, and filled by the script', () => {
    const i18n = createInstance();
    void i18n.init({ lng: 'en', resources: { en: { translation: resources.en } }, initAsync: false, interpolation: { escapeValue: false } });
    const written = templateAttributes(i18n.getFixedT('en'), RowTemplate);
    expect(written[RowTemplate.CopyLabel]).toBe('Copy link to {place}');
    const rows = { getAttribute: (name: string) => written[name] ?? null } as unknown as Element;
    expect(fillTemplate(rows, RowTemplate.CopyLabel, { place: '1.1 ¶2' })).toBe('Copy link to 1.1 ¶2');
    expect(fillTemplate(rows, RowTemplate.CopyFailed, { url: 'https://example.org/en/documents/x/#s1' })).toBe('Could not copy the link. The address is https://example.org/en/documents/x/#s1');
  });

  it('fill each placeholder once, as given, and leave one without a value as it is', () => {
    expect(placeholder('place')).toBe('{place}');
    expect(openValues(['number', 'query'])).toEqual({ number: '{number}', query: '{query}' });
    expect(fill('{number} results for “{query}”', { number: 3, query: '{number} $& $1' })).toBe('3 results for “{number} $& $1”');
    expect(fill('Cite {place}', {})).toBe('Cite {place}');
  });
});
