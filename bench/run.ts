/**
 * `npm run bench`: measures the reader page against the standing targets and prints a table; writes
 * bench/results/latest.json. A measurement, not a test: exit 0 whenever it ran, whatever the figures;
 * non-zero only when something could not run. See bench/README.md.
 *
 *   npm run bench -- [--runs N] [--rebuild] [--desktop] [--path /en/documents/<slug>/]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { killAll } from 'chrome-launcher';
import { isLanguage } from '../src/content/languages';
import { writeBaseline } from './baseline';
import { measureBudgets, type Budgets } from './budgets';
import { BenchError } from './errors';
import type { Result } from 'lighthouse';
import { checkChromium, medianFigures, runLighthouse, startChromium, type Browser, type FormFactor, type RunFigures } from './lighthouse';
import { startServer, stopAllServers, writeServeConfig } from './serve';
import { ensureBuilt, findReaderPath, preferredReaderPath, slugOf, snapshotSite } from './site';
import { measureThroughput, throughputReport } from './throughput';

/** The standing targets. Bytes are decimal: 1 kB = 1,000 bytes. */
export const targets = {
  /** LCP of the reader page divided by LCP of the same text as bare HTML. */
  lcpRatio: 1.2,
  /** CSS the reader page loads, gzip. */
  cssGzipBytes: 25_000,
  /** Every web font file in out/. */
  fontBytes: 300_000,
} as const;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, 'bench', 'results');

const usage = `usage: npm run bench -- [--runs N] [--rebuild] [--desktop] [--path /en/documents/<slug>/]
  --runs N     Lighthouse runs per page and form factor; the median is reported (default 3)
  --rebuild    run \`npm run build\` first even when out/ exists
  --desktop    also measure with Lighthouse's desktop preset (doubles the time)
  --path P     the reader page to measure (default ${preferredReaderPath})`;

interface PageResult {
  url: string;
  runs: RunFigures[];
  median: RunFigures;
  warnings: string[];
  /** Audits that errored in any run (id: first line of the message). */
  erroredAudits: string[];
  /** The last run's full Lighthouse result, relative to the project root. */
  lhrFile: string;
}

interface FormFactorResult {
  formFactor: FormFactor;
  reader: PageResult;
  baseline: PageResult;
  lcpRatio: number | null;
  /** As reported in the results. */
  lighthouseVersion: string;
}

function options() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      rebuild: { type: 'boolean', default: false },
      desktop: { type: 'boolean', default: false },
      path: { type: 'string', default: preferredReaderPath },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 20) throw new BenchError(`--runs must be a whole number from 1 to 20, not ${values.runs}\n${usage}`);
  const path = `/${values.path.replace(/^\/+|\/+$/g, '')}/`;
  return { runs, rebuild: values.rebuild, desktop: values.desktop, path, help: values.help };
}

// ---- formatting -------------------------------------------------------------------------------

