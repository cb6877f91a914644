/**
 * Search in a real browser, in several languages: the product's own page
 * comes first for its name, filters narrow, an empty result says so in the
 * page's language, and the keyboard alone reaches and opens a result.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSite } from '../helpers/browser.ts';
import { ROOT } from '../helpers/build.ts';
import { checkContent } from '../../src/lib/content/check.ts';
import { translator } from '../../src/lib/i18n.ts';
import type { Locale } from '../../src/lib/locales.ts';

const dist = inject('demoDist');
const content = checkContent(join(ROOT, 'content'), { today: '2026-11-21' }).content;
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
