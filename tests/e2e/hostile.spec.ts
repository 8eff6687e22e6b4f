/**
 * Hostile addresses and requests against `npm start` (the server Playwright starts for every browser
 * test) over the real export. Each request is sent byte for byte (tests/helpers/server.ts). Each one
 * gets the localized 404 page (out/404.html, byte for byte), the page asked for as built (so nothing
 * of the request is written into it), or a 4xx; none gets a 5xx or a file from outside out/, and the
 * server answers normally after each group. The browser part checks that garbage and script in the
 * view parameter give the default view and run nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { rawRequest, request, type RawResponse } from '../helpers/server';
import { pages, sample } from './site';

const port = Number(process.env.E2E_PORT);
const out = join(process.cwd(), 'out');
const notFoundPage = readFileSync(join(out, '404.html'), 'utf8');

/** Texts that must never come back from a request that tries to leave out/. */
const outsideMarkers = [/root:.*:0:0:/, /"name":\s*"diplomatic-reader"/, /\[core\]/, /BEGIN .*PRIVATE KEY/];

type Expected = 'not found' | 'page' | number;

function check(response: RawResponse | undefined, expected: Expected, what: string, page?: string) {
  expect(response, `${what}: no answer`).toBeDefined();
  if (!response) return;
  expect(response.status, what).toBeLessThan(500);
  for (const marker of outsideMarkers) expect(response.text, what).not.toMatch(marker);
  if (expected === 'not found') {
    expect(response.status, what).toBe(404);
    expect(response.headers['content-type'], what).toBe('text/html; charset=utf-8');
    expect(response.text, what).toBe(notFoundPage);
    expect(response.headers['content-security-policy'], what).toContain("default-src 'self'");
  } else if (expected === 'page') {
    expect(response.status, what).toBe(200);
    expect(response.text, what).toBe(page);
  } else {
    expect(response.status, what).toBe(expected);
  }
}

/** The server still serves the library normally. */
async function stillUp() {
  const response = await request(port, '/en/', { headers: { 'Accept-Encoding': 'br' } });
  expect(response?.status, 'the server answers after the hostile requests').toBe(200);
  expect(response?.text).toBe(readFileSync(join(out, 'en', 'index.html'), 'utf8'));
}

test('unknown documents, locales, pages and paragraph IDs get the 404 page', async () => {
  const { slug } = await sample();
  for (const path of [
    '/en/documents/no-such-document/',
    '/en/documents/no-such-document',
    `/de/documents/${slug}/`,
    '/xx/',
    '/EN/',
    '/en/glossary/no-such-entry/',
    `/en/documents/${slug}/s99-p9/`,
    `/en/documents/${slug}/%23s99-p9`,
    `/en/documents/${slug}/index.html/`,
    '/en/documents/',
    '/index.php',
    '/wp-admin/',
    '/.env',
    '/.git/config',
    '/_headers',
    '/assets/',
  ]) {
    check(await request(port, path, { headers: { 'Accept-Encoding': 'gzip' } }), 'not found', path);
  }
  await stillUp();
});

test('garbage or script in the query gets the page as built: nothing of the query is written into it', async () => {
  const { slug } = await sample();
  const reader = pages.reader('en', slug);
  const page = readFileSync(join(out, 'en', 'documents', slug, 'index.html'), 'utf8');
  for (const query of [
    `cols=${encodeURIComponent('<script>alert(1)</script>')}`,
    'cols=<script>alert(1)</script>',
    `cols=${encodeURIComponent('"><img src=x onerror=alert(1)>')}`,
    'cols=javascript:alert(1)',
    'cols=xx-yy',
    'cols=ru-ru-ru',
    'cols=ru&cols=en',
    'cols[]=ru',
    'cols=%00',
    'cols=%ZZ',
    'cols=%C0%AF',
    '%%%',
    `cols=${'ru-'.repeat(1300)}`,
    'cols=ru%FF',
  ]) {
    check(await request(port, `${reader}?${query}`), 'page', query.slice(0, 60), page);
  }
  await stillUp();
});

