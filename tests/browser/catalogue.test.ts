/**
 * The catalogue in a real browser: facets without JavaScript and, with it,
 * several facets ticked and filtered in place (the address keeps the choice;
 * reload, Back and Forward restore it); the members directory's facet pages;
 * a product page whose images load as AVIF or WebP without shifting the
 * layout; and the printable catalogue printed to PDF.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSite } from '../helpers/browser.ts';
import { tempDir } from '../helpers/build.ts';
import { translator } from '../../packages/klaster/src/lib/i18n.ts';

const dist = inject('demoDist');
const site = useBrowserSite(dist);
const TODAY = '2026-11-21'; // the demo's build date (vitest.config.ts)

// What to expect, from the built site's open data rather than from the code under test.
type Texts = Record<string, { name: string }>;
interface ProductData { id: string; sourceLocale: string; attributes?: { material?: { fibre: string }[] }; certifications: { scheme: string; validUntil: string }[]; translations: Texts }
interface OrgData { id: string; type: string; country: string; clusters: string[]; sectors: string[] }
const openData = <T,>(name: string) => (JSON.parse(readFileSync(join(dist, 'data', `${name}.json`), 'utf8')) as { items: T[] }).items;
const products = openData<ProductData>('products');
const byFacet = (values: (p: ProductData) => string[]) => {
  const out = new Map<string, Set<string>>();
  for (const p of products) for (const v of values(p)) out.set(v, (out.get(v) ?? new Set()).add(p.id));
  return out;
};
const material = byFacet((p) => (p.attributes?.material ?? []).map((c) => c.fibre));
const certification = byFacet((p) => p.certifications.filter((c) => c.validUntil >= TODAY).map((c) => c.scheme));
const and = (a: Set<string>, b: Set<string>) => new Set([...a].filter((id) => b.has(id)));
const or = (a: Set<string>, b: Set<string>) => new Set([...a, ...b]);
const hrefs = (ids: Set<string>, locale = 'bg') => [...ids].map((id) => `/${locale}/products/${id}/`).sort();

/** A material and a certification whose products overlap, the overlap smaller than either alone; the biggest such. */
function overlappingPair() {
  let best: { m: string; c: string; size: number } | undefined;
  for (const [m, ms] of material) {
    for (const [c, cs] of certification) {
      const size = and(ms, cs).size;
      if (size > 0 && size < ms.size && size < cs.size && (!best || size > best.size)) best = { m, c, size };
    }
  }
  if (!best) throw new Error('The demo content has no material and certification that overlap in part');
  return best;
}

const cardLinks = (page: Page) => page.locator('#listing-cards > li .card-title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
const sorted = (list: string[]) => [...list].sort();
/** Waits for what the page shows once filter.js has caught up. */
const poll = <T,>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });

async function tick(page: Page, facet: string, value: string) {
  const box = page.locator(`#facet-form input[name="${facet}"][value="${value}"]`);
  if (!(await box.isVisible())) await page.locator(`#facet-form fieldset[data-facet="${facet}"] summary`).click();
  await box.check();
}

