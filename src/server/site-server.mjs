// @ts-check
/**
 * The HTTP server of `npm start`: serves the static export (out/) as a static host would, and no
 * more. Node's own HTTP parser answers what it cannot parse (400, 431 for a request head over
 * 16 kB); `send` (the file sender under Express's static middleware) streams each file with ETags,
 * conditional requests (304, 412) and byte ranges (206, 416); this module adds the rest:
 * - only GET and HEAD (405 with `Allow` for any other method, CONNECT included);
 * - addresses resolved segment by segment: a segment that does not decode as UTF-8, or decodes to
 *   `.`, `..`, a dot file or a slash, backslash or control character, names no file, so nothing
 *   outside out/ can be named; such addresses, like every address that names no file, get
 *   out/404.html with status 404 (the page picks its language from the address);
 * - a folder without its trailing slash is redirected (301) to the address with it;
 * - the compressed copies the build wrote beside a file (`.br`, `.gz`, src/export/precompress.ts)
 *   are sent to clients that accept them (`Vary: Accept-Encoding`), never when older than the file;
 *   a text file the build wrote no copy of (a document's pages, downloads and cite.json) is compressed once
 *   on request and the copy kept in memory while the file is unchanged (compressed-copies.mjs);
 * - the headers of out/_headers (src/export/security-headers.ts) on every response, as Netlify and
 *   Cloudflare Pages would send them, re-read when the file changes, but for one thing: a page's
 *   Content-Security-Policy allows only the hashes of that page's own inline code (page-policy.mjs); `Cache-Control: no-cache`
 *   (revalidate with the ETag) wherever `_headers` sets no Cache-Control, and the Content-Type of
 *   the file's extension (mime-types) wherever it sets none;
 * - speed: what it learns of the files is kept for a second (file-cache.mjs), and a plain or
 *   If-None-Match request for a small file is answered from memory with the same headers `send`
 *   would give; requests with a range or another precondition go to `send`.
 */
import { readFile, realpath } from 'node:fs/promises';
import { createServer, STATUS_CODES } from 'node:http';
import { extname, join } from 'node:path';
import etag from 'etag';
import fresh from 'fresh';
import mime from 'mime-types';
import Negotiator from 'negotiator';
import send from 'send';
import { CompressedCopies, compressibleOnRequest, onRequestEncodings } from './compressed-copies.mjs';
import { FileCache } from './file-cache.mjs';
import { headersFor, parseHeadersFile } from './headers-file.mjs';
import { PagePolicies } from './page-policy.mjs';

export const allowedMethods = 'GET, HEAD';

/** Longer request targets get 414; Node itself answers 431 past 16 kB of request head. */
export const maxTargetLength = 8 * 1024;

/** The compressed copies the build may write beside a file, in order of preference. */
export const encodings = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
];
const preferredEncodings = [...encodings.map(({ name }) => name), 'identity'];

/**
 * Negotiator's choice among `available` encodings, ties broken by `preferred` (Chromium lists
 * `gzip` before `br`). Typed here: @types/negotiator (0.6) predates the `preferred` option.
 * @type {(negotiator: Negotiator, available: string[], options: { preferred: string[] }) => string | undefined}
 */
const negotiateEncoding = (negotiator, available, options) =>
  /** @type {(available: string[], options: { preferred: string[] }) => string | undefined} */ (negotiator.encoding).call(negotiator, available, options);

/** Cache-Control where `_headers` names none: the browser keeps the file but asks first (ETag, Last-Modified). */
export const revalidate = 'no-cache';

/** Files of out/ that are configuration for hosts, not part of the site. */
const hostFiles = new Set(['_headers', '_redirects']);

/**
 * The file an address names, relative to the site folder (`en/index.html`), or undefined when it can
 * name none. `rawPath` is the path of the request target, still percent-encoded.
 * @param {string} rawPath
 * @returns {string | undefined}
 */
