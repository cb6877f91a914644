/**
 * Languages across the built site: the language switcher keeps the visitor
 * on the same entry (in Chromium, with JavaScript) and marks the locales
 * with no translation; every page's hreflang alternates are reciprocal with
 * one consistent x-default; Serbian Latin bodies written in MDX are
 * transliterated except where marked.
 *
 * The demo is translated into every locale, so the untranslated cases run on
 * a copy of the valid fixture (which has entries without translations) with
 * one more entry written only in Bulgarian.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkContent } from '../../packages/klaster/src/lib/content/check.ts';
import { collectionNames } from '../../packages/klaster/src/lib/content/fields.ts';
import { langTag, localeCodes, type Locale } from '../../packages/klaster/src/lib/locales.ts';
import { findAll, parseHtml, readPages, textOf, type Failure, type HtmlElement, type Page } from '../gates/html.ts';
import { switchLocale } from '../../packages/klaster/src/lib/urls.ts';
import { sitemapUrls } from '../../packages/klaster/src/lib/sitemap.ts';
import { serve, useBrowserSite } from '../helpers/browser.ts';
import { build, DEMO_CONTENT, ROOT, tempDir } from '../helpers/build.ts';
import { expectNoFailures } from '../quality/helpers/gate.ts';

const dist = inject('demoDist');
const site = useBrowserSite(dist);

/** The site's root as the pages' absolute links name it (from the canonical link of /). */
function rootOf(pages: Page[]): string {
  const home = pages.find((p) => p.page === '/');
  const canonical = home && /<link rel="canonical" href="([^"]+)"/.exec(home.html)?.[1];
  if (!canonical) throw new Error('the site has no root page with a canonical link');
  return canonical;
}

interface Head {
  url: string;
  lang: string | undefined;
  canonical: string | undefined;
  /** hreflang → address, in document order (duplicates kept, to be reported). */
  alternates: [string, string][];
}

function headOf(page: Page, root: string): Head {
  const doc = parseHtml(page.html);
  const head = findAll(doc, (e) => e.name === 'head')[0] ?? doc;
  const links = findAll(head, (e) => e.name === 'link');
  const rel = (e: HtmlElement) => (e.attribs.rel ?? '').toLowerCase().split(/\s+/);
  return {
    url: new URL(page.page.slice(1), root).href,
    lang: findAll(doc, (e) => e.name === 'html')[0]?.attribs.lang,
    canonical: links.find((l) => rel(l).includes('canonical'))?.attribs.href,
    alternates: links
      .filter((l) => rel(l).includes('alternate') && l.attribs.hreflang !== undefined)
      .map((l) => [l.attribs.hreflang!, l.attribs.href ?? '']),
  };
}

const setKey = (alternates: [string, string][]) =>
  alternates
    .map(([l, href]) => `${l} ${href}`)
    .sort()
    .join('\n');

/**
 * Every page that lists hreflang alternates: each address is a page of the
 * site in that language, whose canonical link is itself and which lists
 * exactly the same alternates and x-default, so every page of a set names
 * every other; the page itself is in its set (under its language or as the
 * x-default) unless its canonical link points elsewhere (a page showing a
 * fallback text), and then it lists the set of the page it points to.
 */
function checkAlternates(pages: Page[], root: string): Failure[] {
  const heads = new Map(pages.map((p) => [new URL(p.page.slice(1), root).href, { page: p.page, head: headOf(p, root) }]));
  const failures: Failure[] = [];
  for (const { page, head } of heads.values()) {
    if (!head.alternates.length) continue;
    const fail = (reason: string) => failures.push({ page, reason });
    const langs = head.alternates.map(([l]) => l);
    for (const l of new Set(langs)) if (langs.filter((x) => x === l).length > 1) fail(`lists hreflang="${l}" more than once`);
    const xDefault = head.alternates.filter(([l]) => l === 'x-default');
    if (xDefault.length === 0) fail('has alternates but no x-default');
    const key = setKey(head.alternates);
    if (head.canonical !== head.url) {
      const original = head.canonical && heads.get(head.canonical);
      if (!original) fail(`has a canonical link to ${head.canonical}, which is not a page of the site`);
      else if (setKey(original.head.alternates) !== key) fail(`lists other alternates than its canonical page ${original.page}`);
      continue;
    }
    if (!head.alternates.some(([l, href]) => href === head.url && (l === head.lang || l === 'x-default'))) {
      fail(`does not list itself as the alternate for its language ${head.lang}`);
    }
    for (const [l, href] of head.alternates) {
      const other = heads.get(href);
      if (!other) {
        fail(`lists ${href} for ${l}, which is not a page of the site`);
        continue;
      }
      if (l !== 'x-default' && other.head.lang !== l) fail(`lists ${other.page} for ${l}, but that page is in ${other.head.lang}`);
      if (other.head.canonical !== other.head.url) fail(`lists ${other.page} for ${l}, whose canonical link points to ${other.head.canonical}`);
      else if (setKey(other.head.alternates) !== key) {
        const back = other.head.alternates.filter(([, h]) => h === head.url).map(([x]) => x);
        const theirs = other.head.alternates.find(([x]) => x === 'x-default')?.[1];
        fail(
          back.length === 0
            ? `lists ${other.page} for ${l}, which does not list this page back`
            : `lists ${other.page} for ${l}, which lists other alternates (x-default ${theirs} here ${xDefault[0]?.[1]})`,
        );
      }
    }
  }
  return failures;
}

