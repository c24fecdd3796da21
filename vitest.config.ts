import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
    // Two forks on the two cores: the leak matrix (about 11 minutes under CI) runs beside the rest
    // instead of before it.
    maxWorkers: 2,
  },
});
