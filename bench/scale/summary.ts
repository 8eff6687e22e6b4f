/**
 * The figures of the scale part: what is measured of each set, the scale targets, and the cost of
 * each added document (slopes between sets) with the verdicts against the targets.
 */
import type { BuildCpu } from './timed-build';

/** The scale targets. Bytes are decimal (1 MB = 1,000,000 bytes), like the rest of the bench. */
export const scaleTargets = {
  /** Output (every file of out/) each added document may cost. */
  perDocumentBytes: 600_000,
  /** Files in out/ each added document may cost. */
  perDocumentFiles: 20,
  /** Build time each added document may cost, in seconds. */
  perDocumentSeconds: 0.25,
  /** The large edition the time and memory targets are about… */
  documents: 1_000,
  /** …must build clean in at most this many seconds (issue 18: 4 minutes)… */
  buildSeconds: 240,
  /** …publish one added document in at most this many seconds… */
  addOneSeconds: 30,
  /** …and one corrected document in at most this many. */
  correctOneSeconds: 20,
  /** The largest edition measured… */
  largeDocuments: 10_000,
  /** …must build clean in at most this many seconds (45 minutes)… */
  largeBuildSeconds: 2_700,
  /** …and every page of it stay at most this large, gzip. */
  pageGzipBytes: 100_000,
  /** A search query on it: answered within this many milliseconds in Chromium… */
  searchMs: 300,
  /** …with at most this many bytes transferred. Not measured by the scale part (see bench/README.md). */
  searchBytes: 300_000,
  /** …with the build's process tree never holding more than this much resident memory in all. */
  peakMemoryBytes: 2_000_000_000,
  /** Peak memory "does not grow" when the largest set's peak is at most this much above the smallest's. */
  memoryGrowthTolerance: 0.1,
} as const;

export interface ScalePoint {
  documents: number;
  /** Wall-clock time of `npm run build`, s. */
  seconds: number;
  /** Peak of the summed resident memory of the build's process tree. */
  peakRssBytes: number;
  peakProcesses: number;
  /** Readings of /proc during the build. */
  samples: number;
  /** Every file of out/. Zero when the build was stopped or failed. */
  outBytes: number;
  outFiles: number;
  /** .next/ after the build (Next's own output and cache). */
  nextBytes: number;
  /** The largest page of out/ as served compressed (its `.gz` copy, or the page when it has none), and which. */
  largestPage?: { file: string; gzipBytes: number };
  /**
   * CPU seconds used by the build and, meanwhile, by everything else on the machine. Much "others"
   * means other work competed with the build for the cores and its time is inflated.
   */
  cpu: BuildCpu;
  /** The machine's 1-minute load average when the build started and when it ended (the build counts too). */
  loadAverage: { start: number; end: number };
  /**
   * `timeout`: stopped after `--scale-timeout` minutes; `failed`: `npm run build` exited with an error.
   * The time and the peak are then those until it ended: lower bounds of a successful build's.
   */
  stopped?: 'timeout' | 'failed';
  /** The build's output, relative to the project root. */
  log: string;
}

/** Per added document, between the smallest and the largest completed set. */
export interface ScaleSlopes {
  from: number;
  to: number;
  seconds: number;
  bytes: number;
  files: number;
  /** Peak memory per added document (bytes); near zero when memory does not grow. */
  memoryBytes: number;
  /**
   * CPU time of the build per added document (CPU seconds): less disturbed by other work on the
   * machine than the wall-clock slope, which it bounds on one core.
   */
  cpuSeconds: number;
}

export interface ScaleSummary {
  slopes: ScaleSlopes | null;
  /**
   * Peak memory of the largest set over that of the smallest completed one, minus 1 (0.25 = +25 %).
   * The largest set may be a stopped or failed build when its peak so far already shows growth
   * (`lowerBound`); otherwise the largest completed set is used.
   */
  memoryGrowth: { ratio: number; from: number; to: number; lowerBound: boolean } | null;
  /** Whether peak memory grows with the number of documents (growth above the tolerance). */
  memoryGrows: boolean | null;
  /**
   * Build time for `scaleTargets.documents`: `measured` when that set was built; `timeout` or `failed`
   * (a lower bound) when its build was stopped or failed; else `projected` from the largest set along
   * the slope (at least the largest set's time).
   */
  targetSetSeconds: { seconds: number; kind: 'measured' | 'projected' | 'timeout' | 'failed' } | null;
  /**
   * Peak memory for `scaleTargets.documents` if measured, else of the largest set built; a lower bound
   * when that build was stopped or failed.
   */
  targetSetMemory: { bytes: number; documents: number; lowerBound: boolean } | null;
  meets: {
    perDocumentBytes: boolean | null;
    perDocumentFiles: boolean | null;
    perDocumentSeconds: boolean | null;
    buildSeconds: boolean | null;
    peakMemory: boolean | null;
    memoryFlat: boolean | null;
    /** The clean build of `scaleTargets.largeDocuments`, when that set was built. */
    largeBuildSeconds: boolean | null;
    /** Every page of every completed set within `pageGzipBytes`; null until the large set was built (a page over the limit misses at once). */
    pageGzip: boolean | null;
  };
}

