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
    // The package's modules read the site's settings (its locales) when first
    // imported: in the tests, the demo's. Builds get their own (helpers/build.ts).
    env: { KLASTER_BUILD_DATE: '2026-11-21', KLASTER_CONFIG: 'sites/demo/site.yaml' },
  },
});
