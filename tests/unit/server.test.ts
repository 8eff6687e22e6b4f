/**
 * `npm start`'s server (scripts/serve.mjs, src/server/), started for real on a free port of
 * 127.0.0.1 over a small site written by the build's own steps (precompress, security headers):
 * what it sends for pages, assets, downloads, compressed copies (the build's and its own),
 * conditional requests, ranges, other methods and unknown addresses, and how it stops.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressExport } from '../../src/export/precompress';
import { writeSecurityHeaders } from '../../src/export/security-headers';
import { headersFor, parseHeadersFile } from '../../src/server/headers-file.mjs';
import { inlineSources, narrowPolicy, PagePolicies } from '../../src/server/page-policy.mjs';
import { fileOfAddress, splitTarget } from '../../src/server/site-server.mjs';
import { request, startServer, type RunningServer } from '../helpers/server';

const filler = (words: number) => Array.from({ length: words }, (_, index) => `word${index % 97}`).join(' ');

/** The downloads of a document (src/exports/files.ts): the build writes no compressed copies of them. */
const downloads: Record<string, { type: string; body: string }> = {
  'exports/doc/doc.tmx': { type: 'application/x-tmx+xml; charset=utf-8', body: `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>${filler(300)}</seg></tuv></tu></body></tmx>\n` },
  'exports/doc/doc.json': { type: 'application/json; charset=utf-8', body: `${JSON.stringify({ slug: 'doc', blocks: filler(300).split(' ') }, null, 2)}\n` },
  'exports/doc/doc.tei.xml': { type: 'application/tei+xml; charset=utf-8', body: `<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>${filler(400)}</p></body></text></TEI>\n` },
  'exports/doc/doc.ru.txt': { type: 'text/plain; charset=utf-8', body: `${'Текст документа. '.repeat(200)}\n` },
  'exports/tiny/tiny.en.txt': { type: 'text/plain; charset=utf-8', body: 'Too short to compress.\n' },
};

/** A site shaped like the export: pages with inline scripts, a 404 page, a hashed asset, downloads, a large binary file. */
const site: Record<string, string | Buffer> = {
  'index.html': `<!DOCTYPE html><html lang="en"><head><script data-site="">location.replace('/en/')</script></head><body><p>${filler(300)}</p></body></html>`,
  '404.html': `<!DOCTYPE html><html lang="en"><head><script data-site="">document.documentElement.lang='en'</script><style>h1{color:red}</style></head><body><h1>Page not found</h1><p>${filler(300)}</p></body></html>`,
  'en/index.html': `<!DOCTYPE html><html lang="en"><head><style>h1{color:red}</style></head><body><h1>Library</h1><p>${filler(400)}</p></body></html>`,
  'assets/site.abcdefgh12.js': `(()=>{${'console.log(1);'.repeat(200)}})()`,
  'robots.txt': 'User-Agent: *\n',
  'downloads/archive.bin': randomBytes(4 * 1024 * 1024),
  ...Object.fromEntries(Object.entries(downloads).map(([path, { body }]) => [path, body])),
};

/** Accept-Encoding values and the encoding a file with both compressed copies (or none, compressed on request) is sent in. */
const acceptCases: Array<[string | undefined, string | undefined]> = [
  ['gzip, deflate, br, zstd', 'br'],
  ['gzip, deflate', 'gzip'],
  ['br;q=0, gzip', 'gzip'],
  ['gzip;q=0.5, br;q=0.4', 'gzip'],
  ['identity', undefined],
  [undefined, undefined],
];

let dir: string;
let server: RunningServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'site-server-'));
  for (const [path, content] of Object.entries(site)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  const headers = await writeSecurityHeaders(dir, `${dir}.nginx.conf`);
  expect(headers.problems).toEqual([]);
  await precompressExport(dir);
  server = await startServer(dir);
});

afterAll(async () => {
  server?.child.kill('SIGTERM');
  await server?.exited;
  await rm(dir, { recursive: true, force: true });
  await rm(`${dir}.nginx.conf`, { force: true });
});

