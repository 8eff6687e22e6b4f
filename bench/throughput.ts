/**
 * How many requests a second `npm start`'s server answers for the reader page: autocannon, 50
 * concurrent connections over loopback for 10 s, each request with the Accept-Encoding Chromium
 * sends (so the server answers with its compressed copy, as it does for a reader), after a 2 s warm-up
 * that is not counted. The server is the real entry, `node scripts/serve.mjs --dir <copy of out/>`,
 * in its own process on 127.0.0.1; autocannon runs in this one. Afterwards the server is stopped
 * with SIGTERM and must exit 0. Target: at least 3,000 requests a second with no error and no
 * answer other than 200.
 *
 * On a 2-core machine the load generator takes one core and the server the other: the figure is a
 * floor for the server, and it drops when other work shares the machine (see `loadAverage`). The
 * server's own CPU time per request (from /proc on Linux) depends far less on that: it gives what
 * one core of the server can answer.
 *
 *   npm run bench                       # part of the benchmark
 *   tsx bench/throughput.ts [--dir out] [--path /en/documents/<slug>/] [--connections 50] [--duration 10]
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { BenchError } from './errors';
import { preferredReaderPath } from './site';

export const throughputTarget = { requestsPerSecond: 5000, connections: 50 } as const;

/** What Chromium sends (loopback counts as a secure context, so it offers Brotli). */
export const chromiumAcceptEncoding = 'gzip, deflate, br, zstd';

export interface ThroughputResult {
  url: string;
  connections: number;
  seconds: number;
  acceptEncoding: string;
  /** The Content-Encoding the server answered with. */
  encoding: string;
  /** Mean of the per-second counts, as autocannon reports it. */
  requestsPerSecond: number;
  /** The slowest and fastest second. */
  requestsPerSecondMin: number;
  requestsPerSecondMax: number;
  requests: number;
  latencyMs: { p50: number; p99: number; max: number };
  bytesPerSecond: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** CPU time (user + system) the server process spent per request, and the requests a second one core at that cost answers. Linux only. */
  serverCpu: { msPerRequest: number; requestsPerCoreSecond: number } | undefined;
  /** The server's exit code after SIGTERM (0: a clean stop). */
  serverExit: number | string;
  /** The machine's 1-minute load average before and after: other work lowers the figure. */
  loadAverage: { before: number; after: number };
  meetsTarget: boolean;
}

interface Server {
  origin: string;
  /** CPU seconds (user + system) the process has used so far, where /proc tells. */
  cpuSeconds(): number | undefined;
  stop(): Promise<number | string>;
}

/** Fields 14 and 15 of /proc/<pid>/stat: user and system time in clock ticks (100 a second on Linux). */
function cpuSecondsOf(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ');
    if (!fields) return undefined;
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

async function startSiteServer(dir: string): Promise<Server> {
  const child = spawn(process.execPath, [join(root, 'scripts', 'serve.mjs'), '--dir', dir], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new BenchError(`the site server did not start:\n${output}`)), 15_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    void exited.then(() => reject(new BenchError(`the site server exited at start:\n${output}`)));
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    cpuSeconds: () => cpuSecondsOf(child.pid),
    stop: async () => {
      child.kill('SIGTERM');
      const code = await exited;
      process.removeListener('exit', kill);
      return code;
    },
  };
}

