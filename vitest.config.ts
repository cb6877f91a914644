import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // Build tests spawn whole builds; one file at a time keeps the two cores
    // of a CI machine from thrashing.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 30 * 60_000,
    env: { KLASTER_BUILD_DATE: '2026-11-21' },
  },
});
