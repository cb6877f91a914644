/**
 * Hostile bodies: tests/fixtures/hostile-bodies holds Markdown and MDX texts
 * whose bodies carry scripts (inline, external, in capitals), event handlers,
 * javascript:, data: and vbscript: links in every spelling, iframes,
 * objects, forms, styles, imports, expressions and a component that is not
 * Klaster's, beside the markup editors use. Built once with the real build
 * script: no page of any locale (those without a translation show the
 * source text) and no newsletter publishes any of it, and the legitimate
 * markup and components are there.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attr, findAll, listFiles, parseHtml, textOf, type HtmlDocument, type HtmlElement } from '../gates/html.ts';
import { entryPath } from '../../packages/klaster/src/lib/urls.ts';
import { localeCodes } from '../../packages/klaster/src/lib/locales.ts';
import { build, ROOT, tempDir } from '../helpers/build.ts';
import { launch, serve } from '../helpers/browser.ts';

const work = tempDir('hostile-bodies');
const dist = join(work, 'dist');
let pages: { file: string; doc: HtmlDocument }[];

beforeAll(() => {
  const run = build(join(ROOT, 'tests/fixtures/hostile-bodies'), dist, { KLASTER_CACHE_DIR: join(work, 'cache') });
  if (run.status !== 0) throw new Error(`The hostile-bodies fixture did not build:\n${run.output.slice(-4000)}`);
  pages = listFiles(dist)
    .filter((f) => f.endsWith('.html'))
    .map((file) => ({ file, doc: parseHtml(readFileSync(join(dist, file), 'utf8')) }));
}, 5 * 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const all = (doc: HtmlDocument | HtmlElement) => findAll(doc, () => true);
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'data', 'poster', 'cite', 'background', 'xlink:href', 'srcset'];
/** A URL as a browser reads its scheme: control characters and whitespace ignored, any case. */
// eslint-disable-next-line no-control-regex -- the characters browsers ignore in a URL
const scheme = (url: string) => /^([a-z][a-z0-9+.-]*):/.exec(url.replace(/[\u0000-\u0020]/g, '').toLowerCase())?.[1];

