/**
 * An expected reason the benchmark cannot run (no Chromium, the build fails, the page is missing).
 * `run.ts` prints its message without a stack trace and exits non-zero.
 */
export class BenchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BenchError';
  }
}
