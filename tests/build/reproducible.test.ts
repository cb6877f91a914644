/**
 * Reproducible builds: the same content, built twice in different folders
 * with nothing kept from one build to the other, gives the same site byte
 * for byte, search index included (Pagefind writes its filter tables in a
 * random order, Pagefind/pagefind#638; src/integrations/pagefind-stable.ts
 * puts them in one), whether its locales are indexed two at a time (the
 * first build) or one after the other (the second). And search still works on the rewritten index: in
 * Chromium, Pagefind's own API finds the fixture's product, lists every
 * filter with its counts, and narrows by one.
 */
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBrowserSite } from '../helpers/browser.ts';
import { build, ROOT, snapshot, tempDir } from '../helpers/build.ts';

const work = tempDir('reproducible');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Builds the valid fixture in a folder of its own, with its own cache. */
function buildIn(name: string, searchJobs: string): string {
  const content = join(work, name, 'content');
  cpSync(join(ROOT, 'tests/fixtures/valid'), content, { recursive: true });
  const dist = join(work, name, 'dist');
  const run = build(content, dist, { KLASTER_CACHE_DIR: join(work, name, 'cache'), KLASTER_BUILD_DATE: '2026-11-21', KLASTER_SEARCH_JOBS: searchJobs });
  expect(run.status, run.output.slice(-3000)).toBe(0);
  if (searchJobs === '2') expect(run.output).toMatch(/\[klaster-pagefind\] Indexed .*, 2 locales at a time/);
  return dist;
}

const dists: string[] = [];
beforeAll(() => {
  dists.push(buildIn('first', '2'), buildIn('second', '1'));
});

describe('two builds of the same content', () => {
  it('write the same files, byte for byte, the search index included', () => {
    const [first, second] = dists.map(snapshot);
    const filters = [...first.keys()].filter((f) => /^pagefind\/filter\/.+\.pf_filter$/.test(f));
    expect(filters.length).toBeGreaterThan(10);
    expect([...first.keys()].filter((f) => /^pagefind\/pagefind\..+\.pf_meta$/.test(f)).length).toBeGreaterThan(1);
    expect([...second.keys()]).toEqual([...first.keys()]);
    expect([...first.keys()].filter((f) => first.get(f) !== second.get(f))).toEqual([]);
  });
});

describe('search on the rewritten index', () => {
  // `dists` is filled by beforeAll, which runs before the browser helper's.
  const site = useBrowserSite(join(work, 'first', 'dist'));

  it("finds the product, lists every filter with its counts, and narrows by one, with Pagefind's API", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}en/search/`);
    // A string, not a function: vitest would rewrite a function's import() for Node.
    const found = (await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      await pagefind.init();
      const urls = (r) => Promise.all(r.results.map(async (x) => (await x.data()).url));
      return {
        filters: await pagefind.filters(),
        all: await urls(await pagefind.search('demo')),
        products: await urls(await pagefind.search('demo', { filters: { type: 'Product' } })),
        materials: await urls(await pagefind.search(null, { filters: { material: 'Polyamide' } })),
      };
    })()`)) as { filters: Record<string, Record<string, number>>; all: string[]; products: string[]; materials: string[] };
    expect(found.filters.type).toEqual({ Cluster: 1, Event: 1, Member: 1, News: 1, Product: 1, Project: 1 });
    expect(found.filters.material).toEqual({ 'Merino wool': 1, Polyamide: 1 });
    expect(found.filters.certification).toEqual({ 'OEKO-TEX Standard 100': 1 });
    expect(found.all.length).toBeGreaterThan(1);
    expect(found.products).toEqual(['/en/products/demo-sweater/']);
    expect(found.materials).toEqual(['/en/products/demo-sweater/']);
    await page.close();
  });

  it('works through the search page, in another language too', async () => {
    const page = await site.browser.newPage();
    for (const [locale, query] of [
      ['en', 'sweater'],
      ['ro', 'pulover'],
    ] as const) {
      await page.goto(`${site.server.url}${locale}/search/?q=${query}`);
      await expect.poll(() => page.locator('#search-results li a').first().getAttribute('href'), { timeout: 15_000 }).toBe(`/${locale}/products/demo-sweater/`);
    }
    await page.close();
  });
});
