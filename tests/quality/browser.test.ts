/**
 * The demo site in Chromium, one page of every template in every locale,
 * served with the security headers of its own `_headers` file:
 * - no Content-Security-Policy violation, console error or failed request;
 * - no axe-core violation of WCAG 2.2 A and AA, nor a skipped heading level;
 * - every interactive element reachable with Tab and visibly focused.
 * And the same checks catching faults planted in a small site.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localeCodes } from '../../packages/klaster/src/lib/locales.ts';
import { headersFile } from '../../packages/klaster/src/integrations/headers.ts';
import { parseHtml, findAll, textOf, type Failure } from '../gates/html.ts';
import { launch, serve } from '../helpers/browser.ts';
import {
  axeViolations,
  cspViolations,
  failuresOf,
  headersOfDist,
  keyboardFailures,
  keyboardWalk,
  open,
  recordViolations,
  repeatsCsp,
  templatePages,
  type TemplatePage,
} from './helpers/browser-gates.ts';
import { expectNoFailures, writeReport } from './helpers/gate.ts';
import { page as htmlPage, writeSite } from './helpers/site.ts';

const dist = inject('demoDist');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A word to search for in a locale: from the title of a product page of that locale. */
function searchTerm(pages: TemplatePage[], locale: string): string {
  const product = pages.find((p) => p.locale === locale && p.template === '/:locale/products/:id/');
  if (!product) return 'cluster';
  const h1 = findAll(parseHtml(readFileSync(join(dist, product.path, 'index.html'), 'utf8')), (e) => e.name === 'h1')[0];
  return (h1 ? textOf(h1) : '').split(/\s+/).find((w) => w.length >= 4) ?? 'cluster';
}

describe('the demo site in a browser, one page of every template in every locale', () => {
  const pages = templatePages(dist, localeCodes);
  const found = { csp: [] as Failure[], axe: [] as Failure[], keyboard: [] as Failure[] };
  const seconds = { csp: 0, axe: 0, keyboard: 0 };
  const keys = { interactive: 0, reached: 0 };
  let server: Awaited<ReturnType<typeof serve>>;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await serve(dist, '/', headersOfDist(dist));
    // A visitor whose language the site does not publish, so the language picker at / stays.
    context = await browser.newContext({ locale: 'de-DE' });
    await recordViolations(context);
    const timings: string[] = [];
    for (const p of pages) {
      const t0 = performance.now();
      const path = p.template === '/:locale/search/' ? `${p.path}?q=${encodeURIComponent(searchTerm(pages, p.locale))}` : p.path;
      const opened = await open(context, `${server.url}${path.slice(1)}`);
      const { page } = opened;
      if (p.template === '/:locale/search/') {
        // Search runs Pagefind's WebAssembly in a worker: wait for results, so its CSP needs are tested too.
        await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0, null, { timeout: 15_000 }).catch(() => {
          opened.errors.push(`search showed no results for ${path}`);
        });
      }
      const t1 = performance.now();
      const csp = await cspViolations(page);
      // Each violation is also logged to the console: keep those lines only when no event reported it (a worker's).
      const errors = csp.length ? opened.errors.filter((e) => !repeatsCsp(e)) : opened.errors;
      found.csp.push(...failuresOf(path, [...csp, ...errors, ...opened.dialogs.map((d) => `dialog opened: ${d}`)]));
      const t2 = performance.now();
      found.axe.push(...failuresOf(path, await axeViolations(page)));
      const t3 = performance.now();
      const walk = await keyboardWalk(page);
      found.keyboard.push(...failuresOf(path, walk.failures));
      keys.interactive += walk.interactive;
      keys.reached += walk.reached;
      const t4 = performance.now();
      seconds.csp += (t2 - t0) / 1000;
      seconds.axe += (t3 - t2) / 1000;
      seconds.keyboard += (t4 - t3) / 1000;
      timings.push(`${path}: load ${((t1 - t0) / 1000).toFixed(1)} s, axe ${((t3 - t2) / 1000).toFixed(1)} s, keyboard ${((t4 - t3) / 1000).toFixed(1)} s`);
      await opened.close();
    }
    writeReport('browser-pages', [`${pages.length} pages:`, ...timings].join('\n'));
  }, 20 * 60_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it('covers every template in every locale', () => {
    const templates = new Set(pages.map((p) => p.template));
    for (const t of ['/', '/404.html', '/:locale/', '/:locale/catalogue/', '/:locale/catalogue/:facet/:value/', '/:locale/products/:id/', '/:locale/members/:id/', '/:locale/clusters/:id/', '/:locale/clusters/:id/catalogue/', '/:locale/projects/:id/', '/:locale/news/:id/', '/:locale/events/:id/', '/:locale/search/', '/:locale/404/']) {
      expect(templates, t).toContain(t);
    }
    for (const t of templates) {
      if (t.startsWith('/:locale/')) expect(pages.filter((p) => p.template === t).map((p) => p.locale).sort(), t).toEqual([...localeCodes].sort());
    }
  });

  it('obeys the Content-Security-Policy and logs no error', () => {
    expectNoFailures(`CSP and console (${pages.length} pages, ${seconds.csp.toFixed(0)} s)`, found.csp);
  });

  it('has no accessibility violation (axe-core, WCAG 2.2 A and AA)', () => {
    expectNoFailures(`Accessibility (${pages.length} pages, ${seconds.axe.toFixed(0)} s)`, found.axe);
  });

  it('lets a keyboard reach every interactive element, visibly focused', () => {
    expectNoFailures(`Keyboard (${pages.length} pages, ${keys.reached} of ${keys.interactive} interactive elements reached, ${seconds.keyboard.toFixed(0)} s)`, found.keyboard);
  });
});