describe('addresses', () => {
  it('maps an address to a file of the site, or to none', () => {
    expect(fileOfAddress('/')).toBe('index.html');
    expect(fileOfAddress('/en/')).toBe('en/index.html');
    expect(fileOfAddress('/en')).toBe('en');
    expect(fileOfAddress('/en/%67lossary/')).toBe('en/glossary/index.html');
    expect(fileOfAddress('/ja/%E7%94%A8%E8%AA%9E/')).toBe('ja/用語/index.html');
    for (const hostile of [
      '/../etc/passwd',
      '/..%2f..%2fetc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/en/%2e%2e/%2e%2e/',
      '/a%5c..%5c..%5cetc',
      '/a\\..\\b',
      '/a%00.html',
      '/%0d%0aSet-Cookie:x',
      '/%ZZ',
      '/%C0%AF',
      '/%FF',
      '/%E0%80%AF',
      '//evil.example/',
      '/.git/config',
      '/_headers',
      'en/',
    ]) {
      expect(fileOfAddress(hostile), hostile).toBeUndefined();
    }
    // Encoded twice: one decoding gives a name with % in it, which is just a name no file has.
    expect(fileOfAddress('/%252e%252e/')).toBe('%2e%2e/index.html');
  });

  it('reads origin-form and absolute-form targets, and nothing else', () => {
    expect(splitTarget('/en/?cols=ru')).toEqual({ path: '/en/', query: '?cols=ru' });
    expect(splitTarget('http://example.org/en/?a')).toEqual({ path: '/en/', query: '?a' });
    expect(splitTarget('*')).toBeUndefined();
    expect(splitTarget('ftp://x/')).toBeUndefined();
  });

  it('narrows a policy to the hashes of a page’s own inline code, and never adds one', () => {
    const html = '<head><script data-site="">a()</script><script src="/x.js"></script><style>p{}</style><script type="application/ld+json">{}</script></head><body><SCRIPT>b()</SCRIPT ></body>';
    const own = inlineSources(html);
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    for (const text of ['a()', 'p{}', 'b()']) expect(own.has(hash(text)), text).toBe(true);
    const policy = `default-src 'self'; script-src 'self' ${hash('a()')} ${hash('other()')} 'wasm-unsafe-eval'; style-src 'self' ${hash('q{}')} ${hash('p{}')}; style-src-attr 'none'; img-src 'self' data:`;
    expect(narrowPolicy(policy, own)).toBe(`default-src 'self'; script-src 'self' ${hash('a()')} 'wasm-unsafe-eval'; style-src 'self' ${hash('p{}')}; style-src-attr 'none'; img-src 'self' data:`);
    // b() is the page's, but the site's policy does not allow it: it stays unallowed.
    expect(narrowPolicy(policy, own)).not.toContain(hash('b()'));
    expect(narrowPolicy(policy, new Set())).toBe("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; style-src-attr 'none'; img-src 'self' data:");
  });

  it('keeps a page’s policy while the page and the site’s policy are what they were', async () => {
    const policies = new PagePolicies();
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const policy = `script-src 'self' ${hash('a()')} ${hash('b()')}`;
    let reads = 0;
    const page = (code: string) => async () => {
      reads++;
      return Buffer.from(`<script>${code}</script>`);
    };
    expect(await policies.get('/p', { mtimeMs: 1, size: 10 }, policy, page('a()'))).toBe(`script-src 'self' ${hash('a()')}`);
    expect(await policies.get('/p', { mtimeMs: 1, size: 10 }, policy, page('b()'))).toBe(`script-src 'self' ${hash('a()')}`);
    expect(reads).toBe(1);
    // Rewritten: read again.
    expect(await policies.get('/p', { mtimeMs: 2, size: 10 }, policy, page('b()'))).toBe(`script-src 'self' ${hash('b()')}`);
    // A new site policy: read again.
    expect(await policies.get('/p', { mtimeMs: 2, size: 10 }, `script-src 'self' ${hash('a()')}`, page('b()'))).toBe("script-src 'self'");
    expect(reads).toBe(3);
  });

  it('reads _headers as Netlify and Cloudflare Pages do, for the patterns the build writes', () => {
    const rules = parseHeadersFile('# comment\n/*\n  X-A: 1\n  Cache-Control: no-cache\n/assets/*\n  Cache-Control: immutable\n/exact\n  X-B: 2\n');
    expect(headersFor(rules, '/en/')).toEqual({ 'X-A': '1', 'Cache-Control': 'no-cache' });
    expect(headersFor(rules, '/assets/site.x.js')).toEqual({ 'X-A': '1', 'Cache-Control': 'immutable' });
    expect(headersFor(rules, '/exact')).toEqual({ 'X-A': '1', 'Cache-Control': 'no-cache', 'X-B': '2' });
    expect(() => parseHeadersFile('  X-A: 1\n')).toThrow(/_headers:1/);
    // A `*` anywhere matches any characters, `/` included.
    const endings = parseHeadersFile('/exports/*.tmx\n  T: tmx\n/exports/*.tei.xml\n  T: tei\n/a*b*c\n  T: abc\n');
    expect(headersFor(endings, '/exports/doc/doc.tmx')).toEqual({ T: 'tmx' });
    expect(headersFor(endings, '/exports/doc/doc.tei.xml')).toEqual({ T: 'tei' });
    for (const other of ['/exports/doc/doc.tmx.gz', '/exports/doc/doc.xml', '/other/doc.tmx', '/exports.tmx']) expect(headersFor(endings, other), other).toEqual({});
    expect(headersFor(endings, '/a/b/c')).toEqual({ T: 'abc' });
    expect(headersFor(endings, '/abc')).toEqual({ T: 'abc' });
    expect(headersFor(endings, '/ac')).toEqual({});
    expect(headersFor(endings, '/acb')).toEqual({});
  });
});

