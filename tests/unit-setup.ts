/**
 * The unit project's setup: the type check (tests/unit/typecheck.test.ts)
 * needs the types Astro generates for the demo's content collections
 * (sites/demo/.astro/). A build of the demo writes them; without one,
 * `astro sync` does, in a few seconds, building nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, DEMO_SITE, ROOT } from './helpers/build.ts';

export default function setup() {
  if (existsSync(join(DEMO_SITE, '.astro', 'types.d.ts'))) return;
  const astro = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const run = spawnSync(process.execPath, [astro, 'sync'], { cwd: DEMO_SITE, env: { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: '1' }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`astro sync failed in ${DEMO_SITE}:\n${run.stdout}${run.stderr}`);
}
