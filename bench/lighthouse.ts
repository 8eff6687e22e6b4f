/**
 * Lighthouse 12.2.3 through its Node API, in Debian's Chromium started by chrome-launcher. One
 * Chromium serves every run; Lighthouse resets storage and cache before each, so every run is a cold
 * load. The default settings are Lighthouse's mobile preset (simulated slow 4G, a mid-range phone).
 */
import { existsSync } from 'node:fs';
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config, type Flags, type Result } from 'lighthouse';
import { BenchError } from './errors';
import { chromiumFlags, chromiumPath as debianChromium } from '../scripts/chromium';

/** Debian's Chromium; BENCH_CHROMIUM points elsewhere. */
export const chromiumPath = process.env.BENCH_CHROMIUM || debianChromium;

export type FormFactor = 'mobile' | 'desktop';

/** The figures read from one Lighthouse result. Scores 0–100; times in ms; bytes as transferred. */
export interface RunFigures {
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  seo: number | null;
  lcp: number | null;
  fcp: number | null;
  tbt: number | null;
  cls: number | null;
  /** Lighthouse's total-byte-weight: every response's transfer size (headers and compressed body). */
  transferBytes: number | null;
  requests: number | null;
  /** Lighthouse's measure of how fast the machine was during the run (higher is faster; a drop means load). */
  benchmarkIndex: number | null;
  /** Transfer size of the responses Lighthouse classed as fonts. */
  fontTransferBytes: number | null;
}

export const figureKeys = [
  'performance',
  'accessibility',
  'bestPractices',
  'seo',
  'lcp',
  'fcp',
  'tbt',
  'cls',
  'transferBytes',
  'requests',
  'benchmarkIndex',
  'fontTransferBytes',
] as const satisfies readonly (keyof RunFigures)[];

export interface Browser {
  chrome: LaunchedChrome;
  version: string;
}

/** Fails early, before the build and the copies, when there is no browser to measure with. */
export function checkChromium(): void {
  if (!existsSync(chromiumPath)) {
    throw new BenchError(`Chromium is not installed at ${chromiumPath} (Debian: apt-get install -y chromium)`);
  }
}

export async function startChromium(): Promise<Browser> {
  checkChromium();
  let chrome: LaunchedChrome;
  try {
    chrome = await launch({ chromePath: chromiumPath, chromeFlags: chromiumFlags, logLevel: 'silent' });
  } catch (error) {
    throw new BenchError(`Chromium at ${chromiumPath} did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  const version = await fetch(`http://127.0.0.1:${chrome.port}/json/version`)
    .then((response) => response.json() as Promise<{ Browser?: string }>)
    .then((info) => info.Browser ?? 'unknown', () => 'unknown');
  return { chrome, version };
}

const score = (result: Result, id: string): number | null => {
  const value = result.categories[id]?.score;
  return typeof value === 'number' ? Math.round(value * 100) : null;
};

const numeric = (result: Result, id: string): number | null => {
  const value = result.audits[id]?.numericValue;
  return typeof value === 'number' ? value : null;
};

interface NetworkItem {
  resourceType?: string;
  transferSize?: number;
}

function figuresOf(result: Result): RunFigures {
  const details = result.audits['network-requests']?.details;
  const items: NetworkItem[] = details && details.type === 'table' ? (details.items as NetworkItem[]) : [];
  return {
    performance: score(result, 'performance'),
    accessibility: score(result, 'accessibility'),
    bestPractices: score(result, 'best-practices'),
    seo: score(result, 'seo'),
    lcp: numeric(result, 'largest-contentful-paint'),
    fcp: numeric(result, 'first-contentful-paint'),
    tbt: numeric(result, 'total-blocking-time'),
    cls: numeric(result, 'cumulative-layout-shift'),
    transferBytes: numeric(result, 'total-byte-weight'),
    requests: items.length || null,
    benchmarkIndex: result.environment.benchmarkIndex ?? null,
    fontTransferBytes: items.filter((item) => item.resourceType === 'Font').reduce((sum, item) => sum + (item.transferSize ?? 0), 0),
  };
}

export interface RunOutcome {
  figures: RunFigures;
  /** Lighthouse's own warnings (e.g. the page was redirected), to show next to the figures. */
  warnings: string[];
  lighthouseVersion: string;
  /** Audits Lighthouse could not run (id: message). Scores stay valid as long as none of them has a weight. */
  erroredAudits: string[];
  /** The whole Lighthouse result, for a closer look (written to bench/results/). */
  result: Result;
}

/** One Lighthouse run of `url` in the browser already started. */
export async function runLighthouse(browser: Browser, url: string, formFactor: FormFactor): Promise<RunOutcome> {
  const flags: Flags = {
    port: browser.chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
  };
  const config: Config | undefined = formFactor === 'desktop' ? desktopConfig : undefined;
  const runner = await lighthouse(url, flags, config);
  if (!runner) throw new BenchError(`Lighthouse returned no result for ${url}`);
  const result = runner.lhr;
  if (result.runtimeError) throw new BenchError(`Lighthouse could not measure ${url}: ${result.runtimeError.code} ${result.runtimeError.message}`);
  const erroredAudits = Object.values(result.audits)
    .filter((audit) => audit.scoreDisplayMode === 'error')
    .map((audit) => `${audit.id}: ${(audit.errorMessage ?? '').split('\n')[0]}`);
  return { figures: figuresOf(result), warnings: result.runWarnings.map(String), erroredAudits, lighthouseVersion: result.lighthouseVersion, result };
}

/** The median of each figure separately (for an even count, the mean of the two middle values). */
export function medianFigures(runs: RunFigures[]): RunFigures {
  const median = (values: (number | null)[]): number | null => {
    const sorted = values.filter((value): value is number => value !== null).sort((a, b) => a - b);
    if (sorted.length === 0) return null;
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  };
  const entries = figureKeys.map((key) => [key, median(runs.map((run) => run[key]))] as const);
  return Object.fromEntries(entries) as unknown as RunFigures;
}
