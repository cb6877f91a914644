/**
 * The catalogue in a real browser: facets without JavaScript, a product
 * page whose images load as AVIF or WebP without shifting the layout, and
 * the printable catalogue printed to PDF.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSite } from '../helpers/browser.ts';
import { tempDir } from '../helpers/build.ts';

const dist = inject('demoDist');
const site = useBrowserSite(dist);

describe('the catalogue', () => {
  it('filters by a facet without JavaScript', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}bg/catalogue/`);
    const total = await page.locator('.cards > li').count();
    expect(total).toBe(24);
    const link = page.locator('.facets section').first().locator('a').first();
    const label = (await link.textContent())!;
    const expected = Number(/\((\d+)\)/.exec(label)![1]);
    await link.click();
    await page.waitForLoadState();
    expect(page.url()).toMatch(/\/bg\/catalogue\/category\/[a-z-]+\/$/);
    expect(await page.locator('.cards > li').count()).toBe(Math.min(expected, 24));
    expect(await page.locator('h1').textContent()).toContain(label.replace(/\s*\(\d+\)\s*$/, '').trim());
    await context.close();
  });

  it('pages through the whole catalogue without JavaScript', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}ro/catalogue/`);
    await page.locator('.pagination a').first().click();
    await page.waitForLoadState();
    expect(page.url()).toMatch(/\/ro\/catalogue\/page\/2\/$/);
    expect(await page.locator('.cards > li').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('shows a product with modern image formats and no layout shift', async () => {
    const page = await site.browser.newPage();
    await page.addInitScript(() => {
      (window as unknown as { __cls: number }).__cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
          if (!entry.hadRecentInput) (window as unknown as { __cls: number }).__cls += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${site.server.url}bg/catalogue/`);
    await page.locator('.cards > li a').first().click();
    await page.waitForLoadState('load');
    expect(page.url()).toMatch(/\/bg\/products\/[a-z0-9-]+\/$/);
    const first = page.locator('.gallery img').first();
    await expect.poll(() => first.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const src = await first.evaluate((img: HTMLImageElement) => img.currentSrc);
    expect(src).toMatch(/\.(avif|webp)$/);
    expect(await first.getAttribute('width')).toBeTruthy();
    expect(await first.getAttribute('height')).toBeTruthy();
    expect(await first.getAttribute('loading')).toBe('eager');
    const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
    expect(cls).toBeLessThan(0.01);
    await page.close();
  });
});

describe('the printable catalogue', () => {
  it('prints to several A4 pages with every product of the cluster', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}en/clusters/inter-moda/catalogue/`, { waitUntil: 'load' });
    const names = await page.locator('article.product h3').allTextContents();
    expect(names.length).toBeGreaterThan(3);
    await page.evaluate(async () => {
      await Promise.all([...document.images].map((img) => (img.complete ? null : new Promise((r) => (img.onload = img.onerror = r)))));
    });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const file = join(tempDir('pdf'), 'catalogue.pdf');
    writeFileSync(file, pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(2);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const name of names) expect(text).toContain(name.replace(/\s+/g, ' ').trim());
    expect(text).toMatch(/\b2 \/ \d+\b/); // page numbers from the print stylesheet
    await page.close();
  });
});
