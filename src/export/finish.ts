/**
 * `npm run build`'s step after `next build` has written out/: takes Next's runtime out of every page
 * (strip-runtime.ts), deletes the RSC payload files Next writes beside each page for its client
 * router (`isPayloadFile`), and deletes the files under `_next/` that no page refers to any more.
 * Without `SITE_URL` it also deletes `sitemap.xml`, which Next writes empty then: a sitemap needs
 * absolute addresses (src/site/site-url.ts).
 * Then it judges what is left against the site's own output (page-allow-list.ts): every element,
 * attribute, comment and script of every page, and every file of out/. Anything else is a problem,
 * named by its file (relative to out/); so is an export in which no page held Next's runtime (the
 * removal no longer matches Next's output). The command fails on any problem, so that a Next upgrade
 * that changes its output is noticed, not shipped; `npm run build` then puts the previous out/ back.
 * `out/pagefind/`, the search index, is not entered: that step writes it meanwhile, beside this one.
 *
 *   tsx src/export/finish.ts [out]
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { searchFolder } from '../search/format';
import { siteUrl } from '../site/site-url';
import { isSiteFile, pageProblems, unknownFile } from './page-allow-list';
import { stripRuntime } from './strip-runtime';
import { walk } from './walk';

export interface FinishReport {
  pages: number;
  payloadFiles: number;
  runtimeFiles: number;
  /** The sitemap was removed: the site's address is unknown. */
  sitemapRemoved: boolean;
  /** What is not the site's own, by file: `file` relative to out/ (`.` for the export as a whole). */
  problems: Array<{ file: string; problem: string }>;
}

/** A segment of a payload file's name that stands for no folder: a route group, `!` and its name in base64 (`!KHJvb3Qp`, `(root)`). */
const isRouteGroup = (segment: string) => segment.startsWith('!') && /^\(.+\)$/.test(Buffer.from(segment.slice(1), 'base64url').toString());

/**
 * Whether `path` (relative to out/, with `/`) is an RSC payload Next 16 writes beside a page for its
 * client router: `index.txt`, or `__next.<key>.txt`, where the key is `_full`, `_tree` or `_index`, or
 * the route's segments down to a layout or the page (`__PAGE__`), joined by dots: route groups in
 * base64, dynamic segments as `$d$<param>`, the others as the folders of the page's own path
 * (`en/glossary/__next.$d$lang.glossary.__PAGE__.txt`), an optional catch-all as `$oc$<param>`, which
 * stands for the folders left (`en/page/2/__next.$d$lang.$oc$page.__PAGE__.txt`). Any other name is left in place, and the
 * allow-list names it: a payload Next has renamed fails the build instead of shipping.
 */
export function isPayloadFile(path: string): boolean {
  const folders = path.split('/');
  const name = folders.pop() ?? '';
  if (name === 'index.txt') return true;
  const key = /^__next\.(.+)\.txt$/.exec(name)?.[1];
  if (key === undefined) return false;
  if (['_full', '_tree', '_index'].includes(key)) return true;
  const segments = key.split('.').filter((segment) => !isRouteGroup(segment));
  const page = segments.at(-1) === '__PAGE__';
  if (page) segments.pop();
  // An optional catch-all (`$oc$page`, the library's `[[...page]]`) stands for any number of the last
  // folders, none included: `en/page/2/__next.$d$lang.$oc$page.__PAGE__.txt`.
  const rest = segments.at(-1)?.startsWith('$oc$') ? segments.pop() : undefined;
  if (rest !== undefined && !/^\$oc\$\w+$/.test(rest)) return false;
  const fits = page && rest === undefined ? segments.length === folders.length : segments.length <= folders.length;
  if (!fits) return false;
  return segments.every((segment, index) => segment === folders[index] || /^\$d\$\w+$/.test(segment));
}

