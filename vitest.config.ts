import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Servers (Azurite, the local function host, Chromium) are started per test file; two cores.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
