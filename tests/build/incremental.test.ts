/**
 * The incremental build: after one product's body changes, a rebuild renders
 * that product's pages again and copies the rest from the last build, and
 * the site it writes is byte for byte the one a full build writes, search
 * index included (the unchanged locales' indexes are reused).
 */
import { appendFileSync, cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localeCodes } from '../../packages/klaster/src/lib/locales.ts';
import { paths } from '../../packages/klaster/src/lib/urls.ts';
import { DEMO_CONTENT, DEMO_SITE, klasterCommand, snapshot, tempDir } from '../helpers/build.ts';

const work = tempDir('incremental');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const content = join(work, 'content');
const dist = join(work, 'dist');
const cache = join(work, 'cache');
const PRODUCT = 'cashmere-v-neck-sweater';
const env = { KLASTER_CONTENT: content, KLASTER_DIST: dist, KLASTER_CACHE_DIR: cache, KLASTER_BUILD_DATE: '2026-11-21', NO_COLOR: '1' };

/** The log without colours (some CI environments make Astro's logger colour its output). */
// eslint-disable-next-line no-control-regex -- the escape character of colours
const plain = (output: string) => output.replace(/\x1b\[[0-9;]*m/g, '');

/**
 * Pages in Astro's log: the path and whether it was copied from the cache.
 * Astro renders four pages at a time, so one line may hold several entries
 * ("├─ /a/├─ /b/ (restored) (+12ms)"); a copied page's path and its
 * "(restored)" are written together, a rendered page's time comes later.
 */
function pages(output: string) {
  return plain(output)
    .split(/[├└]─ /)
    .slice(1)
    .map((entry) => {
      const path = /^\S+?(?=\d\d:\d\d:\d\d|\s|$)/.exec(entry)![0];
      return { path, reused: /^\s*\((restored|cached)\)/.test(entry.slice(path.length)) };
    });
}

describe('an incremental rebuild', () => {
  it('renders only the changed product again and writes the same site as a full build', () => {
    cpSync(DEMO_CONTENT, content, { recursive: true });
    // Processed images from an earlier build of the demo, if there is one: only rendering is measured here.
    const images = join(DEMO_SITE, '.klaster-cache', 'assets');
    if (existsSync(images)) cpSync(images, join(cache, 'assets'), { recursive: true });

    const first = klasterCommand('build', env);
    expect(first.status, first.output.slice(-3000)).toBe(0);

    appendFileSync(join(content, 'products', PRODUCT, 'index.en.md'), '\nA sentence added to check the incremental build.\n');
    const second = klasterCommand('build', env);
    expect(second.status, second.output.slice(-3000)).toBe(0);
    const rebuilt = snapshot(dist);

    const rendered = pages(second.output).filter((p) => !p.reused && p.path.endsWith('.html'));
    const reused = pages(second.output).filter((p) => p.reused);
    const productPages = localeCodes.map((l) => `${paths.product(l, PRODUCT)}index.html`);
    // The product's page in every locale (English is the fallback text of those without their own) ...
    for (const p of productPages) expect(rendered.map((r) => r.path)).toContain(p);
    // ... and of the other HTML pages only those without a key (the newsletter's, the root's), never a listing or another entry.
    const unkeyed = (path: string) => path.includes('/newsletter/2') || /^\/[^/]+\.html$/.test(path);
    expect(rendered.filter((r) => !productPages.includes(r.path) && !unkeyed(r.path))).toEqual([]);
    expect(reused.length).toBeGreaterThan(900);
    // Search: only English pages changed, so only the English index is made again.
    expect(plain(first.output)).not.toMatch(/index reused/);
    // The guard ran: the content store was read from disk, not bundled, and every entry page was written (src/astro-internals/).
    expect(plain(first.output)).toContain('Every entry page the content check counted was written.');
    // The products' photos were copied into the site, not emitted through the bundler (src/astro-internals/content-images.ts).
    expect(Number(/(\d+) content images copied into the site outside the bundler/.exec(plain(first.output))?.[1])).toBeGreaterThan(50);
    expect(/\[klaster-pagefind\].*$/m.exec(plain(second.output))?.[0]).toMatch(/index reused: bg, sr, sr-latn, ro, es, fr$/);

    const full = klasterCommand('build', env, ['--force']);
    expect(full.status, full.output.slice(-3000)).toBe(0);
    expect(pages(full.output).some((p) => p.reused)).toBe(false);
    expect(plain(full.output)).not.toMatch(/index reused/);
    const fresh = snapshot(dist);
    // Every file, the search index's filter tables included (put in one order
    // after Pagefind writes them: src/integrations/pagefind-stable.ts).
    expect([...fresh.keys()].filter((file) => file.startsWith('pagefind/filter/')).length).toBeGreaterThan(0);
    expect(fresh.size).toBeGreaterThan(1000);
    const differing = [...fresh.keys()].filter((file) => fresh.get(file) !== rebuilt.get(file));
    expect(differing).toEqual([]);
    expect([...rebuilt.keys()].filter((file) => !fresh.has(file))).toEqual([]);
  }, 900_000);
});
