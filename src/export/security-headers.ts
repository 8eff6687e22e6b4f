/**
 * A build step after every step that writes pages: derives the site's security headers from the
 * exported pages and writes them for every way the site is served.
 * - `out/_headers`: Netlify and Cloudflare Pages syntax; `npm start` (src/server/) reads the same file.
 * - `deploy/nginx.conf` (not published): the same headers and cache policy for nginx.
 * Both also give the downloads (`/exports/`) their media types (src/exports/files.ts), as attachments,
 * and the Atom feeds theirs.
 *
 * The Content-Security-Policy allows no inline script but ours: it lists the sha256 hash of every
 * distinct inline `<script>` of the pages (the site's small early scripts, marked `data-site`) and of
 * every distinct inline `<style>` (the CSS Next.js inlines). No `'unsafe-inline'` anywhere: style
 * attributes are refused (`style-src-attr 'none'`), so the markup carries none (the page allow-list,
 * page-allow-list.ts, lets no element have one); what the page script positions (tooltips) it sets
 * through the CSSOM (`element.style.top = …`), which the policy does not govern. The hashes are in
 * `style-src` only: a browser that knows `style-src-elem` takes it from `style-src` when the policy
 * has none (CSP Level 3), and one that does not reads `style-src` anyway; writing them twice would
 * only send the page's longest header twice as long, past the first round trip.
 * The step fails, naming the page, when a page holds something the policy would block: an inline
 * event handler (`onclick=…`) or a `javascript:` address.
 *
 * Only the pages an earlier run has not read are read (`collectInlineCode`): at 1,000 documents an
 * incremental build hard-links some 23,000 unchanged pages from the previous build, and reading them
 * all took 15 s.
 *
 *   tsx src/export/security-headers.ts [out] [nginx-conf] [--fresh]
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { Parser } from 'htmlparser2';
import { atomContentType } from '../exports/atom';
import { exportFormats, exportsFolder, glossaryExportFormat } from '../exports/files';
import { locales } from '../i18n/config';
import { feedArchivePath, feedPath } from '../contract/paths';
import { assetsDir } from '../site/asset-names';
import { codeKey, fileIdentity, readStepState, stepCacheDir, writeStepState, type StepState } from './step-cache';
import { walk } from './walk';

export interface InlineCode {
  /** `'sha256-…'` source expressions, sorted, each once. */
  scripts: string[];
  styles: string[];
  /** Things the policy would block, each `page: what`. */
  problems: string[];
}

const sourceHash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Script types a browser runs: a hash is needed only for those (a JSON data block is never run). */
const isJavaScript = (type: string | undefined) =>
  type === undefined || type === '' || type === 'module' || /^(?:text|application)\/(?:x-)?(?:java|ecma)script$/i.test(type.trim());

/** The inline scripts and styles of one page, as the browser hashes them (the raw text between the tags). */
export function inlineCodeOf(html: string): { scripts: string[]; styles: string[]; problems: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  const problems: string[] = [];
  let open: { name: 'script' | 'style'; inline: boolean; text: string } | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'script') open = { name, inline: attributes.src === undefined && isJavaScript(attributes.type), text: '' };
        else if (name === 'style') open = { name, inline: true, text: '' };
        for (const [attribute, value] of Object.entries(attributes)) {
          if (/^on/i.test(attribute)) problems.push(`an inline event handler <${name} ${attribute}="…">`);
          else if (/^\s*javascript:/i.test(value)) problems.push(`a javascript: address in <${name} ${attribute}>`);
        }
      },
      ontext(text) {
        if (open) open.text += text;
      },
      onclosetag(name) {
        if (open && name === open.name) {
          if (open.inline) (open.name === 'script' ? scripts : styles).push(open.text);
          open = undefined;
        }
      },
    },
    { decodeEntities: false, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return { scripts, styles, problems };
}

/** One page's inline code as `collectInlineCode` keeps it: hashes, in the page's order, and problems without the page's path. */
interface PageCode {
  scripts: string[];
  styles: string[];
  problems: string[];
}

/**
 * What `collectInlineCode` found in the pages of its last run (src/export/step-cache.ts): each distinct
 * result once, and each page's file identity with the index of its result.
 */
interface InlineCodeState {
  code: string;
  results: PageCode[];
  files: Record<string, number>;
}