const kB = (bytes: number | null): string => (bytes === null ? '—' : `${(bytes / 1000).toFixed(1)} kB`);
const ms = (value: number | null): string => (value === null ? '—' : `${Math.round(value).toLocaleString('en-US')} ms`);
const plain = (value: number | null, digits = 0): string => (value === null ? '—' : value.toFixed(digits));
const verdict = (ok: boolean | null): string => (ok === null ? '' : ok ? 'meets' : 'MISSES');

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ').trimEnd();
  return [line(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

function lighthouseTable(result: FormFactorResult): string {
  const reader = result.reader.median;
  const baseline = result.baseline.median;
  const row = (label: string, format: (figures: RunFigures) => string, target = '', status = '') => [label, format(reader), format(baseline), target, status];
  const ratioOk = result.lcpRatio === null ? null : result.lcpRatio <= targets.lcpRatio;
  return table(
    ['figure', 'reader', 'baseline', 'target', ''],
    [
      row('Performance score', (f) => plain(f.performance)),
      row('Accessibility score', (f) => plain(f.accessibility)),
      row('Best-practices score', (f) => plain(f.bestPractices)),
      row('SEO score', (f) => plain(f.seo)),
      row('LCP', (f) => ms(f.lcp)),
      row('FCP', (f) => ms(f.fcp)),
      row('TBT', (f) => ms(f.tbt)),
      row('CLS', (f) => plain(f.cls, 3)),
      row('Transferred (all requests)', (f) => kB(f.transferBytes)),
      row('Requests', (f) => plain(f.requests)),
      row('Fonts transferred', (f) => kB(f.fontTransferBytes)),
      row('Machine speed (benchmarkIndex)', (f) => plain(f.benchmarkIndex)),
      ['LCP reader / baseline', plain(result.lcpRatio, 2), '', `≤ ${targets.lcpRatio}`, verdict(ratioOk)],
    ],
  );
}

function budgetTable(budgets: Budgets): string {
  const cssOk = budgets.css.pageGzip <= targets.cssGzipBytes;
  const fontOk = budgets.fonts.bytes <= targets.fontBytes;
  return table(
    ['figure (reader page, from out/)', 'size', 'target', ''],
    [
      ['JS the project adds (app chunks, gzip)', kB(budgets.js.appGzip), '', ''],
      ['JS of the Next.js runtime (gzip)', kB(budgets.js.runtimeGzip), '', ''],
      ['JS total, module scripts (gzip)', kB(budgets.js.totalGzip), '', ''],
      ['CSS loaded by the page (gzip)', kB(budgets.css.pageGzip), `≤ ${kB(targets.cssGzipBytes)}`, verdict(cssOk)],
      ['  of which inline <style>', kB(budgets.css.inlineGzip), '', ''],
      ['CSS files in out/ (gzip, each summed)', kB(budgets.css.outFilesGzip), '', ''],
      [`Web fonts in out/ (${budgets.fonts.files} files)`, kB(budgets.fonts.bytes), `≤ ${kB(targets.fontBytes)}`, verdict(fontOk)],
      ['HTML of the page (gzip)', kB(budgets.html.gzipBytes), '', ''],
      ['HTML of the page (uncompressed)', kB(budgets.html.rawBytes), '', ''],
      ['Cold load, static estimate (gzip)', kB(budgets.initialLoadGzip), '', ''],
      ['Baseline HTML (gzip)', kB(budgets.baselineHtml.gzipBytes), '', ''],
    ],
  );
}

function chunkTable(budgets: Budgets): string {
  return table(
    ['script', 'raw', 'gzip', 'counted as', 'because'],
    budgets.chunks.map((chunk) => [chunk.src, kB(chunk.rawBytes), kB(chunk.gzipBytes), chunk.class, chunk.reason]),
  );
}

// ---- the run ----------------------------------------------------------------------------------

async function measure(browser: Browser, formFactor: FormFactor, runs: number, readerUrl: string, baselineUrl: string): Promise<FormFactorResult> {
  // A first run in a fresh Chromium is often far slower than the next ones: warm up, discard it.
  let lighthouseVersion = (await runLighthouse(browser, readerUrl, formFactor)).lighthouseVersion;
  console.log(`  ${formFactor} warm-up run done (not counted)`);
  const page = (name: string, url: string) => ({ name, url, runs: [] as RunFigures[], warnings: new Set<string>(), errored: new Set<string>(), last: undefined as Result | undefined });
  const pages = { reader: page('reader', readerUrl), baseline: page('baseline', baselineUrl) };
  // Alternate the two pages so that a slow moment of the machine hits both alike.
  for (let run = 1; run <= runs; run++) {
    for (const current of [pages.reader, pages.baseline]) {
      const outcome = await runLighthouse(browser, current.url, formFactor);
      current.runs.push(outcome.figures);
      current.last = outcome.result;
      lighthouseVersion = outcome.lighthouseVersion;
      for (const warning of outcome.warnings) current.warnings.add(warning);
      for (const audit of outcome.erroredAudits) current.errored.add(audit);
    }
    const last = (current: { runs: RunFigures[] }) => ms(current.runs[current.runs.length - 1].lcp);
    console.log(`  ${formFactor} run ${run}/${runs}: LCP reader ${last(pages.reader)}, baseline ${last(pages.baseline)}`);
  }
  const finish = async (current: typeof pages.reader): Promise<PageResult> => {
    const lhrFile = join(resultsDir, `${formFactor}-${current.name}.lhr.json`);
    await writeFile(lhrFile, JSON.stringify(current.last));
    return {
      url: current.url,
      runs: current.runs,
      median: medianFigures(current.runs),
      warnings: [...current.warnings],
      erroredAudits: [...current.errored],
      lhrFile: relative(root, lhrFile),
    };
  };
  const reader = await finish(pages.reader);
  const baseline = await finish(pages.baseline);
  const lcpRatio = reader.median.lcp !== null && baseline.median.lcp ? reader.median.lcp / baseline.median.lcp : null;
  return { formFactor, reader, baseline, lcpRatio, lighthouseVersion };
}

async function main(): Promise<void> {
  const started = Date.now();
  const opts = options();
  if (opts.help) {
    console.log(usage);
    return;
  }

  checkChromium();
  ensureBuilt(root, opts.rebuild);
  const readerPath = await findReaderPath(root, opts.path, opts.path !== preferredReaderPath);
  const site = await snapshotSite(root, join(resultsDir, 'site'), readerPath);
  const pageLang = readerPath.split('/')[1];
  const baseline = await writeBaseline(root, join(resultsDir, 'baseline'), slugOf(readerPath), isLanguage(pageLang) ? pageLang : 'en');
  const budgets = await measureBudgets(site, readerPath, baseline.dir);
  // Before Chromium starts, so that only the server and the load generator share the machine.
  console.log('Throughput of npm start (autocannon, 50 connections, 10 s)…');
  const throughput = await measureThroughput({ dir: site.dir, path: readerPath });

  await mkdir(resultsDir, { recursive: true });
  const browser = await startChromium();
  const results: FormFactorResult[] = [];
  let encodings: { reader: string; baseline: string } | undefined;
  try {
    const serveConfig = join(resultsDir, 'serve.json');
    await writeServeConfig(serveConfig);
    const readerServer = await startServer(site.dir, serveConfig, readerPath);
    const baselineServer = await startServer(baseline.dir, serveConfig, '/');
    encodings = { reader: readerServer.encoding, baseline: baselineServer.encoding };
    console.log(`Serving ${relative(root, site.dir)}/ at ${readerServer.origin} and ${relative(root, baseline.dir)}/ at ${baselineServer.origin} (compression: ${readerServer.encoding} / ${baselineServer.encoding})`);
    console.log(`Lighthouse: ${opts.runs} run(s) per page${opts.desktop ? ', mobile then desktop' : ', mobile preset'}…`);
    for (const formFactor of opts.desktop ? (['mobile', 'desktop'] as const) : (['mobile'] as const)) {
      results.push(await measure(browser, formFactor, opts.runs, readerServer.origin + readerPath, `${baselineServer.origin}/`));
    }
  } finally {
    stopAllServers();
    browser.chrome.kill();
  }

  const lighthouseVersion = results[0]?.lighthouseVersion ?? 'unknown';
  console.log('');
  for (const result of results) {
    console.log(`Lighthouse ${lighthouseVersion}, ${result.formFactor} preset, median of ${opts.runs} run(s); ${browser.version}`);
    console.log(`reader:   ${result.reader.url}`);
    console.log(`baseline: ${result.baseline.url} (same text as bare HTML: ${baseline.columns.join(', ')}, ${baseline.rows} rows)`);
    console.log('');
    console.log(lighthouseTable(result));
    for (const [name, page] of [['reader', result.reader], ['baseline', result.baseline]] as const) {
      for (const warning of page.warnings) console.log(`warning (${name}): ${warning}`);
    }
    const errored = [...new Set([...result.reader.erroredAudits, ...result.baseline.erroredAudits].map((audit) => audit.split(':')[0]))];
    if (errored.length) {
      console.log(`note: Lighthouse could not run ${errored.length} diagnostic audit(s) in this Chromium: ${errored.join(', ')}.`);
      console.log('      A score above is only shown when every audit it weighs ran; see latest.json for the messages.');
    }
    console.log(`full results of the last runs: ${result.reader.lhrFile}, ${result.baseline.lhrFile}`);
    console.log('');
  }
  console.log(budgetTable(budgets));
  console.log('');
  console.log(chunkTable(budgets));
  console.log('');
  console.log(budgets.method);
  console.log('Sizes: gzip level 6 via node:zlib; the server itself answers Chromium with Brotli when it can (see "Transferred").');
  console.log('');
  console.log(throughputReport(throughput));

  const report = {
    date: new Date().toISOString(),
    lighthouse: lighthouseVersion,
    chromium: browser.version,
    runs: opts.runs,
    builtAt: site.builtAt ?? null,
    compression: encodings,
    targets,
    baseline: { slug: baseline.slug, columns: baseline.columns, rows: baseline.rows, file: relative(root, join(baseline.dir, 'index.html')) },
    lighthouseResults: results.map((result) => ({
      ...result,
      meetsLcpRatio: result.lcpRatio === null ? null : result.lcpRatio <= targets.lcpRatio,
    })),
    budgets: {
      ...budgets,
      meetsCss: budgets.css.pageGzip <= targets.cssGzipBytes,
      meetsFonts: budgets.fonts.bytes <= targets.fontBytes,
    },
    throughput,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  await mkdir(resultsDir, { recursive: true });
  await writeFile(join(resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWrote ${relative(root, join(resultsDir, 'latest.json'))} in ${report.seconds} s.`);
}

// Never leave a server or a Chromium behind, however the run ends (Ctrl-C, a closed pipe, a crash).
function cleanUp(): void {
  stopAllServers();
  killAll();
}
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => process.exit(130));
process.stdout.on('error', () => process.exit(1));

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof BenchError) console.error(`bench: ${error.message}`);
    else if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) console.error(`bench: ${error.message}\n${usage}`);
    else console.error('bench: unexpected failure:', error);
    process.exit(1);
  },
);
