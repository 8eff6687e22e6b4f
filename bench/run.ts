/**
 * `npm run bench`: measures the reader page against the standing targets and prints a table; writes
 * bench/results/latest.json. Then measures how the build scales with the number of documents; writes
 * bench/results/scale.json and the chart bench/scale.svg. A measurement, not a test: exit 0 whenever it
 * ran, whatever the figures; non-zero only when something could not run. See bench/README.md.
 *
 *   npm run bench -- [--runs N] [--rebuild] [--desktop] [--path /en/documents/<slug>/]
 *                    [--scale 10,100,1000,10000 | --no-scale | --scale-only] [--scale-timeout MIN] [--scale-keep]
 *                    [--incremental-at 1000|none]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { killAll } from 'chrome-launcher';
import { isLanguage } from '../src/model/languages';
import { writeBaseline } from './baseline';
import { measureBudgets, type Budgets } from './budgets';
import { formatBytes, formatDuration, scaleChart } from './chart';
import { BenchError } from './errors';
import type { Result } from 'lighthouse';
import { checkChromium, medianFigures, runLighthouse, startChromium, type Browser, type FormFactor, type RunFigures } from './lighthouse';
import { startServer, stopAllServers } from './serve';
import { checkScaleCanRun, defaultIncrementalAt, defaultScaleSizes, measureScale, parseSizes, type ScaleReport } from './scale';
import { scaleTargets } from './scale/summary';
import { stopAllBuilds } from './scale/timed-build';
import { ensureBuilt, findReaderPath, preferredReaderPath, slugOf, snapshotSite } from './site';
import { measureThroughput, throughputReport } from './throughput';

/** The standing targets. Bytes are decimal: 1 kB = 1,000 bytes. */
export const targets = {
  /** LCP of the reader page divided by LCP of the same text as bare HTML. */
  lcpRatio: 1.1,
  /** Each of Lighthouse's four category scores of the reader page (performance, accessibility, best practices, SEO). */
  score: 100,
  /** JavaScript the reader page loads when it opens, gzip. */
  jsGzipBytes: 10_000,
  /** The reader page's HTML, gzip. */
  htmlGzipBytes: 14_000,
  /** CSS the reader page loads, gzip. */
  cssGzipBytes: 25_000,
  /** Every web font file in out/. */
  fontBytes: 300_000,
} as const;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, 'bench', 'results');

/** Default of --scale-timeout, minutes per build. */
const defaultScaleTimeout = 60;

