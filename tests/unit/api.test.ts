/** Pins the public API of the pipeline, the content loader and the content cache's reader. */
import { describe, expect, it } from 'vitest';
import * as load from '../../src/cache/load';
import * as cacheReader from '../../src/cache/read';
import * as pipeline from '../../src/pipeline';

describe('public API', () => {
  it('exports the pipeline plugins in one barrel', () => {
    expect(Object.keys(pipeline).sort()).toEqual(
      [
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
        'pipelineRuleIds',
        'sanitizeSchema',
      ].sort(),
    );
  });

  it('exports the loader', () => {
    expect(Object.keys(load).sort()).toEqual(['checkContent', 'loadContent']);
  });

  it('exports the reader of the content cache', () => {
    expect(Object.keys(cacheReader).sort()).toEqual(['ContentCacheError', 'openContentCache']);
  });

  it('reports broken content from loadContent with the compiler-style report', async () => {
    const { join } = await import('node:path');
    const root = join(import.meta.dirname, '..', 'fixtures', 'broken');
    const content = await load.loadContent(root);
    expect(content.failed).toBe(true);
    expect(content.report).toMatch(/content\/glossary\.yaml:1:1: error the glossary file is missing \[glossary-schema\]/);
  });
});
