/**
 * One cache, several content folders: a second copy of the content with one
 * image replaced, then the first folder moved (as a CI runner restores a
 * cache into a new path). Neither may publish the other folder's image or
 * fail on a path of the last build; processed images are still reused.
 */
import { cpSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { build, ROOT, tempDir } from '../helpers/build.ts';

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
