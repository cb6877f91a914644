/**
 * `klaster migrate` moves each entry's facts from index.yaml into its default
 * language's text (the layout the editor at /admin/ writes): the wood
 * fixture's content, migrated, builds the same bytes as before.
 */
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { klasterCommand, ROOT, snapshot, tempDir } from '../helpers/build.ts';

const SITE = join(ROOT, 'tests', 'fixtures', 'wood-site');
const work = tempDir('layout-migration');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function buildOf(content: string, name: string) {
  const dist = join(work, `dist-${name}`);
  const run = klasterCommand(
    'build',
    { KLASTER_CONTENT: content, KLASTER_DIST: dist, KLASTER_CACHE_DIR: join(work, `cache-${name}`), KLASTER_BUILD_DATE: '2026-11-21' },
    [],
    SITE,
  );
  expect(run.status, run.output.slice(-4000)).toBe(0);
  return snapshot(dist);
}

it('builds the same site from the migrated content', () => {
  const before = join(work, 'before');
  const after = join(work, 'after');
  cpSync(join(SITE, 'content'), before, { recursive: true });
  cpSync(join(SITE, 'content'), after, { recursive: true });
  const run = klasterCommand('migrate', { KLASTER_CONTENT: after }, [], SITE);
  expect(run.status, run.output).toBe(0);
  expect(existsSync(join(after, 'products', 'oak-wardrobe', 'index.yaml'))).toBe(false);
  const a = buildOf(before, 'before');
  const b = buildOf(after, 'after');
  expect(a.size).toBeGreaterThan(150);
  expect([...b]).toEqual([...a]);
}, 600_000);
