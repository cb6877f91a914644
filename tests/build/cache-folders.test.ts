/**
 * One cache, several content folders: a second copy of the content with one
 * image replaced, then the first folder moved (as a CI runner restores a
 * cache into a new path). Neither may publish the other folder's image or
 * fail on a path of the last build; processed images are still reused.
 *
 * Then the life of a CI runner: a site built with its cache in the site's
 * folder (.klaster-cache/); the site checked out afresh in another path with
 * only that cache restored and built again: every image and search index
 * comes from the cache, and the site is byte for byte the one a build
 * without any cache writes; checked out afresh in the same path (as GitHub's
 * and GitLab's runners do), unchanged pages are copied too, although every
 * file of the checkout has a new modification time.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { build, FIXTURE_SITE, klasterCommand, ROOT, snapshot, tempDir } from '../helpers/build.ts';

const work = tempDir('cache-folders');
const cache = join(work, 'cache');
const run = (content: string, dist: string) => build(content, dist, { KLASTER_CACHE_DIR: cache, KLASTER_BUILD_DATE: '2026-11-21' });
/** The published original of the product's image (named by its bytes). */
const original = (dist: string) => {
  const name = readdirSync(join(dist, '_astro')).find((f) => /^front\.[\w-]+\.png$/.test(f))!;
  return readFileSync(join(dist, '_astro', name));
};
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('content folders sharing a cache', () => {
  it('publish their own images, and a moved folder builds, reusing processed images', async () => {
    const a = join(work, 'a');
    cpSync(join(ROOT, 'tests', 'fixtures', 'valid'), a, { recursive: true });
    const first = run(a, join(work, 'dist-a'));
    expect(first.status, first.output.slice(-3000)).toBe(0);

    const b = join(work, 'b');
    cpSync(a, b, { recursive: true });
    const red = await sharp({ create: { width: 300, height: 400, channels: 3, background: '#ff0000' } })
      .png()
      .toBuffer();
    await sharp(red).toFile(join(b, 'products', 'demo-sweater', 'front.png'));
    const second = run(b, join(work, 'dist-b'));
    expect(second.status, second.output.slice(-3000)).toBe(0);
    expect(original(join(work, 'dist-b')).equals(readFileSync(join(b, 'products', 'demo-sweater', 'front.png')))).toBe(true);
    expect(original(join(work, 'dist-a')).equals(original(join(work, 'dist-b')))).toBe(false);

    const c = join(work, 'c');
    renameSync(a, c);
    const third = run(c, join(work, 'dist-c'));
    expect(third.status, third.output.slice(-3000)).toBe(0);
    expect(third.output).not.toContain('Could not find requested image');
    expect(original(join(work, 'dist-c')).equals(original(join(work, 'dist-a')))).toBe(true);
    // Every processed image of the moved folder came from the cache.
    expect(third.output).toMatch(/reused cache entry/);
    expect(third.output).not.toMatch(/\(before: [^)]*, after: [^)]*\) \(\+\d/);
  }, 300_000);
});

/**
 * A site's repository as a CI runner checks it out: the fixture site's own
 * files and the valid fixture as its content/, every file new. The checkouts
 * are made inside this repository (in a folder git ignores), where they find
 * its installed packages as a site finds its own node_modules.
 */
mkdirSync(join(ROOT, '.klaster'), { recursive: true });
const runners = mkdtempSync(join(ROOT, '.klaster', 'ci-runners-'));
afterAll(() => rmSync(runners, { recursive: true, force: true }));
function checkout(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const name of ['astro.config.mjs', 'package.json', 'site.yaml', 'src']) cpSync(join(FIXTURE_SITE, name), join(dir, name), { recursive: true });
  cpSync(join(ROOT, 'tests', 'fixtures', 'valid'), join(dir, 'content'), { recursive: true });
  return dir;
}

