#!/usr/bin/env node
/**
 * `npm start`: builds the site if out/ is missing or predates its security headers (no
 * out/_headers), then serves it (src/server/site-server.mjs) on PORT (default 3000) and HOST
 * (default: all interfaces). The server runs in this process, so the PID of `node scripts/serve.mjs`
 * is the server's. On SIGTERM or SIGINT it stops accepting connections, lets the responses in
 * flight finish and exits 0; past 10 s (SERVER_GRACE_MS) it closes what is left and exits 1. A second
 * signal exits at once.
 *
 *   node scripts/serve.mjs [--dir DIR] [--port PORT] [--host HOST]
 *   npm start -- --port 8080
 *
 * DIR: serve another copy of the export, never built here. --port and --host override PORT and HOST.
 * A wrong option or value is named, with the usage, and the exit code is 2.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createSiteServer } from '../src/server/site-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const usage = 'usage: npm start -- [--dir DIR] [--port PORT] [--host HOST]   (or the environment: PORT=8080 HOST=127.0.0.1 npm start)';

/** @param {string} message */
function refuse(message) {
  console.error(`server: ${message}\n${usage}`);
  process.exit(2);
}

/** @type {{ dir?: string, port?: string, host?: string }} */
let values = {};
try {
  ({ values } = parseArgs({ options: { dir: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } } }));
} catch (error) {
  refuse(error instanceof Error ? error.message : String(error));
}

const portText = values.port ?? process.env.PORT ?? '3000';
if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) refuse(`the port must be a whole number from 0 to 65535, not ${JSON.stringify(portText)}`);
const port = Number(portText);
const host = values.host ?? (process.env.HOST || undefined);
const graceText = process.env.SERVER_GRACE_MS ?? '10000';
if (!/^\d+$/.test(graceText)) refuse(`SERVER_GRACE_MS must be a whole number of milliseconds, not ${JSON.stringify(graceText)}`);
const grace = Number(graceText);

const dir = values.dir ? resolve(values.dir) : join(root, 'out');

if (!values.dir && !(existsSync(join(dir, 'index.html')) && existsSync(join(dir, '_headers')))) {
  console.log('out/ is missing or incomplete: building the site first (npm run build)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
if (!existsSync(join(dir, 'index.html'))) {
  console.error(`server: ${dir} holds no site (no index.html)`);
  process.exit(1);
}
if (!existsSync(join(dir, '_headers'))) console.error(`server: ${dir} has no _headers: serving it without the site's security headers`);

const server = createSiteServer({ dir });
server.on('error', (error) => {
  console.error(`server: ${error.message}`);
  process.exit(1);
});
server.listen(port, host, () => {
  const address = server.address();
  const shown = host ? (host.includes(':') ? `[${host}]` : host) : 'localhost';
  const listening = typeof address === 'object' && address ? address.port : port;
  console.log(`Serving ${relative(process.cwd(), dir) || '.'}/ at http://${shown}:${listening}/ (Ctrl-C to stop)`);
});

let stopping = false;
function stop(signal) {
  if (stopping) process.exit(1);
  stopping = true;
  console.log(`${signal}: finishing the responses in flight, then stopping`);
  server.close(() => process.exit(0));
  // Connections kept alive after their last response would hold close() open: end each one once idle.
  const idle = setInterval(() => server.closeIdleConnections(), 50);
  idle.unref();
  server.closeIdleConnections();
  setTimeout(() => {
    console.error(`server: responses still in flight after ${grace} ms: closing them`);
    server.closeAllConnections();
    process.exit(1);
  }, grace).unref();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