describe('serving', () => {
  it('sends a page with the headers of _headers, revalidated by ETag, its policy narrowed to its own inline code', async () => {
    const rules = parseHeadersFile(await readFile(join(dir, '_headers'), 'utf8'));
    const sitePolicy = headersFor(rules, '/en/')['Content-Security-Policy'];
    // The site's policy allows the two inline scripts of the site (index.html's and 404.html's).
    expect(sitePolicy).toMatch(/script-src 'self' 'sha256-[^']+' 'sha256-[^']+' 'wasm-unsafe-eval'/);
    const response = await request(server.port, '/en/');
    expect(response?.status).toBe(200);
    for (const [name, value] of Object.entries(headersFor(rules, '/en/'))) {
      if (name !== 'Content-Security-Policy') expect(response?.headers[name.toLowerCase()], name).toBe(value);
    }
    // This page has no inline script and one style: it allows those only.
    expect(response?.headers['content-security-policy']).toBe(narrowPolicy(sitePolicy, inlineSources(String(site['en/index.html']))));
    expect(response?.headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(response?.headers['content-security-policy']).toMatch(/style-src 'self' 'sha256-[^']+';/);
    expect(response?.headers['cache-control']).toBe('no-cache');
    expect(response?.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response?.headers.etag).toMatch(/^W\/"[\da-f]+-[\da-f]+"$/);
    expect(response?.text).toBe(site['en/index.html']);
  });

  it('sends the compressed copy the client accepts, by its q-values', async () => {
    const cases = [...acceptCases, ['*', 'br']];
    for (const [accept, expected] of cases) {
      const response = await request(server.port, '/en/', { headers: accept === undefined ? {} : { 'Accept-Encoding': accept } });
      expect(response?.headers['content-encoding'], accept).toBe(expected);
      expect(response?.headers.vary, accept).toBe('Accept-Encoding');
      expect(response?.text, accept).toBe(site['en/index.html']);
      expect(Number(response?.headers['content-length']), accept).toBe(response?.raw.length);
    }
  });

  it('answers If-None-Match with 304 and the same validators, from memory and from disk', async () => {
    for (const path of ['/en/', '/downloads/archive.bin']) {
      const first = await request(server.port, path, { headers: { 'Accept-Encoding': 'br' } });
      const again = await request(server.port, path, { headers: { 'Accept-Encoding': 'br', 'If-None-Match': first?.headers.etag ?? '' } });
      expect(again?.status, path).toBe(304);
      expect(again?.headers.etag).toBe(first?.headers.etag);
      expect(again?.headers['cache-control']).toBe('no-cache');
      expect(again?.headers['content-security-policy']).toBe(first?.headers['content-security-policy']);
      expect(again?.raw.length).toBe(0);
    }
  });

  it('caches hashed assets for a year and everything else only with revalidation', async () => {
    expect((await request(server.port, '/assets/site.abcdefgh12.js'))?.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await request(server.port, '/robots.txt'))?.headers['cache-control']).toBe('no-cache');
    // A missing asset is a 404 that nobody may keep for a year.
    const missing = await request(server.port, '/assets/site.zzzzzzzzzz.js');
    expect(missing?.status).toBe(404);
    expect(missing?.headers['cache-control']).toBe('no-cache');
  });

  it('redirects a folder to its address with a slash, keeping the query', async () => {
    const response = await request(server.port, '/en?cols=ru-en');
    expect(response?.status).toBe(301);
    expect(response?.headers.location).toBe('/en/?cols=ru-en');
  });

  it('answers an unknown address with the 404 page, compressed like any page', async () => {
    for (const path of ['/nope/', '/en/documents/missing/', '/_headers', '/%FF', '/..%2f..%2fetc/passwd']) {
      const response = await request(server.port, path, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(response?.status, path).toBe(404);
      expect(response?.headers['content-encoding'], path).toBe('gzip');
      expect(response?.text, path).toBe(site['404.html']);
      expect(response?.headers['content-security-policy'], path).toContain("default-src 'self'");
    }
    const head = await request(server.port, '/nope/', { method: 'HEAD' });
    expect(head?.status).toBe(404);
    expect(head?.raw.length).toBe(0);
  });

  it('allows GET and HEAD only', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND']) {
      const response = await request(server.port, '/en/', { method });
      expect(response?.status, method).toBe(405);
      expect(response?.headers.allow, method).toBe('GET, HEAD');
    }
    const connectAnswer = await request(server.port, '127.0.0.1:22', { method: 'CONNECT' });
    expect(connectAnswer?.status).toBe(405);
    const head = await request(server.port, '/en/', { method: 'HEAD' });
    expect(head?.status).toBe(200);
    expect(head?.raw.length).toBe(0);
    expect(Number(head?.headers['content-length'])).toBe(Buffer.byteLength(site['en/index.html'] as string));
  });

  it('serves byte ranges, and refuses unsatisfiable ones with 416', async () => {
    const body = site['downloads/archive.bin'] as Buffer;
    const size = body.length;
    const range = async (value: string, path = '/downloads/archive.bin') => request(server.port, path, { headers: { Range: value } });
    const first = await range('bytes=0-99');
    expect(first?.status).toBe(206);
    expect(first?.headers['content-range']).toBe(`bytes 0-99/${size}`);
    expect(first?.raw.equals(body.subarray(0, 100))).toBe(true);
    const zero = await range('bytes=0-0');
    expect(zero?.raw.length).toBe(1);
    const suffix = await range('bytes=-10');
    expect(suffix?.raw.equals(body.subarray(size - 10))).toBe(true);
    const open = await range(`bytes=${size - 5}-`);
    expect(open?.raw.equals(body.subarray(size - 5))).toBe(true);
    // Several ranges: the whole file (a server may ignore Range; no multipart answers).
    const several = await range('bytes=0-1,5-6');
    expect(several?.status).toBe(200);
    expect(several?.raw.length).toBe(size);
    for (const unsatisfiable of [`bytes=${size}-`, 'bytes=99999999-', 'bytes=5-2']) {
      const response = await range(unsatisfiable);
      expect(response?.status, unsatisfiable).toBe(416);
      expect(response?.headers['content-range'], unsatisfiable).toBe(`bytes */${size}`);
    }
    // Malformed: ignored, as RFC 9110 asks: the whole file.
    for (const malformed of ['bytes=x', 'items=0-1', 'bytes=', 'bytes=--1', 'bytes=0-1-2']) {
      const response = await range(malformed);
      expect(response?.status, malformed).toBe(200);
      expect(response?.raw.length, malformed).toBe(size);
    }
    // A range of a small page goes past the memory path to send(), with the same validators.
    const page = await range('bytes=0-9', '/en/');
    expect(page?.status).toBe(206);
    expect(page?.raw.toString()).toBe((site['en/index.html'] as string).slice(0, 10));
  });

  it('sends each download with its media type, as an attachment', async () => {
    for (const [path, { type, body }] of Object.entries(downloads)) {
      const response = await request(server.port, `/${path}`);
      expect(response?.status, path).toBe(200);
      expect(response?.headers['content-type'], path).toBe(type);
      expect(response?.headers['content-disposition'], path).toBe('attachment');
      expect(response?.headers['x-content-type-options'], path).toBe('nosniff');
      expect(response?.headers['content-encoding'], path).toBeUndefined();
      expect(response?.text, path).toBe(body);
    }
  });

  it('compresses downloads on request for clients that accept gzip or Brotli, by their q-values', async () => {
    for (const [path, { type, body }] of Object.entries(downloads)) {
      if (path.startsWith('exports/tiny/')) continue;
      const etags = new Set<string>();
      for (const [accept, expected] of acceptCases) {
        const what = `${path} (${accept ?? 'no Accept-Encoding'})`;
        const response = await request(server.port, `/${path}`, { headers: accept === undefined ? {} : { 'Accept-Encoding': accept } });
        expect(response?.status, what).toBe(200);
        expect(response?.headers['content-encoding'], what).toBe(expected);
        expect(response?.headers.vary, what).toBe('Accept-Encoding');
        expect(response?.headers['content-type'], what).toBe(type);
        expect(response?.text, what).toBe(body);
        expect(Number(response?.headers['content-length']), what).toBe(response?.raw.length);
        if (expected) expect(response?.raw.length, what).toBeLessThan(Buffer.byteLength(body) * 0.9);
        etags.add(response?.headers.etag ?? '');
      }
      // One validator per representation: identity, Brotli, gzip.
      expect(etags.size, path).toBe(3);
    }
  });

  it('answers a compressed download’s If-None-Match with 304, HEAD with its length, and a range from the file itself', async () => {
    const path = '/exports/doc/doc.tei.xml';
    const { body } = downloads['exports/doc/doc.tei.xml'];
    const first = await request(server.port, path, { headers: { 'Accept-Encoding': 'br' } });
    expect(first?.headers['content-encoding']).toBe('br');
    const again = await request(server.port, path, { headers: { 'Accept-Encoding': 'br', 'If-None-Match': first?.headers.etag ?? '' } });
    expect(again?.status).toBe(304);
    expect(again?.headers.etag).toBe(first?.headers.etag);
    expect(again?.headers.vary).toBe('Accept-Encoding');
    // The Brotli copy's validator does not stand for the gzip one.
    const other = await request(server.port, path, { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': first?.headers.etag ?? '' } });
    expect(other?.status).toBe(200);
    expect(other?.headers['content-encoding']).toBe('gzip');
    const head = await request(server.port, path, { method: 'HEAD', headers: { 'Accept-Encoding': 'br' } });
    expect(head?.status).toBe(200);
    expect(head?.raw.length).toBe(0);
    expect(Number(head?.headers['content-length'])).toBe(first?.raw.length);
    const range = await request(server.port, path, { headers: { 'Accept-Encoding': 'br', Range: 'bytes=0-9' } });
    expect(range?.status).toBe(206);
    expect(range?.headers['content-encoding']).toBeUndefined();
    expect(range?.headers['content-type']).toBe('application/tei+xml; charset=utf-8');
    expect(range?.raw.toString()).toBe(body.slice(0, 10));
  });

  it('sends small downloads as they are, and makes a new copy of a download changed on disk', async () => {
    const tiny = await request(server.port, '/exports/tiny/tiny.en.txt', { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(tiny?.headers['content-encoding']).toBeUndefined();
    expect(tiny?.text).toBe(downloads['exports/tiny/tiny.en.txt'].body);

    const path = 'exports/doc/doc.ru.txt';
    const before = await request(server.port, `/${path}`, { headers: { 'Accept-Encoding': 'gzip' } });
    const changed = `${'Другой текст. '.repeat(300)}\n`;
    await writeFile(join(dir, path), changed);
    // The server looks at the disk again after a second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const after = await request(server.port, `/${path}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(after?.headers['content-encoding']).toBe('gzip');
    expect(after?.text).toBe(changed);
    expect(after?.headers.etag).not.toBe(before?.headers.etag);
  });

  it('never sends a compressed copy older than its file', async () => {
    const later = new Date(Date.now() + 60_000);
    await utimes(join(dir, 'index.html'), later, later);
    // The server looks at the disk again after a second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const response = await request(server.port, '/', { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(response?.status).toBe(200);
    expect(response?.headers['content-encoding']).toBeUndefined();
    expect(response?.text).toBe(site['index.html']);
  });
});

describe('following a published build', () => {
  it('answers from the folder the out/ link leads to, and from the new one within a fifth of a second of the switch', async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'site-link-'));
    const page = (text: string) => `<!DOCTYPE html><html lang="en"><head></head><body><p>${text} ${filler(300)}</p></body></html>`;
    for (const name of ['a', 'b']) {
      await mkdir(join(scratch, name, 'en'), { recursive: true });
      await writeFile(join(scratch, name, 'index.html'), page(name));
      await writeFile(join(scratch, name, 'en', 'index.html'), page(`en ${name}`));
      await writeFile(join(scratch, name, '404.html'), page(`missing ${name}`));
      await writeFile(join(scratch, name, '_headers'), `/*\n  X-Build: ${name}\n`);
      await precompressExport(join(scratch, name));
    }
    const link = join(scratch, 'out');
    await symlink('a', link);
    const own = await startServer(link);
    try {
      const before = await request(own.port, '/en/', { headers: { 'Accept-Encoding': 'gzip' } });
      expect(before?.text).toContain('<p>en a ');
      expect(before?.headers['x-build']).toBe('a');
      // As `npm run build` publishes: a new link renamed over the old one.
      await symlink('b', join(scratch, 'next'));
      await rename(join(scratch, 'next'), link);
      await new Promise((resolve) => setTimeout(resolve, 250));
      const after = await request(own.port, '/en/', { headers: { 'Accept-Encoding': 'gzip' } });
      // Page, compressed copy and _headers all from the new folder, though the old one is unchanged.
      expect(after?.text).toContain('<p>en b ');
      expect(after?.headers['x-build']).toBe('b');
      expect((await request(own.port, '/nowhere/'))?.text).toContain('missing b');
    } finally {
      own.child.kill('SIGTERM');
      await own.exited;
      await rm(scratch, { recursive: true, force: true });
    }
  });
});

