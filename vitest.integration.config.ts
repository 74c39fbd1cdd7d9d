import { defineConfig } from 'vitest/config';

// Integration tests against real Apache httpd and Virtuoso (see .ci/run); `npm test` never runs them.
export default defineConfig({
  test: {
    include: ['tests/integration/**/*.itest.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
