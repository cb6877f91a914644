/** Runs the real build script, as `npm run build` does, into a given folder. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The demo site: its folder (where its astro.config.mjs is) and its content. */
export const DEMO_SITE = join(ROOT, 'sites', 'demo');
export const DEMO_CONTENT = join(DEMO_SITE, 'content');
/** The site the fixtures are built as: its own site.yaml, their content through KLASTER_CONTENT. */
export const FIXTURE_SITE = join(ROOT, 'tests', 'fixtures', 'site');
/** The `klaster` command, as a site's npm scripts run it. */
export const KLASTER_BIN = join(ROOT, 'packages', 'klaster', 'bin', 'klaster.mjs');

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `klaster-${prefix}-`));
}

export interface BuildRun {
  status: number | null;
  output: string;
}

/** The environment without what vitest itself sets (BASE_URL, MODE, NODE_ENV...), which would leak into a build. */
export function cleanEnv(): Record<string, string | undefined> {
  const out = { ...process.env };
  for (const key of Object.keys(out)) {
    // KLASTER_CONFIG points the tests' own imports at the demo's settings; a build reads its site's.
    if (['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST', 'KLASTER_CONFIG'].includes(key) || key.startsWith('VITEST')) delete out[key];
  }
  return out;
}

/** The demo's content is built as the demo site, any other as the fixture site. */
const siteFor = (env: Record<string, string>) => (env.KLASTER_CONTENT && env.KLASTER_CONTENT !== DEMO_CONTENT ? FIXTURE_SITE : DEMO_SITE);

/** Runs `klaster <command>` in a site's folder. */
export function klasterCommand(command: string, env: Record<string, string>, args: string[] = [], site = siteFor(env)): BuildRun {
  const result = spawnSync(process.execPath, [KLASTER_BIN, command, ...args], {
    cwd: site,
    env: { ...cleanEnv(), ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

export function build(content: string, dist: string, env: Record<string, string> = {}): BuildRun {
  return klasterCommand('build', { KLASTER_CONTENT: content, KLASTER_DIST: dist, ...env });
}

/** Every file under a folder with its hash: to prove a folder did not change. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}