/**
 * The distinct inline scripts and styles of every page of the export, as CSP hashes. With `state`,
 * a page whose file is the one a previous run read (an unchanged page an incremental build hard-linked
 * from the previous build: the same device, inode, size and modification time) is not read again: its
 * result is taken from that run's state, which this run then replaces. A state written by other code
 * (src/export/step-cache.ts, `codeKey`) is ignored.
 */
export async function collectInlineCode(out: string, state?: StepState): Promise<InlineCode> {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const problems: string[] = [];
  const code = state === undefined ? '' : await codeKey();
  const previous = state === undefined ? undefined : await readStepState<InlineCodeState>(state, code);
  const next: InlineCodeState = { code, results: [], files: {} };
  const resultIndex = new Map<string, number>();
  for await (const path of walk(out)) {
    if (!path.endsWith('.html')) continue;
    let page: PageCode | undefined;
    let identity: string | undefined;
    if (state !== undefined) {
      identity = fileIdentity(statSync(path, { bigint: true }));
      const known = previous?.files[identity];
      if (known !== undefined) page = previous?.results[known];
    }
    if (!page) {
      const found = inlineCodeOf(await readFile(path, 'utf8'));
      page = { scripts: found.scripts.map(sourceHash), styles: found.styles.map(sourceHash), problems: found.problems };
    }
    for (const hash of page.scripts) scripts.add(hash);
    for (const hash of page.styles) styles.add(hash);
    for (const problem of page.problems) problems.push(`${relative(out, path).split(sep).join('/')}: ${problem}`);
    if (identity !== undefined) {
      const key = JSON.stringify(page);
      let index = resultIndex.get(key);
      if (index === undefined) {
        index = next.results.push(page) - 1;
        resultIndex.set(key, index);
      }
      next.files[identity] = index;
    }
  }
  if (state !== undefined) await writeStepState(state.path, next);
  return { scripts: [...scripts].sort(), styles: [...styles].sort(), problems };
}

/**
 * The Content-Security-Policy for pages whose inline code has these hashes. Fonts, fetches, workers
 * and the manifest are held to `'self'` by `default-src` (workers through `script-src`): a directive
 * of their own saying `'self'` again would be 77 bytes more in every response and no stricter.
 */
