/**
 * Sharded builds (packages/klaster/src/lib/shards.ts): the valid fixture
 * built as two shards (`klaster build --shard 1/2` and `2/2`, one after the
 * other, each with its own cache) and merged (`klaster merge`) is the same
 * site as its single build, byte for byte; and in Chromium, Pagefind's API
 * answers the same queries on both, in a locale of each shard. After an
 * edit of the Romanian text, each shard rebuilt with its own cache reuses
 * its pages and its locales' search indexes, and the merge is again the
 * single rebuild, byte for byte.
 *
 * The fixture rather than the demo: this takes six builds (the single
 * one and two shards, twice), which is 6 x 30-150 s for the demo on a 2-core
 * machine against about 6 x 15 s for the fixture, which has every
 * collection, all seven locales and a product with filters. The demo's
 * shards are measured in the README's Performance section.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, serve } from '../helpers/browser.ts';
import { build, klasterCommand, ROOT, snapshot, tempDir } from '../helpers/build.ts';

const work = tempDir('shards');
afterAll(() => rmSync(work, { recursive: true, force: true }));
const content = join(work, 'content');
const env = { KLASTER_CONTENT: content, KLASTER_BUILD_DATE: '2026-11-21' };
const single = join(work, 'single');
const shards = [join(work, 'shard-1'), join(work, 'shard-2')];
const merged = join(work, 'merged');

beforeAll(() => {
  cpSync(join(ROOT, 'tests/fixtures/valid'), content, { recursive: true });
  const whole = build(content, single, { ...env, KLASTER_CACHE_DIR: join(work, 'cache-single') });
  expect(whole.status, whole.output.slice(-3000)).toBe(0);
  shards.forEach((dist, i) => {
    const run = klasterCommand('build', { ...env, KLASTER_DIST: dist, KLASTER_CACHE_DIR: join(work, 'cache-shards') }, ['--shard', `${i + 1}/2`]);
    expect(run.status, run.output.slice(-3000)).toBe(0);
    // The guard counted the shard's locales only.
    expect(run.output).toContain('Every entry page the content check counted was written.');
  });
  const merge = klasterCommand('merge', env, [...shards, '--out', merged]);
  expect(merge.status, merge.output).toBe(0);
  expect(merge.output).toMatch(/^Merged 2 shards into /m);
});

describe('a site built as two shards and merged', () => {
  it("has in each shard only its locales' pages and search index", () => {
    expect(existsSync(join(shards[0]!, 'en/products/demo-sweater/index.html'))).toBe(true);
    expect(existsSync(join(shards[0]!, 'ro'))).toBe(false);
    expect(existsSync(join(shards[1]!, 'ro/products/demo-sweater/index.html'))).toBe(true);
    expect(existsSync(join(shards[1]!, 'en'))).toBe(false);
    const languages = (dir: string) =>
      Object.keys((JSON.parse(readFileSync(join(dir, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: object }).languages);
    expect(languages(shards[0]!)).toEqual(['en', 'bg', 'sr-cyrl']);
    expect(languages(shards[1]!)).toEqual(['sr-latn', 'ro', 'es', 'fr']);
  });

  it('is the single build byte for byte: pages, assets, sitemap, hosts files', () => {
    const [one, two] = [single, merged].map(snapshot);
    const site = (files: Map<string, string>) => [...files.keys()].filter((f) => !f.startsWith('pagefind/'));
    expect(site(one!).length).toBeGreaterThan(300);
    expect(site(two!)).toEqual(site(one!));
    expect(site(one!).filter((f) => one!.get(f) !== two!.get(f))).toEqual([]);
    // The sitemap names pages of both shards, with alternates across them.
    const sitemap = readFileSync(join(merged, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(
      '<loc>https://klaster.example/ro/products/demo-sweater/</loc><xhtml:link rel="alternate" hreflang="en" href="https://klaster.example/en/products/demo-sweater/"/>',
    );
  });

  it('has the same search index as the single build, each locale as its shard made it', () => {
    const [one, two] = [single, merged].map(snapshot);
    const index = (files: Map<string, string>) => [...files.keys()].filter((f) => f.startsWith('pagefind/'));
    expect(index(one!).length).toBeGreaterThan(20);
    expect(index(two!)).toEqual(index(one!));
    expect(index(one!).filter((f) => one!.get(f) !== two!.get(f))).toEqual([]);
  });
});

describe('search on the merged site', () => {
  let browser: Browser;
  const servers: Awaited<ReturnType<typeof serve>>[] = [];
  beforeAll(async () => {
    browser = await launch();
    servers.push(await serve(single), await serve(merged));
  });
  afterAll(async () => {
    await browser?.close();
    for (const s of servers) await s.close();
  });

  /** What Pagefind's own API answers on a site's search page of a locale. */
  async function answers(url: string, locale: string, query: string) {
    const page = await browser.newPage();
    await page.goto(`${url}${locale}/search/`);
    // A string, not a function: vitest would rewrite a function's import() for Node.
    const found = await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      await pagefind.init();
      const urls = async (r) => (await Promise.all(r.results.map(async (x) => (await x.data()).url))).sort();
      return { filters: await pagefind.filters(), all: await urls(await pagefind.search(${JSON.stringify(query)})) };
    })()`);
    await page.close();
    return found as { filters: Record<string, Record<string, number>>; all: string[] };
  }

  it('answers the same queries as the single build, in a locale of each shard', async () => {
    for (const [locale, query] of [
      ['en', 'sweater'],
      // Bulgarian and French pages show the English text (a fallback).
      ['bg', 'sweater'],
      ['ro', 'pulover'],
      ['fr', 'sweater'],
    ] as const) {
      const [one, two] = [await answers(servers[0]!.url, locale, query), await answers(servers[1]!.url, locale, query)];
      expect(two, `${locale}: ${query}`).toEqual(one);
      expect(one.all).toContain(`/${locale}/products/demo-sweater/`);
      expect(Object.keys(one.filters).length).toBeGreaterThan(2);
    }
  });
});

const summary = (output: string) => /Build summary:\n(?: {2}.*\n?)+/.exec(output.replace(/\x1b\[[0-9;]*m/g, ''))?.[0] ?? '';

describe('after an edit, each shard rebuilt with its own cache', () => {
  const runs: Record<string, string> = {};
  beforeAll(() => {
    const text = join(content, 'products/demo-sweater/index.ro.md');
    writeFileSync(text, readFileSync(text, 'utf8').replace('Tricotat în Kyustendil', 'Tricotat de mână în Kyustendil'));
    const whole = build(content, `${single}-2`, { ...env, KLASTER_CACHE_DIR: join(work, 'cache-single'), NO_COLOR: '1' });
    expect(whole.status, whole.output.slice(-3000)).toBe(0);
    shards.forEach((dist, i) => {
      const run = klasterCommand('build', { ...env, KLASTER_DIST: `${dist}-2`, KLASTER_CACHE_DIR: join(work, 'cache-shards'), NO_COLOR: '1' }, [
        '--shard',
        `${i + 1}/2`,
      ]);
      expect(run.status, run.output.slice(-3000)).toBe(0);
      runs[`shard-${i + 1}`] = summary(run.output);
    });
    const merge = klasterCommand('merge', env, [...shards.map((d) => `${d}-2`), '--out', `${merged}-2`]);
    expect(merge.status, merge.output).toBe(0);
  });

  it("reuses the shard's own pages and search indexes from its last build", () => {
    const counts = (s: string) => /pages and files: (\d+) rendered, (\d+) reused/.exec(s)!.slice(1).map(Number);
    for (const shard of ['shard-1', 'shard-2']) {
      const [rendered, reused] = counts(runs[shard]!);
      expect(reused, runs[shard]).toBeGreaterThan(rendered!);
    }
    // The Romanian text changed: the first shard (en, bg, sr) keeps every index, the second makes Romanian's again.
    expect(runs['shard-1']).toMatch(/search indexes: reused for en, bg, sr\n/);
    expect(runs['shard-2']).toMatch(/search indexes: reused for [^;\n]*; made for [^\n]*\bro\b/);
  });

  it('merges into the single rebuild, byte for byte, with the edit', () => {
    const [one, two] = [`${single}-2`, `${merged}-2`].map(snapshot);
    expect([...two!.keys()]).toEqual([...one!.keys()]);
    expect([...one!.keys()].filter((f) => one!.get(f) !== two!.get(f))).toEqual([]);
    expect(readFileSync(join(`${merged}-2`, 'ro/products/demo-sweater/index.html'), 'utf8')).toContain('Tricotat de mână în Kyustendil');
  });
});