describe('the hreflang check itself', () => {
  const root = 'https://example.org/';
  const page = (path: string, lang: string, alternates: [string, string][], canonical = path) => ({
    page: path,
    file: `${path.slice(1)}index.html`,
    html: `<html lang="${lang}"><head><link rel="canonical" href="${root}${canonical.slice(1)}">${alternates
      .map(([l, p]) => `<link rel="alternate" hreflang="${l}" href="${root}${p.slice(1)}">`)
      .join('')}</head></html>`,
  });
  const set: [string, string][] = [
    ['en', '/en/a/'],
    ['bg', '/bg/a/'],
    ['x-default', '/en/a/'],
  ];
  it('accepts a reciprocal set and a fallback page pointing into it', () => {
    const pages = [page('/', 'en', []), page('/en/a/', 'en', set), page('/bg/a/', 'bg', set), page('/ro/a/', 'ro', set, '/en/a/')];
    expect(checkAlternates(pages, root)).toEqual([]);
  });
  it('finds a page that is not listed back, a different x-default and a listed fallback page', () => {
    const pages = [
      page('/en/a/', 'en', [...set, ['ro', '/ro/a/']]),
      page('/bg/a/', 'bg', [['en', '/en/a/'], ['bg', '/bg/a/'], ['x-default', '/bg/a/']]),
      page('/ro/a/', 'ro', set, '/en/a/'),
    ];
    const reasons = checkAlternates(pages, root).map((f) => `${f.page}: ${f.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/en\/a\/: lists \/ro\/a\/ for ro, whose canonical link points to/),
        expect.stringMatching(/^\/en\/a\/: lists \/bg\/a\/ for bg, which lists other alternates/),
        expect.stringMatching(/^\/ro\/a\/: lists other alternates than its canonical page/),
      ]),
    );
  });
});

describe('hreflang alternates of the demo site, every page', () => {
  it('are reciprocal, with one x-default per set', () => {
    const pages = readPages(dist);
    expect(pages.length).toBeGreaterThan(400);
    const started = performance.now();
    expectNoFailures('Alternates (demo)', checkAlternates(pages, rootOf(pages)), started);
  });
});

/** Where each locale's link in a page's language switcher leads, and whether it is marked untranslated. */
async function switcherLinks(page: import('playwright-core').Page) {
  return page.locator('nav.lang-switch a').evaluateAll((links) =>
    links.map((a) => ({
      lang: a.getAttribute('hreflang'),
      href: (a as HTMLAnchorElement).pathname,
      untranslated: !!a.querySelector('.untranslated'),
    })),
  );
}

/** The locales an entry of the demo has a text of its own in, from its page's address. */
const demoContent = checkContent(DEMO_CONTENT, { today: '2026-11-21' }).content;
const COLLECTION_OF: Record<string, (typeof collectionNames)[number]> = { products: 'products', members: 'organisations', projects: 'projects', news: 'news' };
function textLocales(path: string): Locale[] {
  const [, , section, id] = path.split('/');
  const entry = demoContent[COLLECTION_OF[section]].get(id)!;
  // Serbian Latin is made from Serbian: it has a text where Serbian has one.
  return localeCodes.filter((l) => entry.texts[l] || (l === 'sr-latn' && entry.texts.sr));
}

describe('the language switcher on the demo site (Chromium, JavaScript on)', () => {
  const from: Locale = 'bg';
  // A product, a member, a project section and a news item.
  const starts = [
    `/${from}/products/hi-vis-work-jacket/`,
    `/${from}/members/fde-sofia/`,
    `/${from}/projects/balkan-cluster/partners/`,
    `/${from}/news/balkan-cluster-working-meeting-nis/`,
  ];

  for (const start of starts) {
    it(`leads from ${start} to the same page in every other locale`, async () => {
      const context = await site.browser.newContext({ javaScriptEnabled: true });
      const page = await context.newPage();
      const base = new URL(site.server.url);
      for (const to of localeCodes.filter((l) => l !== from)) {
        const response = await page.goto(new URL(start.slice(1), base).href);
        expect(response?.status(), start).toBe(200);
        await page.locator(`nav.lang-switch a[hreflang="${langTag(to)}"]`).click();
        await page.waitForURL((url) => url.pathname !== start);
        const landed = new URL(page.url());
        expect(landed.pathname, `${start} → ${to}`).toBe(`${base.pathname.replace(/\/$/, '')}${switchLocale(start, from, to)}`);
        expect(await page.locator('html').getAttribute('lang')).toBe(langTag(to));
        // The same entry: the page exists in that locale, and is its own canonical page where the entry has its text
        // (Spanish and French pages of the demo mostly show another language's text, and name that page as canonical).
        const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
        if (textLocales(start).includes(to)) expect(canonical).toMatch(new RegExp(`${switchLocale(start, from, to)}$`));
        else expect(canonical).not.toMatch(new RegExp(`${switchLocale(start, from, to)}$`));
        expect((await page.locator('h1').first().textContent())?.trim()).toBeTruthy();
        // Its own switcher marks it current and leads back to where the visitor came from.
        expect(await page.locator('nav.lang-switch [aria-current="true"]').getAttribute('lang')).toBe(langTag(to));
        expect((await switcherLinks(page)).find((l) => l.lang === langTag(from))?.href).toBe(
          `${base.pathname.replace(/\/$/, '')}${start}`,
        );
      }
      await context.close();
    });
  }

  it('marks as untranslated exactly the locales without the entry\'s text', async () => {
    const page = await site.browser.newPage();
    for (const start of starts) {
      await page.goto(new URL(start.slice(1), site.server.url).href);
      const links = await switcherLinks(page);
      expect(links.length).toBe(localeCodes.length - 1);
      const missing = localeCodes.filter((l) => l !== from && !textLocales(start).includes(l)).map(langTag);
      expect(links.filter((l) => l.untranslated).map((l) => l.lang), start).toEqual(missing);
    }
    await page.close();
  });
});

describe('Serbian Latin bodies written in MDX', () => {
  const prose = (file: string) => {
    const doc = parseHtml(readFileSync(join(dist, file), 'utf8'));
    const el = findAll(doc, (e) => e.attribs?.class === 'prose')[0];
    expect(el, file).toBeDefined();
    return el!;
  };
  /** The text of an element outside the parts that are never transliterated. */
  const transliterable = (el: HtmlElement): string =>
    el.children
      .map((child) => {
        if (child.type === 'text') return (child as unknown as { data: string }).data;
        const e = child as HtmlElement;
        if (!e.attribs) return '';
        const lang = e.attribs.lang;
        if ((lang && !/^sr(-|$)/i.test(lang)) || e.attribs.translate === 'no' || ['code', 'pre', 'kbd', 'samp'].includes(e.name)) return '';
        return transliterable(e);
      })
      .join('');

  it('are in Latin, with the Bulgarian name kept in Cyrillic (content/organisations/fde-sofia/index.sr.mdx)', () => {
    const latin = prose('sr-latn/members/fde-sofia/index.html');
    expect(textOf(latin)).toContain('Fondacija za razvoj preduzetništva');
    expect(transliterable(latin)).not.toMatch(/\p{Script=Cyrillic}/u);
    const bulgarian = findAll(latin, (e) => e.attribs?.lang === 'bg');
    expect(bulgarian.map(textOf)).toEqual(['Фондация за развитие на предприемачеството']);
    // The same body on the Cyrillic page is as written.
    expect(textOf(prose('sr/members/fde-sofia/index.html'))).toContain('Фондација за развој предузетништва');
  });

  it('keep the phrases of keepAsWritten in the fields', () => {
    const html = readFileSync(join(dist, 'sr-latn/members/fde-sofia/index.html'), 'utf8');
    const description = /<meta name="description" content="([^"]*)"/.exec(html)?.[1];
    expect(description).toContain('Nevladina organizacija iz Sofije (bugarski Фондация за развитие на предприемачеството)');
  });

  it('leave no Cyrillic outside marked text on any Serbian Latin page of the demo', () => {
    // Phrases an editor listed in keepAsWritten may stay anywhere.
    const { content } = checkContent(DEMO_CONTENT, { today: '2026-11-21' });
    const kept = collectionNames.flatMap((c) =>
      [...content[c].values()].flatMap((e) => ((e.texts.sr?.data as { keepAsWritten?: string[] } | undefined)?.keepAsWritten ?? [])),
    );
    const failures: Failure[] = [];
    for (const page of readPages(dist).filter((p) => p.page.startsWith('/sr-latn/'))) {
      for (const el of findAll(parseHtml(page.html), (e) => e.attribs?.class === 'prose')) {
        // A body shown in its source language, when Serbian has none, says so with its lang.
        if (el.attribs.lang && !/^sr(-|$)/i.test(el.attribs.lang)) continue;
        let text = transliterable(el);
        for (const phrase of kept) text = text.split(phrase).join('');
        const cyrillic = /\S*\p{Script=Cyrillic}\S*/u.exec(text)?.[0];
        if (cyrillic) failures.push({ page: page.page, reason: `Cyrillic in the body: "${cyrillic}"` });
      }
    }
    expectNoFailures('Serbian Latin bodies', failures);
  });
});

describe('entries with missing translations (a copy of the valid fixture)', () => {
  const work = tempDir('languages');
  const fixtureDist = join(work, 'dist');
  let server: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    const content = join(work, 'content');
    cpSync(join(ROOT, 'tests/fixtures/valid'), content, { recursive: true });
    // Written only in Bulgarian: no English page to be the x-default.
    mkdirSync(join(content, 'news/bg-only'));
    writeFileSync(join(content, 'news/bg-only/index.yaml'), 'sourceLocale: bg\ndate: 2012-03-01\n');
    writeFileSync(join(content, 'news/bg-only/index.bg.md'), '---\ntitle: Само на български\nsummary: Новина без превод.\n---\n\nТекст.\n');
    const run = build(content, fixtureDist, { KLASTER_CACHE_DIR: join(work, 'cache') });
    if (run.status !== 0) throw new Error(`The fixture did not build:\n${run.output.slice(-4000)}`);
    server = await serve(fixtureDist);
  }, 5 * 60_000);
  afterAll(async () => {
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('has reciprocal alternates on every page, fallback pages pointing into the set of their original', () => {
    const pages = readPages(fixtureDist);
    const failures = checkAlternates(pages, rootOf(pages));
    expectNoFailures('Alternates (fixture)', failures);
    // The fallback pages are there to be checked: their canonical link points elsewhere.
    const fallback = pages.find((p) => p.page === '/en/news/bg-only/')!;
    expect(fallback.html).toMatch(/<link rel="canonical" href="[^"]*\/bg\/news\/bg-only\/"/);
  });

  it('lists in the sitemap only real translations, with the language picker as x-default', () => {
    const xml = readdirSync(fixtureDist)
      .filter((f) => /^sitemap-\d+\.xml$/.test(f))
      .map((f) => readFileSync(join(fixtureDist, f), 'utf8'))
      .join('');
    const locs = sitemapUrls(xml).map((u) => new URL(u).pathname);
    expect(locs).toContain('/bg/news/bg-only/');
    for (const l of localeCodes.filter((l) => l !== 'bg')) {
      expect(locs, l).not.toContain(`/${l}/news/bg-only/`);
      expect(xml, l).not.toContain(`/${l}/news/bg-only/"`);
    }
    // demo-cluster has its own English and Bulgarian texts only.
    expect(locs).toEqual(expect.arrayContaining(['/en/clusters/demo-cluster/', '/bg/clusters/demo-cluster/']));
    expect(locs).not.toContain('/ro/clusters/demo-cluster/');
    expect(xml).toMatch(/hreflang="x-default" href="[^"]*\/"/);
    expect(xml).not.toMatch(/hreflang="en" href="https?:\/\/[^/"]+\/"/);
  });

  it('romanises a text falling back from Bulgarian on Serbian Latin pages by the Bulgarian system, in lists, maps and JSON-LD alike', () => {
    // demo-cluster is written in Bulgarian with no Serbian text: its name and town (Демо клъстер, Кюстендил) fall back.
    // No Cyrillic is left under sr-Latn; what stays Cyrillic (the picker's "Српски") says its language.
    const pages = readPages(fixtureDist).filter((p) => p.page.startsWith('/sr-latn/'));
    const failures: Failure[] = [];
    const names = new Set<string>();
    for (const page of pages) {
      const doc = parseHtml(page.html);
      // <title> cannot mark a part of itself: it is left out (the heading on the page says the same, marked).
      for (const el of findAll(doc, (e) => e.type === 'tag' && !['script', 'style', 'title'].includes(e.name))) {
        for (const child of el.children) {
          if (child.type !== 'text' || !/\p{Script=Cyrillic}/u.test(child.data)) continue;
          // The nearest lang around the text must name a Cyrillic language: Cyrillic under sr-Latn would be read out wrongly.
          let at: HtmlElement | null = el;
          while (at && !at.attribs?.lang) at = at.parent as HtmlElement | null;
          if (!/^(bg|sr-Cyrl)\b/.test(at?.attribs.lang ?? '')) failures.push({ page: page.page, reason: `"${child.data.trim()}" under lang=${at?.attribs.lang}` });
        }
      }
      // Links to the cluster's Serbian Latin page (a "back to" link names it inside a sentence).
      for (const a of findAll(doc, (e) => e.name === 'a' && /\/sr-latn\/clusters\/demo-cluster\/$/.test(e.attribs.href ?? ''))) {
        names.add(textOf(a).trim().replace(/^Nazad na /, ''));
      }
      for (const block of findAll(doc, (e) => e.name === 'script' && e.attribs.type === 'application/ld+json')) {
        const walk = (v: unknown): void => {
          if (Array.isArray(v)) v.forEach(walk);
          else if (v && typeof v === 'object') {
            const o = v as Record<string, unknown>;
            if (typeof o.url === 'string' && o.url.endsWith('/sr-latn/clusters/demo-cluster/') && typeof o.name === 'string') names.add(o.name);
            Object.values(o).forEach(walk);
          }
        };
        walk(JSON.parse(textOf(block)));
      }
    }
    expectNoFailures('Fallback text on Serbian Latin pages', failures);
    // One spelling everywhere: the card, the map's list, the breadcrumb and the structured data.
    expect([...names]).toEqual(['Demo klaster']);
    const list = pages.find((p) => p.page === '/sr-latn/clusters/')!.html;
    expect(list).toMatch(/<a href="[^"]*\/sr-latn\/clusters\/demo-cluster\/" lang="bg-Latn">Demo klaster<\/a><span class="meta"> · Kyustendil<\/span>/);
  });

  it('marks exactly the locales without a translation in the switcher, and still leads to the same entry', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: true });
    const page = await context.newPage();
    // demo-cluster: written in Bulgarian, translated into English only; bg-only: Bulgarian only.
    const cases: { start: string; translated: Locale[] }[] = [
      { start: '/en/clusters/demo-cluster/', translated: ['en', 'bg'] },
      { start: '/ro/clusters/demo-cluster/', translated: ['en', 'bg'] },
      { start: '/bg/news/bg-only/', translated: ['bg'] },
    ];
    for (const { start, translated } of cases) {
      await page.goto(new URL(start.slice(1), server.url).href);
      const links = await switcherLinks(page);
      const current = start.split('/')[1] as Locale;
      expect(links.map((l) => l.lang).sort(), start).toEqual(localeCodes.filter((l) => l !== current).map(langTag).sort());
      for (const link of links) {
        const locale = localeCodes.find((l) => langTag(l) === link.lang)!;
        expect(link.untranslated, `${start}: ${locale}`).toBe(!translated.includes(locale));
        expect(link.href, `${start}: ${locale}`).toBe(switchLocale(start, current, locale));
      }
      // Following a marked link lands on the same entry, which says it shows another language's text.
      const marked = links.find((l) => l.untranslated);
      if (marked) {
        await page.locator(`nav.lang-switch a[hreflang="${marked.lang}"]`).click();
        await page.waitForURL((url) => url.pathname === marked.href);
        expect(await page.locator('html').getAttribute('lang')).toBe(marked.lang);
        expect(await page.locator('link[rel="canonical"]').getAttribute('href')).not.toMatch(new RegExp(`${marked.href}$`));
      }
    }
    await context.close();
  });
});