/** Everything on a page that content must not be able to make. */
function problemsOf(doc: HtmlDocument): string[] {
  const problems: string[] = [];
  for (const el of all(doc)) {
    if (el.name === 'script') {
      const src = attr(el, 'src');
      if (attr(el, 'type') === 'application/ld+json') continue;
      if (src === undefined) problems.push(`an inline script: ${textOf(el).slice(0, 60)}`);
      else if (!src.startsWith('/') || src.startsWith('//')) problems.push(`a script from elsewhere: ${src}`);
    }
    if (['iframe', 'frame', 'object', 'embed', 'applet'].includes(el.name)) problems.push(`an <${el.name}>`);
    for (const [name, value] of Object.entries(el.attribs)) {
      if (/^on/i.test(name)) problems.push(`an event handler: <${el.name} ${name}="${value}">`);
      if (/evil\.example|alert\(/.test(value)) problems.push(`content in an attribute: <${el.name} ${name}="${value}">`);
      const s = URL_ATTRIBUTES.includes(name) ? scheme(value) : undefined;
      if (s === 'javascript' || s === 'vbscript' || (s === 'data' && el.name !== 'img')) problems.push(`a ${s}: address: <${el.name} ${name}="${value}">`);
    }
  }
  for (const prose of findAll(doc, (el) => (attr(el, 'class') ?? '').split(/\s+/).includes('prose'))) {
    for (const el of all(prose)) {
      if (['form', 'input', 'button', 'textarea', 'select', 'style', 'script'].includes(el.name)) problems.push(`a <${el.name}> in a text`);
      if (attr(el, 'style') !== undefined) problems.push(`a style attribute in a text: <${el.name} style="${attr(el, 'style')}">`);
    }
  }
  return problems;
}

const page = (path: string) => {
  const found = pages.find((p) => p.file === `${path.replace(/^\//, '')}index.html`);
  expect(found, path).toBeDefined();
  return found!.doc;
};
const prose = (path: string) => {
  const [el] = findAll(page(path), (e) => (attr(e, 'class') ?? '').split(/\s+/).includes('prose'));
  expect(el, `${path} shows the body`).toBeDefined();
  return el;
};
const html = (el: HtmlElement) => findAll(el, () => true);

describe('a site whose bodies hold scripts, handlers, hostile links and frames', () => {
  it('publishes none of it, on any page of any locale, nor in the newsletter', () => {
    expect(pages.length).toBeGreaterThan(50);
    expect(pages.some((p) => p.file.endsWith('newsletter/2012-02/email.html'))).toBe(true);
    const failures = pages.flatMap(({ file, doc }) => problemsOf(doc).map((p) => `${file}: ${p}`));
    expect(failures).toEqual([]);
  });

  it('shows each body in every locale, the text around the attacks kept', () => {
    for (const locale of localeCodes) {
      const text = textOf(prose(entryPath.products(locale, 'demo-sweater')));
      expect(text, locale).toMatch(/Knitted in Kyustendil|Tricotat în Kyustendil|Knitted in Kjustendil/);
      expect(textOf(prose(entryPath.clusters(locale, 'demo-cluster'))).length, locale).toBeGreaterThan(10);
      expect(textOf(prose(entryPath.projects(locale, 'demo-project'))).length, locale).toBeGreaterThan(10);
    }
    const en = textOf(prose(entryPath.products('en', 'demo-sweater')));
    for (const kept of ['Care: wash at 30 °C', 'and dry flat.', 'plain javascript link', 'Markdown javascript link', 'Hover text.']) expect(en).toContain(kept);
  });

  it('keeps the markup editors use: language and translate marks, abbreviations, safe links and images, figures, tables', () => {
    const body = prose(entryPath.products('en', 'demo-sweater'));
    const els = html(body);
    expect(els.some((e) => e.name === 'span' && attr(e, 'lang') === 'bg' && textOf(e) === 'мериносова вълна')).toBe(true);
    expect(els.some((e) => e.name === 'span' && attr(e, 'translate') === 'no' && textOf(e) === 'RK-1042')).toBe(true);
    expect(els.some((e) => e.name === 'abbr' && attr(e, 'title') === 'European Union')).toBe(true);
    expect(els.some((e) => e.name === 'a' && attr(e, 'href') === 'https://ok.example/care' && textOf(e) === 'care guide')).toBe(true);
    expect(els.some((e) => e.name === 'a' && attr(e, 'href') === 'https://ok.example/sizes')).toBe(true);
    // An image from another host is not published (the browser would fetch it from there); its handler neither.
    expect(els.some((e) => e.name === 'img' && attr(e, 'src')?.includes('ok.example'))).toBe(false);
    expect(els.some((e) => e.name === 'figcaption' && textOf(e) === 'The loom.')).toBe(true);
    expect(els.some((e) => e.name === 'table')).toBe(true);
  });

  it('keeps MDX components and safe JSX, and drops the code', () => {
    const body = prose(entryPath.projects('en', 'demo-project'));
    const els = html(body);
    expect(els.some((e) => attr(e, 'class') === 'partner-list')).toBe(true);
    expect(els.some((e) => e.name === 'table' && attr(e, 'class') === 'indicators')).toBe(true);
    expect(els.some((e) => e.name === 'span' && attr(e, 'lang') === 'bg' && textOf(e) === 'български')).toBe(true);
    expect(els.some((e) => e.name === 'a' && attr(e, 'href') === 'https://ok.example/project' && attr(e, 'title') === 'Project site')).toBe(true);
    expect(els.some((e) => e.name === 'img' && attr(e, 'src')?.includes('ok.example'))).toBe(false);
    const text = textOf(body);
    for (const gone of ['expression text', 'exported', 'alert']) expect(text).not.toContain(gone);
  });

  it('transliterates a Serbian body on the Latin pages after sanitising it', () => {
    const body = prose(entryPath.projects('sr-latn', 'demo-project'));
    expect(textOf(body)).toContain('Projekat');
    expect(html(body).some((e) => e.name === 'span' && attr(e, 'translate') === 'no' && textOf(e) === 'ЏМ-200')).toBe(true);
    expect(html(body).some((e) => e.name === 'a' && textOf(e) === 'Veza' && attr(e, 'href') === undefined)).toBe(true);
  });
});

describe('the hostile bodies in Chromium, served without the security headers', () => {
  it('run no script, make no frame and call no other host, on any page of any locale', async () => {
    const browser = await launch();
    const server = await serve(dist); // a plain static host: no Content-Security-Policy
    const origin = new URL(server.url).origin;
    const failures: string[] = [];
    try {
      const context = await browser.newContext();
      // Anything that reaches another host is recorded, then refused (the machine has no network anyway).
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (new URL(url).origin === origin || url.startsWith('data:')) return route.continue();
        failures.push(`a request to another host: ${url}`);
        return route.abort();
      });
      const page = await context.newPage();
      // The fixture's scripts and handlers call alert(): a dialog is a script that ran.
      page.on('dialog', (dialog) => {
        failures.push(`a dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      const htmlPages = pages.map((p) => p.file).filter((f) => f.endsWith('index.html') && !f.includes('/newsletter/'));
      expect(htmlPages.length).toBeGreaterThan(20);
      for (const file of htmlPages) {
        await page.goto(`${server.url}${file.replace(/index\.html$/, '')}`, { waitUntil: 'load' });
        if (page.frames().length > 1) failures.push(`${file}: ${page.frames().length - 1} frame(s)`);
      }
      await context.close();
    } finally {
      await browser.close();
      await server.close();
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
