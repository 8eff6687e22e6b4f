import { execFileSync } from 'node:child_process';
import { defineConfig, devices } from '@playwright/test';
import { chromiumFlags, chromiumPath } from './scripts/chromium';

/**
 * Browser tests of the exported site (out/), served as a reader's browser would get it: by `npm start`'s
 * own server, scripts/serve.mjs (precompressed files, security headers; it builds first if out/ is
 * missing).
 * Debian's Chromium only: never `npx playwright install`.
 */

// A free port, chosen once: workers inherit it through the environment.
if (!process.env.E2E_PORT) {
  process.env.E2E_PORT = execFileSync(process.execPath, [
    '-e',
    "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
  ])
    .toString()
    .trim();
}
const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

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
      // Not part of `npm run test:e2e`: `npm run screenshots` writes PNGs of every page kind to screenshots/.
      name: 'screenshots',
      testMatch: /screenshots\.spec\.ts/,
      use: { launchOptions: chromiumLaunchOptions },
    },
  ],
  webServer: {
    command: 'node scripts/serve.mjs',
    url: `${baseURL}/en/`,
    env: { PORT: String(port), HOST: '127.0.0.1' },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
