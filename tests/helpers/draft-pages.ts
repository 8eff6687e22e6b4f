/**
 * Renders the pages of a test archive of drafts (the base fixture with tests/fixtures/drafts laid over
 * it: a partial Japanese translation of the sample, and a Japanese document whose English version has
 * its title and summary alone) with the site's own components, as static HTML files for the browser
 * tests (tests/e2e/drafts.spec.ts): the reading pages and the library, in English and Japanese. What
 * these pages show of untranslated text needs no script. Run with `tsx --tsconfig
 * tests/helpers/draft-pages.tsconfig.json tests/helpers/draft-pages.ts OUT`, which makes `server-only`
 * the empty module it is on the server.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { summarize } from '../../src/cache/catalog';
import { loadContent } from '../../src/cache/load';
import { getT } from '../../src/i18n/server';
import { diagnostics } from '../../src/model/format';
import { Library } from '../../src/site/library';
import { Reader } from '../../src/site/reader';
import { fixturesDir } from './fixtures';

const locales = ['en', 'ja'] as const;

function page(lang: string, body: ReactElement): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>test</title></head><body><main>${renderToStaticMarkup(body)}</main></body></html>`;
}

async function main(out: string): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'reader-drafts-'));
  try {
    await cp(join(fixturesDir, 'base'), root, { recursive: true });
    await cp(join(fixturesDir, 'drafts'), root, { recursive: true });
    const content = await loadContent(root);
    if (content.failed) throw new Error(`the drafts fixture has errors:\n${content.report}`);
    const glossary = new Map(content.archive.glossary.map((item) => [item.id, item]));
    for (const locale of locales) {
      const t = getT(locale);
      await mkdir(join(out, locale), { recursive: true });
      for (const document of content.archive.documents) {
        await writeFile(join(out, locale, `${document.slug}.html`), page(locale, createElement(Reader, { locale, t, document, glossary })));
      }
      await writeFile(join(out, locale, 'library.html'), page(locale, createElement(Library, { locale, t, documents: content.archive.documents.map(summarize), page: 1, pages: 1 })));
    }
    // What the validator says of the drafts: for the test to compare.
    await writeFile(join(out, 'diagnostics.json'), JSON.stringify(diagnostics(content.files)));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

await main(process.argv[2] ?? join(tmpdir(), 'reader-draft-pages'));
