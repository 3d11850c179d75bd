import { defineConfig } from 'vitest/config';

// Tests live next to the code they test (`*.test.ts`) plus the conformance and
// bundler fixture suites. Builds of WASM and bundles are slow on two cores, so
// timeouts are generous and files run in a few forks only.
export default defineConfig({
  test: {
    include: ['{actors,runtime,unplugin-portalis,examples}/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