test('percent-encoded bytes of every kind name no file, in the path; in the query they change nothing', async () => {
  test.setTimeout(180_000);
  const { slug } = await sample();
  const reader = pages.reader('en', slug);
  const page = readFileSync(join(out, 'en', 'documents', slug, 'index.html'), 'utf8');
  const bytes = Array.from({ length: 256 }, (_, byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`);
  // Sixteen at a time: 768 requests, each on its own connection.
  for (let start = 0; start < bytes.length; start += 16) {
    await Promise.all(
      bytes.slice(start, start + 16).map(async (encoded) => {
        check(await request(port, `/en/x${encoded}/`), 'not found', `/en/x${encoded}/`);
        check(await request(port, `/en/${encoded}/`), 'not found', `/en/${encoded}/`);
        check(await request(port, `${reader}?cols=${encoded}`), 'page', `?cols=${encoded}`, page);
      }),
    );
  }
  // Percent-encoding what needs none is the same address (RFC 3986 §6.2.2.2).
  check(await request(port, '/%65n/'), 'page', '/%65n/', readFileSync(join(out, 'en', 'index.html'), 'utf8'));
  await stillUp();
});

test('invalid encodings and encoded traversal get the 404 page, never a file from outside out/', async () => {
  for (const path of [
    '/%ZZ',
    '/%',
    '/%2',
    '/%%',
    '/%C0%AF',
    '/%FF',
    '/%E0%80%AF',
    '/%ED%A0%80',
    '/%F4%90%80%80',
    '/en/%C0%AE%C0%AE/%C0%AE%C0%AE/etc/passwd',
    '/../../../../etc/passwd',
    '/en/../../../../etc/passwd',
    '/..%2f..%2f..%2f..%2fetc/passwd',
    '/..%2F..%2F..%2F..%2Fetc%2Fpasswd',
    '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/%252e%252e%252f%252e%252e%252fetc%252fpasswd',
    '/%25252e%25252e/etc/passwd',
    '/..%5c..%5c..%5cetc%5cpasswd',
    '/..\\..\\..\\etc\\passwd',
    '/en\\..\\..\\package.json',
    '/..;/..;/etc/passwd',
    '/./en/',
    '/en/./',
    '/en/.',
    '/%2e/en/',
    '//etc/passwd',
    '///etc/passwd',
    '/assets/..%2f..%2fpackage.json',
    '/_next/static/../../../package.json',
    '/_next/static/..%2f..%2f..%2fpackage.json',
    '/%00',
    '/index.html%00',
    '/index.html%00.txt',
    '/en/%00/',
    '/%0d%0aSet-Cookie:%20a=b',
    '/..',
    '/.%2e/.%2e/etc/passwd',
    '/proc/self/environ',
    '/node_modules/send/package.json',
    '/package.json',
  ]) {
    const response = await request(port, path);
    check(response, 'not found', path);
    expect(response?.headers['set-cookie'], path).toBeUndefined();
  }
  // Absolute-form targets are read like the path they carry: no way out either.
  check(await rawRequest(port, 'GET http://evil.example/../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'), 'not found', 'absolute form');
  await stillUp();
});

test('overlong addresses and headers get 414 or 431', async () => {
  check(await request(port, `/en/${'a'.repeat(9000)}`), 414, 'a 9 kB path');
  check(await request(port, `/en/?cols=${'a'.repeat(9000)}`), 414, 'a 9 kB query');
  check(await request(port, `/en/${'a'.repeat(20_000)}`), 431, 'a 20 kB path (over the 16 kB request head)');
  check(await request(port, `/en/?${'a=b&'.repeat(6000)}`), 431, 'a 24 kB query');
  check(await request(port, '/en/', { headers: { 'X-Large': 'a'.repeat(20_000) } }), 431, 'a 20 kB header');
  const many = Object.fromEntries(Array.from({ length: 3000 }, (_, index) => [`X-H${index}`, '1']));
  check(await request(port, '/en/', { headers: many }), 431, '3,000 headers');
  check(await request(port, `/en/${'a'.repeat(255)}/`), 'not found', 'a 255-character segment');
  check(await request(port, `/en/${'a/'.repeat(2000)}`), 'not found', '2,000 segments');
  await stillUp();
});

test('methods other than GET and HEAD get 405 with Allow', async () => {
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND', 'MKCOL', 'LOCK', 'COPY', 'MOVE', 'PURGE', 'SEARCH']) {
    const response = await request(port, '/en/', { method });
    check(response, 405, method);
    expect(response?.headers.allow, method).toBe('GET, HEAD');
  }
  const withBody = await rawRequest(port, 'POST /en/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 11\r\n\r\nfield=value');
  check(withBody, 405, 'POST with a body');
  expect(withBody?.headers.connection).toBe('close');
  check(await request(port, '/*', { method: 'OPTIONS' }), 405, 'OPTIONS /*');
  check(await rawRequest(port, 'OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'), 405, 'OPTIONS *');
  check(await rawRequest(port, 'CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n'), 405, 'CONNECT');
  // Methods Node's parser does not know are malformed requests.
  check(await rawRequest(port, 'BREW /en/ HTTP/1.1\r\nHost: x\r\n\r\n'), 400, 'BREW');
  const head = await request(port, '/en/', { method: 'HEAD' });
  check(head, 200, 'HEAD');
  expect(head?.raw.length).toBe(0);
  await stillUp();
});

test('ranges: valid ones are served, several give the whole page, unsatisfiable ones 416, malformed ones are ignored', async () => {
  const { slug } = await sample();
  const reader = pages.reader('en', slug);
  const page = readFileSync(join(out, 'en', 'documents', slug, 'index.html'));
  const size = page.length;
  const range = (value: string, headers: Record<string, string> = {}) => request(port, reader, { headers: { Range: value, ...headers } });

  const first = await range('bytes=0-99');
  check(first, 206, 'bytes=0-99');
  expect(first?.headers['content-range']).toBe(`bytes 0-99/${size}`);
  expect(first?.raw.equals(page.subarray(0, 100))).toBe(true);
  const last = await range('bytes=-100');
  check(last, 206, 'bytes=-100');
  expect(last?.raw.equals(page.subarray(size - 100))).toBe(true);
  const from = await range(`bytes=${size - 10}-`);
  expect(from?.raw.equals(page.subarray(size - 10))).toBe(true);
  // A range of a page the build compressed (the library: a document's pages are compressed on request) is a range of its compressed bytes.
  const compressed = await request(port, pages.library('en'), { headers: { Range: 'bytes=0-9', 'Accept-Encoding': 'gzip' } });
  check(compressed, 206, 'bytes=0-9 of the gzip copy');
  expect(compressed?.headers['content-encoding']).toBe('gzip');
  expect(compressed?.raw.equals(readFileSync(join(out, 'en', 'index.html.gz')).subarray(0, 10))).toBe(true);
  // A range of a page compressed on request is a range of the page itself.
  const onRequest = await range('bytes=0-9', { 'Accept-Encoding': 'gzip, br' });
  check(onRequest, 206, 'bytes=0-9 of a document page');
  expect(onRequest?.headers['content-encoding']).toBeUndefined();
  expect(onRequest?.raw.equals(page.subarray(0, 10))).toBe(true);

  for (const several of ['bytes=0-1,5-6', 'bytes=0-0,-1', `bytes=${Array.from({ length: 200 }, (_, index) => `${index * 10}-${index * 10 + 1}`).join(',')}`]) {
    const response = await range(several);
    check(response, 200, several.slice(0, 40));
    expect(response?.raw.length).toBe(size);
  }
  for (const unsatisfiable of [`bytes=${size}-`, 'bytes=999999999-', 'bytes=5-2', `bytes=${size + 1}-${size + 9}`]) {
    const response = await range(unsatisfiable);
    check(response, 416, unsatisfiable);
    expect(response?.headers['content-range'], unsatisfiable).toBe(`bytes */${size}`);
  }
  for (const malformed of ['bytes=abc', 'bytes=', 'bytes', 'items=0-9', 'bytes=--5', 'bytes=0-1-2', 'bytes=1e3-2e3', `bytes=0-${'9'.repeat(400)}`, 'bytes=0-1;x']) {
    const response = await range(malformed);
    expect(response?.status, malformed).toBeLessThan(500);
    expect([200, 206], malformed).toContain(response?.status);
    if (response?.status === 200) expect(response.raw.length, malformed).toBe(size);
  }
  // If-Range with another version's ETag: the whole current page.
  const stale = await range('bytes=0-9', { 'If-Range': 'W/"0-0"' });
  check(stale, 'page', 'If-Range stale', page.toString('utf8'));
  await stillUp();
});

test('malformed requests get 400, and the server goes on', async () => {
  for (const [what, bytes] of [
    ['garbage', '\x00\x01\x02\x03 junk\r\n\r\n'],
    ['HTTP/2 preface on HTTP/1.1', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'],
    ['no Host in HTTP/1.1', 'GET /en/ HTTP/1.1\r\nConnection: close\r\n\r\n'],
    ['two Host headers', 'GET /en/ HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n'],
    ['a header line without a colon', 'GET /en/ HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n'],
    ['a NUL in a header', 'GET /en/ HTTP/1.1\r\nHost: x\r\nX-A: a\x00b\r\n\r\n'],
    ['obsolete line folding', 'GET /en/ HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n'],
    ['raw UTF-8 in the path', 'GET /ja/\xe7\x94\xa8 HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['a space in the path', 'GET /en/a b HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['a control character in the path', 'GET /en/\x01 HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['an unknown HTTP version', 'GET /en/ HTTP/9.9\r\nHost: x\r\n\r\n'],
    ['bare LF line ends', 'GET /en/ HTTP/1.1\nHost: x\n\n'],
    ['Content-Length and Transfer-Encoding', 'POST /en/ HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'],
    ['two Content-Lengths', 'GET /en/ HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n'],
    ['a negative Content-Length', 'GET /en/ HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n'],
    ['a bad chunk', 'POST /en/ HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n'],
    ['GET *', 'GET * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
    ['an absolute form that is no URL', 'GET http://[::1/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
  ] as const) {
    check(await rawRequest(port, bytes), 400, what);
  }
  await stillUp();
});

test.describe('in the browser', () => {
  test('script or garbage in the view parameter shows the default view and runs nothing', async ({ page }) => {
    const { slug, paragraph } = await sample();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    for (const value of ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'-alert(1)-'", 'javascript:alert(1)', 'ru-<svg onload=alert(1)>', '%00', 'ru-'.repeat(1000)]) {
      await page.goto(`${pages.reader('en', slug)}?cols=${encodeURIComponent(value)}`);
      const cells = page.locator(`[id="${paragraph.id}"] > [lang]:visible`);
      await expect(cells).toHaveCount(3);
      // The English page's default view: English first.
      expect(await cells.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('lang')))).toEqual(['en', 'ru', 'ja']);
      expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
    }
    // Raw, unencoded in the address bar.
    await page.goto(`${pages.reader('en', slug)}?cols=<script>alert(1)</script>`);
    await expect(page.locator(`[id="${paragraph.id}"] > [lang]:visible`)).toHaveCount(3);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('a script in the address of an unknown page is not run by the 404 page', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const response = await page.goto('/ja/<script>alert(1)</script>/"><img src=x onerror=alert(2)>');
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ページが見つかりません');
    expect(dialogs).toEqual([]);
  });
});
