/**
 * Serves a folder with the `serve` package's command line (compression on: Brotli or gzip, whichever
 * the browser prefers) on 127.0.0.1 and a free port. The reader and the baseline are served by two
 * instances with the same configuration, so both are compressed the same way.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { BenchError } from './errors';

export interface StaticServer {
  origin: string;
  /** What the server answered to Chromium's Accept-Encoding for the page (`br`, `gzip` or `none`). */
  encoding: string;
  stop(): void;
}

/** The same for both pages: trailing-slash folders, no listings, like a static host. */
const serveConfig = { cleanUrls: true, trailingSlash: true, directoryListing: false };

export async function writeServeConfig(path: string): Promise<void> {
  await writeFile(path, `${JSON.stringify(serveConfig, null, 2)}\n`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const running = new Set<ChildProcess>();

/** Stops every server still running (on exit or Ctrl-C). */
export function stopAllServers(): void {
  for (const child of running) child.kill('SIGTERM');
  running.clear();
}

/** Starts `serve` for `dir`, waits until `path` answers 200 and reports the encoding it used. */
export async function startServer(dir: string, configPath: string, path: string): Promise<StaticServer> {
  const require = createRequire(import.meta.url);
  let cli: string;
  try {
    cli = require.resolve('serve/build/main.js');
  } catch {
    throw new BenchError('the `serve` package is not installed (run `npm ci`)');
  }
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [cli, dir, '--listen', `tcp://127.0.0.1:${port}`, '--config', configPath, '--no-clipboard', '--no-port-switching', '--no-request-logging'],
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_UPDATE_CHECK: '1' } },
  );
  running.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const stop = () => {
    child.kill('SIGTERM');
    running.delete(child);
  };

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(origin + path, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
      await response.arrayBuffer();
      if (response.ok) return { origin, encoding: response.headers.get('content-encoding') ?? 'none', stop };
      stop();
      throw new BenchError(`the static server answered ${response.status} for ${origin}${path}`);
    } catch (error) {
      if (error instanceof BenchError) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  stop();
  throw new BenchError(`the static server for ${dir} did not start on ${origin}${stderr ? `:\n${stderr.trim()}` : ''}`);
}
