/**
 * The TypeScript of src/, scripts/ and tests/ type-checks (tsconfig.json;
 * .astro files are checked by Astro's compiler when the site builds).
 * Astro's generated types (.astro/) come from the demo build of the global setup.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build.ts';

describe('the TypeScript', () => {
  it('type-checks without errors', () => {
    const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', ROOT], { cwd: ROOT, encoding: 'utf8' });
    expect(`${run.stdout}${run.stderr}`.trim()).toBe('');
    expect(run.status).toBe(0);
  }, 120_000);
});
