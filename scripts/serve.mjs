#!/usr/bin/env node
/**
 * `npm start`: builds the static site if out/ is missing, then serves out/ with compression on PORT
 * (default 3000) and HOST (default: all interfaces). The `serve` package runs in this process, so the
 * PID of `node scripts/serve.mjs` is the server's: stopping it stops the server.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'out');

if (!existsSync(join(out, 'index.html'))) {
  console.log('out/ is missing: building the site first (npm run build)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT ?? '3000';
const host = process.env.HOST;
const listen = host ? `tcp://${host.includes(':') ? `[${host}]` : host}:${port}` : port;

// Run serve's command line in this process: same PID, same signals.
const require = createRequire(import.meta.url);
const cli = require.resolve('serve/build/main.js');
// serve asks the registry for its newest version at start: not wanted in tests or offline.
process.env.NO_UPDATE_CHECK ??= '1';
process.argv = [process.argv[0], cli, out, '--listen', listen, '--no-clipboard', '--no-port-switching', '--config', join(root, 'scripts', 'serve.json')];
await import(cli);