describe('the catalogue', () => {
  it('filters by a facet without JavaScript', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}bg/catalogue/`);
    const total = await page.locator('.cards > li').count();
    expect(total).toBe(24);
    const link = page.locator('.facets fieldset').first().locator('a').first();
    const label = (await link.textContent())!;
    const expected = Number(/\((\d+)\)/.exec(label)![1]);
    await link.click();
    await page.waitForLoadState();
    expect(page.url()).toMatch(/\/bg\/catalogue\/category\/[a-z-]+\/$/);
    expect(await page.locator('.cards > li').count()).toBe(Math.min(expected, 24));
    expect(await page.locator('h1').textContent()).toContain(label.replace(/\s*\(\d+\)\s*$/, '').trim());
    await context.close();
  });

  it('takes the same facet choices as links to static pages without JavaScript', async () => {
    const { m, c } = overlappingPair();
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const [facet, value, ids] of [['material', m, material.get(m)!], ['certification', c, certification.get(c)!]] as const) {
      await page.goto(`${site.server.url}bg/catalogue/`);
      await page.locator(`#facet-form fieldset[data-facet="${facet}"] a[href="/bg/catalogue/${facet}/${value}/"]`).click();
      await page.waitForLoadState();
      expect(new URL(page.url()).pathname).toBe(`/bg/catalogue/${facet}/${value}/`);
      expect(sorted(await cardLinks(page))).toEqual(hrefs(ids).slice(0, 24));
      expect(await page.locator(`#facet-form input`).count()).toBe(0);
    }
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
    await poll(() => first.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
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

describe('the catalogue with JavaScript', () => {
  it('filters in place by two facets, keeps the choice in the address, and restores it on reload and Back', async () => {
    const { m, c } = overlappingPair();
    const cert2 = [...certification.keys()].sort().find((x) => x !== c && and(material.get(m)!, certification.get(x)!).size > 0 && [...and(material.get(m)!, certification.get(x)!)].some((id) => !certification.get(c)!.has(id)));
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}bg/catalogue/`);
    await page.locator('#facet-form.filtering').waitFor();
    const status = page.locator('#listing-status');
    const t = translator('bg');
    expect(await cardLinks(page)).toHaveLength(24);

    await tick(page, 'material', m);
    const onlyMaterial = material.get(m)!;
    await poll(() => status.textContent()).toBe(t('catalogue.results', { count: onlyMaterial.size }));
    // Counts follow the choice: the certification's count is now its overlap with the material.
    const both = and(onlyMaterial, certification.get(c)!);
    const certCount = page.locator(`#facet-form label:has(input[name="certification"][value="${c}"]) .count`);
    expect(await certCount.textContent()).toBe(`(${both.size})`);

    await tick(page, 'certification', c);
    await poll(() => cardLinks(page).then(sorted)).toEqual(hrefs(both));
    expect(await status.textContent()).toBe(t('catalogue.results', { count: both.size }));
    const url = new URL(page.url());
    expect(url.pathname).toBe('/bg/catalogue/');
    expect(url.searchParams.getAll('material')).toEqual([m]);
    expect(url.searchParams.getAll('certification')).toEqual([c]);
    expect(await page.locator('#listing-pages').isHidden()).toBe(true);
    // Still the locale's collation order.
    const names = await page.locator('#listing-cards > li .card-title a').allTextContents();
    expect(names).toEqual([...names].sort(new Intl.Collator('bg', { sensitivity: 'base', numeric: true }).compare));
    // Every card's image is one the build made.
    const first = page.locator('#listing-cards img').first();
    await first.scrollIntoViewIfNeeded();
    await poll(() => first.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

    if (cert2) {
      // Two values of one facet: either will do.
      await tick(page, 'certification', cert2);
      const either = and(onlyMaterial, or(certification.get(c)!, certification.get(cert2)!));
      await poll(() => cardLinks(page).then(sorted)).toEqual(hrefs(either));
      expect(new URL(page.url()).searchParams.getAll('certification').sort()).toEqual([c, cert2].sort());
      await page.goBack();
    }

    // The address alone restores the choice.
    await page.reload();
    await page.locator('#facet-form.filtering').waitFor();
    await poll(() => cardLinks(page).then(sorted)).toEqual(hrefs(both));
    expect(await page.locator(`#facet-form input[name="material"][value="${m}"]`).isChecked()).toBe(true);
    expect(await page.locator(`#facet-form input[name="certification"][value="${c}"]`).isChecked()).toBe(true);

    // Back: the material alone again.
    await page.goBack();
    await poll(() => new URL(page.url()).searchParams.getAll('certification')).toEqual([]);
    expect(new URL(page.url()).searchParams.getAll('material')).toEqual([m]);
    await poll(() => cardLinks(page).then((l) => l.length)).toBe(Math.min(onlyMaterial.size, 24));
    expect((await cardLinks(page)).every((h) => hrefs(onlyMaterial).includes(h))).toBe(true);
    expect(await page.locator(`#facet-form input[name="certification"][value="${c}"]`).isChecked()).toBe(false);

    // Back again: the whole catalogue as the page was sent, with its page links.
    await page.goBack();
    await poll(() => page.url()).toBe(`${site.server.url}bg/catalogue/`);
    expect(await cardLinks(page)).toHaveLength(24);
    expect(await page.locator('#listing-pages').isVisible()).toBe(true);
    await page.close();
  });

  it('shows more of a long result on demand, and starts a facet page from its own value', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}en/catalogue/`);
    await page.locator('#facet-form.filtering').waitFor();
    // Tick the most common country of origin: more than a page of products in the demo, or all of them.
    const boxes = page.locator('#facet-form fieldset[data-facet="country"] input');
    await boxes.first().check();
    const expected = Number(/\d+/.exec((await page.locator('#listing-status').textContent()) ?? '')![0]);
    let shown = (await cardLinks(page)).length;
    expect(shown).toBe(Math.min(expected, 24));
    while (await page.locator('#listing-more').isVisible()) {
      await page.locator('#listing-more').click();
      shown = (await cardLinks(page)).length;
    }
    expect(shown).toBe(expected);
    expect(new Set(await cardLinks(page)).size).toBe(expected);

    const { m } = overlappingPair();
    await page.goto(`${site.server.url}en/catalogue/material/${m}/`);
    await page.locator('#facet-form.filtering').waitFor();
    expect(await page.locator(`#facet-form input[name="material"][value="${m}"]`).isChecked()).toBe(true);
    const own = await cardLinks(page);
    expect(own).toHaveLength(Math.min(material.get(m)!.size, 24));
    expect(own.every((h) => hrefs(material.get(m)!, 'en').includes(h))).toBe(true);
    // Unticking it shows the whole catalogue, at the catalogue's own address.
    await page.locator(`#facet-form input[name="material"][value="${m}"]`).uncheck();
    await poll(() => page.url()).toBe(`${site.server.url}en/catalogue/`);
    expect(await page.locator('h1').textContent()).toBe(translator('en')('catalogue.title'));
    await page.close();
  });
  it('fetches the facet table with the first chunk of cards, then only the chunks of the cards it shows', async () => {
    // The table and the chunks as the build wrote them.
    const table = JSON.parse(readFileSync(join(dist, 'en', 'catalogue', 'filters.json'), 'utf8'));
    const chunkFile = (k: number) => JSON.parse(readFileSync(join(dist, 'en', 'catalogue', 'cards', `${k}.json`), 'utf8')) as { href: string }[];
    const chunks = Math.ceil(table.count / table.chunk);
    expect(chunks).toBeGreaterThan(2);
    const page = await site.browser.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.endsWith('.json')) fetched.push(path);
    });
    // As the table of a catalogue past a few dozen products says: only the first chunk comes with it.
    await page.route('**/en/catalogue/filters.json', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), preload: 1 } });
    });
    await page.goto(`${site.server.url}en/catalogue/`);
    await page.locator('#facet-form.filtering').waitFor();
    expect(fetched).toEqual(['/en/catalogue/filters.json', '/en/catalogue/cards/0.json']);

    // A material's first page of products, and the chunks that hold them.
    const { m } = overlappingPair();
    const at = table.facets.find((f: { name: string }) => f.name === 'material').values.findIndex(([v]: [string]) => v === m);
    const positions = (table.table.material as (number | number[])[])
      .map((cell, i) => ((typeof cell === 'number' ? [cell] : cell).includes(at) ? i : -1))
      .filter((i) => i >= 0)
      .slice(0, 24);
    const needed = [...new Set(positions.map((i) => Math.floor(i / table.chunk)))];
    expect(needed.length).toBeLessThan(chunks);
    await tick(page, 'material', m);
    const expected = positions.map((i) => chunkFile(Math.floor(i / table.chunk))[i % table.chunk]!.href);
    await poll(() => cardLinks(page)).toEqual(expected);
    expect(fetched.slice(0, 2)).toEqual(['/en/catalogue/filters.json', '/en/catalogue/cards/0.json']);
    expect(sorted(fetched.slice(2))).toEqual(sorted(needed.filter((k) => k !== 0).map((k) => `/en/catalogue/cards/${k}.json`)));
    await page.close();
  });
});

