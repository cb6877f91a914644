import { defineConfig } from 'vitest/config';

/**
 * The suite in projects. `npm run test:unit` runs the unit project alone:
 * tests of plain code and of the content check, which build no site (under a
 * minute, two files at a time). `npm test` runs every project: the unit
 * project first, then the site projects one file at a time (their builds
 * would thrash the two cores of a CI machine). Only the projects whose tests
 * read the demo site build it first (tests/global-setup.ts, once per run).
 */
const DEMO = ['tests/global-setup.ts'];
const site = (name: string, include: string[], globalSetup: string[] = []) => ({
  extends: true as const,
  test: { name, include, globalSetup, fileParallelism: false, sequence: { groupOrder: 1 } },
});

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 30 * 60_000,
    // The package's modules read the site's settings (its locales) when first
    // imported: in the tests, the demo's. Builds get their own (helpers/build.ts).
    env: { KLASTER_BUILD_DATE: '2026-11-21', KLASTER_CONFIG: 'sites/demo/site.yaml' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // Astro's generated types of the demo, for the type check (astro sync, not a build).
          globalSetup: ['tests/unit-setup.ts'],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      // Fixture builds, the content check on bad content, and the tests that read the built demo.
      site('build', ['tests/build/**/*.test.ts', 'tests/content-check.test.ts'], DEMO),
      site('browser', ['tests/browser/**/*.test.ts'], DEMO),
      site('quality', ['tests/quality/**/*.test.ts'], DEMO),
      site('starter', ['tests/starter.test.ts']),
      site('bench', ['tests/bench.test.ts']),
    ],
  },
});
