/**
 * No interface key (`reader.notesHeading`) where its string belongs, in any download: every export
 * file of the test fixture and of the real content, in each language, rendered as the site renders
 * it (src/site/exports.ts, with the interface strings of src/i18n). The key list comes from
 * src/i18n/locales/*.json (tests/helpers/interface-keys.ts). tests/e2e/exports.spec.ts scans every
 * page and file of the built site the same way.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportFiles } from '../../src/exports/files';
import type { Archive } from '../../src/model/types';
import { exportBody } from '../../src/site/exports';
import { fixturesDir, loadArchive } from '../helpers/fixtures';
import { interfaceKeys, keyFinder } from '../helpers/interface-keys';

const find = keyFinder();

describe('the interface keys', () => {
  it('are read from the locales, plural keys with and without their suffix', () => {
    const keys = interfaceKeys();
    for (const key of ['reader.notesHeading', 'reader.notesHeading_one', 'reader.issuer', 'glossary.kinds.person', 'glossary.kinds', 'downloads.title']) expect(keys, key).toContain(key);
    expect(keys.every((key) => key.includes('.'))).toBe(true);
  });

  it('are found as whole keys, and ordinary dotted words are not', () => {
    expect(find('[1] A note.\n\nreader.notesHeading\n\n[1] …')).toEqual(['reader.notesHeading']);
    expect(find('<h2>reader.notesHeading_other</h2> <p title="glossary.kinds.person">')).toEqual(['reader.notesHeading_other', 'glossary.kinds.person']);
    expect(find('"label": "reader.issuer",')).toEqual(['reader.issuer']);
    // A map from keys to their strings (the search page's templates) names keys on purpose.
    expect(find('{"cite.title": "title", "x": "cite.block"}')).toEqual(['cite.block']);
    expect(find('data-cite="{&quot;cite.title&quot;:&quot;title&quot;}"')).toEqual([]);
    for (const ordinary of [
      'document.schema.json',
      'https://example.org/schemas/document.schema.json',
      '2019-05-30-japan-russia-2plus2.tei.xml',
      'site.name.example',
      'my.reader.notesHeading',
      'reader.notesHeadings',
      'Notes',
    ]) {
      expect(find(ordinary), ordinary).toEqual([]);
    }
  });
});

describe('every download', () => {
  const editions: Array<[string, Archive]> = [];
  beforeAll(async () => {
    editions.push(['test fixture', await loadArchive(join(fixturesDir, 'exports'))], ['content/', await loadArchive()]);
  });

  it('of the fixture and of the real content, in every language, carries no interface key', () => {
    let files = 0;
    for (const [name, edition] of editions) {
      const glossary = new Map(edition.glossary.map((item) => [item.id, item]));
      for (const document of edition.documents) {
        for (const file of exportFiles(document.slug, document.texts)) {
          const rendered = exportBody(document, glossary, file.name);
          expect(rendered, `${name}: ${file.name}`).toBeDefined();
          expect(find(rendered?.body ?? ''), `${name}: ${file.name}`).toEqual([]);
          files++;
        }
      }
    }
    // The fixture's six files and at least the six of one real document.
    expect(files).toBeGreaterThanOrEqual(12);
  });

  it('heads the notes of a plain text as the reading page does: in its language, agreeing with their number', () => {
    const [, fixture] = editions[0];
    const glossary = new Map(fixture.glossary.map((item) => [item.id, item]));
    const [document] = fixture.documents;
    // The fixture has one note: a singular heading.
    expect(document.texts.en?.notes).toHaveLength(1);
    const heading = (language: string) => exportBody(document, glossary, `${document.slug}.${language}.txt`)?.body.split('* * *\n\n')[1]?.split('\n')[0];
    expect(heading('en')).toBe('Note');
    expect(heading('ru')).toBe('Примечание');
    expect(heading('ja')).toBe('注');

    const [, content] = editions[1];
    const real = content.documents.find((candidate) => (candidate.texts.en?.notes.length ?? 0) > 1);
    expect(real, 'a real document with several notes').toBeDefined();
    if (!real) return;
    const realGlossary = new Map(content.glossary.map((item) => [item.id, item]));
    expect(exportBody(real, realGlossary, `${real.slug}.en.txt`)?.body).toContain('\n* * *\n\nNotes\n\n[1] ');
    expect(exportBody(real, realGlossary, `${real.slug}.ru.txt`)?.body).toContain('\n* * *\n\nПримечания\n\n[1] ');
  });
});
