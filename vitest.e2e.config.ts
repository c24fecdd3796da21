import { defineConfig } from 'vitest/config';

/** Browser tests: playwright-core drives Debian's Chromium against the built `dist/`. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    environment: 'node',
    testTimeout: 240_000,
    hookTimeout: 120_000,
    // SwiftShader is CPU-bound and this machine has 2 cores: one browser at a time.
    fileParallelism: false,
    pool: 'forks',
  },
});