export function fileOfAddress(rawPath) {
  if (!rawPath.startsWith('/') || rawPath.includes('//')) return undefined;
  const segments = [];
  for (const segment of rawPath.slice(1).split('/')) {
    let value;
    try {
      value = decodeURIComponent(segment);
    } catch {
      return undefined;
    }
    // eslint-disable-next-line no-control-regex
    if (value.startsWith('.') || /[/\\\u0000-\u001f\u007f]/.test(value)) return undefined;
    segments.push(value);
  }
  if (segments.length === 1 && hostFiles.has(segments[0])) return undefined;
  const path = segments.join('/');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/**
 * The path and query of a request target in origin form (`/en/?cols=ru`) or absolute form
 * (`http://host/en/`), or undefined for anything else (`*`, garbage).
 * @param {string} target
 * @returns {{ path: string, query: string } | undefined}
 */
export function splitTarget(target) {
  if (target.startsWith('/')) {
    const mark = target.indexOf('?');
    return mark < 0 ? { path: target, query: '' } : { path: target.slice(0, mark), query: target.slice(mark) };
  }
  if (!/^https?:\/\//i.test(target)) return undefined;
  try {
    const url = new URL(target);
    return { path: url.pathname, query: url.search };
  } catch {
    return undefined;
  }
}

/**
 * Headers a request may carry that the memory path does not answer: ranges and the preconditions
 * other than If-None-Match and If-Modified-Since.
 */
const needsSend = (/** @type {import('node:http').IncomingHttpHeaders} */ headers) =>
  headers.range !== undefined || headers['if-match'] !== undefined || headers['if-unmodified-since'] !== undefined;

/** Headers a 304 answer leaves out (as `send` does). */
const contentHeaders = ['Content-Encoding', 'Content-Language', 'Content-Length', 'Content-Range', 'Content-Type'];

/**
 * @typedef {object} SiteServerOptions
 * @property {string} dir the site folder (out/), or a link to it (what `npm run build` publishes)
 * @property {(message: string) => void} [log] where unexpected errors are reported (stderr)
 * @property {ConstructorParameters<typeof FileCache>[0]} [cache] how long and how much to keep in memory
 * @property {number} [followMs] how often to look where `dir` leads (ms, default 200)
 */

/**
 * An HTTP server (not yet listening) for the site in `dir`. When `dir` is a link that `npm run
 * build` switches to a new build (src/export/build.ts), the server follows: at most every
 * `followMs` it resolves the link, and when it leads elsewhere, requests from then on are answered
 * from the new folder, with caches of their own (files, compressed copies, `_headers`), all at once;
 * a request already under way finishes from the folder it started in, which the build keeps.
 * @param {SiteServerOptions} options
 */
export function createSiteServer({ dir, log = (message) => process.stderr.write(`${message}
`), cache, followMs = 200 }) {
  const sites = new FollowedSite(dir, followMs, (root) => siteIn(root, log, cache));
  const server = createServer((req, res) => {
    sites.current().then((site) =>
      site.handle(req, res).catch((/** @type {unknown} */ error) => {
        log(`server: ${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        if (res.headersSent) res.destroy();
        else site.plain(req, res, 500).catch(() => res.destroy());
      }),
    );
  });
  // CONNECT asks for a tunnel: a static site offers none. (Node would drop the connection unanswered.)
  server.on('connect', (_req, socket) => {
    socket.on('error', () => socket.destroy());
    socket.end(`HTTP/1.1 405 Method Not Allowed\r\nAllow: ${allowedMethods}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
  });
  // Slow or stalled clients: the whole request head within 20 s, the whole request within 30 s.
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  return server;
}

/**
 * The site a folder or link leads to, resolved again (one system call, shared by the requests that
 * arrive meanwhile) when it was last resolved `ttl` ms ago or more; one site (with its caches) per
 * real folder. A link that leads nowhere (for an instant) keeps the site it led to.
 * @template T
 */
export class FollowedSite {
  /**
   * @param {string} dir
   * @param {number} ttl
   * @param {(root: string) => T} open
   */
  constructor(dir, ttl, open) {
    this.dir = dir;
    this.ttl = ttl;
    this.open = open;
    this.checked = -Infinity;
    /** @type {{ root: string, site: T } | undefined} */
    this.known = undefined;
    /** @type {Promise<T> | undefined} */
    this.resolving = undefined;
  }

  /** @returns {Promise<T>} */
  current() {
    const known = this.known;
    if (known && Date.now() - this.checked < this.ttl) return Promise.resolve(known.site);
    this.resolving ??= this.#resolve().finally(() => {
      this.resolving = undefined;
    });
    return this.resolving;
  }

  /** @returns {Promise<T>} */
  async #resolve() {
    this.checked = Date.now();
    const root = await realpath(this.dir).catch(() => this.known?.root ?? this.dir);
    if (this.known?.root !== root) this.known = { root, site: this.open(root) };
    return this.known.site;
  }
}

/**
 * Answers requests from the site in the folder `root` (real: no link in its path to switch under
 * a request).
 * @param {string} root
 * @param {(message: string) => void} log
 * @param {ConstructorParameters<typeof FileCache>[0]} cache
 */
function siteIn(root, log, cache) {
  const dir = root;
  const files = new FileCache(cache);
  const copies = new CompressedCopies();
  const policies = new PagePolicies();
  const headersPath = join(dir, '_headers');
  /** @type {{ mtimeMs: number, rules: import('./headers-file.mjs').HeaderRule[] }} */
  const headersCache = { mtimeMs: -1, rules: [] };

  /** The rules of out/_headers, parsed again when the file changed. */
  async function headerRules() {
    const { stats, body } = await files.get(headersPath);
    const mtimeMs = stats?.mtimeMs ?? 0;
    if (mtimeMs !== headersCache.mtimeMs) {
      headersCache.mtimeMs = mtimeMs;
      try {
        headersCache.rules = body ? parseHeadersFile(body.toString('utf8')) : [];
      } catch (error) {
        log(`server: ${headersPath}: ${error instanceof Error ? error.message : String(error)}; sending no headers from it`);
        headersCache.rules = [];
      }
    }
    return headersCache.rules;
  }

  /**
   * The encoding to send `file` in: one of its compressed copies the client accepts, not older than
   * the file, or identity (`encoding` undefined). `varies` when the file has any copy. A file the
   * build wrote no copy of, of a `type` worth compressing, is compressed on request (`onRequest`: the
   * encoding the client accepts).
   * @param {import('node:http').IncomingMessage} req
   * @param {string} file
   * @param {import('node:fs').Stats} original
   * @param {string} type the Content-Type it is sent with
   * @returns {Promise<{ varies: boolean, encoding?: (typeof encodings)[number], onRequest?: import('./compressed-copies.mjs').OnRequestEncoding }>}
   */
  async function chooseEncoding(req, file, original, type) {
    const available = [];
    let built = false;
    for (const encoding of encodings) {
      const { stats } = await files.get(file + encoding.suffix);
      if (!stats?.isFile()) continue;
      built = true;
      if (stats.mtimeMs >= original.mtimeMs) available.push(encoding);
    }
    if (!built && compressibleOnRequest(type, original.size)) {
      const chosen = negotiateEncoding(new Negotiator(req), [...onRequestEncodings, 'identity'], { preferred: preferredEncodings });
      return { varies: true, onRequest: onRequestEncodings.find((name) => name === chosen) };
    }
    if (available.length === 0) return { varies: false };
    const chosen = negotiateEncoding(new Negotiator(req), [...available.map(({ name }) => name), 'identity'], { preferred: preferredEncodings });
    return { varies: true, encoding: available.find(({ name }) => name === chosen) };
  }

  /**
   * A 200 (or a 304 for a fresh If-None-Match or If-Modified-Since) with `body`, from memory; the
   * response already carries its other headers.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {Buffer} body
   * @param {{ etag: string, lastModified: Date }} validators
   */
  function fromMemory(req, res, body, validators) {
    res.setHeader('Last-Modified', validators.lastModified.toUTCString());
    res.setHeader('ETag', validators.etag);
    if (fresh(req.headers, { etag: validators.etag, 'last-modified': validators.lastModified.toUTCString() })) {
      for (const name of contentHeaders) res.removeHeader(name);
      res.writeHead(304);
      return res.end();
    }
    res.setHeader('Content-Length', body.length);
    res.writeHead(200);
    return res.end(req.method === 'HEAD' ? undefined : body);
  }

  /**
   * The headers `_headers` gives `address`, with the default Cache-Control.
   * @param {string} address
   */
  async function siteHeaders(address) {
    const headers = headersFor(await headerRules(), address);
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'cache-control')) headers['Cache-Control'] = revalidate;
    return headers;
  }

  /**
   * `headers` with the page's own Content-Security-Policy in place of the site's, for the page `file`.
   * @param {Record<string, string>} headers
   * @param {string} file
   * @param {import('node:fs').Stats} stats
   */
  async function withPagePolicy(headers, file, stats) {
    const name = Object.keys(headers).find((key) => key.toLowerCase() === 'content-security-policy');
    if (!name) return headers;
    const read = async () => (await files.get(file)).body ?? (await readFile(file));
    return { ...headers, [name]: await policies.get(file, stats, headers[name], read) };
  }

  /**
   * A short plain-text answer (errors, redirects) with the site's headers.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {number} status
   * @param {Record<string, string | number>} [extra]
   */
  async function plain(req, res, status, extra = {}) {
    const body = `${status} ${STATUS_CODES[status] ?? ''}\n`;
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    res.writeHead(status, {
      ...(await siteHeaders('/')),
      'Cache-Control': revalidate,
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      ...extra,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  /**
   * out/404.html with status 404, compressed if the client accepts it.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async function notFound(req, res) {
    const page = join(dir, '404.html');
    const { stats } = await files.get(page);
    if (!stats?.isFile()) return plain(req, res, 404);
    const { varies, encoding } = await chooseEncoding(req, page, stats, 'text/html; charset=utf-8');
    const file = encoding ? page + encoding.suffix : page;
    // Kept in memory unless it is over FileCache's size for that.
    const body = (await files.get(file)).body ?? (await readFile(file));
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    res.writeHead(404, {
      ...(await withPagePolicy(await siteHeaders('/404.html'), page, stats)),
      'Cache-Control': revalidate,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': body.length,
      ...(varies ? { Vary: 'Accept-Encoding' } : {}),
      ...(encoding ? { 'Content-Encoding': encoding.name } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
      // A body we will not read is not worth receiving: close the connection after the answer.
      return plain(req, res, 405, { Allow: allowedMethods, ...(hasBody ? { Connection: 'close' } : {}) });
    }
    // RFC 9112 §3.2: more than one Host is a bad request (Node itself answers a missing one).
    if ((req.headersDistinct.host?.length ?? 0) > 1) return plain(req, res, 400);
    const target = req.url ?? '';
    if (target.length > maxTargetLength) return plain(req, res, 414);
    const parts = splitTarget(target);
    if (!parts) return plain(req, res, 400);
    const relative = fileOfAddress(parts.path);
    if (relative === undefined) return notFound(req, res);

    const file = join(dir, relative);
    const { stats } = await files.get(file);
    if (stats?.isDirectory()) {
      const index = await files.get(join(file, 'index.html'));
      if (!index.stats?.isFile()) return notFound(req, res);
      return plain(req, res, 301, { Location: `${parts.path}/${parts.query}` });
    }
    if (!stats?.isFile()) return notFound(req, res);

    const site = await siteHeaders(`/${relative}`);
    const headers = extname(relative) === '.html' ? await withPagePolicy(site, file, stats) : site;
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (!res.hasHeader('Content-Type')) res.setHeader('Content-Type', mime.contentType(extname(relative)) || 'application/octet-stream');
    const { varies, encoding, onRequest } = await chooseEncoding(req, file, stats, String(res.getHeader('Content-Type')));
    if (varies) res.setHeader('Vary', 'Accept-Encoding');

    if (onRequest && !needsSend(req.headers)) {
      // A range or another precondition is answered by send() from the file itself, uncompressed.
      const read = async () => (await files.get(file)).body ?? (await readFile(file));
      const copy = await copies.get(file, stats, onRequest, read).catch((/** @type {unknown} */ error) => {
        log(`server: could not compress ${file}: ${error instanceof Error ? error.message : String(error)}; sending it as it is`);
        return undefined;
      });
      if (copy) {
        res.setHeader('Content-Encoding', onRequest);
        return fromMemory(req, res, copy.body, { etag: copy.etag, lastModified: stats.mtime });
      }
    }
    if (encoding) res.setHeader('Content-Encoding', encoding.name);

    const sent = encoding ? relative + encoding.suffix : relative;
    const known = await files.get(join(dir, sent));
    if (known.body && known.stats && !needsSend(req.headers)) {
      // The headers send() would give, from memory.
      res.setHeader('Accept-Ranges', 'bytes');
      return fromMemory(req, res, known.body, { etag: etag(known.stats), lastModified: known.stats.mtime });
    }
    const stream = send(req, `/${sent.split('/').map(encodeURIComponent).join('/')}`, {
      root: dir,
      index: false,
      dotfiles: 'allow',
      cacheControl: false,
      etag: true,
      lastModified: true,
    });
    stream.on('error', (/** @type {{ status?: number, headers?: Record<string, string> }} */ error) => {
      if (res.headersSent) return res.destroy();
      const status = error.status ?? 500;
      if (status === 404) return notFound(req, res).catch(() => res.destroy());
      if (status >= 500) log(`server: ${req.method} ${target}: ${String(error)}`);
      return plain(req, res, status, error.headers ?? {}).catch(() => res.destroy());
    });
    // The file became a folder since it was looked at (a rebuild): it names no file now.
    stream.on('directory', () => notFound(req, res).catch(() => res.destroy()));
    stream.pipe(res);
  }

  return { handle, plain };
}
