/**
 * Debian's Chromium as the browser tests and the benchmark launch it. Without the background-networking
 * flags Chromium keeps trying hosts that a machine without general network access cannot reach, and
 * every start waits on refused connections.
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
