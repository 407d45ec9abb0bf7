import { defineConfig } from 'vitest/config';

/** End-to-end: the built extension in real Chromium against the stand-in, one file at a time. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