/** Slopes, memory growth and the verdicts against `scaleTargets`. Pure. */
export function summarize(points: readonly ScalePoint[]): ScaleSummary {
  const done = points.filter((point) => !point.stopped).sort((a, b) => a.documents - b.documents);
  const first = done[0];
  const last = done.at(-1);
  const slopes: ScaleSlopes | null =
    first && last && last.documents > first.documents
      ? {
          from: first.documents,
          to: last.documents,
          seconds: (last.seconds - first.seconds) / (last.documents - first.documents),
          bytes: (last.outBytes - first.outBytes) / (last.documents - first.documents),
          files: (last.outFiles - first.outFiles) / (last.documents - first.documents),
          memoryBytes: (last.peakRssBytes - first.peakRssBytes) / (last.documents - first.documents),
          cpuSeconds: (last.cpu.build - first.cpu.build) / (last.documents - first.documents),
        }
      : null;
  const tolerance = scaleTargets.memoryGrowthTolerance;
  const largest = [...points].sort((a, b) => a.documents - b.documents).at(-1);
  let memoryGrowth: ScaleSummary['memoryGrowth'] = null;
  if (first && largest?.stopped && largest.documents > first.documents && largest.peakRssBytes / first.peakRssBytes - 1 > tolerance) {
    memoryGrowth = { ratio: largest.peakRssBytes / first.peakRssBytes - 1, from: first.documents, to: largest.documents, lowerBound: true };
  } else if (slopes && first && last) {
    memoryGrowth = { ratio: last.peakRssBytes / first.peakRssBytes - 1, from: first.documents, to: last.documents, lowerBound: false };
  }
  const memoryGrows = memoryGrowth === null ? null : memoryGrowth.ratio > tolerance;

  const target = scaleTargets.documents;
  const exact = points.find((point) => point.documents === target);
  let targetSetSeconds: ScaleSummary['targetSetSeconds'] = null;
  if (exact) targetSetSeconds = { seconds: exact.seconds, kind: exact.stopped ?? 'measured' };
  // Projected along the slope, never below the largest set's own time (noise can make a slope negative).
  else if (slopes && last) targetSetSeconds = { seconds: Math.max(last.seconds, last.seconds + slopes.seconds * (target - last.documents)), kind: 'projected' };
  const memorySource = exact ?? points.reduce<ScalePoint | undefined>((largest, point) => (!largest || point.documents > largest.documents ? point : largest), undefined);
  const targetSetMemory = memorySource ? { bytes: memorySource.peakRssBytes, documents: memorySource.documents, lowerBound: memorySource.stopped !== undefined } : null;

  const large = points.find((point) => point.documents === scaleTargets.largeDocuments);
  const atMost = (value: number | undefined, limit: number) => (value === undefined ? null : value <= limit);
  // A set no larger than the target that failed, or ran past the time limit before it was stopped, misses.
  const tooSlowAtOrBelowTarget = points.some(
    (point) => point.documents <= target && (point.stopped === 'failed' || (point.stopped === 'timeout' && point.seconds > scaleTargets.buildSeconds)),
  );
  return {
    slopes,
    memoryGrowth,
    memoryGrows,
    targetSetSeconds,
    targetSetMemory,
    meets: {
      perDocumentBytes: atMost(slopes?.bytes, scaleTargets.perDocumentBytes),
      perDocumentFiles: atMost(slopes?.files, scaleTargets.perDocumentFiles),
      perDocumentSeconds: atMost(slopes?.seconds, scaleTargets.perDocumentSeconds),
      buildSeconds: tooSlowAtOrBelowTarget ? false : targetSetSeconds?.kind === 'timeout' ? null : atMost(targetSetSeconds?.seconds, scaleTargets.buildSeconds),
      // A peak above the limit on any set already misses; below it only counts at the target size.
      peakMemory: points.some((point) => point.peakRssBytes > scaleTargets.peakMemoryBytes) ? false : exact ? true : null,
      memoryFlat: memoryGrows === null ? null : !memoryGrows,
      largeBuildSeconds: large ? (large.stopped === 'timeout' && large.seconds < scaleTargets.largeBuildSeconds ? null : !large.stopped && large.seconds <= scaleTargets.largeBuildSeconds) : null,
      pageGzip: done.some((point) => (point.largestPage?.gzipBytes ?? 0) > scaleTargets.pageGzipBytes) ? false : large && !large.stopped ? true : null,
    },
  };
}
