/** Imports run one way: the layers of docs/architecture.md, checked over every module. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importViolations, readLayers } from '../helpers/layers';

const root = join(import.meta.dirname, '..', '..');
const layers = readLayers(readFileSync(join(root, 'docs', 'architecture.md'), 'utf8'));
const scanned = ['src', 'scripts', 'bench'];

describe('the layers', () => {
  it('are read from the table of docs/architecture.md, from the model up', () => {
    expect(layers[0]).toEqual({ level: 0, folders: ['src/model'] });
    expect(layers.map((layer) => layer.level)).toEqual(layers.map((_, index) => index));
    expect(layers.flatMap((layer) => layer.folders)).toEqual(expect.arrayContaining(['src/content', 'src/pipeline', 'src/rules', 'src/cache', 'src/site', 'bench']));
  });

  it('hold every import of the project', () => {
    expect(importViolations(root, layers, scanned)).toEqual([]);
  });

  describe('in a scratch copy with imports added on purpose', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'reader-layers-'));
    afterAll(() => rmSync(scratch, { recursive: true, force: true }));
    for (const folder of scanned) cpSync(join(root, folder), join(scratch, folder), { recursive: true });

    it('names an upward import: the model importing the site', () => {
      const path = join(scratch, 'src', 'model', 'languages.ts');
      writeFileSync(path, `${readFileSync(path, 'utf8')}\nexport { languagePaths } from '../contract/paths';\n`);
      const problems = importViolations(scratch, layers, scanned);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^src\/model\/languages\.ts:\d+: imports \.\.\/contract\/paths\.ts \(`src\/contract`, layer 6\) from `src\/model` \(layer 0\): an import that runs upward$/);
    });

    it('names a type-only import, a dynamic import and a sideways import', () => {
      writeFileSync(join(scratch, 'src', 'pipeline', 'stray.ts'), "import type { ContentCache } from '../cache/read';\nexport const later = () => import('../cache/write');\nexport type Cache = ContentCache;\n");
      writeFileSync(join(scratch, 'src', 'site', 'stray.ts'), "import { startColumns } from '../behaviour/columns';\nexport { startColumns };\n");
      const problems = importViolations(scratch, layers, scanned).filter((problem) => problem.includes('stray'));
      expect(problems).toEqual([
        expect.stringMatching(/^src\/pipeline\/stray\.ts:1: imports \.\.\/cache\/read\.ts \(`src\/cache`, layer 4\) from `src\/pipeline` \(layer 2\): an import that runs upward$/),
        expect.stringMatching(/^src\/pipeline\/stray\.ts:2: imports \.\.\/cache\/write\.ts .* upward$/),
        expect.stringMatching(/^src\/site\/stray\.ts:1: imports \.\.\/behaviour\/columns\.ts \(`src\/behaviour`, layer 8\) from `src\/site` \(layer 8\): an import that runs sideways$/),
      ]);
    });

    it('names a folder the table does not place', () => {
      writeFileSync(join(scratch, 'src', 'orphan.ts'), 'export const orphan = 1;\n');
      expect(importViolations(scratch, layers, scanned)).toContain('src/orphan.ts: its folder has no layer in docs/architecture.md');
    });
  });
});
