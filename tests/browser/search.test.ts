/**
 * Search in a real browser, in several languages: the product's own page
 * comes first for its name, filters narrow, an empty result says so in the
 * page's language, and the keyboard alone reaches and opens a result. And
 * the demo built and served under a base path: search finds and links
 * inside it, and the catalogue filters in place there too.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serve, useBrowserSite } from '../helpers/browser.ts';
import { build, DEMO_CONTENT, ROOT, tempDir } from '../helpers/build.ts';
import { checkContent } from '../../packages/klaster/src/lib/content/check.ts';
import { translator } from '../../packages/klaster/src/lib/i18n.ts';
import type { Locale } from '../../packages/klaster/src/lib/locales.ts';

const dist = inject('demoDist');
const content = checkContent(DEMO_CONTENT, { today: '2026-11-21' }).content;
const site = useBrowserSite(dist);

async function search(page: Page, locale: string, query: string) {
  await page.goto(`${site.server.url}${locale}/search/`);
  await page.locator('#q').fill(query);
  await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 15_000 }).not.toMatch(/^$|…/);
}

const productName = (id: string, locale: Locale) =>
  (content.products.get(id)!.texts[locale]!.data as { name: string }).name;

describe('search', () => {
  for (const [locale, id] of [['bg', 'cashmere-v-neck-sweater'], ['sr', 'merino-crew-sweater'], ['ro', 'linen-summer-shirt']] as const) {
    it(`finds a product by its ${locale} name, its own page first`, async () => {
      const page = await site.browser.newPage();
      await search(page, locale, productName(id, locale));
      const first = page.locator('#search-results li a').first();
      expect(await first.getAttribute('href')).toBe(`/${locale}/products/${id}/`);
      await page.close();
    });
  }

  it('shows a result’s kind, maker and category as labelled parts and an excerpt of its text around the match', async () => {
    const page = await site.browser.newPage({ viewport: { width: 320, height: 640 } });
    await search(page, 'en', 'belts');
    const first = page.locator('#search-results li').first();
    expect(await first.locator('a').getAttribute('href')).toBe('/en/products/leather-belt/');
    const t = translator('en');
    const facts = await first.locator('.result-facts > div').evaluateAll((parts) => parts.map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]));
    const belt = content.products.get('leather-belt')!;
    expect(facts).toEqual([
      [t('search.maker'), (content.organisations.get(belt.facts.maker)!.texts.en!.data as { name: string }).name],
      [t('product.category'), t('taxonomy.category.accessories')],
    ]);
    expect(await first.locator('.result-kind').textContent()).toBe(t('search.type.product'));
    // The excerpt is the page's text (its summary, then its description), from the start of a sentence, with the match
    // marked: not Pagefind's run-together page text with its labels.
    const summary = (belt.texts.en!.data as { summary: string }).summary;
    const excerpt = (await first.locator('.result-excerpt').textContent())!;
    expect(excerpt.startsWith(summary.split(' ').slice(0, 4).join(' '))).toBe(true);
    expect(excerpt).not.toContain(t('search.maker'));
    const product = await site.browser.newPage();
    await product.goto(`${site.server.url}en/products/leather-belt/`);
    const text = await product.evaluate(() => document.querySelector('main')!.innerText.replace(/\s+/g, ' '));
    await product.close();
    expect(text).toContain(excerpt.replace(/ …$/, '').replace(summary, '').trim());
    expect((await first.locator('.result-excerpt mark').allTextContents()).map((m) => m.toLowerCase())).toContain('belt');
    // No sideways scroll at 320 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.close();
  });

  it('keeps the query in the address, so a search can be shared and reloaded', async () => {
    const page = await site.browser.newPage();
    await search(page, 'en', 'sweater');
    expect(new URL(page.url()).searchParams.get('q')).toBe('sweater');
    const count = await page.locator('#search-results li').count();
    await page.reload();
    await expect.poll(() => page.locator('#search-results li').count(), { timeout: 15_000 }).toBe(count);
    await page.close();
  });

  it('narrows results with a certification filter', async () => {
    const page = await site.browser.newPage();
    await search(page, 'en', 'cotton');
    const before = await page.locator('#search-results li').count();
    await page.locator('#search-filter-box summary').click();
    const box = page.locator('#search-filters fieldset', { hasText: translator('en')('facet.certification') }).locator('input[value^="GOTS"]');
    await box.check();
    await expect.poll(async () => page.locator('#search-results li').count(), { timeout: 15_000 }).toBeLessThan(before);
    expect(await page.locator('#search-results li').count()).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.getAll('certification').length).toBe(1);
    await page.close();
  });

  it('says so, in the page language, when nothing matches', async () => {
    const page = await site.browser.newPage();
    await search(page, 'ro', 'zzqxjw');
    const expected = translator('ro')('search.none', { query: 'zzqxjw' });
    expect(await page.locator('#search-status').textContent()).toBe(expected);
    await page.close();
  });

  it('finds comma-below text from a query typed with cedilla letters', async () => {
    const page = await site.browser.newPage();
    const name = productName('linen-summer-shirt', 'ro');
    const word = name.split(/\s+/).find((w) => /[șț]/.test(w)) ?? 'cămașă';
    await search(page, 'ro', word.replace(/ș/g, 'ş').replace(/ț/g, 'ţ'));
    expect(await page.locator('#search-results li').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('the keyboard alone reaches and opens a result', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}bg/search/`);
    // From the top of the page: skip link, then Tab until the search field has focus.
    for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.id === 'q')); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.type(productName('cashmere-v-neck-sweater', 'bg'));
    await expect.poll(() => page.locator('#search-results li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    for (let i = 0; i < 60 && !(await page.evaluate(() => !!document.activeElement?.closest('#search-results'))); i++) await page.keyboard.press('Tab');
    const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href'));
    await Promise.all([page.waitForURL(`**${href}`), page.keyboard.press('Enter')]);
    expect(page.url()).toContain('/bg/products/');
    await page.close();
  });
});

describe('under a base path', () => {
  // The valid fixture, not the demo: built under a base, every image is processed again (the
  // transforms' cache key includes the base-prefixed source path), which took ~8 minutes for the
  // demo on a shared 2-core machine; the fixture has one image and the same templates.
  const BASE = '/sub/path/';
  const FIXTURE = join(ROOT, 'tests/fixtures/valid');
  const work = tempDir('based');
  const sweater = (checkContent(FIXTURE, { today: '2026-11-21' }).content.products.get('demo-sweater')!.texts.en!.data as { name: string }).name;
  let server: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    // One build for every check under a base path in this file.
    const run = build(FIXTURE, join(work, 'dist'), { KLASTER_BASE: BASE, KLASTER_BUILD_DATE: '2026-11-21', KLASTER_CACHE_DIR: join(work, 'cache') });
    expect(run.status, run.output.slice(-3000)).toBe(0);
    server = await serve(join(work, 'dist'), BASE);
  });
  afterAll(async () => {
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('finds a product from /<base>/en/search/ and its link opens the page under the base', async () => {
    const page = await site.browser.newPage();
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${server.url}en/search/`);
    await page.locator('#q').fill(sweater);
    await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 15_000 }).not.toMatch(/^$|…/);
    const first = page.locator('#search-results li a').first();
    expect(await first.getAttribute('href')).toBe(`${BASE}en/products/demo-sweater/`);
    const thumb = first.locator('img');
    expect(await thumb.count()).toBe(1);
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 10_000 }).toBe(true);
    await Promise.all([page.waitForURL(`**${BASE}en/products/demo-sweater/`), first.click()]);
    expect(await page.locator('h1').textContent()).toBe(sweater);
    expect(failed).toEqual([]);
    await page.close();
  });

  it('filters the catalogue in place, with addresses and images under the base', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${server.url}en/catalogue/`);
    await page.locator('#facet-form.filtering').waitFor();
    const box = page.locator('#facet-form fieldset[data-facet="material"] input').first();
    const value = (await box.getAttribute('value'))!;
    await box.check();
    await expect.poll(() => page.url(), { timeout: 10_000 }).toBe(`${server.url}en/catalogue/?material=${value}`);
    await expect.poll(() => page.locator('#listing-status').textContent(), { timeout: 10_000 }).not.toBe('');
    const links = await page.locator('#listing-cards .card-title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(links).toEqual([`${BASE}en/products/demo-sweater/`]);
    const img = page.locator('#listing-cards img').first();
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0), { timeout: 10_000 }).toBe(true);
    expect(new URL(await img.evaluate((i: HTMLImageElement) => i.currentSrc)).pathname.startsWith(`${BASE}_astro/`)).toBe(true);
    // Back to the catalogue as sent, at its address under the base.
    await page.goBack();
    await expect.poll(() => page.url(), { timeout: 10_000 }).toBe(`${server.url}en/catalogue/`);
    await page.close();
  });
});
