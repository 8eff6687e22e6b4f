/** The column choice in the address (`?cols=`): parsing, the page script's address functions, and the early inline script. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { missingTarget } from '../../src/behaviour/missing-target';
import { compileEarlyScripts } from '../../src/export/bundle-behaviour';
import { addressWith, columnsFromAddress, columnsSegment, defaultColumns, parseColumns, readingDefault } from '../../src/contract/columns';
import { Attribute } from '../../src/contract/page';

const page = 'https://example.org/en/documents/2019-05-30-japan-russia-2plus2/';

describe('parseColumns', () => {
  it('reads ordered subsets without repeats, and nothing else', () => {
    expect(parseColumns('en-ru')).toEqual(['en', 'ru']);
    expect(parseColumns('ja')).toEqual(['ja']);
    for (const bad of ['', 'ru-ru', 'de', 'ru-ja-en-ru', 'RU', 'ru,en', 'ru--en', '<script>', 'ru-'.repeat(20)]) {
      expect(parseColumns(bad), bad).toBeUndefined();
    }
  });
});

describe('the address of a view', () => {
  it('reads the choice of the address, or the default view for a missing or broken one', () => {
    expect(columnsFromAddress(new URL(`${page}?cols=en-ja#s1-p1`))).toEqual(['en', 'ja']);
    expect(columnsFromAddress(new URL(page))).toEqual(defaultColumns);
    expect(columnsFromAddress(new URL(`${page}?cols=%3Cscript%3E`))).toEqual(defaultColumns);
  });

  it('writes a choice into the address, keeping the fragment and other queries, and drops it for the default view', () => {
    expect(addressWith(new URL(`${page}?q=1#s1-p1`), ['ja', 'en']).toString()).toBe(`${page}?q=1&cols=ja-en#s1-p1`);
    expect(addressWith(new URL(`${page}?cols=en#s2`), defaultColumns).toString()).toBe(`${page}#s2`);
    // The page's own default view, and the row being read as the fragment.
    expect(addressWith(new URL(`${page}?cols=en#s2`), ['en', 'ru', 'ja'], ['en', 'ru', 'ja'], 's3-p1').toString()).toBe(`${page}#s3-p1`);
    expect(addressWith(new URL(page), ['ru', 'ja', 'en'], ['en', 'ru', 'ja'], 's3-p1').toString()).toBe(`${page}?cols=ru-ja-en#s3-p1`);
  });

  it('reads a missing or broken choice as the page’s default view', () => {
    expect(columnsFromAddress(new URL(`${page}?cols=xx`), ['ja', 'ru', 'en'])).toEqual(['ja', 'ru', 'en']);
  });
});

describe('missingTarget', () => {
  const root = { getElementById: (id: string) => (id === 's1-p1' ? {} : null) } as unknown as Document;
  it('names a fragment that no element has, decoded, and nothing else', () => {
    expect(missingTarget(root, '#s1-p1')).toBeUndefined();
    expect(missingTarget(root, '#s99-p9')).toBe('s99-p9');
    expect(missingTarget(root, '#%D0%BF')).toBe('п');
    expect(missingTarget(root, '#%E0%A4%A')).toBe('%E0%A4%A');
    expect(missingTarget(root, '')).toBeUndefined();
    expect(missingTarget(root, '#:~:text=Tokyo')).toBeUndefined();
  });
});

describe('the early script', () => {
  let earlyScript = '';
  beforeAll(async () => {
    earlyScript = (await compileEarlyScripts(join(import.meta.dirname, '..', '..'), '/assets/site.abc123defg.js'))['column-choice'];
  });

  /** Runs the inline script as the browser would, against a fake page at `href` with `stored` remembered and `defaults` written on the script. */
  function run(href: string, stored: string | null, defaults = defaultColumns) {
    const attributes = new Map<string, string>();
    const location = { href };
    const history = { state: null, replaceState: (_state: unknown, _title: string, url: string) => (location.href = url) };
    const loaded: Array<{ type: string; src: string }> = [];
    const document = {
      currentScript: { getAttribute: (name: string) => (name === Attribute.DefaultView ? columnsSegment(defaults) : null) },
      documentElement: { setAttribute: (name: string, value: string) => attributes.set(name, value) },
      createElement: () => ({ type: '', src: '', setAttribute(name: string) {
        (this as unknown as Record<string, string>)[name] = '';
      } }),
      head: { appendChild: (script: { type: string; src: string }) => loaded.push(script) },
    };
    const localStorage = { getItem: () => stored };
    new Function('location', 'history', 'document', 'localStorage', earlyScript)(location, history, document, localStorage);
    const pending = attributes.has('data-cols-pending');
    // The page script is loaded at once, as a module, exactly when the rows are held back for it.
    expect(loaded.map(({ type, src, ...rest }) => ({ type, src, site: 'data-site' in rest }))).toEqual(pending ? [{ type: 'module', src: '/assets/site.abc123defg.js', site: true }] : []);
    return { pending, href: location.href };
  }

  it('holds the rows back only for a valid choice other than the default one', () => {
    expect(run(`${page}?cols=en-ru#s1`, null)).toEqual({ pending: true, href: `${page}?cols=en-ru#s1` });
    expect(run(`${page}?cols=ru-ja-en`, null).pending).toBe(false);
    expect(run(`${page}?cols=xx`, 'ja').pending).toBe(false);
    expect(run(page, null)).toEqual({ pending: false, href: page });
  });

  it('puts a remembered choice into an address that has none', () => {
    expect(run(`${page}#s1-p1`, 'ja-en')).toEqual({ pending: true, href: `${page}?cols=ja-en#s1-p1` });
    expect(run(`${page}#s1-p1`, 'garbage')).toEqual({ pending: false, href: `${page}#s1-p1` });
    // An explicit choice in the address wins over the remembered one.
    expect(run(`${page}?cols=en`, 'ja-en').href).toBe(`${page}?cols=en`);
  });

  it('takes the page’s own default view as the one that needs nothing done', () => {
    const english = readingDefault('en', () => true);
    expect(run(`${page}?cols=en-ru-ja`, null, english).pending).toBe(false);
    expect(run(`${page}?cols=ru-ja-en`, null, english).pending).toBe(true);
    expect(run(page, 'en-ru-ja', english)).toEqual({ pending: false, href: page });
  });
});

describe('readingDefault', () => {
  it('puts the interface language first when the document has that version, and changes nothing otherwise', () => {
    expect(readingDefault('ja', () => true)).toEqual(['ja', 'ru', 'en']);
    expect(readingDefault('en', () => true)).toEqual(['en', 'ru', 'ja']);
    expect(readingDefault('ru', () => true)).toEqual(['ru', 'ja', 'en']);
    expect(readingDefault('ja', (language) => language !== 'ja')).toEqual(defaultColumns);
  });
});
