/**
 * Escaping: tests/fixtures/escaping holds names and texts with
 * `</script><script>alert(1)</script>`, quotes, `<img src=x onerror=…>`,
 * Cyrillic, Romanian ș ț and emoji. Built once here, every page of it in
 * Chromium (without the CSP, so escaping alone is tested) shows them as
 * text and runs nothing: no dialog, no console error, no element the
 * content made.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles, sitePathOf, type Failure } from '../gates/html.ts';
import { launch, serve } from '../helpers/browser.ts';
import { build, ROOT, tempDir } from '../helpers/build.ts';
import { failuresOf, open } from './helpers/browser-gates.ts';
import { expectNoFailures } from './helpers/gate.ts';
import { page as htmlPage, writeSite } from './helpers/site.ts';

const SCRIPT = '</script><script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';

const work = tempDir('escaping');
const dist = join(work, 'dist');
let browser: Browser;
let context: BrowserContext;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  const run = build(join(ROOT, 'tests/fixtures/escaping'), dist, { KLASTER_CACHE_DIR: join(work, 'cache') });
  if (run.status !== 0) throw new Error(`The escaping fixture did not build:\n${run.output.slice(-4000)}`);
  browser = await launch();
  context = await browser.newContext();
  // A page that sends the visitor on at once (a GS1 Digital Link page of a product) is checked as it is, without leaving it.
  await context.route('**/01/*/', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()).replace(/<meta http-equiv="refresh"[^>]*>/i, '') });
  });
  server = await serve(dist);
}, 5 * 60_000);
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** What must hold on any page: nothing ran, nothing was made from content. */
async function pageProblems(url: string, path: string): Promise<Failure[]> {
  const opened = await open(context, url);
  const { page } = opened;
  const made = await page.evaluate(() => {
    const problems: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) if (/^on/i.test(a.name)) problems.push(`element with an event handler: <${el.localName} ${a.name}="${a.value}">`);
    }
    for (const img of document.querySelectorAll('img')) if (img.getAttribute('src') === 'x') problems.push('an <img src=x> from the content became an element');
    for (const s of document.querySelectorAll('script')) {
      const type = (s.getAttribute('type') ?? '').toLowerCase();
      if (!s.src && type !== 'application/ld+json') problems.push(`an inline script: ${s.textContent?.slice(0, 80)}`);
      if (type === 'application/ld+json') {
        try {
          JSON.parse(s.textContent ?? '');
        } catch {
          problems.push(`a JSON-LD block that was cut short: ${s.textContent?.slice(0, 80)}`);
        }
      }
    }
    for (const b of document.querySelectorAll('main b, main i, h1 b, h1 i')) problems.push(`markup from a text field became an element: <${b.localName}>`);
    return problems;
  });
  const problems = [...made, ...opened.errors, ...opened.dialogs.map((d) => `a dialog opened (script ran): ${d}`)];
  await opened.close();
  return failuresOf(path, problems);
}

describe('a site whose content holds markup, quotes and every script', () => {
  it('runs nothing and makes no element from content, on any page', async () => {
    const pages = listFiles(dist).filter((f) => f.endsWith('.html')).map(sitePathOf);
    expect(pages.length).toBeGreaterThan(50);
    // Two pages at a time: the machine has two cores.
    const failures: Failure[] = [];
    const queue = [...pages];
    const worker = async () => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) failures.push(...(await pageProblems(`${server.url}${path.slice(1)}`, path)));
    };
    await Promise.all([worker(), worker()]);
    expectNoFailures('Escaping', failures);
  }, 5 * 60_000);

  it('shows the names as text, with Cyrillic, Romanian and emoji intact', async () => {
    const expectations: [string, string][] = [
      ['en/products/demo-sweater/', `Sweater ${SCRIPT} "Q" 'S' 🧶`],
      ['ro/products/demo-sweater/', `Pulover ș ț Ș Ț ${SCRIPT} „ghilimele“ 🧶`],
      ['bg/clusters/demo-cluster/', `Клъстер ${SCRIPT} „кавички“ 🧵`],
      ['en/members/demo-maker/', `Maker "Ltd" ${IMG} 🏭`],
      ['en/news/demo-news/', `News ${SCRIPT} "Q" 'S' 📰`],
      ['en/events/demo-fair/', `Fair ${SCRIPT} "Q" 'S' 🎪`],
    ];
    for (const [path, name] of expectations) {
      const opened = await open(context, `${server.url}${path}`);
      expect(await opened.page.locator('h1').first().textContent(), path).toContain(name);
      expect(await opened.page.title(), path).toContain(name);
      expect(await opened.page.locator('meta[property="og:title"]').getAttribute('content'), path).toBe(name);
      expect(opened.dialogs, path).toEqual([]);
      await opened.close();
    }
    const product = await open(context, `${server.url}en/products/demo-sweater/`);
    expect(await product.page.locator('.gallery img').first().getAttribute('alt')).toBe(`A grey sweater "alt" ${IMG} 🧶`);
    expect(await product.page.locator('meta[name="description"]').getAttribute('content')).toBe(`A sweater ${IMG} & "more" ș ț`);
    const ld = await product.page.locator('script[type="application/ld+json"]').first().textContent();
    expect((JSON.parse(ld!) as { name: string }).name).toBe(`Sweater ${SCRIPT} "Q" 'S' 🧶`);
    await product.close();
  }, 60_000);

  it('shows them as text in search results too', async () => {
    const failures = await pageProblems(`${server.url}en/search/?q=Sweater`, '/en/search/?q=Sweater');
    const opened = await open(context, `${server.url}en/search/?q=Sweater`);
    await opened.page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0, null, { timeout: 15_000 });
    expect(await opened.page.locator('#search-results').textContent()).toContain(`Sweater ${SCRIPT}`);
    expect(await opened.page.locator('#search-results img[src="x"]').count()).toBe(0);
    expect(opened.dialogs).toEqual([]);
    expect(opened.errors).toEqual([]);
    await opened.close();
    expectNoFailures('Escaping in search', failures);
  }, 60_000);
});

describe('the escaping gate catches a planted fault', () => {
  it('finds a script that ran, an element made from content and an inline script', async () => {
    const dir = writeSite({ 'index.html': htmlPage({ body: `<main><h1>Name ${SCRIPT}</h1><p>${IMG}</p></main>` }) });
    const planted = await serve(dir);
    try {
      const reasons = (await pageProblems(planted.url, '/')).map((f) => f.reason);
      expect(reasons).toContain('a dialog opened (script ran): alert: 1');
      expect(reasons).toContain('an <img src=x> from the content became an element');
      expect(reasons).toContain('element with an event handler: <img onerror="alert(1)">');
      expect(reasons).toContain('an inline script: alert(1)');
    } finally {
      await planted.close();
    }
  }, 60_000);
});
