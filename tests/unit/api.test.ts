/** Pins the public API of the pipeline and the content loader. */
import { describe, expect, it } from 'vitest';
import * as load from '../../src/content/load';
import * as pipeline from '../../src/pipeline';

describe('public API', () => {
  it('exports the pipeline plugins in one barrel', () => {
    expect(Object.keys(pipeline).sort()).toEqual(
      [
        'checkCharacters',
        'createProcessor',
        'isSafeUrl',
        'plainText',
        'rehypeBudoux',
        'rehypeCollect',
        'remarkAnnotations',
        'remarkBlockIds',
        'remarkCharacters',
        'remarkEscapes',
        'remarkFrontMatter',
        'remarkHouseStyle',
        'remarkSafety',
        'remarkSentences',
        'parseMarker',
        'sentenceNumberPattern',
        'report',
        'sanitizeSchema',
      ].sort(),
    );
  });

  it('exports the loader', () => {
    expect(Object.keys(load).sort()).toEqual(
      ['ContentError', 'checkContent', 'hasErrors', 'listDocumentSlugs', 'loadContent', 'loadDocument', 'loadEdition', 'loadGlossary', 'processText', 'streamContent'].sort(),
    );
  });

  it('rejects broken content from loadEdition with the compiler-style report', async () => {
    const { join } = await import('node:path');
    const root = join(import.meta.dirname, '..', 'fixtures', 'broken');
    await expect(load.loadEdition(root)).rejects.toThrowError(/content\/glossary\.yaml:1:1: error the glossary file is missing \[glossary-schema\]/);
  });
});