/** Addresses under `/_next/` that a page or stylesheet still refers to. */
function references(text: string, into: Set<string>): void {
  for (const match of text.matchAll(/\/_next\/[^"'\s)\\?#]+/g)) into.add(match[0]);
}

async function removeEmptyDirs(dir: string): Promise<boolean> {
  let empty = true;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && (await removeEmptyDirs(join(dir, entry.name)))) continue;
    empty = false;
  }
  if (empty) await rmdir(dir);
  return empty;
}

/** Finishes the export in `out`; `origin` is the site's address (`SITE_URL`), undefined when it is not known. */
export async function finishExport(out: string, origin: URL | undefined): Promise<FinishReport> {
  const report: FinishReport = { pages: 0, payloadFiles: 0, runtimeFiles: 0, sitemapRemoved: false, problems: [] };
  const used = new Set<string>();
  const nextFiles: string[] = [];
  const kept: string[] = [];
  let strippedSomething = false;
  // The search index is written beside this step (src/export/build.ts), from the content cache.
  for await (const path of walk(out, new Set([join(out, searchFolder)]))) {
    const file = relative(out, path).split(sep).join('/');
    if (file.startsWith('_next/')) {
      nextFiles.push(file);
      if (file.endsWith('.css')) references(await readFile(path, 'utf8'), used);
      continue;
    }
    if (isPayloadFile(file)) {
      await rm(path);
      report.payloadFiles++;
      continue;
    }
    kept.push(file);
    if (file.endsWith('.html')) {
      const { html, removed, styleSources } = stripRuntime(await readFile(path, 'utf8'));
      for (const problem of pageProblems(html)) report.problems.push({ file, problem });
      if (removed.scripts + removed.payloads > 0) strippedSomething = true;
      references(html, used);
      // The stylesheets inlined into the page stay in out/, as they did while the page named them.
      for (const source of styleSources) references(`"${source}"`, used);
      await writeFile(path, html);
      report.pages++;
    }
  }
  if (report.pages > 0 && !strippedSomething) {
    report.problems.push({ file: '.', problem: "no page held Next's runtime scripts or payload: Next's output has changed; review src/export/strip-runtime.ts" });
  }
  for (const file of nextFiles) {
    if (used.has(`/${file}`)) kept.push(file);
    else {
      await rm(join(out, file));
      report.runtimeFiles++;
    }
  }
  const nextDir = join(out, '_next');
  if (nextFiles.length > 0) await removeEmptyDirs(nextDir).catch(() => false);
  if (!origin && existsSync(join(out, 'sitemap.xml'))) {
    // The index and its sitemaps (/sitemaps/<n>.xml), all empty without the site's address.
    await rm(join(out, 'sitemap.xml'));
    await rm(join(out, 'sitemaps'), { recursive: true, force: true });
    report.sitemapRemoved = true;
  }
  for (const file of kept) if (!isSiteFile(file)) report.problems.push({ file, problem: unknownFile });
  // By file, whatever order the disk lists them in; a page's own problems keep their order.
  report.problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return report;
}

/**
 * The problems as lines for the log, `out/en/index.html: a <template> element, …`: a problem found on
 * many files is named once, on its first file, with their count, so that a Next upgrade that
 * changes every page gives a screenful, not thousands of lines.
 */
export function problemLines(problems: FinishReport['problems'], shownOut: string): string[] {
  const files = new Map<string, string[]>();
  for (const { file, problem } of problems) {
    const named = files.get(problem);
    if (named) named.push(file);
    else files.set(problem, [file]);
  }
  return [...files].map(([problem, [first, ...others]]) => {
    const more = others.length > 0 ? ` (and ${others.length} more file${others.length > 1 ? 's' : ''})` : '';
    return `${join(shownOut, first)}: ${problem}${more}`;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? join(process.cwd(), 'out');
  // siteUrl() throws, with the reason, on a SITE_URL that is not an origin: reported below, like any failure.
  Promise.resolve()
    .then(() => finishExport(out, siteUrl()))
    .then(
      (report) => {
        if (report.problems.length > 0) {
          const shownOut = relative(process.cwd(), out) || '.';
          for (const line of problemLines(report.problems, shownOut)) process.stderr.write(`${line}\n`);
          process.stderr.write(
            `finish: ${report.problems.length} problem(s): the export in ${shownOut} holds what the site does not write, so it is not fit to publish. ` +
              'If a component or build step of the site made it, add it to src/export/page-allow-list.ts; if Next did, remove it in src/export/strip-runtime.ts or finish.ts\n',
          );
          process.exitCode = 1;
          return;
        }
        process.stdout.write(`finish: ${report.pages} pages without framework runtime; removed ${report.payloadFiles} payload files and ${report.runtimeFiles} runtime files\n`);
        if (report.sitemapRemoved) process.stdout.write('finish: no sitemap.xml: SITE_URL is not set, and a sitemap needs absolute addresses\n');
      },
      (error: unknown) => {
        process.stderr.write(`finish: could not process ${out}: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
      },
    );
}
