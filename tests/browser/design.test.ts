/**
 * The phone-first layout of the demo site in Chromium, at a phone's
 * 390 × 844 and a laptop's 1280 × 800, in every locale: listings show their
 * first card in the first screen (results before the filters), no template
 * scrolls sideways at 320 px, the header stays compact on a phone, and a
 * project's home page shows the EU emblem and funding statement once, in
 * the first screen, in a font of the EU's visibility rules. Screenshots of
 * every template at both widths are written to test-results/screenshots/.
 */
import { mkdirSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { translator } from '../../packages/klaster/src/lib/i18n.ts';
import { localeCodes, type Locale } from '../../packages/klaster/src/lib/locales.ts';
import { localize, type SiteModel } from '../../packages/klaster/src/lib/model.ts';
import { useBrowserSite } from '../helpers/browser.ts';
import { DEMO_CONTENT } from '../helpers/build.ts';
import { modelOf } from '../helpers/model.ts';

const dist = inject('demoDist');
const site = useBrowserSite(dist);
let model: SiteModel<string>;
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };
const SHOTS = join(process.cwd(), 'test-results', 'screenshots');
/** Regulation (EU) 2021/1060, Annex IX: the fonts the funding statement may be set in (and the generic family after them). */
const ALLOWED_FONTS = ['arial', 'auto', 'calibri', 'garamond', 'trebuchet', 'trebuchet ms', 'tahoma', 'verdana', 'ubuntu', 'sans-serif'];

const contexts = new Map<string, BrowserContext>();
async function pageAt(viewport: { width: number; height: number }) {
  const key = `${viewport.width}x${viewport.height}`;
  if (!contexts.has(key)) contexts.set(key, await site.browser.newContext({ viewport }));
  return contexts.get(key)!.newPage();
}

beforeAll(() => {
  model = modelOf(DEMO_CONTENT);
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  for (const c of contexts.values()) await c.close();
});

const url = (path: string) => site.server.url + path.replace(/^\//, '');
/** The first page folder under a built folder, in name order (an event, a facet value, a newsletter issue). */
function firstDir(path: string, skip: string[] = []): string {
  const dir = join(dist, path);
  const name = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !skip.includes(d.name) && existsSync(join(dir, d.name, 'index.html')))
    .map((d) => d.name)
    .sort()[0];
  expect(name, `a page under ${path}`).toBeTruthy();
  return `${path}${name}/`;
}

/** One page of each template in a locale. */
function templates(l: Locale): Record<string, string> {
  const project = 'balkan-cluster';
  return {
    home: `/${l}/`,
    catalogue: `/${l}/catalogue/`,
    facet: firstDir(`/${l}/catalogue/category/`),
    product: `/${l}/products/hi-vis-work-jacket/`,
    members: `/${l}/members/`,
    member: `/${l}/members/fde-sofia/`,
    clusters: `/${l}/clusters/`,
    cluster: `/${l}/clusters/inter-moda/`,
    projects: `/${l}/projects/`,
    project: `/${l}/projects/${project}/`,
    partners: `/${l}/projects/${project}/partners/`,
    results: `/${l}/projects/${project}/results/`,
    events: `/${l}/events/`,
    event: firstDir(`/${l}/events/`),
    news: `/${l}/news/`,
    'news-item': `/${l}/news/balkan-cluster-working-meeting-nis/`,
    search: `/${l}/search/`,
    newsletter: firstDir(`/${l}/newsletter/`),
    page: `/${l}/about/`,
  };
}

describe('listings on the first screen', () => {
  for (const viewport of [PHONE, LAPTOP]) {
    it.each(localeCodes)(`show the first card without scrolling at ${viewport.width} × ${viewport.height} (%s)`, async (locale) => {
      const page = await pageAt(viewport);
      const t = translator(locale);
      for (const path of [`/${locale}/catalogue/`, firstDir(`/${locale}/catalogue/category/`), `/${locale}/members/`]) {
        expect((await page.goto(url(path)))?.status(), path).toBe(200);
        const title = page.locator('#listing-cards > li').first().locator('.card-title a');
        const box = await title.boundingBox();
        expect(box, path).not.toBeNull();
        expect(box!.y + box!.height, `${path}: the first card's title ends ${Math.round(box!.y + box!.height)} px down`).toBeLessThanOrEqual(viewport.height);
        // The filters are a panel: closed on a phone, open beside the results on a wide screen.
        const panel = page.locator('details.filter-panel');
        expect(await panel.locator(':scope > summary').textContent(), path).toMatch(path.includes('/members/') ? t('member.filters') : t('catalogue.filters'));
        const facetLinks = panel.locator('fieldset a, fieldset input').first();
        expect(await facetLinks.isVisible(), path).toBe(viewport.width > 1000);
      }
      await page.close();
    });
  }
  it('puts two product cards side by side on a phone', async () => {
    const page = await pageAt(PHONE);
    await page.goto(url('/en/catalogue/'));
    const [a, b] = await Promise.all([0, 1].map((i) => page.locator('#listing-cards > li').nth(i).boundingBox()));
    expect(a!.y).toBe(b!.y);
    expect(b!.x).toBeGreaterThan(a!.x + a!.width);
    await page.close();
  });
});

