/**
 * The provenance of a language version in its column head: links to the official publication and to
 * an archived copy when the front matter gives them (tests/fixtures/provenance: the base document with
 * both addresses), nothing when it does not (the base fixture).
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../src/model/types';
import { getT } from '../../src/i18n/server';
import { ProvenanceList } from '../../src/site/provenance';
import { fixturesDir, loadArchive } from '../helpers/fixtures';

let dir: string;
let withAddresses: Archive;
let without: Archive;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reader-provenance-'));
  await cp(join(fixturesDir, 'base'), dir, { recursive: true });
  await cp(join(fixturesDir, 'provenance'), dir, { recursive: true });
  withAddresses = await loadArchive(dir);
  without = await loadArchive(join(fixturesDir, 'base'));
});

afterAll(() => rm(dir, { recursive: true, force: true }));

function render(edition: Archive, language: 'ru' | 'en', locale: 'ru' | 'ja' | 'en'): string {
  const text = edition.documents[0].texts[language];
  if (!text) throw new Error(`no ${language} text in the fixture`);
  return renderToStaticMarkup(createElement(ProvenanceList, { t: getT(locale), provenance: text.frontMatter.provenance, language }));
}

describe('ProvenanceList', () => {
  it('links the official publication and the archived copy, labelled in the interface language', () => {
    const official = 'https://example.org/press/2020-01-15.html';
    const archived = 'https://web.archive.org/web/20200115000000/https://example.org/press/2020-01-15.html';
    expect(render(withAddresses, 'ru', 'en')).toContain(
      `<div data-provenance="url"><dt>Published by the issuer</dt><dd><a href="${official}" rel="external">example.org</a></dd></div>` +
        `<div data-provenance="archive"><dt>Archived copy</dt><dd><a href="${archived}" rel="external">web.archive.org</a></dd></div>`,
    );
    expect(render(withAddresses, 'ru', 'ja')).toContain('<dt>発表元の掲載ページ</dt>');
    expect(render(withAddresses, 'ru', 'ja')).toContain('<dt>アーカイブ版</dt>');
    expect(render(withAddresses, 'ru', 'ru')).toContain('<dt>Публикация на сайте источника</dt>');
    expect(render(withAddresses, 'ru', 'ru')).toContain('<dt>Архивная копия</dt>');
  });

  it('keeps the issuer in the language of the version, not a link', () => {
    expect(render(withAddresses, 'ru', 'en')).toContain('<dd lang="ru">Министерство иностранных дел Японии</dd>');
  });

  it('shows no link, and no empty label, where the front matter gives no address', () => {
    for (const language of ['ru', 'en'] as const) {
      const html = render(without, language, 'en');
      expect(html).not.toContain('<a');
      expect(html).not.toContain('data-provenance');
    }
  });
});
