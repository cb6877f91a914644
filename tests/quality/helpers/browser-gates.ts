/**
 * The quality gates that need a real browser, on one loaded page at a time:
 * Content-Security-Policy violations and console errors (recorded from the
 * first script on), axe-core's WCAG 2.2 A/AA rules, and a keyboard walk
 * that tabs through the page and checks every interactive element is
 * reached and visibly focused.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { Failure } from '../../gates/html.ts';
import { headersFor, parseHeadersFile } from '../../gates/hosting.ts';
import { isSitePage, listFiles, shorten, sitePathOf } from '../../gates/html.ts';
import { statSync } from 'node:fs';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The response headers the site's `_headers` file gives each path, for the test server. */
export function headersOfDist(dist: string): (path: string) => Record<string, string> {
  const rules = parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8'));
  return (path) => headersFor(rules, path);
}

// ---------------------------------------------------------------------------
// Which pages: one of every template in every locale.

/** Path segments followed by an entry's id (a new collection with pages adds its segment here). */
const ENTRY_LISTS = new Set(['products', 'members', 'clusters', 'projects', 'news', 'events', 'newsletter']);

/**
 * The template a site path is made with: locale, entry ids, facet values and
 * page numbers replaced (`/bg/products/x/` → `/:locale/products/:id/`).
 */
export function templateOf(path: string, locales: readonly string[]): string {
  const segments = path.split('/').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    const previous = segments[i - 1];
    if (i === 0 && locales.includes(s)) out.push(':locale');
    else if (s === 'page' && /^\d+$/.test(segments[i + 1] ?? '')) i++; // page 2 of a list: same template
    else if ((previous === 'catalogue' || previous === 'members') && out.at(-1) === previous && segments[i + 1] !== undefined && s !== 'page') {
      // A facet page of the catalogue or of the members directory.
      out.push(':facet', ':value');
      i++;
    } else if (previous && ENTRY_LISTS.has(previous) && out.at(-1) === previous) out.push(':id');
    else out.push(s);
  }
  return `/${out.join(out.length ? '/' : '')}${out.length && !path.endsWith('.html') ? '/' : ''}`;
}

export interface TemplatePage {
  template: string;
  locale: string;
  /** Site path without the base, with a query for the search page. */
  path: string;
}

/**
 * One page of every template in every locale: the largest (the one with
 * the most on it) of the pages made with it, first pages of lists before
 * their page 2, 3...
 */
export function templatePages(dist: string, locales: readonly string[]): TemplatePage[] {
  const best = new Map<string, { path: string; size: number; locale: string; template: string }>();
  for (const file of listFiles(dist).filter(isSitePage)) {
    // A page that sends the visitor on at once (a GS1 Digital Link address of a product) is not a template: its target is audited.
    if (/<meta http-equiv="refresh"/i.test(readFileSync(join(dist, file), 'utf8'))) continue;
    const path = sitePathOf(file);
    const template = templateOf(path, locales);
    const locale = locales.find((l) => path.startsWith(`/${l}/`)) ?? '';
    // A later page of a list counts as smaller than any first page.
    const size = statSync(join(dist, file)).size - (/\/page\/\d+\/$/.test(path) ? 1e9 : 0);
    const key = `${locale} ${template}`;
    const current = best.get(key);
    if (!current || size > current.size || (size === current.size && path < current.path)) best.set(key, { path, size, locale, template });
  }
  return [...best.values()]
    .map(({ path, locale, template }) => ({ path, locale, template }))
    .sort((a, b) => (a.template < b.template ? -1 : a.template > b.template ? 1 : a.locale < b.locale ? -1 : 1));
}

// ---------------------------------------------------------------------------
// Recording CSP violations and errors from the first script on.

declare global {
  interface Window {
    __quality: { csp: { directive: string; blocked: string; source: string; line: number; sample: string }[] };
  }
}

/** Installs the recorders on every page of a context, before any of the page's own scripts. */
export async function recordViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    window.__quality = { csp: [] };
    document.addEventListener(
      'securitypolicyviolation',
      (e) =>
        window.__quality.csp.push({
          directive: e.violatedDirective,
          blocked: e.blockedURI,
          source: e.sourceFile,
          line: e.lineNumber,
          sample: e.sample,
        }),
      true,
    );
  });
}

export interface Opened {
  page: Page;
  /** Console errors, uncaught exceptions, failed requests, dialogs, in order. */
  errors: string[];
  dialogs: string[];
  close: () => Promise<void>;
}

/** Opens a page, recording console errors, uncaught exceptions, failed requests and dialogs. */
export async function open(context: BrowserContext, url: string): Promise<Opened> {
  const page = await context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const where = m.location().url;
    // A browser asks for /favicon.ico, after the page has loaded and only now and then, when a
    // page names no icon: the head gate checks every page for its icon link instead.
    if (where.endsWith('/favicon.ico')) return;
    errors.push(`console error: ${shorten(m.text(), 300)}${where && where !== url ? ` (${shorten(decodeURI(where))})` : ''}`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught exception: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${shorten(r.url())} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    if (r.status() >= 400 && r.url() !== url) errors.push(`HTTP ${r.status()} for ${shorten(decodeURI(r.url()))}`);
  });
  page.on('dialog', async (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    await d.dismiss().catch(() => undefined);
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors, dialogs, close: () => page.close() };
}

