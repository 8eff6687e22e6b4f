import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `--mode publish` (npm run test:publish): the rebuilds of tests/publish/, after `npm run build`.
export default defineConfig(({ mode }) => ({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // Site modules mark themselves server-only; the tests that render them to static markup are the server.
      'server-only': fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)),
    },
  },
  test: {
    include: mode === 'publish' ? ['tests/publish/**/*.test.ts'] : ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // The CLI tests start real processes (tsx); on a loaded 2-core machine that takes seconds.
    testTimeout: 60_000,
    // Two files at once on two cores (vitest's default is one fewer than the cores): many tests wait
    // on processes they start, and the publishing tests' two builds each leave a core idle much of the time.
    maxWorkers: 2,
    fileParallelism: true,
  },
}));
