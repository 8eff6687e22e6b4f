import { execFileSync } from 'node:child_process';
import { defineConfig, devices } from '@playwright/test';
import { chromiumFlags, chromiumPath } from './scripts/chromium';

/**
 * Browser tests of the exported site (out/), served as a reader's browser would get it: by `npm start`'s
 * own server, scripts/serve.mjs (precompressed files, security headers; it builds first if out/ is
 * missing).
 * Debian's Chromium only: never `npx playwright install`.
 */

/** A free port of 127.0.0.1. */
const freePort = () =>
  execFileSync(process.execPath, [
    '-e',
    "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
  ])
    .toString()
    .trim();

// Free ports, chosen once: workers inherit them through the environment.
process.env.E2E_PORT ||= freePort();
process.env.ARCHIVE_PORT ||= freePort();
const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

/**
 * The projects this run was asked for (`--project=e2e`; none named: every project). The `archive`
 * project's site, a generated archive built apart (tests/archive/prepare.ts), is built and served only
 * when that project runs; the checkout's out/ only when another one does.
 */
const askedProjects = process.argv.flatMap((argument, index, all) =>
  argument.startsWith('--project=') ? [argument.slice('--project='.length)] : argument === '--project' ? [all[index + 1]] : [],
);
const archiveRuns = askedProjects.length === 0 || askedProjects.includes('archive');
const siteRuns = askedProjects.length === 0 || askedProjects.some((project) => project !== 'archive');
const archivePort = Number(process.env.ARCHIVE_PORT);
const archiveURL = `http://127.0.0.1:${archivePort}`;

/** A server of the tests: `command`, serving at `origin` on `serverPort`, ready once its library answers. */
const webServer = (command: string, origin: string, serverPort: number, timeout: number) => ({
  command,
  url: `${origin}/en/`,
  env: { PORT: String(serverPort), HOST: '127.0.0.1' },
  reuseExistingServer: false,
  timeout,
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
});

const chromiumLaunchOptions = { executablePath: chromiumPath, args: chromiumFlags };

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  // No retries: a flaky test is a bug to fix.
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? 'list' : [['list']],
  timeout: 20_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'e2e',
      testIgnore: /screenshots\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions, viewport: { width: 1280, height: 900 } },
    },
    {
      // Browsing many documents: a generated archive of 45 (tests/archive/where.ts), with pages of pages.
      name: 'archive',
      testDir: 'tests/archive',
      use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions, viewport: { width: 1280, height: 900 }, baseURL: archiveURL },
    },
    {
      // Not part of `npm run test:e2e`: `npm run screenshots` writes PNGs of every page kind to screenshots/.
      name: 'screenshots',
      testMatch: /screenshots\.spec\.ts/,
      use: { launchOptions: chromiumLaunchOptions },
    },
  ],
  webServer: [
    ...(siteRuns ? [webServer('node scripts/serve.mjs', baseURL, port, 180_000)] : []),
    // Builds the generated archive in .scratch/archive/ unless the build there is of this checkout
    // already (about a minute and a half), then serves it with npm start's server.
    ...(archiveRuns ? [webServer('npx tsx tests/archive/prepare.ts && node scripts/serve.mjs --dir .scratch/archive/out', archiveURL, archivePort, 600_000)] : []),
  ],
});
