/**
 * The site's address (`SITE_URL`): with it, canonical, OpenGraph, alternate links, robots.txt and the
 * citations are absolute on it; without it, nothing names a guessed host (site-url.ts), and the build
 * says so (build.ts). The page script gives the citations the origin the page is read at.
 */
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import robots from '../../src/app/robots';
import type { ArchiveDocument } from '../../src/model/types';
import { siteUrlNotice } from '../../src/export/build';
import { atOrigin } from '../../src/contract/cite-data';
import { citeData } from '../../src/site/citation';
import { pageMetadata, pathsFor } from '../../src/site/metadata';
import { documentPath } from '../../src/contract/paths';
import { absoluteUrl, siteAddress, siteUrl, siteUrlProblem } from '../../src/site/site-url';
import { fixturesDir, loadArchive } from '../helpers/fixtures';

afterEach(() => {
  vi.unstubAllEnvs();
});

let document: ArchiveDocument;
beforeAll(async () => {
  document = (await loadArchive(join(fixturesDir, 'base'))).documents[0];
});

const metadata = () =>
  pageMetadata({ locale: 'ja', title: '用語集', description: '…', paths: pathsFor((locale) => documentPath(locale, document.slug)) });

describe('SITE_URL', () => {
  it('accepts an http or https origin, and refuses anything else with the reason', () => {
    expect(siteUrlProblem('https://example.org')).toBeUndefined();
    expect(siteUrlProblem('https://example.org/')).toBeUndefined();
    expect(siteUrlProblem('http://127.0.0.1:8080')).toBeUndefined();
    expect(siteUrlProblem('example.org')).toMatch(/not a full address/);
    expect(siteUrlProblem('ftp://example.org')).toMatch(/must be an http or https address/);
    expect(siteUrlProblem('https://example.org/reader/')).toMatch(/base path.*not supported/);
    expect(siteUrlProblem('https://example.org/?a=1')).toMatch(/origin alone/);
  });

  it('is read from the environment; unset or empty means unknown', () => {
    expect(siteUrl({})).toBeUndefined();
    expect(siteUrl({ SITE_URL: ' ' })).toBeUndefined();
    expect(siteUrl({ SITE_URL: 'https://example.org' })?.href).toBe('https://example.org/');
    expect(() => siteUrl({ SITE_URL: 'https://example.org/reader/' })).toThrow(/base path/);
  });

  describe('when set', () => {
    it('makes addresses absolute on it', () => {
      vi.stubEnv('SITE_URL', 'https://example.org');
      expect(absoluteUrl('/en/')).toBe('https://example.org/en/');
      expect(siteAddress('/en/documents/x/#')).toBe('https://example.org/en/documents/x/#');
    });

    it('is the base of canonical and alternate links, and og:url is absolute on it', () => {
      vi.stubEnv('SITE_URL', 'https://example.org');
      const result = metadata();
      expect(result.metadataBase?.toString()).toBe('https://example.org/');
      expect(result.alternates?.canonical).toBe(`/ja/documents/${document.slug}/`);
      expect(result.alternates?.languages).toMatchObject({ ru: `/ru/documents/${document.slug}/`, 'x-default': '/' });
      expect(result.openGraph).toMatchObject({ url: `https://example.org/ja/documents/${document.slug}/` });
    });

    it('names the sitemap in robots.txt', () => {
      vi.stubEnv('SITE_URL', 'https://example.org');
      expect(robots().sitemap).toBe('https://example.org/sitemap.xml');
    });

    it('is the address of the citations, which the page script moves to the origin it is read at', () => {
      vi.stubEnv('SITE_URL', 'https://example.org');
      const data = citeData(document, 'en');
      expect(data.address).toBe(`https://example.org/en/documents/${document.slug}/editions/1/`);
      for (const { id: format } of data.formats) {
        const text = data.versions[0].document[format] ?? '';
        expect(text, format).toContain(data.address);
        expect(atOrigin(text, data.address, 'http://127.0.0.1:4321'), format).toContain(`http://127.0.0.1:4321/en/documents/${document.slug}/editions/1/`);
        expect(atOrigin(text, data.address, 'http://127.0.0.1:4321'), format).not.toContain('example.org');
      }
    });
  });

  describe('when not set', () => {
    it('leaves addresses root-relative where they may be, and absent where they must be absolute', () => {
      vi.stubEnv('SITE_URL', '');
      expect(absoluteUrl('/en/')).toBeUndefined();
      expect(siteAddress('/en/')).toBe('/en/');
      const result = metadata();
      expect(result.metadataBase).toBeNull();
      // Crawlers take a relative canonical or hreflang link as an error: none without the address.
      expect(result).not.toHaveProperty('alternates');
      expect(result.openGraph).not.toHaveProperty('url');
      expect(robots()).not.toHaveProperty('sitemap');
    });

    it('gives the citations a root-relative address, which the page script completes', () => {
      vi.stubEnv('SITE_URL', '');
      const data = citeData(document, 'ru');
      expect(data.address).toBe(`/ru/documents/${document.slug}/editions/1/`);
      expect(data.formats.map((format) => format.id)).toEqual(['chicago', 'gost', 'csl-json', 'bibtex', 'ris']);
      for (const { id: format } of data.formats) {
        const text = data.versions[0].document[format] ?? '';
        expect(text, format).not.toMatch(/https?:\/\//);
        expect(atOrigin(text, data.address, 'https://reader.example.net'), format).toContain(`https://reader.example.net/ru/documents/${document.slug}/editions/1/`);
      }
    });

    it('makes the build warn, loudly but without failing; a bad value fails it', () => {
      const notice = siteUrlNotice({});
      expect(notice && 'warning' in notice && notice.warning.join('\n')).toMatch(/WARNING: SITE_URL is not set[\s\S]*SITE_URL=https:\/\/example\.org npm run build/);
      // What it says of the pages is what they carry: no canonical or alternate link at all (above).
      expect(notice && 'warning' in notice && notice.warning.join('\n')).toMatch(/no canonical, language-alternate or og:url link/);
      expect(siteUrlNotice({ SITE_URL: 'https://example.org' })).toBeUndefined();
      expect(siteUrlNotice({ SITE_URL: 'example.org' })).toEqual({ error: expect.stringMatching(/not a full address/) });
    });
  });

  it('puts every page’s title before the site’s name', () => {
    expect(metadata().title).toBe('用語集 · 外交文書対訳リーダー');
  });
});