describe('stopping', () => {
  it('on SIGTERM stops accepting, finishes the response in flight and exits 0', async () => {
    const own = await startServer(dir);
    const size = (site['downloads/archive.bin'] as Buffer).length;
    const socket = connect(own.port, '127.0.0.1');
    let received = 0;
    let firstChunk: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (firstChunk = resolve));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
      firstChunk();
      // Read slowly: the response is still in flight when the signal comes.
      socket.pause();
      setTimeout(() => socket.resume(), 5);
    });
    socket.write('GET /downloads/archive.bin HTTP/1.1\r\nHost: x\r\n\r\n');
    await started;
    own.child.kill('SIGTERM');
    // New connections are refused once it stops listening.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const refused = await new Promise<string>((resolve) => {
      const probe = connect(own.port, '127.0.0.1');
      probe.on('connect', () => {
        probe.destroy();
        resolve('connected');
      });
      probe.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
    await closed;
    expect(received).toBeGreaterThan(size);
    expect(await own.exited).toBe(0);
  });

  it('on SIGINT exits 0 when idle, closing kept-alive connections', async () => {
    const own = await startServer(dir);
    const socket = connect(own.port, '127.0.0.1');
    const answered = new Promise<void>((resolve) => socket.once('data', () => resolve()));
    socket.write('GET /robots.txt HTTP/1.1\r\nHost: x\r\n\r\n');
    await answered;
    own.child.kill('SIGINT');
    expect(await own.exited).toBe(0);
    socket.destroy();
  });
});
