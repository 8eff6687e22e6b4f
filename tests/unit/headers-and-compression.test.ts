/**
 * The two build steps that read the whole export: the security headers (a CSP with the hash of every
 * inline script and style, `_headers`, the nginx snippet) and the precompressed copies.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { brotliBestUpTo, brotliQuality, encodingsFor, precompressExport } from '../../src/export/precompress';
import { collectInlineCode, contentSecurityPolicy, headersFile, inlineCodeOf, nginxConf, securityHeaders, writeSecurityHeaders } from '../../src/export/security-headers';
import { editionExportPath, exportPath, feedPath } from '../../src/contract/paths';
import { exportFiles, exportsFolder, glossaryExports, pastEditionExportFiles } from '../../src/exports/files';
import { locales } from '../../src/i18n/config';
import { headersFor, parseHeadersFile } from '../../src/server/headers-file.mjs';

const dirs: string[] = [];
async function siteWith(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'export-steps-'));
  dirs.push(dir);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** The example of the CSP specification and MDN: this script's hash is well known. */
const helloScript = "alert('Hello, world.');";
const helloHash = "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='";

describe('security headers', () => {
  it('finds the inline scripts and styles a browser would hash, and nothing else', () => {
    const page = inlineCodeOf(
      `<html><head><script data-site="">${helloScript}</script><script src="/assets/site.abc.js"></script><script type="application/ld+json">{"a":1}</script><style>p{color:red}</style></head><body><script type="module">x()</script></body></html>`,
    );
    expect(page.scripts).toEqual([helloScript, 'x()']);
    expect(page.styles).toEqual(['p{color:red}']);
    expect(page.problems).toEqual([]);
  });

  it('reports what the policy would block', () => {
    const page = inlineCodeOf('<a href="javascript:alert(1)">x</a><button onclick="go()">y</button>');
    expect(page.problems).toEqual(['a javascript: address in <a href>', 'an inline event handler <button onclick="…">']);
  });

  it('lists every distinct inline script once, by its sha256', async () => {
    const dir = await siteWith({
      'index.html': `<script>${helloScript}</script>`,
      'en/index.html': `<script>${helloScript}</script><style>p{}</style>`,
      'ja/index.html': '<script>other()</script>',
    });
    const code = await collectInlineCode(dir);
    expect(code.scripts).toHaveLength(2);
    expect(code.scripts).toContain(helloHash);
    expect(code.styles).toHaveLength(1);
    const policy = contentSecurityPolicy(code);
    expect(policy).toContain(`script-src 'self' ${code.scripts.join(' ')} 'wasm-unsafe-eval'`);
    expect(policy).not.toContain('unsafe-inline');
    // Styles: the inline <style> by its hash, in style-src once (style-src-elem falls back to it); no style attribute.
    expect(policy).toContain(`style-src 'self' ${code.styles[0]};`);
    expect(policy).not.toContain('style-src-elem');
    // What default-src already holds to 'self' is not said again.
    for (const name of ['font-src', 'connect-src', 'worker-src', 'manifest-src']) expect(policy).not.toContain(name);
    expect(policy).toContain("style-src-attr 'none'");
    for (const directive of ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"]) {
      expect(policy).toContain(directive);
    }
  });

  it('writes _headers that the server reads back as written, and an nginx snippet with the same headers everywhere', async () => {
    const headers = securityHeaders({ scripts: [helloHash], styles: [] });
    const rules = parseHeadersFile(headersFile(headers));
    expect(headersFor(rules, '/en/')).toEqual(Object.fromEntries(headers));
    expect(headersFor(rules, '/assets/site.abcdefgh12.js')['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/_next/static/chunks/x.css')['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(Object.fromEntries(headers)).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Frame-Options': 'DENY',
    });
    expect(Object.fromEntries(headers)['Permissions-Policy']).toMatch(/(^|, )camera=\(\)(, |$)/);
    expect(Object.fromEntries(headers)['Permissions-Policy']).toContain('clipboard-write=(self)');

    const nginx = nginxConf(headers);
    const locations = nginx.split(/^location /m).slice(1).filter((block) => !block.startsWith('= /_headers'));
    // /, the two hashed folders, /exports/, and the feed of each language with its folder of archives and facet feeds.
    expect(locations).toHaveLength(4 + 2 * locales.length);
    expect(headersFor(rules, '/en/feeds/participant/kono-taro/2.xml')['Content-Type']).toBe('application/atom+xml; charset=utf-8');
    for (const block of locations) {
      for (const [name] of headers) expect(block).toMatch(new RegExp(`add_header ${name} ".+" always;`));
      expect(block).toMatch(/add_header Cache-Control "[^"]+" always;/);
    }
  });

  it('gives each download its media type, as an attachment, in _headers and in nginx (with gzip per request)', () => {
    const rules = parseHeadersFile(headersFile(securityHeaders({ scripts: [helloHash], styles: [] })));
    const expected: Record<string, string> = {
      'a-b.tmx': 'application/x-tmx+xml; charset=utf-8',
      'a-b.json': 'application/json; charset=utf-8',
      'a-b.tei.xml': 'application/tei+xml; charset=utf-8',
      'a-b.ja.txt': 'text/plain; charset=utf-8',
    };
    // A past edition's files are downloads of the same types, at their own address.
    for (const file of pastEditionExportFiles('a-b', 2, { ja: {} })) {
      const sent = headersFor(rules, editionExportPath('a-b', 2, file.name));
      expect(sent['Content-Type'], file.name).toBe(file.contentType);
      expect(sent['Content-Disposition'], file.name).toBe('attachment');
    }
    // The reading page links each file at the address the contract gives it.
    for (const file of exportFiles('a-b', { ja: {} })) expect(exportPath('a-b', file.name)).toBe(`${exportsFolder}a-b/${file.name}`);
    for (const file of exportFiles('a-b', { ja: {} })) {
      const sent = headersFor(rules, exportPath('a-b', file.name));
      expect(sent['Content-Type'], file.name).toBe(expected[file.name]);
      expect(sent['Content-Type'], file.name).toBe(file.contentType);
      expect(sent['Content-Disposition'], file.name).toBe('attachment');
      expect(sent['X-Content-Type-Options'], file.name).toBe('nosniff');
    }
    // The glossary's TBX files, at the top of the downloads' folder.
    for (const file of glossaryExports) {
      const sent = headersFor(rules, file.href);
      expect(sent['Content-Type'], file.name).toBe('application/x-tbx+xml; charset=utf-8');
      expect(sent['Content-Disposition'], file.name).toBe('attachment');
    }
    // Nothing else is a download, nor gets another type.
    for (const other of ['/en/', '/en/documents/a-b/cite.json', '/schemas/document.schema.json', '/sitemap.xml', '/robots.txt']) {
      expect(headersFor(rules, other)['Content-Type'], other).toBeUndefined();
      expect(headersFor(rules, other)['Content-Disposition'], other).toBeUndefined();
    }

    const exportsBlock = nginxConf(securityHeaders({ scripts: [], styles: [] })).split(/^location /m).find((block) => block.startsWith(`^~ ${exportsFolder} `)) ?? '';
    for (const directive of [
      'types { application/x-tmx+xml tmx; application/json json; application/tei+xml xml; text/plain txt; application/x-tbx+xml tbx; }',
      'charset_types application/x-tmx+xml application/json application/tei+xml text/plain application/x-tbx+xml;',
      'gzip on;',
      'gzip_types application/x-tmx+xml application/json application/tei+xml text/plain application/x-tbx+xml;',
      'add_header Content-Disposition "attachment" always;',
      'add_header Cache-Control "no-cache" always;',
    ]) {
      expect(exportsBlock).toContain(directive);
    }
  });

  it('sends each Atom feed as application/atom+xml with its charset, in _headers and in nginx, not as an attachment', () => {
    const headers = securityHeaders({ scripts: [], styles: [] });
    const rules = parseHeadersFile(headersFile(headers));
    const nginx = nginxConf(headers);
    for (const locale of locales) {
      const sent = headersFor(rules, feedPath(locale));
      expect(sent['Content-Type'], locale).toBe('application/atom+xml; charset=utf-8');
      expect(sent['Content-Disposition'], locale).toBeUndefined();
      expect(sent['X-Content-Type-Options'], locale).toBe('nosniff');
      const block = nginx.split(/^location /m).find((candidate) => candidate.startsWith(`= ${feedPath(locale)} `)) ?? '';
      expect(block, locale).toContain('types { } default_type application/atom+xml;');
      expect(block, locale).toContain('charset_types application/atom+xml;');
      expect(block, locale).toContain('add_header Cache-Control "no-cache" always;');
    }
    expect(headersFor(rules, '/de/feed.xml')['Content-Type']).toBeUndefined();
    expect(headersFor(rules, '/en/documents/feed.xml')['Content-Type']).toBeUndefined();
  });

  it('refuses pages the policy would break, and assets cached for a year without a hash in their name', async () => {
    const dir = await siteWith({
      'index.html': '<button onclick="go()">go</button>',
      'assets/site.js': 'x',
      'assets/site.abcdefgh12.js': 'x',
    });
    const report = await writeSecurityHeaders(dir, join(dir, '..', 'nginx-unused.conf'));
    expect(report.problems).toEqual(['index.html: an inline event handler <button onclick="…">', 'assets/site.js: a file cached for a year must carry a content hash in its name (name.<hash>.ext)']);
    expect(existsSync(join(dir, '_headers'))).toBe(false);
  });
});