describe('the members directory', () => {
  const orgs = openData<OrgData>('organisations');
  const valuesOf: Record<string, (o: OrgData) => string[]> = {
    type: (o) => [o.type],
    cluster: (o) => o.clusters,
    country: (o) => [o.country.toLowerCase()],
    sector: (o) => o.sectors,
  };

  it('has a static page for every facet value, listing exactly the members its count says', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}en/members/`);
    expect(await page.locator('#listing-cards > li').count()).toBe(Math.min(orgs.length, 24));
    const links = await page.locator('#facet-form fieldset a').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href')!, text: a.textContent! })));
    const facets = new Set<string>();
    for (const { href, text } of links) {
      const [, facet, value] = /^\/en\/members\/([a-z]+)\/([a-z0-9-]+)\/$/.exec(href)!;
      facets.add(facet!);
      const count = Number(/\((\d+)\)\s*$/.exec(text)![1]);
      const expected = orgs.filter((o) => valuesOf[facet!]!(o).includes(value!)).map((o) => `/en/members/${o.id}/`).sort();
      expect(count, href).toBe(expected.length);
      await page.goto(`${site.server.url}${href.slice(1)}`);
      expect(sorted(await cardLinks(page)), href).toEqual(expected.slice(0, 24));
    }
    expect([...facets].sort()).toEqual(Object.keys(valuesOf).sort());
    await context.close();
  });

  it('filters in place with JavaScript, type and country together', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}bg/members/`);
    await page.locator('#facet-form.filtering').waitFor();
    const type = 'sme';
    const country = orgs.find((o) => o.type === type)!.country.toLowerCase();
    await page.locator(`#facet-form input[name="type"][value="${type}"]`).check();
    await page.locator(`#facet-form input[name="country"][value="${country}"]`).check();
    const expected = orgs.filter((o) => o.type === type && o.country.toLowerCase() === country).map((o) => `/bg/members/${o.id}/`).sort();
    await poll(() => cardLinks(page).then(sorted)).toEqual(expected);
    const url = new URL(page.url());
    expect([url.pathname, url.searchParams.get('type'), url.searchParams.get('country')]).toEqual(['/bg/members/', type, country]);
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
