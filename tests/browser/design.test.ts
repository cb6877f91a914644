/**
 * The phone-first layout of the demo site in Chromium, at a phone's
 * 390 × 844 and a laptop's 1280 × 800, in every locale: listings show their
 * first card in the first screen (results before the filters), no template
 * scrolls sideways at 320 px, the header stays compact on a phone, and a
 * project's home page shows the EU emblem and funding statement once, in
 * the first screen, in a font of the EU's visibility rules. Screenshots of
 * every template at both widths are written to test-results/screenshots/.
 */
import { mkdirSync, readdirSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { translator } from '../../packages/klaster/src/lib/i18n.ts';
import { localeCodes, type Locale } from '../../packages/klaster/src/lib/locales.ts';
import { localize, type SiteModel } from '../../packages/klaster/src/lib/model.ts';
import { useBrowserSite } from '../helpers/browser.ts';
import { DEMO_CONTENT, DEMO_SITE } from '../helpers/build.ts';
import { parse as parseYaml } from 'yaml';
import { monogram } from '../../packages/klaster/src/lib/monogram.ts';
import { localizedText } from '../../packages/klaster/src/lib/site/text.ts';
import { isUpcoming } from '../../packages/klaster/src/lib/time.ts';
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

describe('a product page on a phone', () => {
  it.each(localeCodes)(
    'shows name, key facts, the quote request and the first 100 px of the gallery in the first screen (%s)',
    async (locale) => {
      const page = await pageAt(PHONE);
      const late: string[] = [];
      for (const product of model.all('products')) {
        const path = `/${locale}/products/${product.id}/`;
        expect((await page.goto(url(path)))?.status(), path).toBe(200);
        const top = async (selector: string) => (await page.locator(selector).first().boundingBox())?.y ?? Infinity;
        const image = await top('[data-gallery] .slide img');
        // Enough of the first image to see that the gallery is there: its top 100 px.
        if (image > PHONE.height - 100) late.push(`${product.id}: the first image starts ${Math.round(image)} px down`);
        for (const part of ['main h1', '.key-facts', 'a.action.primary']) {
          const box = await page.locator(part).first().boundingBox();
          if (!box || box.y + box.height > image) late.push(`${product.id}: ${part} is not before the gallery`);
        }
      }
      expect(late).toEqual([]);
      await page.close();
    },
    240_000,
  );
});

describe('the home page without upcoming events', () => {
  it.each(localeCodes)('says so and shows the latest events, newest first, with the link to all (%s)', async (locale) => {
    const t = translator(locale);
    const today = '2026-11-21';
    const past = model
      .all('events')
      .filter((e) => !isUpcoming(e.facts.start, e.facts.end, today))
      .sort((a, b) => (a.facts.start < b.facts.start ? 1 : -1));
    expect(
      model.all('events').filter((e) => isUpcoming(e.facts.start, e.facts.end, today)),
      'the demo has no upcoming event on its build date',
    ).toEqual([]);
    const page = await pageAt(PHONE);
    await page.goto(url(`/${locale}/`));
    const heading = page.getByRole('heading', { level: 2, name: t('nav.events'), exact: true });
    expect(await heading.count()).toBe(1);
    const section = page.locator('main .section-head', { has: heading });
    expect(await section.getByRole('link', { name: t('home.allEvents'), exact: true }).getAttribute('href')).toMatch(new RegExp(`/${locale}/events/$`));
    expect(await page.locator('main p.events-empty').textContent()).toBe(t('home.noUpcomingEventsPast'));
    const cards = page.locator('main p.events-empty + ul.cards > li .card-title a');
    const hrefs = await cards.evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs).toEqual(past.slice(0, 3).map((e) => expect.stringMatching(new RegExp(`/${locale}/events/${e.id}/$`))));
    await page.close();
  });
});

