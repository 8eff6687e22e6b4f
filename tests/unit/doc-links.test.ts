/**
 * Every relative link of the project's documentation (README.md, docs/, bench/README.md) names a file
 * that exists, and, when it names a heading of a Markdown file (`file.md#heading`), a heading that
 * exists, with the anchor GitHub gives it. Links to other sites are not followed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

const documentation = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
  'bench/README.md',
];

const parse = (path: string): Root => fromMarkdown(readFileSync(join(root, path), 'utf8'));

/** The anchors GitHub gives the headings of a Markdown file: lowercase, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchors(tree: Root): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  visit(tree, 'heading', (heading) => {
    const base = toString(heading)
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  });
  return result;
}

/** The relative links of a Markdown file: inline links, images and link definitions. */
function relativeLinks(tree: Root): string[] {
  const urls: string[] = [];
  visit(tree, (node) => {
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !/^(?:[a-z][a-z\d+.-]*:|\/\/)/i.test(node.url)) urls.push(node.url);
  });
  return urls;
}

describe('the documentation’s links', () => {
  it('reads the README and docs/', () => {
    expect(documentation).toContain('docs/content-format.md');
    expect(documentation).toContain('docs/validator-rules.md');
  });

  for (const path of documentation) {
    it(`${path}: every relative link resolves`, () => {
      const broken: string[] = [];
      for (const url of relativeLinks(parse(path))) {
        const [target, fragment] = url.split('#', 2);
        const file = target ? join(root, dirname(path), decodeURIComponent(target)) : join(root, path);
        if (!existsSync(file)) {
          broken.push(`${url}: no file ${relative(root, file)}`);
          continue;
        }
        if (fragment && file.endsWith('.md') && !anchors(parse(relative(root, file))).has(decodeURIComponent(fragment))) {
          broken.push(`${url}: no heading #${fragment} in ${relative(root, file)}`);
        }
      }
      expect(broken).toEqual([]);
    });
  }
});
