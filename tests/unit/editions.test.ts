/**
 * Editions: edition 1 of the one document stays readable exactly as it was published (its words are
 * the test), and the editions of a document are read, loaded and checked.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const projectRoot = join(import.meta.dirname, '..', '..');
const slug = '2019-05-30-japan-russia-2plus2';
const editionOne = join(projectRoot, 'content', 'documents', slug, 'editions', '1');

/**
 * SHA-256 of each file of edition 1's snapshot. The texts' are those of the files as edition 1 was
 * published (commit 92978a3, `content/documents/<slug>/<lang>.md`); the glossary's is of the snapshot
 * as written then: the entries of that commit's `content/glossary.yaml` that edition 1 mentions.
 */
const pinned = {
  'ru.md': '7c5684bb0b30b51e1f78dd1bee1aed8f163ab3e29d0df4b970c7b949d8641cfb',
  'ja.md': '15caf37be6f2be3801909bae6be8bd1732c132374b5ccf2d79f3b2f93fad4b28',
  'en.md': 'ce0ef0a807bb1357fc176d792da1ffa71aef928e9e4369b5cc203e99d4fd3fd4',
  'glossary.yaml': '3c45df2f96b66b8ab56197f2636f2b617e4587265b7afe72452c1f65dd8b8e1b',
};

describe('edition 1 of the 2019 "2+2" document', () => {
  it('is kept byte for byte as it was published', () => {
    const actual = Object.fromEntries(Object.keys(pinned).map((name) => [name, createHash('sha256').update(readFileSync(join(editionOne, name))).digest('hex')]));
    expect(actual).toEqual(pinned);
  });
});