export function contentSecurityPolicy({ scripts, styles }: Pick<InlineCode, 'scripts' | 'styles'>): string {
  return [
    "default-src 'self'",
    // 'wasm-unsafe-eval': the site search (Pagefind) runs WebAssembly; it allows compiling WebAssembly, not eval().
    ['script-src', "'self'", ...scripts, "'wasm-unsafe-eval'"].join(' '),
    ['style-src', "'self'", ...styles].join(' '),
    "style-src-attr 'none'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Powerful features no page uses are denied to every origin; the copy-link buttons need the
 * clipboard (`clipboard-write`) for the site itself. `clipboard-read` keeps its default (this origin
 * only, behind the browser's permission prompt): no page reads the clipboard, but the browser tests
 * read what the copy buttons wrote. Only features Chromium knows are named: for an
 * unknown one (`bluetooth`, `interest-cohort`) it logs a warning on every page.
 */
export const permissionsPolicy = [
  'accelerometer=()',
  'autoplay=()',
  'browsing-topics=()',
  'camera=()',
  'clipboard-write=(self)',
  'display-capture=()',
  'encrypted-media=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'idle-detection=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

export type HeaderList = Array<[name: string, value: string]>;

/** The headers every response of the site carries. */
export function securityHeaders(code: Pick<InlineCode, 'scripts' | 'styles'>): HeaderList {
  return [
    ['Content-Security-Policy', contentSecurityPolicy(code)],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['Permissions-Policy', permissionsPolicy],
    ['X-Frame-Options', 'DENY'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
  ];
}

/** Cache-Control for files whose names carry a hash of their content: they never change. */
export const immutable = 'public, max-age=31536000, immutable';
/** Cache-Control for everything else: keep, but ask the server (ETag) before each use. */
export const revalidate = 'no-cache';

/** Folders (addresses, with a trailing slash) whose files all carry a content hash in their name. */
export const hashedFolders = [`/${assetsDir}/`, '/_next/static/'];

/** A hashed name as the page-script bundle writes it: `<name>.<hash>.<ext>`. */
const hashedName = /^[\w-]+\.[\w-]{8,}\.\w+$/;

/**
 * The headers of the downloads, by address pattern (one `*`, which matches any characters, `/`
 * included, as in Netlify's and Cloudflare Pages' `_headers`): every file of `/exports/` is an
 * attachment (the reading page lists them under "Download"), and each format has its media type by
 * its file-name ending (a host would guess `application/octet-stream` for `.tmx` and
 * `application/xml` for `.tei.xml`).
 */
export function downloadRules(): Array<{ pattern: string; headers: HeaderList }> {
  return [
    { pattern: `${exportsFolder}*`, headers: [['Content-Disposition', 'attachment']] },
    ...[...Object.values(exportFormats), glossaryExportFormat].map(({ ending, contentType }) => ({ pattern: `${exportsFolder}*${ending}`, headers: [['Content-Type', contentType]] as HeaderList })),
  ];
}

/**
 * The Atom feed of each interface language (`/<lang>/feed.xml`, src/contract/paths.ts) is sent as
 * `application/atom+xml` (RFC 4287), which a host would not guess from `.xml`. Exact addresses, one a
 * language: no `*` in the middle of a pattern.
 */
export function feedRules(): Array<{ pattern: string; headers: HeaderList }> {
  // The archives and the facet values' feeds: every file under /<lang>/feeds/ is an Atom document.
  return locales.flatMap((locale) => [
    { pattern: feedPath(locale), headers: [['Content-Type', atomContentType]] as HeaderList },
    { pattern: `${feedArchivePath(locale, 1).replace(/archive\/1\.xml$/, '')}*`, headers: [['Content-Type', atomContentType]] as HeaderList },
  ]);
}

/** `_headers` rules: every address gets the security headers; hashed folders are cached for good; the downloads' and the feeds' types. */
export function headersFile(headers: HeaderList): string {
  const lines = ['# Written by `npm run build` (src/export/security-headers.ts): do not edit.', '/*'];
  for (const [name, value] of headers) lines.push(`  ${name}: ${value}`);
  for (const folder of hashedFolders) lines.push(`${folder}*`, `  Cache-Control: ${immutable}`);
  for (const rule of [...downloadRules(), ...feedRules()]) lines.push(rule.pattern, ...rule.headers.map(([name, value]) => `  ${name}: ${value}`));
  return `${lines.join('\n')}\n`;
}

/** Cloudflare Pages reads at most 2,000 characters a line of `_headers`. */
export const maxHeaderLine = 2000;

const nginxQuote = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

/**
 * The nginx directives of the downloads' location: their media types (nginx maps a file to a type by
 * its last extension: `xml` for `.tei.xml`, the only XML files of `/exports/`; a `types` block in a
 * location replaces the inherited map, so it lists every format), `charset=utf-8` on each, and gzip
 * per request for clients that accept it: the build writes no compressed copies of the downloads
 * (src/export/precompress.ts), so `gzip_static` finds none.
 */
export function nginxDownloadDirectives(): string[] {
  const formats = [...Object.values(exportFormats), glossaryExportFormat].map(({ ending, contentType }) => ({ extension: ending.slice(ending.lastIndexOf('.') + 1), type: contentType.split(';')[0].trim() }));
  const types = formats.map(({ type }) => type).join(' ');
  return [
    `types { ${formats.map(({ extension, type }) => `${type} ${extension};`).join(' ')} }`,
    'default_type application/octet-stream;',
    `charset_types ${types};`,
    'gzip on;',
    `gzip_types ${types};`,
    'gzip_min_length 1024;',
  ];
}

/**
 * An nginx snippet for a `server { }` block whose `root` is the export: the same headers on every
 * response (nginx drops a level's `add_header`s when a `location` has its own, so each location
 * repeats them), the cache policy, the precompressed files, the downloads' types and compression, and
 * the 404 page.
 */
export function nginxConf(headers: HeaderList): string {
  const atomType = atomContentType.split(';')[0].trim();
  const add = (name: string, value: string) => `    add_header ${name} ${nginxQuote(value)} always;`;
  const security = headers.map(([name, value]) => add(name, value));
  const location = (match: string, cacheControl: string, extra: string[] = [], extraHeaders: HeaderList = []) => [
    `location ${match} {`,
    ...extra.map((line) => `    ${line}`),
    add('Cache-Control', cacheControl),
    ...extraHeaders.map(([name, value]) => add(name, value)),
    ...security,
    '}',
  ];
  const attachment = downloadRules().flatMap((rule) => rule.headers.filter(([name]) => name === 'Content-Disposition'));
  return [
    '# Written by `npm run build` (src/export/security-headers.ts) from the exported pages: do not edit.',
    '# Include it in the server { } block that serves the export, e.g.',
    '#   server { listen 443 ssl; server_name …; root /srv/reader/out; include /srv/reader/deploy/nginx.conf; }',
    '# Rebuilt pages change the script hashes: install the new file with each new out/.',
    '',
    'index index.html;',
    'charset utf-8;',
    'etag on;',
    '# A folder without its slash is redirected by path only, right behind a proxy or another port too.',
    'absolute_redirect off;',
    '# The .gz files written by the build; .br files need the ngx_brotli module (then uncomment).',
    'gzip_static on;',
    'gzip_vary on;',
    '# brotli_static on;',
    "# A document's pages have no copies (src/export/precompress.ts): gzipped per request (text/html is in every gzip_types).",
    'gzip on;',
    'gzip_min_length 1024;',
    'error_page 404 /404.html;',
    '',
    ...location('/', revalidate, ['try_files $uri $uri/ =404;']),
    ...hashedFolders.flatMap((folder) => location(`^~ ${folder}`, immutable)),
    ...location(`^~ ${exportsFolder}`, revalidate, nginxDownloadDirectives(), attachment),
    '# The Atom feeds: their media type, with its charset (nginx adds one only to the types it is told of).',
    ...feedRules().flatMap(({ pattern }) => location(pattern.endsWith('*') ? `^~ ${pattern.slice(0, -1)}` : `= ${pattern}`, revalidate, [`types { } default_type ${atomType};`, `charset_types ${atomType};`])),
    '# Read by Netlify and Cloudflare Pages only; not a page.',
    'location = /_headers { return 404; }',
    '',
  ].join('\n');
}

export interface HeadersReport {
  code: InlineCode;
  headers: HeaderList;
  problems: string[];
}

/**
 * Collects the inline code of `out` (with `state`, reading only the pages a previous run did not
 * read: `collectInlineCode`), checks it, and writes `out/_headers` and the nginx snippet.
 */
export async function writeSecurityHeaders(out: string, nginxPath: string, state?: StepState): Promise<HeadersReport> {
  const code = await collectInlineCode(out, state);
  const headers = securityHeaders(code);
  const problems = [...code.problems];
  for (const [name, value] of headers) {
    const length = `  ${name}: ${value}`.length;
    if (length > maxHeaderLine) problems.push(`_headers: the ${name} line is ${length} characters, over the ${maxHeaderLine} that Cloudflare Pages reads (too many distinct inline scripts?)`);
  }
  // Next.js names its static files by content hash; the page-script folder is ours to check.
  for (const name of await readdir(join(out, assetsDir), { recursive: true }).catch(() => [] as string[])) {
    const base = name.split(sep).pop() ?? name;
    if (base.includes('.') && !/\.(?:br|gz)$/.test(base) && !hashedName.test(base)) {
      problems.push(`${assetsDir}/${name.split(sep).join('/')}: a file cached for a year must carry a content hash in its name (name.<hash>.ext)`);
    }
  }
  if (problems.length === 0) {
    await writeFile(join(out, '_headers'), headersFile(headers));
    await mkdir(dirname(nginxPath), { recursive: true });
    await writeFile(nginxPath, nginxConf(headers));
  }
  return { code, headers, problems };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // --fresh (`npm run build -- --clean`): every page is read.
  const args = process.argv.slice(2).filter((arg) => arg !== '--fresh');
  const out = args[0] ?? join(process.cwd(), 'out');
  const nginxPath = args[1] ?? join(process.cwd(), 'deploy', 'nginx.conf');
  writeSecurityHeaders(out, nginxPath, { path: join(stepCacheDir(process.cwd()), 'inline-code.json'), fresh: process.argv.includes('--fresh') }).then(
    ({ code, problems }) => {
      if (problems.length > 0) {
        for (const problem of problems) process.stderr.write(`${problem}\n`);
        process.stderr.write(`security headers: ${problems.length} problem(s): the pages would break under the policy; nothing written\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(
        `security headers: ${code.scripts.length} inline script(s) and ${code.styles.length} inline style(s) hashed into the policy; wrote ${relative(process.cwd(), join(out, '_headers'))} and ${relative(process.cwd(), nginxPath)}\n`,
      );
    },
    (error: unknown) => {
      process.stderr.write(`security headers: could not process ${out}: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
