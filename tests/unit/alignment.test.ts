/**
 * The translations are aligned with the source: the same block IDs in the same order and of the same
 * kind, the same notes, the same glossary entries marked in each block, and every mention's entry has
 * a name in the mention's language.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent, type LoadedContent } from '../../src/cache/load';
import { hasErrors } from '../../src/model/report';
import { languages } from '../../src/model/languages';
import type { DocumentText } from '../../src/model/types';

const root = join(import.meta.dirname, '..', '..');
let content: LoadedContent;
beforeAll(async () => {
  content = await loadContent(root);
});

const termsByBlock = (text: DocumentText) => {
  const map: Record<string, string[]> = {};
  for (const mention of text.mentions.filter((m) => !m.inNote)) {
    map[mention.block] = [...new Set([...(map[mention.block] ?? []), mention.ref])].sort();
  }
  return map;
};

describe('the committed content', () => {
  it('passes the validator without errors or warnings', () => {
    expect(hasErrors(content.files)).toBe(false);
    expect(content.files.flatMap((file) => file.messages.map((m) => `${file.path}:${m.line}:${m.column} ${m.reason}`))).toEqual([]);
  });

  it('has every document in all three languages, one of them the source', () => {
    for (const document of content.archive.documents) {
      expect(Object.keys(document.texts).sort()).toEqual([...languages].sort());
      expect(languages.filter((lang) => document.texts[lang]?.frontMatter.role === 'source')).toEqual([document.source]);
    }
  });

  it('labels every translation as unofficial, with translator and method', () => {
    for (const document of content.archive.documents) {
      for (const lang of languages.filter((l) => l !== document.source)) {
        const provenance = document.texts[lang]?.frontMatter.provenance;
        expect(provenance?.official).toBe(false);
        expect(provenance?.translator).toBeTruthy();
        expect(provenance?.method).toMatch(/unofficial|неофициальн|非公式/i);
      }
    }
  });

  for (const lang of ['ja', 'en'] as const) {
    describe(`the ${lang} translation`, () => {
      const pair = () => {
        const document = content.archive.documents[0];
        return { source: document.texts[document.source] as DocumentText, text: document.texts[lang] as DocumentText };
      };

      it('has exactly the source’s blocks, in order, of the same kind and level', () => {
        const { source, text } = pair();
        const shape = (t: DocumentText) => t.blocks.map(({ id, kind, depth }) => `${id}:${kind}:${depth}`);
        expect(shape(text)).toEqual(shape(source));
        for (const block of text.blocks) expect(block.text.length).toBeGreaterThan(0);
      });

      it('has every note of the source, in order, with the same kind', () => {
        const { source, text } = pair();
        expect(text.notes.map(({ id, kind }) => `${id}:${kind}`)).toEqual(source.notes.map(({ id, kind }) => `${id}:${kind}`));
      });

      it('marks the same glossary entries in each block as the source', () => {
        const { source, text } = pair();
        expect(termsByBlock(text)).toEqual(termsByBlock(source));
      });

      it('is written in its own script', () => {
        const { text } = pair();
        const body = text.blocks.map((block) => block.text).join(' ');
        const japanese = body.match(/[\u3040-\u30ff\u4e00-\u9fff]/g)?.length ?? 0;
        const cyrillic = body.match(/[\u0400-\u04ff]/g)?.length ?? 0;
        if (lang === 'ja') expect(japanese).toBeGreaterThan(body.length / 2);
        else expect(japanese + cyrillic).toBe(0);
      });
    });
  }

  it('gives every mentioned entry a name in the language of each mention', () => {
    const glossary = new Map(content.archive.glossary.map((item) => [item.id, item]));
    for (const document of content.archive.documents) {
      for (const lang of languages) {
        for (const mention of document.texts[lang]?.mentions ?? []) {
          const entry = glossary.get(mention.ref);
          expect(entry, `${lang}: ${mention.ref}`).toBeDefined();
          expect(entry?.names[lang].trim(), `${lang}: ${mention.ref}`).not.toBe('');
          expect(entry?.description[lang].trim(), `${lang}: ${mention.ref}`).not.toBe('');
        }
      }
    }
  });

  it('has a glossary of at least 25 entries, each mentioned in every language', () => {
    expect(content.archive.glossary.length).toBeGreaterThanOrEqual(25);
    const document = content.archive.documents[0];
    for (const lang of languages) {
      const mentioned = new Set(document.texts[lang]?.mentions.map((mention) => mention.ref));
      expect(content.archive.glossary.map((item) => item.id).filter((id) => !mentioned.has(id)), lang).toEqual([]);
    }
  });
});
