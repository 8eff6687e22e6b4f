/**
 * Starting the real server (`node scripts/serve.mjs`) for a test, and sending it requests byte for
 * byte: fetch and Playwright's request context normalise addresses (`..`, `%2e`) and refuse odd
 * methods, which is exactly what these tests must send.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

const root = join(import.meta.dirname, '..', '..');

export interface RunningServer {
  child: ChildProcess;
  port: number;
  /** Everything the server printed so far. */
  output: () => string;
  /** Resolves with the exit code (or signal name) when the process ends. */
  exited: Promise<number | string>;
}

/** Starts `node scripts/serve.mjs --dir <dir>` on a free port of 127.0.0.1 and waits until it listens. */
export async function startServer(dir: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const child = spawn(process.execPath, [join(root, 'scripts', 'serve.mjs'), '--dir', dir], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 15_000);
    const look = () => {
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', look);
    void exited.then(() => reject(new Error(`the server exited at start:\n${output}`)));
  });
  return { child, port, output: () => output, exited };
}

export interface RawResponse {
  status: number;
  statusLine: string;
  headers: Record<string, string>;
  /** The body as received (still compressed if Content-Encoding says so). */
  raw: Buffer;
  /** The body decoded from its Content-Encoding, as UTF-8 text (a 206 part is not decoded: it is a slice of the encoded bytes). */
  text: string;
}

/** Parses one HTTP/1.1 response (Connection: close, so the body is the rest of the bytes). */
export function parseResponse(bytes: Buffer): RawResponse {
  const end = bytes.indexOf('\r\n\r\n');
  const head = bytes.subarray(0, end < 0 ? bytes.length : end).toString('latin1');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  let raw = end < 0 ? Buffer.alloc(0) : bytes.subarray(end + 4);
  if (headers['transfer-encoding'] === 'chunked') raw = dechunk(raw);
  const encoding = headers['content-encoding'];
  const status = Number(statusLine.split(' ')[1]);
  // A 206 part is a slice of the encoded bytes; a HEAD answer or a 304 has no body to decode.
  const whole = status !== 206 && raw.length > 0;
  const decoded = whole && encoding === 'br' ? brotliDecompressSync(raw) : whole && encoding === 'gzip' ? gunzipSync(raw) : raw;
  return { status, statusLine, headers, raw, text: decoded.toString('utf8') };
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let position = 0;
  while (position < body.length) {
    const lineEnd = body.indexOf('\r\n', position);
    const size = Number.parseInt(body.subarray(position, lineEnd).toString(), 16);
    if (!size) break;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    position = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/**
 * Sends `request` exactly as given (a string is sent as Latin-1 bytes, so `\xff` is one byte) and
 * collects the answer until the server closes. Resolves `undefined` when the server closed without
 * answering.
 */
export function rawRequest(port: number, request: string | Buffer, timeout = 10_000): Promise<RawResponse | undefined> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no complete answer within ${timeout} ms to ${JSON.stringify(String(request).slice(0, 80))}`));
    }, timeout);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const bytes = Buffer.concat(chunks);
      resolve(bytes.length === 0 ? undefined : parseResponse(bytes));
    });
    // Not end(): Node's server drops requests from a client that half-closes before the answer.
    socket.write(typeof request === 'string' ? Buffer.from(request, 'latin1') : request);
  });
}

/** A GET (or another method) for `target`, sent as is, with `Connection: close`. */
export function request(port: number, target: string, { method = 'GET', headers = {} as Record<string, string> } = {}) {
  const lines = [`${method} ${target} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close', ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  return rawRequest(port, `${lines.join('\r\n')}\r\n\r\n`);
}