describe('the browser gates catch planted faults', () => {
  it('find an inline script, a missing alt, an invisible focus and a keyboard trap', async () => {
    const dir = writeSite({
      _headers: headersFile(),
      'style.css': 'a.bare:focus, a.bare:focus-visible { outline: none; box-shadow: none; } :focus-visible { outline: 3px solid #b3261e; }',
      'trap.js': "document.getElementById('trap').addEventListener('keydown', (e) => { if (e.key === 'Tab') e.preventDefault(); });",
      'index.html': htmlPage({
        head: '<link rel="stylesheet" href="/style.css"><script src="/trap.js" defer></script>',
        body: `<main><h1>Planted</h1>
          <script>document.title = 'inline ran';</script>
          <img src="/missing.png">
          <p><a href="/a/">fine</a> <a class="bare" href="/b/">no focus style</a> <input id="trap" aria-label="trap"> <a href="/c/">after the trap</a></p>
        </main>`,
      }),
    });
    const server = await serve(dir, '/', headersOfDist(dir));
    const context = await browser.newContext();
    await recordViolations(context);
    try {
      const opened = await open(context, server.url);
      const csp = await cspViolations(opened.page);
      expect(csp.join('\n')).toMatch(/CSP violation: script-src-elem blocked inline/);
      expect(await opened.page.title()).not.toBe('inline ran');
      expect(opened.errors.join('\n')).toMatch(/Content Security Policy/);
      expect(opened.errors.join('\n')).toMatch(/HTTP 404 for .*missing\.png/);
      const axe = await axeViolations(opened.page);
      expect(axe.join('\n')).toMatch(/^axe image-alt \(critical\): Images must have alternative text; 1 element\(s\): img/m);
      const keyboard = await keyboardFailures(opened.page);
      expect(keyboard).toContain('focus not visible (outline and box-shadow unchanged) on <a href="/b/"> "no focus style"');
      expect(keyboard).toContain('not reachable with Tab: <a href="/c/"> "after the trap"');
      expect(keyboard.join('\n')).not.toContain('"fine"');
      await opened.close();
    } finally {
      await context.close();
      await server.close();
    }
  }, 60_000);
});