const usage = `usage: npm run bench -- [--runs N] [--rebuild] [--desktop] [--path /en/documents/<slug>/]
                        [--scale SIZES | --no-scale | --scale-only] [--scale-timeout MIN] [--scale-keep] [--incremental-at N|none]
  --runs N             Lighthouse runs per page and form factor; the median is reported (default 3)
  --rebuild            run \`npm run build\` first even when out/ exists
  --desktop            also measure with Lighthouse's desktop preset (doubles the time)
  --path P             the reader page to measure (default ${preferredReaderPath})
  --scale SIZES        numbers of generated documents to build, comma-separated (default ${defaultScaleSizes.join(',')})
  --no-scale           Lighthouse part only: skip the scale measurement
  --scale-only         scale measurement only: no Lighthouse, no Chromium needed
  --scale-timeout MIN  stop a scale build after MIN minutes; larger sets are then skipped (default ${defaultScaleTimeout})
  --scale-keep         keep the scratch copies in .scratch/scale/ after measuring (large sets take GBs)
  --incremental-at N   after building N documents (one of --scale), correct one, add one, build that clean and compare
                       (default ${defaultIncrementalAt} when it is among the sizes; none: skip)`;

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
      runs: { type: 'string' },
      rebuild: { type: 'boolean', default: false },
      desktop: { type: 'boolean', default: false },
      path: { type: 'string' },
      scale: { type: 'string' },
      'no-scale': { type: 'boolean', default: false },
      'scale-only': { type: 'boolean', default: false },
      'scale-timeout': { type: 'string' },
      'scale-keep': { type: 'boolean', default: false },
      'incremental-at': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  const lighthouseFlags = [values.runs !== undefined && '--runs', values.rebuild && '--rebuild', values.desktop && '--desktop', values.path !== undefined && '--path'].filter(Boolean);
  const scaleFlags = [values.scale !== undefined && '--scale', values['scale-only'] && '--scale-only', values['scale-timeout'] !== undefined && '--scale-timeout', values['scale-keep'] && '--scale-keep', values['incremental-at'] !== undefined && '--incremental-at'].filter(Boolean);
  if (values['no-scale'] && scaleFlags.length > 0) throw new BenchError(`--no-scale skips the scale measurement: it cannot go with ${scaleFlags.join(', ')}\n${usage}`);
  if (values['scale-only'] && lighthouseFlags.length > 0) throw new BenchError(`--scale-only runs no Lighthouse: ${lighthouseFlags.join(', ')} would be ignored\n${usage}`);
  const runs = Number(values.runs ?? '3');
  if (!Number.isInteger(runs) || runs < 1 || runs > 20) throw new BenchError(`--runs must be a whole number from 1 to 20, not ${values.runs}\n${usage}`);
  const path = `/${(values.path ?? preferredReaderPath).replace(/^\/+|\/+$/g, '')}/`;
  const sizes = parseSizes(values.scale ?? defaultScaleSizes.join(','));
  if (!sizes) throw new BenchError(`--scale takes distinct whole numbers from 1 to 100000, comma-separated (10,100,1000), not ${values.scale}\n${usage}`);
  const incrementalText = values['incremental-at'];
  const incrementalAt = incrementalText === 'none' ? undefined : Number(incrementalText ?? defaultIncrementalAt);
  if (incrementalText !== undefined && incrementalText !== 'none' && !sizes.includes(Number(incrementalText))) {
    throw new BenchError(`--incremental-at takes one of the sizes of --scale (${sizes.join(', ')}) or none, not ${incrementalText}\n${usage}`);
  }
  const scaleTimeout = Number(values['scale-timeout'] ?? defaultScaleTimeout);
  if (!(scaleTimeout > 0 && scaleTimeout <= 24 * 60)) throw new BenchError(`--scale-timeout must be a number of minutes above 0 and at most 1440, not ${values['scale-timeout']}\n${usage}`);
  return {
    runs,
    rebuild: values.rebuild,
    desktop: values.desktop,
    path,
    lighthouse: !values['scale-only'],
    scale: !values['no-scale'],
    sizes,
    scaleTimeout,
    scaleKeep: values['scale-keep'],
    incrementalAt: incrementalAt !== undefined && sizes.includes(incrementalAt) ? incrementalAt : undefined,
    help: values.help,
  };
}

