import { defineConfig } from 'vitest/config';

/** End-to-end in Firefox ESR over WebDriver BiDi: the Firefox build against the stand-in, one file at a time. */
export default defineConfig({
  test: {
    include: ['test/firefox/**/*.firefox.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // As in vitest.e2e.config.ts: a wait for a condition, not a time budget.
    expect: { poll: { timeout: 15_000 } },
  },
});
