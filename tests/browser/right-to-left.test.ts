/**
 * A right-to-left language in a real browser: the wood fixture publishes in
 * Arabic, a locale the site defines (site.yaml, dir: rtl) with its own UI
 * strings. Its home, catalogue and a product page, at 320 and 1280 px, do
 * not scroll sideways, and their layout is mirrored: the brand sits at the
 * right edge of the header and the catalogue's first card at the right.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, serve } from '../helpers/browser.ts';
import { klasterCommand, ROOT, tempDir } from '../helpers/build.ts';

const SITE = join(ROOT, 'tests', 'fixtures', 'wood-site');
const work = tempDir('rtl');
const dist = join(work, 'dist');
let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  const run = klasterCommand('build', { KLASTER_DIST: dist, KLASTER_CACHE_DIR: join(work, 'cache') }, [], SITE);
  expect(run.status, run.output.slice(-4000)).toBe(0);
  browser = await launch();
  server = await serve(dist);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

const PAGES = ['ar/', 'ar/catalogue/', 'ar/products/oak-wardrobe/'];
const WIDTHS = [320, 1280];

async function open(path: string, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(new URL(path, server.url).href);
  return page;
}

type Box = { left: number; right: number };
const box = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((e): Box => {
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right };
    });

describe('Arabic pages in Chromium', () => {
  for (const path of PAGES) {
    for (const width of WIDTHS) {
      it(`/${path} at ${width} px is right to left and does not scroll sideways`, async () => {
        const page = await open(path, width);
        try {
          expect(await page.evaluate(() => getComputedStyle(document.documentElement).direction)).toBe('rtl');
          // Everything must fit, the skip link included (set aside with `inset-inline-start`: `left: -999px` scrolled 999 px).
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, 'pixels of sideways scrolling').toBeLessThanOrEqual(0);
          // The brand starts the header: at its right edge, right of the middle.
          const bar = await box(page, '.site-header .bar');
          const brand = await box(page, '.site-header .brand');
          expect(bar.right - brand.right, 'gap between the brand and the right edge of the header').toBeLessThanOrEqual(32);
          expect(brand.left).toBeGreaterThan(bar.left + (bar.right - bar.left) / 2 - (brand.right - brand.left));
        } finally {
          await page.close();
        }
      });
    }
  }

  it('lays out the catalogue from the right: the first card is the rightmost of its row', async () => {
    const page = await open('ar/catalogue/', 1280);
    try {
      const cards = await page.locator('#listing-cards > li').evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top };
        }),
      );
      expect(cards.length).toBeGreaterThanOrEqual(2);
      const [first, second] = cards;
      expect(second.top, 'two cards in one row at 1280 px').toBe(first.top);
      expect(first.left).toBeGreaterThan(second.right - 1);
      const list = await box(page, '#listing-cards');
      expect(list.right - first.right, 'gap between the first card and the right edge of the list').toBeLessThanOrEqual(1);
    } finally {
      await page.close();
    }
  });

  it("mirrors the filter panel's chevron: closed, it points to the left; open, down", async () => {
    const page = await open('ar/catalogue/', 320);
    try {
      // Where the chevron's corner (the bottom-right one of its box, (1, 1) before rotation) points.
      const pointing = () =>
        page.locator('details.filter-panel > summary').evaluate((summary) => {
          const m = new DOMMatrix(getComputedStyle(summary, '::before').transform);
          return { x: Math.round(m.a + m.c), y: Math.round(m.b + m.d) };
        });
      expect(await page.locator('details.filter-panel').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      const closed = await pointing();
      expect(closed.x, 'closed: points to the left').toBeLessThan(0);
      expect(closed.y).toBe(0);
      await page.locator('details.filter-panel > summary').click();
      await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
      const opened = await pointing();
      expect(opened, 'open: points down').toEqual({ x: 0, y: 1 });
    } finally {
      await page.close();
    }
  });

  it('sets English text that falls back on an Arabic page left to right', async () => {
    const page = await open('ar/products/beech-chair/', 1280);
    try {
      expect(await page.locator('h1').evaluate((e) => getComputedStyle(e).direction)).toBe('ltr');
      expect(await page.locator('main').evaluate((e) => getComputedStyle(e).direction)).toBe('rtl');
    } finally {
      await page.close();
    }
  });
});
