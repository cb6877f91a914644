/**
 * Builds the demo site once for every test that needs it (the URL contract,
 * the browser tests), with the real build script, into a temporary folder.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build, DEMO_CONTENT, ROOT, tempDir } from './helpers/build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    demoDist: string;
  }
}

export default function setup(project: TestProject) {
  // While working on one part, point KLASTER_DEMO_DIST at an already built demo to skip this build.
  if (process.env.KLASTER_DEMO_DIST) {
    project.provide('demoDist', process.env.KLASTER_DEMO_DIST);
    return;
  }
  const work = tempDir('demo');
  const dist = join(work, 'dist');
  const started = Date.now();
  const run = build(DEMO_CONTENT, dist, { KLASTER_BUILD_DATE: '2026-11-21' });
  if (run.status !== 0) throw new Error(`The demo site did not build:\n${run.output.slice(-6000)}`);
  console.log(`Demo site built for the tests in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  project.provide('demoDist', dist);
  return () => rmSync(work, { recursive: true, force: true });
}
