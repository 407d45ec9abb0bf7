import { defineConfig } from 'vitest/config';

/** End-to-end: the built extension in real Chromium against the stand-in, one file at a time. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll's own default gives up after 1 s: a browser on a busy 2-core CI machine can
    // take longer to open a tab or finish a sync step. A wait for a condition, not a time budget.
    expect: { poll: { timeout: 15_000 } },
  },
});