type Options = ReturnType<typeof options>;

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
  const score = (label: string, of: (figures: RunFigures) => number | null) =>
    row(label, (f) => plain(of(f)), `${targets.score}`, verdict(of(reader) === null ? null : of(reader) === targets.score));
  return table(
    ['figure', 'reader', 'baseline', 'target', ''],
    [
      score('Performance score', (f) => f.performance),
      score('Accessibility score', (f) => f.accessibility),
      score('Best-practices score', (f) => f.bestPractices),
      score('SEO score', (f) => f.seo),
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

/** The reading page's HTML as the server sent it to Chromium: encoding and bytes. */
interface SentHtml {
  encoding: string;
  bytes: number | null;
}

/** Whether the HTML fits its target: as sent when the server said how many bytes, else its gzip size. */
const htmlFits = (budgets: Budgets, sent?: SentHtml) => (sent?.bytes ?? budgets.html.gzipBytes) <= targets.htmlGzipBytes;

function budgetTable(budgets: Budgets, sent?: SentHtml): string {
  const cssOk = budgets.css.pageGzip <= targets.cssGzipBytes;
  const fontOk = budgets.fonts.bytes <= targets.fontBytes;
  return table(
    ['figure (reader page, from out/)', 'size', 'target', ''],
    [
      ['JS the project adds (app chunks, gzip)', kB(budgets.js.appGzip), '', ''],
      ['JS of the Next.js runtime (gzip)', kB(budgets.js.runtimeGzip), '', ''],
      ['JS total, module scripts (gzip)', kB(budgets.js.totalGzip), `≤ ${kB(targets.jsGzipBytes)}`, verdict(budgets.js.totalGzip <= targets.jsGzipBytes)],
      ['CSS loaded by the page (gzip)', kB(budgets.css.pageGzip), `≤ ${kB(targets.cssGzipBytes)}`, verdict(cssOk)],
      ['  of which inline <style>', kB(budgets.css.inlineGzip), '', ''],
      ['CSS files in out/ (gzip, each summed)', kB(budgets.css.outFilesGzip), '', ''],
      [`Web fonts in out/ (${budgets.fonts.files} files)`, kB(budgets.fonts.bytes), `≤ ${kB(targets.fontBytes)}`, verdict(fontOk)],
      ...(sent?.bytes != null ? [[`HTML of the page as sent to Chromium (${sent.encoding})`, kB(sent.bytes), `≤ ${kB(targets.htmlGzipBytes)}`, verdict(htmlFits(budgets, sent))]] : []),
      ['HTML of the page (gzip)', kB(budgets.html.gzipBytes), sent?.bytes != null ? '' : `≤ ${kB(targets.htmlGzipBytes)}`, sent?.bytes != null ? '' : verdict(htmlFits(budgets))],
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

function scalePointsTable(report: ScaleReport): string {
  return table(
    ['documents', 'build time', 'peak memory (sum of RSS)', 'processes (max)', 'out/ size', 'out/ files', '.next/ size', 'CPU s: build / others'],
    report.points.map((point) => [
      point.documents.toLocaleString('en-US'),
      point.stopped === 'failed' ? `FAILED at ${formatDuration(point.seconds)}` : `${point.stopped ? '> ' : ''}${formatDuration(point.seconds)}`,
      `${point.stopped ? '≥ ' : ''}${formatBytes(point.peakRssBytes)}`,
      plain(point.peakProcesses),
      point.stopped ? '—' : formatBytes(point.outBytes),
      point.stopped ? '—' : point.outFiles.toLocaleString('en-US'),
      formatBytes(point.nextBytes),
      `${Math.round(point.cpu.build)} / ${Math.round(point.cpu.others)}`,
    ]),
  );
}

function scaleSummaryTable(report: ScaleReport): string {
  const { slopes, meets, targetSetSeconds, targetSetMemory, memoryGrowth } = report.summary;
  const n = scaleTargets.documents.toLocaleString('en-US');
  const span = slopes ? ` (${slopes.from}→${slopes.to})` : '';
  const signed = (value: number, text: string) => `${value >= 0 ? '+' : '−'}${text}`;
  const timeCell = targetSetSeconds
    ? {
        measured: formatDuration(targetSetSeconds.seconds),
        projected: `≈ ${formatDuration(targetSetSeconds.seconds)} (projected)`,
        timeout: `> ${formatDuration(targetSetSeconds.seconds)} (stopped)`,
        failed: `failed after ${formatDuration(targetSetSeconds.seconds)}`,
      }[targetSetSeconds.kind]
    : '—';
  const large = scaleTargets.largeDocuments.toLocaleString('en-US');
  const largePoint = report.points.find((point) => point.documents === scaleTargets.largeDocuments);
  const pagePoint = [...report.points].filter((point) => point.largestPage).sort((a, b) => b.documents - a.documents)[0];
  const memoryLabel = targetSetMemory && targetSetMemory.documents !== scaleTargets.documents ? `Peak memory, largest set (${targetSetMemory.documents.toLocaleString('en-US')})` : `Peak memory, ${n} documents`;
  return table(
    ['figure', 'measured', 'target', ''],
    [
      [`Build time per added document${span}`, slopes ? `${signed(slopes.seconds, slopes.seconds === 0 ? '0' : Math.abs(slopes.seconds).toFixed(2))} s` : '—', `≤ ${scaleTargets.perDocumentSeconds} s`, verdict(meets.perDocumentSeconds)],
      [`  CPU time of the build per added document${span}`, slopes ? `${signed(slopes.cpuSeconds, Math.abs(slopes.cpuSeconds).toFixed(2))} CPU s` : '—', '', ''],
      [`Output per added document${span}`, slopes ? formatBytes(slopes.bytes) : '—', `≤ ${formatBytes(scaleTargets.perDocumentBytes)}`, verdict(meets.perDocumentBytes)],
      [`Files per added document${span}`, slopes ? slopes.files.toFixed(1) : '—', `≤ ${scaleTargets.perDocumentFiles}`, verdict(meets.perDocumentFiles)],
      [`Build time, ${n} documents`, timeCell, `≤ ${formatDuration(scaleTargets.buildSeconds)}`, verdict(meets.buildSeconds)],
      [memoryLabel, targetSetMemory ? `${targetSetMemory.lowerBound ? '≥ ' : ''}${formatBytes(targetSetMemory.bytes)}` : '—', `≤ ${formatBytes(scaleTargets.peakMemoryBytes)}`, verdict(meets.peakMemory)],
      [
        `Peak memory growth${memoryGrowth ? ` (${memoryGrowth.from}→${memoryGrowth.to})` : ''}`,
        memoryGrowth ? `${memoryGrowth.lowerBound ? '≥ ' : ''}${signed(memoryGrowth.ratio, `${Math.abs(memoryGrowth.ratio * 100).toFixed(0)} %`)}` : '—',
        `flat (≤ +${scaleTargets.memoryGrowthTolerance * 100} %)`,
        verdict(meets.memoryFlat),
      ],
      [`  peak memory per added document${span}`, slopes ? `${signed(slopes.memoryBytes, formatBytes(Math.abs(slopes.memoryBytes)))}` : '—', '', ''],
      ...incrementalRows(report),
      [`Build time, ${large} documents`, largePoint ? `${largePoint.stopped ? '> ' : ''}${formatDuration(largePoint.seconds)}` : 'not built', `≤ ${formatDuration(scaleTargets.largeBuildSeconds)}`, verdict(meets.largeBuildSeconds)],
      [
        `Largest page, gzip${pagePoint?.largestPage ? ` (${pagePoint.documents.toLocaleString('en-US')}: ${pagePoint.largestPage.file})` : ''}`,
        pagePoint?.largestPage ? formatBytes(pagePoint.largestPage.gzipBytes) : '—',
        `≤ ${formatBytes(scaleTargets.pageGzipBytes)} at ${large}`,
        verdict(meets.pageGzip),
      ],
      [`Search query, ${large} documents`, 'not measured here', `≤ ${scaleTargets.searchMs} ms, ≤ ${formatBytes(scaleTargets.searchBytes)}`, verdict(null)],
    ],
  );
}

/** The incremental cases (one corrected, one added, compared with a clean build of the same). */
function incrementalRows(report: ScaleReport): string[][] {
  const figures = report.incremental;
  const at = (figures?.documents ?? scaleTargets.documents).toLocaleString('en-US');
  const cell = (run: { seconds: number; mode: string; exitCode: number | null } | undefined) =>
    !run ? 'not measured' : run.exitCode !== 0 ? `FAILED at ${formatDuration(run.seconds)}` : `${formatDuration(run.seconds)} (${run.mode})`;
  const within = (run: { seconds: number; mode: string; exitCode: number | null } | undefined, limit: number) =>
    !run || figures?.documents !== scaleTargets.documents ? null : run.exitCode === 0 && run.seconds <= limit;
  return [
    [`Correct one document of ${at}`, cell(figures?.correctOne), `≤ ${scaleTargets.correctOneSeconds} s at ${scaleTargets.documents.toLocaleString('en-US')}`, verdict(within(figures?.correctOne, scaleTargets.correctOneSeconds))],
    [`Add one document to ${at}`, cell(figures?.addOne), `≤ ${scaleTargets.addOneSeconds} s at ${scaleTargets.documents.toLocaleString('en-US')}`, verdict(within(figures?.addOne, scaleTargets.addOneSeconds))],
    [`  the same, built clean`, cell(figures?.cleanAfterAdd), '', ''],
    [
      `Incremental build = clean build, byte for byte`,
      figures?.identical === undefined || figures.identical === null ? '—' : figures.identical ? 'yes' : `no: ${figures.differences.length} files differ (${figures.differences.slice(0, 3).join(', ')})`,
      'yes',
      verdict(figures?.identical ?? null),
    ],
  ];
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

/** The Lighthouse part: the reader page against the bare-HTML baseline, and the byte budgets. */
async function lighthouseBench(opts: Options): Promise<void> {
  const started = Date.now();
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
  let sentHtml: SentHtml | undefined;
  try {
    const readerServer = await startServer(site.dir, readerPath);
    const baselineServer = await startServer(baseline.dir, '/');
    encodings = { reader: readerServer.encoding, baseline: baselineServer.encoding };
    sentHtml = { encoding: readerServer.encoding, bytes: readerServer.bytes };
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
  console.log(budgetTable(budgets, sentHtml));
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
      meetsJs: budgets.js.totalGzip <= targets.jsGzipBytes,
      sentHtml: sentHtml ?? null,
      meetsHtml: htmlFits(budgets, sentHtml),
    },
    throughput,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  await mkdir(resultsDir, { recursive: true });
  await writeFile(join(resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWrote ${relative(root, join(resultsDir, 'latest.json'))} in ${report.seconds} s.`);
}

/** `bench/scale.svg`: the chart of the last scale run (committed with the figures it shows). */
const chartFile = join(root, 'bench', 'scale.svg');

/** Writes scale.json and the chart; called after every size, so an interrupted run keeps what it measured. */
async function saveScale(report: ScaleReport): Promise<void> {
  await mkdir(resultsDir, { recursive: true });
  await writeFile(join(resultsDir, 'scale.json'), `${JSON.stringify(report, null, 2)}\n`);
  const gb = (report.machine.memoryBytes / 1e9).toFixed(1);
  const subtitle = `Measured ${report.date.slice(0, 10)}: ${report.machine.cores} cores, ${gb} GB memory, Node ${report.node}; documents by ${report.generator}`;
  const othersShare = Math.max(0, ...report.points.map((point) => point.cpu.others / (point.seconds * report.machine.cores)));
  const busy = othersShare > 0.1 ? `Busy machine: other processes used up to ${Math.round(othersShare * 100)} % of the CPU during these builds, so the times are inflated.` : undefined;
  const figures = report.incremental;
  const incremental = figures
    ? `At ${figures.documents.toLocaleString('en-US')}: one corrected ${formatDuration(figures.correctOne.seconds)} (target ${scaleTargets.correctOneSeconds} s), one added ${formatDuration(figures.addOne.seconds)} (target ${scaleTargets.addOneSeconds} s), same bytes as clean: ${figures.identical === null ? '—' : figures.identical ? 'yes' : 'no'}.`
    : undefined;
  const note = [incremental, busy].filter(Boolean).join(' ') || undefined;
  await writeFile(chartFile, scaleChart(report.points, { subtitle, note, perDocumentSeconds: scaleTargets.perDocumentSeconds, peakMemoryBytes: scaleTargets.peakMemoryBytes }));
}

/** The scale part: builds generated sets of documents in scratch copies (bench/scale/). */
async function scaleBench(opts: Options): Promise<void> {
  const started = Date.now();
  const report = await measureScale(root, { sizes: opts.sizes, timeoutMinutes: opts.scaleTimeout, keep: opts.scaleKeep, incrementalAt: opts.incrementalAt }, saveScale);
  console.log('');
  console.log(`Scale: \`npm run build\` on ${report.sizes.join(', ')} documents generated by ${report.generator}; ${report.machine.cores} cores, ${(report.machine.memoryBytes / 1e9).toFixed(1)} GB, Node ${report.node}`);
  console.log('');
  console.log(scalePointsTable(report));
  console.log('');
  console.log(scaleSummaryTable(report));
  if (report.incomplete) console.log(`\nnote: ${report.incomplete}.`);
  // Other work that took more than a tenth of the machine during a build inflated its time.
  const busy = report.points.filter((point) => point.cpu.others > 0.1 * point.seconds * report.machine.cores);
  if (busy.length > 0) {
    const shares = busy.map((point) => `${point.documents}: ${Math.round((100 * point.cpu.others) / (point.seconds * report.machine.cores))} %`).join(', ');
    console.log(`\nnote: other processes used a large share of the machine during some builds (documents: share of all cores: ${shares});`);
    console.log('      those times are inflated and the slopes unreliable: rerun on a quiet machine before comparing.');
  }
  console.log('\nPeak memory: resident memory of every process of the build, summed, read from /proc every 100 ms; pages shared');
  console.log('between processes count once per process, so it is an upper estimate. Slopes: between the smallest and largest set.');
  console.log('CPU: seconds of CPU time the build used, and that every other process of the machine used while it ran.');
  console.log(`\nWrote ${relative(root, join(resultsDir, 'scale.json'))} and ${relative(root, chartFile)} in ${formatDuration((Date.now() - started) / 1000)}.`);
  if (report.failure) throw new BenchError(report.failure);
}

async function main(): Promise<void> {
  const opts = options();
  if (opts.help) {
    console.log(usage);
    return;
  }
  // Fail before a long Lighthouse run when the scale part cannot run at all.
  if (opts.scale) checkScaleCanRun();
  if (opts.lighthouse) await lighthouseBench(opts);
  if (opts.lighthouse && opts.scale) console.log('');
  if (opts.scale) await scaleBench(opts);
}

// Never leave a server or a Chromium behind, however the run ends (Ctrl-C, a closed pipe, a crash).
function cleanUp(): void {
  stopAllServers();
  stopAllBuilds();
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