describe('organisations without a logo', () => {
  it.each(localeCodes)('show a monogram of their name, hidden from assistive technology, and no empty logo box (%s)', async (locale) => {
    const page = await pageAt(PHONE);
    const withoutLogo = model.all('organisations').filter((o) => !o.facts.logo);
    expect(withoutLogo.length).toBeGreaterThan(0);
    for (const org of withoutLogo.slice(0, 4)) {
      const path = `/${locale}/members/${org.id}/`;
      await page.goto(url(path));
      const name = (await page.locator('main h1').textContent())!.trim();
      const mark = page.locator('main .monogram');
      expect(await mark.count(), path).toBe(1);
      expect(await mark.getAttribute('aria-hidden'), path).toBe('true');
      const letters = (await mark.textContent())!.trim();
      expect(letters, path).toBe(monogram(name, (await page.locator('main h1').getAttribute('lang')) ?? undefined));
      expect(letters.length, path).toBeGreaterThan(0);
      const box = (await mark.boundingBox())!;
      expect(box.width, path).toBeGreaterThanOrEqual(40);
      expect(box.height, path).toBeGreaterThanOrEqual(40);
    }
    // A project's partners: each card has its logo, loaded, or a monogram.
    await page.goto(url(`/${locale}/projects/balkan-cluster/partners/`));
    const cards = page.locator('main ul.partners > li');
    expect(await cards.count()).toBeGreaterThan(0);
    for (const card of await cards.all()) {
      const logo = card.locator('img.logo');
      if ((await logo.count()) > 0) expect(await logo.evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
      else expect((await card.locator('.monogram[aria-hidden="true"]').textContent())!.trim().length).toBeGreaterThan(0);
    }
    await page.close();
  });
});

describe('maps', () => {
  it.each(localeCodes)("name the towns in the page's language, readable on a phone, and number the list as the markers (%s)", async (locale) => {
    const page = await pageAt(PHONE);
    await page.goto(url(`/${locale}/clusters/inter-moda/`));
    const map = page.locator('main figure.map');
    const labels = map.locator('svg .labels text');
    const towns = await labels.allTextContents();
    const cluster = model.get('clusters', 'inter-moda');
    expect(towns).toContain(localize(cluster, locale).text.city);
    // Every label at least 11 px tall on a 390 px screen, none over another.
    const boxes = await labels.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })));
    const frame = (await map.locator('svg').boundingBox())!;
    for (const b of boxes) {
      expect(b.h).toBeGreaterThanOrEqual(11);
      // Inside the map, not cut at its edges.
      expect(b.x).toBeGreaterThanOrEqual(frame.x);
      expect(b.x + b.w).toBeLessThanOrEqual(frame.x + frame.width);
    }
    for (const a of boxes) for (const b of boxes) if (a !== b) expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h).toBe(false);
    // The list names each marker by its number, in the same order.
    const markers = await map.locator('svg .markers text').allTextContents();
    const listed = await map.locator('.map-list > li .map-number').allTextContents();
    expect([...listed].sort()).toEqual([...markers].sort());
    expect(listed).toEqual(listed.map((_, i) => String(i + 1)));
    await page.close();
  });
});

describe('the footer', () => {
  const config = parseYaml(readFileSync(join(DEMO_SITE, 'site.yaml'), 'utf8')) as {
    footer: { address?: Record<string, string>; email?: string; phone?: string };
  };
  it.each(localeCodes)("gives the site's postal address and contacts (%s)", async (locale) => {
    const t = translator(locale);
    const page = await pageAt(PHONE);
    await page.goto(url(`/${locale}/about/`));
    const contact = page.locator('footer.site-footer .footer-contact');
    expect(await contact.locator('.footer-heading').textContent()).toBe(t('footer.contact'));
    const address = contact.locator('address');
    const { email, phone } = config.footer;
    const postal = localizedText(config.footer.address, locale);
    expect(email || phone || postal, 'the demo footer has contacts').toBeTruthy();
    if (email) expect(await address.getByRole('link', { name: email, exact: true }).getAttribute('href')).toBe(`mailto:${email}`);
    if (phone) expect(await address.getByRole('link', { name: phone, exact: true }).getAttribute('href')).toBe(`tel:${phone.replace(/[^+\d]/g, '')}`);
    if (postal) expect((await address.innerText()).replace(/\s+/g, ' ')).toContain(postal.replace(/\s+/g, ' '));
    await page.close();
  });
});

describe('screenshots of every template', () => {
  it('are written at both widths to test-results/screenshots/', async () => {
    for (const viewport of [PHONE, LAPTOP]) {
      const page = await pageAt(viewport);
      for (const locale of ['en', 'bg', 'sr-latn'] as const) {
        for (const [name, path] of Object.entries(templates(locale))) {
          await page.goto(url(path));
          // Lazy images below the first screen load as a visitor scrolls; a full-page screenshot needs them now.
          await page.evaluate(async () => {
            const images = [...document.images];
            for (const image of images) image.loading = 'eager';
            await Promise.all(
              images.map((i) =>
                i.complete
                  ? undefined
                  : new Promise((done) => {
                      i.addEventListener('load', done);
                      i.addEventListener('error', done);
                    }),
              ),
            );
          });
          await page.screenshot({ path: join(SHOTS, `${locale === 'en' ? '' : `${locale}-`}${name}-${viewport.width}.png`), fullPage: true });
        }
      }
      await page.close();
    }
    expect(readdirSync(SHOTS).filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(3 * 38);
  }, 600_000);
});
