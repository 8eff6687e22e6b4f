/**
 * `npm run build`'s last step, after `next build` has written out/: takes Next's runtime out of every
 * page (strip-runtime.ts), deletes the RSC payload files (`index.txt`, `__next.*.txt`) that only
 * Next's client router reads, and deletes the files under `_next/` that no page refers to any more.
 * Without `SITE_URL` it also deletes `sitemap.xml`, which Next writes empty then: a sitemap needs
 * absolute addresses (src/site/site-url.ts).
 * Fails, naming the file, when a page holds a script it cannot account for, or when the export does
 * not look like Next's (so that a Next upgrade that changes its output is noticed, not shipped).
 *
 *   tsx src/export/finish.ts [out]
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { siteUrl } from '../site/site-url';
import { stripRuntime } from './strip-runtime';
import { walk } from './walk';

export interface FinishReport {
  pages: number;
  payloadFiles: number;
  runtimeFiles: number;
  /** The sitemap was removed: the site's address is unknown. */
  sitemapRemoved: boolean;
  problems: string[];
}

/** RSC payloads Next writes beside each page for its client router: `index.txt`, `__next.<segment>.txt`. */
export const isPayloadFile = (name: string) => name === 'index.txt' || (name.startsWith('__next.') && name.endsWith('.txt'));

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
  let strippedSomething = false;
  for await (const path of walk(out)) {
    const name = path.slice(path.lastIndexOf(sep) + 1);
    const inNext = relative(out, path).startsWith(`_next${sep}`);
    if (inNext) {
      nextFiles.push(path);
      if (name.endsWith('.css')) references(await readFile(path, 'utf8'), used);
    } else if (isPayloadFile(name)) {
      await rm(path);
      report.payloadFiles++;
    } else if (name.endsWith('.html')) {
      const { html, removed, problems } = stripRuntime(await readFile(path, 'utf8'));
      for (const problem of problems) report.problems.push(`${relative(process.cwd(), path)}: ${problem}`);
      if (removed.scripts + removed.payloads > 0) strippedSomething = true;
      references(html, used);
      await writeFile(path, html);
      report.pages++;
    }
  }
  if (report.pages > 0 && !strippedSomething) {
    report.problems.push(`${relative(process.cwd(), out)}: no page held Next's runtime scripts or payload: Next's output has changed; review src/export/strip-runtime.ts`);
  }
  for (const path of nextFiles) {
    const address = `/${relative(out, path).split(sep).join('/')}`;
    if (used.has(address)) continue;
    await rm(path);
    report.runtimeFiles++;
  }
  const nextDir = join(out, '_next');
  if (nextFiles.length > 0) await removeEmptyDirs(nextDir).catch(() => false);
  if (!origin && existsSync(join(out, 'sitemap.xml'))) {
    await rm(join(out, 'sitemap.xml'));
    report.sitemapRemoved = true;
  }
  return report;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? join(process.cwd(), 'out');
  // siteUrl() throws, with the reason, on a SITE_URL that is not an origin: reported below, like any failure.
  Promise.resolve()
    .then(() => finishExport(out, siteUrl()))
    .then(
      (report) => {
        if (report.problems.length > 0) {
          for (const problem of report.problems) process.stderr.write(`${problem}\n`);
          process.stderr.write(`finish: ${report.problems.length} page problem(s): the export in ${relative(process.cwd(), out)} is not fit to publish\n`);
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
