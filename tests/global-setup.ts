/**
 * Builds the demo site once for every test that needs it (the URL contract,
 * the browser tests, the quality gates), with the real build script, into a
 * temporary folder. It is the setup of each project whose tests read the
 * demo (vitest.config.ts); those projects share one build in a run.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build, DEMO_CONTENT, tempDir } from './helpers/build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    demoDist: string;
  }
}

/** The one build of a run, shared by the projects' setups (each project loads this module anew). */
interface Shared {
  work?: string;
  dist?: string;
  users: number;
}
const shared: Shared = ((globalThis as { klasterDemoBuild?: Shared }).klasterDemoBuild ??= { users: 0 });

export default function setup(project: TestProject) {
  // While working on one part, point KLASTER_DEMO_DIST at an already built demo to skip this build.
  if (process.env.KLASTER_DEMO_DIST) {
    project.provide('demoDist', process.env.KLASTER_DEMO_DIST);
    return;
  }
  if (!shared.dist) {
    const work = tempDir('demo');
    const dist = join(work, 'dist');
    const started = Date.now();
    const run = build(DEMO_CONTENT, dist, { KLASTER_BUILD_DATE: '2026-11-21' });
    if (run.status !== 0) {
      rmSync(work, { recursive: true, force: true });
      throw new Error(`The demo site did not build:\n${run.output.slice(-6000)}`);
    }
    console.log(`Demo site built for the tests in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    Object.assign(shared, { work, dist });
  }
  shared.users++;
  project.provide('demoDist', shared.dist!);
  return () => {
    if (--shared.users === 0 && shared.work) rmSync(shared.work, { recursive: true, force: true });
  };
}