/** The page's CSP violations, one reason per directive and blocked resource, with where and how often. */
export async function cspViolations(page: Page): Promise<string[]> {
  const found = await page.evaluate(() => window.__quality?.csp ?? []);
  const groups = new Map<string, { where: string[]; sample: string }>();
  for (const v of found) {
    const key = `${v.directive} blocked ${v.blocked && v.blocked !== 'inline' ? shorten(v.blocked) : 'inline code'}`;
    const group = groups.get(key) ?? { where: [], sample: v.sample };
    if (v.source) group.where.push(`${v.source.replace(/^https?:\/\/[^/]+/, '')}:${v.line}`);
    groups.set(key, group);
  }
  return [...groups].map(([key, { where, sample }]) => {
    const times = Math.max(where.length, 1);
    const places = where.length ? ` at ${where.slice(0, 3).join(', ')}${where.length > 3 ? ` and ${where.length - 3} more` : ''}` : '';
    return `CSP violation: ${key}${times > 1 ? `, ${times} times` : ''}${places}${sample ? `: ${shorten(sample, 80)}` : ''}`;
  });
}

/** Console errors that only repeat a CSP violation already reported from its event. */
export const repeatsCsp = (error: string) => /^console error: .*Content Security Policy/.test(error) || /^request failed: .*\(csp\)$/.test(error);

// ---------------------------------------------------------------------------
// Accessibility with axe-core.

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/** axe-core's WCAG 2.2 A and AA rules on the page as it is; one failure reason per rule broken. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's CSP does not block it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const result = (await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<unknown> } }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        // Lighthouse's accessibility score also counts skipped heading levels
        // (axe's best-practice rule), which screen-reader users navigate by.
        rules: { 'heading-order': { enabled: true } },
        resultTypes: ['violations'],
      }),
    AXE_TAGS,
  )) as AxeResult;
  return result.violations.map((v) => {
    const targets = v.nodes.map((n) => n.target.map(String).join(' '));
    const shown = targets.slice(0, 3).join(' | ') + (targets.length > 3 ? ` and ${targets.length - 3} more` : '');
    return `axe ${v.id} (${v.impact}): ${v.help}; ${targets.length} element(s): ${shown}`;
  });
}

// ---------------------------------------------------------------------------
// Keyboard: every interactive element reached by Tab, visibly focused.

/**
 * Tabs through the page from the top. Fails for every interactive element
 * Tab never reaches, and every element that gets focus without a visible
 * change of outline or box-shadow (on itself or an ancestor up to three
 * levels, for focus-within styles).
 */
export async function keyboardWalk(page: Page): Promise<{ failures: string[]; interactive: number; reached: number }> {
  const expected = await page.evaluate(() => {
    const selector =
      'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, audio[controls], video[controls], [contenteditable]:not([contenteditable="false"]), [tabindex]';
    const look = (el: Element) => {
      const s = getComputedStyle(el);
      const outline = s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0 ? 'none' : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`;
      return `${outline}|${s.boxShadow}`;
    };
    const chain = (el: Element) => {
      const out: Element[] = [];
      for (let e: Element | null = el; e && out.length < 4; e = e.parentElement) out.push(e);
      return out;
    };
    const name = (el: Element) => {
      const text = (el.getAttribute('aria-label') || (el as HTMLElement).innerText || el.getAttribute('title') || '').replace(/\s+/g, ' ').trim().slice(0, 40);
      const href = el.getAttribute('href');
      return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${href ? ` href="${href}"` : ''}>${text ? ` "${text}"` : ''}`;
    };
    const elements = [...document.querySelectorAll(selector)].filter(
      (el) =>
        (el as HTMLElement).tabIndex >= 0 &&
        !(el as HTMLButtonElement).disabled &&
        !el.closest('[inert]') &&
        el.checkVisibility({ visibilityProperty: true }),
    );
    const before = new Map<Element, string[]>();
    for (const el of elements) before.set(el, chain(el).map(look));
    const state = {
      elements,
      log: [] as { index: number; name: string; visible: boolean }[],
    };
    document.addEventListener(
      'focusin',
      (e) => {
        const el = e.target as Element;
        const index = elements.indexOf(el);
        const now = chain(el).map(look);
        const was = before.get(el) ?? chain(el).map(() => 'none|none');
        state.log.push({ index, name: name(el), visible: now.some((v, i) => v !== was[i]) });
      },
      true,
    );
    (window as unknown as { __keyboard: typeof state }).__keyboard = state;
    (document.activeElement as HTMLElement | null)?.blur?.();
    return elements.map(name);
  });
  const reached = new Set<number>();
  const failures = new Set<string>();
  let presses = 0;
  let seen = 0;
  const limit = Math.ceil(expected.length * 1.5) + 10;
  while (presses < limit && reached.size < expected.length) {
    for (let i = 0; i < 10; i++) await page.keyboard.press('Tab');
    presses += 10;
    const log = await page.evaluate(() => (window as unknown as { __keyboard: { log: { index: number; name: string; visible: boolean }[] } }).__keyboard.log.splice(0));
    for (const entry of log) {
      if (entry.index >= 0) reached.add(entry.index);
      if (!entry.visible) failures.add(`focus not visible (outline and box-shadow unchanged) on ${entry.name}`);
    }
    if (log.length === 0 && ++seen > 2) break; // focus left the page for good
  }
  expected.forEach((name, i) => {
    if (!reached.has(i)) failures.add(`not reachable with Tab: ${name}`);
  });
  return { failures: [...failures], interactive: expected.length, reached: reached.size };
}

export async function keyboardFailures(page: Page): Promise<string[]> {
  return (await keyboardWalk(page)).failures;
}

/** Turns reasons into failures of a page. */
export const failuresOf = (page: string, reasons: string[]): Failure[] => reasons.map((reason) => ({ page, reason }));