describe('the header on a phone', () => {
  it.each(localeCodes)('is at most 120 px tall, with a menu button and a labelled search field (%s)', async (locale) => {
    const page = await pageAt(PHONE);
    const t = translator(locale);
    await page.goto(url(`/${locale}/catalogue/`));
    const header = await page.locator('header.site-header').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(120);
    const search = page.getByRole('search').getByRole('searchbox', { name: t('search.label'), exact: true });
    expect(await search.isVisible()).toBe(true);
    // The main navigation is behind the menu button, which opens it without JavaScript.
    const nav = page.getByRole('navigation', { name: t('nav.main'), exact: true });
    expect(await nav.isVisible()).toBe(false);
    await page.locator('details.menu > summary').click();
    expect(await nav.isVisible()).toBe(true);
    // The two Serbian scripts are told apart in the language switcher.
    const names = await page.locator('nav.lang-switch [lang^="sr-"]').allTextContents();
    expect(names.map((n) => n.trim().replace(/\s*\(not translated yet\)$/, ''))).toEqual(expect.arrayContaining(['Српски (ћирилица)', 'Srpski (latinica)']));
    await page.close();
  });
});

describe('no sideways scrolling at 320 px', () => {
  it.each(localeCodes)('on one page of each template (%s)', async (locale) => {
    const page = await pageAt({ width: 320, height: 700 });
    const wide: string[] = [];
    for (const [name, path] of Object.entries(templates(locale))) {
      expect((await page.goto(url(path)))?.status(), path).toBe(200);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) wide.push(`${name} (${path}): ${width} px`);
    }
    expect(wide).toEqual([]);
    await page.close();
  });
});

describe('the EU funding acknowledgement of a project', () => {
  for (const viewport of [PHONE, LAPTOP]) {
    it.each(localeCodes)(`is in the first screen once, in an allowed font, at ${viewport.width} × ${viewport.height} (%s)`, async (locale) => {
      const page = await pageAt(viewport);
      const t = translator(locale);
      for (const project of model.all('projects')) {
        const programme = model.get('programmes', project.facts.programme);
        if (!programme.facts.emblem) continue;
        const statement = localize(programme, locale).text.statement;
        const path = `/${locale}/projects/${project.id}/`;
        await page.goto(url(path));
        const emblems = page.getByRole('img', { name: t('funding.emblemAlt'), exact: true });
        expect(await emblems.count(), path).toBe(1);
        const said = page.locator('main').getByText(statement, { exact: true });
        expect(await said.count(), `${path}: the statement once`).toBe(1);
        for (const [what, box] of [
          ['emblem', await emblems.boundingBox()],
          ['statement', await said.boundingBox()],
        ] as const) {
          expect(box, `${path} ${what}`).not.toBeNull();
          expect(box!.y + box!.height, `${path}: the ${what} ends ${Math.round(box!.y + box!.height)} px down`).toBeLessThanOrEqual(viewport.height);
        }
        const families = (await said.evaluate((el) => getComputedStyle(el).fontFamily)).split(',').map((f) =>
          f
            .trim()
            .replace(/^["']|["']$/g, '')
            .toLowerCase(),
        );
        expect(
          families.filter((f) => !ALLOWED_FONTS.includes(f)),
          `${path}: ${families.join(', ')}`,
        ).toEqual([]);
      }
      await page.close();
    });
  }
});

describe('screenshots of every template', () => {
  it('are written at both widths to test-results/screenshots/', async () => {
    for (const viewport of [PHONE, LAPTOP]) {
      const page = await pageAt(viewport);
      for (const [name, path] of Object.entries(templates('en'))) {
        await page.goto(url(path));
        await page.screenshot({ path: join(SHOTS, `${name}-${viewport.width}.png`), fullPage: true });
      }
      await page.close();
    }
    expect(readdirSync(SHOTS).filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(38);
  });
});
