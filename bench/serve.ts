/**
 * Serves a folder with the site's own server, the one `npm start` runs (scripts/serve.mjs --dir), on
 * 127.0.0.1 and a free port: the reading page is measured as it is sent to Chromium, Brotli at quality
 * 11 (the `serve` package used before sent Brotli at quality 4, larger than gzip -9). The reader and
 * the baseline are served by two instances of it, so both are compressed the same way.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { BenchError } from './errors';

/** `npm start`'s server. */
const serverScript = fileURLToPath(new URL('../scripts/serve.mjs', import.meta.url));

export interface StaticServer {
  origin: string;
  /** What the server answered to Chromium's Accept-Encoding for the page (`br`, `gzip` or `none`). */
  encoding: string;
  /** The bytes of that answer's body as sent (its Content-Length), or null when it named none. */
  bytes: number | null;
  stop(): void;
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

/** Starts the site's server for `dir`, waits until `path` answers 200 and reports the encoding it used. */
export async function startServer(dir: string, path: string): Promise<StaticServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [serverScript, '--dir', dir, '--port', String(port), '--host', '127.0.0.1'], { stdio: ['ignore', 'ignore', 'pipe'] });
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
      const length = response.headers.get('content-length');
      if (response.ok) return { origin, encoding: response.headers.get('content-encoding') ?? 'none', bytes: length === null ? null : Number(length), stop };
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
