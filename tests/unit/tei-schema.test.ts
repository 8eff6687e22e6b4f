/**
 * The TEI export is valid TEI P5: every document of the real content and the test fixture, validated
 * by jing (Debian's `jing`, the reference RELAX NG validator; .ci/run installs it) against TEI P5's
 * own `tei_all` schema, vendored with its licence and provenance in tests/schemas/tei/ (tests never
 * download). RELAX NG only: the Schematron rules embedded in tei_all are not run.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toTei } from '../../src/exports/tei';
import type { GlossaryItem } from '../../src/model/types';
import { twoEditions } from '../helpers/editions';
import { fixturesDir, loadArchive } from '../helpers/fixtures';
import { validateWithJing } from '../helpers/jing';

const schema = join(import.meta.dirname, '..', 'schemas', 'tei', 'tei_all.rng');

/** What the TEI export of the reading page's download looks like, without the site's address. */
const options = { publisher: 'Diplomatic Records Reader', permalink: 'https://example.org/en/documents/x/' };

/** A TEI document like the export before it was fixed: a taxonomy in standOff, which TEI P5 does not allow. */
const taxonomyInStandOff = `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>
  <standOff><taxonomy><category xml:id="r-and-d"><catDesc><term>R&amp;D</term></catDesc></category></taxonomy></standOff>
  <text><body><p><term ref="#r-and-d">R&amp;D</term></p></body></text>
</TEI>
`;

describe('the TEI export against TEI P5 (tei_all)', () => {
  let dir: string;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tei-schema-'));
    const write = async (name: string, xml: string) => {
      files[name] = join(dir, name);
      await writeFile(files[name], xml);
    };
    for (const [kind, root] of [
      ['content', undefined],
      ['fixture', join(fixturesDir, 'exports')],
    ] as const) {
      const edition = await loadArchive(root);
      const glossary = new Map(edition.glossary.map((item) => [item.id, item]));
      for (const document of edition.documents) await write(`${kind}-${document.slug}.tei.xml`, toTei(document, glossary, options));
      if (kind === 'fixture') {
        // Every kind of glossary entry with a Wikidata item: the lists and the taxonomy carry it.
        const withItems = new Map<string, GlossaryItem>([...glossary].map(([id, item], index) => [id, { ...item, wikidata: `Q${index + 1}` }]));
        await write('fixture-with-wikidata.tei.xml', toTei(edition.documents[0], withItems, { publisher: options.publisher }));
        // A document in its second edition, and its first edition as kept: editionStmt and revisionDesc.
        const { current, past } = twoEditions(edition.documents[0], edition.glossary);
        await write('fixture-edition-2.tei.xml', toTei(current, glossary, options));
        await write('fixture-edition-1.tei.xml', toTei(past, glossary, options));
      }
    }
    await write('taxonomy-in-standoff.tei.xml', taxonomyInStandOff);
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is valid for every document of the content and of the fixture, in any edition, and the schema catches the taxonomy that was not', async () => {
    const errors = await validateWithJing(schema, Object.values(files));
    const exports = Object.entries(files).filter(([name]) => name !== 'taxonomy-in-standoff.tei.xml');
    expect(exports.some(([name]) => name.startsWith('content-'))).toBe(true);
    for (const [name, path] of exports) expect(errors.get(path), name).toEqual([]);
    // The schema and the validator do find what the first export had wrong.
    expect(errors.get(files['taxonomy-in-standoff.tei.xml'])?.[0]).toMatch(/^4:\d+: element "taxonomy" not allowed here/);
  });
});
