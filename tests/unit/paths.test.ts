import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileEarlyScripts } from '../../src/export/bundle-behaviour';
import { glossaryEntryOf, glossaryPath } from '../../src/contract/paths';

describe('glossary links', () => {
  it('name their entry by their address, in every interface language', () => {
    for (const locale of ['ru', 'ja', 'en'] as const) {
      for (const entry of ['kono-taro', 'aegis-ashore', 'g20']) expect(glossaryEntryOf(glossaryPath(locale, entry))).toBe(entry);
    }
    expect(glossaryEntryOf('/en/glossary/kono-taro/#top')).toBe('kono-taro');
    expect(glossaryEntryOf('https://example.org/en/glossary/kono-taro/')).toBe('kono-taro');
  });

  it('name none when the address is not an entry’s', () => {
    for (const href of [null, '', '/en/glossary/', '/en/documents/x/', '/en/glossary/kono-taro', '#n_1']) expect(glossaryEntryOf(href), String(href)).toBeUndefined();
  });
});

describe('the page loader', () => {
  it('imports the page script once the browser reports its first contentful paint, buffered if it came first', async () => {
    const script = (await compileEarlyScripts(join(import.meta.dirname, '..', '..'), '/assets/site.abc123defg.js')).loader;
    expect(script).toMatch(/^new PerformanceObserver\(\w+=>\w+\.getEntriesByName\("first-contentful-paint"\)\[0\]&&import\("\/assets\/site\.abc123defg\.js"\)\)\.observe\(\{type:"paint",buffered:!0\}\);?$/);
    // Valid JavaScript.
    expect(() => new Function(script.replace(/import\(/g, 'String('))).not.toThrow();
  });
});