/** Serves `dir` with `npm start`'s server and measures `path` under load. */
export async function measureThroughput({
  dir,
  path = preferredReaderPath,
  connections = throughputTarget.connections,
  seconds = 10,
}: {
  dir: string;
  path?: string;
  connections?: number;
  seconds?: number;
}): Promise<ThroughputResult> {
  const server = await startSiteServer(dir);
  let serverExit: number | string = 'not stopped';
  try {
    const url = server.origin + path;
    const headers = { 'accept-encoding': chromiumAcceptEncoding };
    const probe = await fetch(url, { headers: { 'Accept-Encoding': chromiumAcceptEncoding } });
    await probe.arrayBuffer();
    if (probe.status !== 200) throw new BenchError(`the site server answered ${probe.status} for ${url}`);
    const encoding = probe.headers.get('content-encoding') ?? 'none';
    await autocannon({ url, connections, duration: 2, headers });
    const before = loadavg()[0];
    const cpuBefore = server.cpuSeconds();
    const result = await autocannon({ url, connections, duration: seconds, headers });
    const cpuAfter = server.cpuSeconds();
    const after = loadavg()[0];
    const msPerRequest = cpuBefore === undefined || cpuAfter === undefined || result.requests.total === 0 ? undefined : ((cpuAfter - cpuBefore) * 1000) / result.requests.total;
    serverExit = await server.stop();
    const requestsPerSecond = Math.round(result.requests.average);
    const clean = result.errors === 0 && result.timeouts === 0 && result.non2xx === 0;
    return {
      url,
      connections,
      seconds,
      acceptEncoding: chromiumAcceptEncoding,
      encoding,
      requestsPerSecond,
      requestsPerSecondMin: result.requests.min,
      requestsPerSecondMax: result.requests.max,
      requests: result.requests.total,
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      bytesPerSecond: Math.round(result.throughput.average),
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      serverCpu: msPerRequest === undefined ? undefined : { msPerRequest: Number(msPerRequest.toFixed(3)), requestsPerCoreSecond: Math.round(1000 / msPerRequest) },
      serverExit,
      loadAverage: { before: Number(before.toFixed(2)), after: Number(after.toFixed(2)) },
      meetsTarget: clean && requestsPerSecond >= throughputTarget.requestsPerSecond && serverExit === 0,
    };
  } finally {
    if (serverExit === 'not stopped') await server.stop();
  }
}

/** The figures as lines for the benchmark's output. */
export function throughputReport(result: ThroughputResult): string {
  const number = (value: number) => value.toLocaleString('en-US');
  return [
    `npm start under load: ${result.url}`,
    `  ${result.connections} connections for ${result.seconds} s, Accept-Encoding "${result.acceptEncoding}" (answered: ${result.encoding})`,
    `  requests/s   ${number(result.requestsPerSecond)} (slowest second ${number(result.requestsPerSecondMin)}, fastest ${number(result.requestsPerSecondMax)}; ${number(result.requests)} requests)`,
    `  latency      p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, max ${result.latencyMs.max} ms`,
    ...(result.serverCpu
      ? [`  server CPU   ${result.serverCpu.msPerRequest} ms a request: one core answers about ${number(result.serverCpu.requestsPerCoreSecond)} requests/s`]
      : []),
    `  errors       ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} answers other than 2xx; the server exited ${result.serverExit} on SIGTERM`,
    `  load average ${result.loadAverage.before} before, ${result.loadAverage.after} after (2 cores)`,
    `  target       ≥ ${number(throughputTarget.requestsPerSecond)} requests/s with no error: ${result.meetsTarget ? 'meets' : 'MISSES'}`,
  ].join('\n');
}

/** The options of the command line, checked; a BenchError names what is wrong, with the usage. */
function commandOptions() {
  const usage = 'usage: tsx bench/throughput.ts [--dir out] [--path /en/documents/<slug>/] [--connections 50] [--duration 10]';
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        dir: { type: 'string', default: join(root, 'out') },
        path: { type: 'string', default: preferredReaderPath },
        connections: { type: 'string', default: String(throughputTarget.connections) },
        duration: { type: 'string', default: '10' },
      },
    }));
  } catch (error) {
    throw new BenchError(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
  const connections = Number(values.connections);
  const seconds = Number(values.duration);
  if (!(Number.isInteger(connections) && connections >= 1 && connections <= 10_000)) throw new BenchError(`--connections must be a whole number from 1 to 10000, not ${values.connections}\n${usage}`);
  if (!(seconds > 0 && seconds <= 3600)) throw new BenchError(`--duration must be a number of seconds above 0 and at most 3600, not ${values.duration}\n${usage}`);
  return { dir: values.dir, path: values.path, connections, seconds };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  Promise.resolve()
    .then(() => measureThroughput(commandOptions()))
    .then(
      (result) => console.log(throughputReport(result)),
      (error: unknown) => {
        console.error(`throughput: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
      },
    );
}
