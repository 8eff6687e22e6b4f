/**
 * Debian's Chromium as the browser tests and the benchmark launch it. Without the background-networking
 * flags Chromium keeps trying hosts this machine cannot reach (see ../shared/ENVIRONMENT.md).
 */
export const chromiumPath = '/usr/bin/chromium';

export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