/** Pagefind's filter tables, and the files naming them, differ from run to run (Pagefind/pagefind#638; see incremental.test.ts). */
const unstable = (file: string) => /^pagefind\/(filter\/|pagefind-entry\.json$|pagefind\.[^/]+\.pf_meta$)/.test(file);
/** The summary `klaster build` ends with. */
// eslint-disable-next-line no-control-regex -- Astro's colour codes
const summary = (output: string) => /Build summary:\n(?: {2}.*\n?)+/.exec(output.replace(/\x1b\[[0-9;]*m/g, ''))?.[0] ?? '';

describe('a CI runner restoring the cache into a fresh checkout', () => {
  it('processes no image again, writes the same site as a build without a cache, and in the same path copies unchanged pages', () => {
    const env = { KLASTER_BUILD_DATE: '2026-11-21', NO_COLOR: '1' };
    const first = checkout(join(runners, 'runner-1', 'site'));
    const one = klasterCommand('build', env, [], first);
    expect(one.status, one.output.slice(-3000)).toBe(0);
    expect(summary(one.output)).toMatch(/processed images: 0 reused from the cache, [1-9]\d* made/);
    // What the CI cache saves after this build.
    const saved = join(runners, 'saved-cache');
    cpSync(join(first, '.klaster-cache'), saved, { recursive: true });

    // Another runner: a fresh checkout in another path, and the cache restored into it.
    const second = checkout(join(runners, 'runner-2', 'checkout', 'site'));
    cpSync(saved, join(second, '.klaster-cache'), { recursive: true });
    const two = klasterCommand('build', env, [], second);
    expect(two.status, two.output.slice(-3000)).toBe(0);
    const images = [...two.output.matchAll(/▶ \/_astro\/\S+ \(([^)]*)\)/g)].map((m) => m[1]);
    expect(images.length).toBeGreaterThan(0);
    expect(images.filter((m) => m !== 'reused cache entry')).toEqual([]);
    expect(two.output).not.toMatch(/\(before: [^)]*, after: [^)]*\)/);
    expect(summary(two.output)).toContain(`processed images: ${images.length} reused from the cache, 0 made`);
    expect(summary(two.output)).toMatch(/search indexes: reused for [^;\n]+\n/);
    // Its pages are rendered again here: Astro names a page's template by its
    // path from the site, and from this deeper checkout the package's
    // templates are one folder further away. A site installed from npm finds
    // them at node_modules/klaster/ from any path.

    // The same content built with no cache at all.
    const fresh = checkout(join(runners, 'fresh', 'site'));
    const three = klasterCommand('build', env, [], fresh);
    expect(three.status, three.output.slice(-3000)).toBe(0);
    const restored = snapshot(join(second, 'dist'));
    const clean = snapshot(join(fresh, 'dist'));
    for (const map of [restored, clean]) for (const file of [...map.keys()]) if (unstable(file)) map.delete(file);
    expect(clean.size).toBeGreaterThan(200);
    expect([...clean.keys()].filter((file) => clean.get(file) !== restored.get(file))).toEqual([]);
    expect([...restored.keys()].filter((file) => !clean.has(file))).toEqual([]);

    // The next day's runner checks out into the first path again: every file new, with a new time, the same bytes.
    rmSync(first, { recursive: true, force: true });
    checkout(first);
    cpSync(saved, join(first, '.klaster-cache'), { recursive: true });
    const four = klasterCommand('build', env, [], first);
    expect(four.status, four.output.slice(-3000)).toBe(0);
    expect(summary(four.output)).toContain(`processed images: ${images.length} reused from the cache, 0 made`);
    // Only the pages without a key (feeds, data files, the root's) are rendered again.
    const [rendered, reused] = /pages and files: (\d+) rendered, (\d+) reused/.exec(summary(four.output))!.slice(1).map(Number);
    expect(reused).toBeGreaterThan(200);
    expect(rendered).toBeLessThan(reused! / 4);
  }, 600_000);
});