describe('precompress', () => {
  it('gives site-wide text files both copies, and a document’s pages and files none', () => {
    for (const siteWide of ['index.html', 'en/index.html', '404.html', 'assets/site.abc.js', '_next/static/chunks/x.css', 'en/glossary/tips.json', 'pagefind/en/pagefind.js', 'sitemap.xml']) {
      expect(encodingsFor(siteWide), siteWide).toEqual(['br', 'gzip']);
    }
    for (const none of [
      'en/documents/some-slug/index.html',
      'en/documents/some-slug/editions/1/index.html',
      'en/documents/some-slug/editions/1/tips.json',
      'en/documents/some-slug/changes/index.html',
      'en/documents/some-slug/cite.json', 'exports/some-slug/some-slug.tei.xml', 'exports/some-slug/some-slug.en.txt', 'pagefind/en/fragment/en_1.pf_fragment', 'icon.png']) {
      expect(encodingsFor(none), none).toEqual([]);
    }
  });

  it('writes .br and .gz copies that decompress to the file, and skips what would not gain', async () => {
    const page = `<!DOCTYPE html><p>${'Текст документа. '.repeat(200)}</p>`;
    const dir = await siteWith({
      'en/index.html': page,
      'en/documents/a/index.html': page,
      'robots.txt': 'User-Agent: *\n',
      // Random bytes: no compression gains a tenth.
      'assets/data.abcdefgh12.json': randomBytes(4096),
      'en/documents/a/cite.json': JSON.stringify({ text: 'x'.repeat(5000) }),
    });
    const report = await precompressExport(dir);
    expect(report).toMatchObject({ files: 1, written: 2, skipped: 2 });
    expect(brotliDecompressSync(await readFile(join(dir, 'en', 'index.html.br'))).toString()).toBe(page);
    expect(gunzipSync(await readFile(join(dir, 'en', 'index.html.gz'))).toString()).toBe(page);
    expect((await readdir(dir, { recursive: true })).filter((name) => /\.(br|gz)$/.test(name)).sort()).toEqual(['en/index.html.br', 'en/index.html.gz']);
  });

  it('compresses a large page at a faster Brotli quality, and it still decompresses to the page', async () => {
    expect(brotliQuality(20_000)).toBe(11);
    expect(brotliQuality(brotliBestUpTo)).toBe(11);
    expect(brotliQuality(brotliBestUpTo + 1)).toBeLessThan(11);
    // A glossary page of a large archive: a list of mentions, each different.
    const page = `<!DOCTYPE html><ol>${Array.from({ length: 6000 }, (_, index) => `<li><a href="/en/documents/doc-${index}/#s1-p${index % 7}">Mention ${index} of the entry</a></li>`).join('')}</ol>`;
    expect(page.length).toBeGreaterThan(brotliBestUpTo);
    const dir = await siteWith({ 'en/glossary/russia/index.html': page });
    await precompressExport(dir);
    const copy = await readFile(join(dir, 'en', 'glossary', 'russia', 'index.html.br'));
    expect(brotliDecompressSync(copy).toString()).toBe(page);
    expect(copy.length).toBeLessThan(page.length / 5);
  });

  it('removes copies left from an earlier run when the file no longer gets them', async () => {
    const dir = await siteWith({ 'en/index.html': 'small now', 'en/index.html.br': 'stale', 'en/index.html.gz': 'stale' });
    await precompressExport(dir);
    expect(existsSync(join(dir, 'en', 'index.html.br'))).toBe(false);
    expect(existsSync(join(dir, 'en', 'index.html.gz'))).toBe(false);
  });
});
