/**
 * Head and hosting gate. Per page: exactly one non-empty title and meta
 * description, a canonical link, Open Graph title, description and image,
 * an icon link, `<html lang>`;
 * titles and descriptions unique among the indexable pages of one language.
 * Per site: sitemap-index.xml (whose sitemaps exist), robots.txt pointing to
 * it, a 404 page at the root and in every locale.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findAll, parseHtml, textOf, type Failure, type HtmlDocument, type Page } from './html.ts';

export interface HeadInfo {
  page: string;
  lang: string | undefined;
  titles: string[];
  descriptions: string[];
  canonicals: string[];
  og: Record<string, string[]>;
  icons: string[];
  noindex: boolean;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

export function headInfo(page: Pick<Page, 'page' | 'html'>, doc: HtmlDocument = parseHtml(page.html)): HeadInfo {
  const html = findAll(doc, (e) => e.name === 'html')[0];
  const head = findAll(doc, (e) => e.name === 'head')[0] ?? doc;
  const metas = findAll(head, (e) => e.name === 'meta');
  const og: Record<string, string[]> = {};
  for (const m of metas) {
    const property = m.attribs.property;
    if (property?.startsWith('og:')) (og[property] ??= []).push(clean(m.attribs.content ?? ''));
  }
  return {
    page: page.page,
    lang: html?.attribs.lang,
    // Only the document's own title: an SVG <title> in the body is not one.
    titles: findAll(head, (e) => e.name === 'title').map((t) => clean(textOf(t))),
    descriptions: metas.filter((m) => m.attribs.name?.toLowerCase() === 'description').map((m) => clean(m.attribs.content ?? '')),
    canonicals: findAll(head, (e) => e.name === 'link' && (e.attribs.rel ?? '').toLowerCase().split(/\s+/).includes('canonical')).map(
      (l) => l.attribs.href ?? '',
    ),
    og,
    icons: findAll(head, (e) => e.name === 'link' && (e.attribs.rel ?? '').toLowerCase().split(/\s+/).includes('icon')).map((l) => l.attribs.href ?? ''),
    noindex: metas.some((m) => m.attribs.name?.toLowerCase() === 'robots' && /noindex/i.test(m.attribs.content ?? '')),
  };
}

const isAbsolute = (v: string) => {
  try {
    return /^https?:$/.test(new URL(v).protocol);
  } catch {
    return false;
  }
};

/** A page that search engines never index: marked noindex, or a 404 page (served with status 404). */
export const isNotFoundPage = (page: string) => /(^|\/)404(\.html|\/)$/.test(page);

/** The problems of one page's head on its own. */
export function checkHeadInfo(h: HeadInfo): string[] {
  const problems: string[] = [];
  if (h.titles.length !== 1) problems.push(`has ${h.titles.length} <title> elements, expected exactly one`);
  else if (!h.titles[0]) problems.push('has an empty <title>');
  if (h.descriptions.length !== 1) problems.push(`has ${h.descriptions.length} meta descriptions, expected exactly one`);
  else if (!h.descriptions[0]) problems.push('has an empty meta description');
  if (h.canonicals.length !== 1) problems.push(`has ${h.canonicals.length} canonical links, expected exactly one`);
  else if (!isAbsolute(h.canonicals[0]!)) problems.push(`canonical link is not an absolute URL: "${h.canonicals[0]}"`);
  for (const property of ['og:title', 'og:description', 'og:image']) {
    const values = h.og[property] ?? [];
    if (values.length === 0 || values.every((v) => !v)) problems.push(`has no ${property}`);
    else if (values.length > 1) problems.push(`has ${values.length} ${property} tags`);
  }
  const image = h.og['og:image']?.[0];
  if (image && !isAbsolute(image)) problems.push(`og:image is not an absolute URL: "${image}"`);
  if (!h.lang) problems.push('has no <html lang>');
  // Without one, browsers ask for /favicon.ico, which the site does not have: a 404 in the console.
  if (!h.icons.some(Boolean)) problems.push('has no <link rel="icon">');
  return problems;
}

/** Titles and descriptions used by more than one indexable page of the same language. */
export function duplicates(infos: HeadInfo[]): Failure[] {
  const failures: Failure[] = [];
  const indexable = infos.filter((h) => !h.noindex && !isNotFoundPage(h.page));
  for (const [what, pick] of [
    ['title', (h: HeadInfo) => h.titles[0]],
    ['meta description', (h: HeadInfo) => h.descriptions[0]],
  ] as const) {
    const groups = new Map<string, string[]>();
    for (const h of indexable) {
      const value = pick(h);
      if (!value) continue;
      const key = `${h.lang ?? ''}\u0000${value}`;
      groups.set(key, [...(groups.get(key) ?? []), h.page]);
    }
    for (const [key, pages] of groups) {
      if (pages.length < 2) continue;
      const value = key.split('\u0000')[1];
      for (const page of pages) {
        const others = pages.filter((p) => p !== page);
        const shown = others.slice(0, 3).join(', ') + (others.length > 3 ? ` and ${others.length - 3} more` : '');
        failures.push({ page, reason: `${what} "${value}" is also used by ${shown}` });
      }
    }
  }
  return failures;
}

export function checkHeads(pages: Pick<Page, 'page' | 'html'>[]): Failure[] {
  const infos = pages.map((p) => headInfo(p));
  return [...infos.flatMap((h) => checkHeadInfo(h).map((reason) => ({ page: h.page, reason }))), ...duplicates(infos)];
}

export interface SiteOptions {
  /** Locale codes, the first path segment of their pages. */
  locales: readonly string[];
  /** The site's origin and base path, as the robots.txt and sitemaps must name them. */
  site: string;
  base?: string;
}

/** The site-level files: sitemap-index.xml, robots.txt, the 404 pages. */
export function checkSiteFiles(dist: string, options: SiteOptions): Failure[] {
  const base = options.base ?? '/';
  const root = new URL(base, options.site).href;
  const failures: Failure[] = [];
  const fail = (page: string, reason: string) => failures.push({ page, reason });
  const toFile = (loc: string) => (loc.startsWith(root) ? decodeURIComponent(loc.slice(root.length)) : undefined);

  const index = join(dist, 'sitemap-index.xml');
  if (!existsSync(index)) fail('/sitemap-index.xml', 'missing');
  else {
    const locs = [...readFileSync(index, 'utf8').matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => m[1]!);
    if (!locs.length) fail('/sitemap-index.xml', 'lists no sitemap');
    for (const loc of locs) {
      const file = toFile(loc);
      if (file === undefined) fail('/sitemap-index.xml', `lists ${loc}, which is not under ${root}`);
      else if (!existsSync(join(dist, file))) fail('/sitemap-index.xml', `lists ${loc}, but there is no ${file}`);
      else {
        // A sample of each sitemap's pages must exist (all of them: it is cheap).
        const pages = [...readFileSync(join(dist, file), 'utf8').matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => m[1]!);
        for (const page of pages) {
          const rel = toFile(page);
          if (rel === undefined) fail(`/${file}`, `lists ${page}, which is not under ${root}`);
          else if (!existsSync(join(dist, rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel))) fail(`/${file}`, `lists ${page}, which is not in the site`);
        }
      }
    }
  }

  const robots = join(dist, 'robots.txt');
  if (!existsSync(robots)) fail('/robots.txt', 'missing');
  else {
    const text = readFileSync(robots, 'utf8');
    const expected = new URL('sitemap-index.xml', root).href;
    const sitemaps = [...text.matchAll(/^\s*sitemap:\s*(\S+)/gim)].map((m) => m[1]);
    if (!sitemaps.includes(expected)) fail('/robots.txt', `does not point to ${expected} (Sitemap: ${sitemaps.join(', ') || 'none'})`);
    if (!/^\s*user-agent:/im.test(text)) fail('/robots.txt', 'has no User-agent line');
    if (/^\s*disallow:\s*\/\s*$/im.test(text)) fail('/robots.txt', 'disallows the whole site');
  }

  if (!existsSync(join(dist, '404.html'))) fail('/404.html', 'missing: hosts serve it for unknown addresses');
  for (const l of options.locales) {
    if (!existsSync(join(dist, l, '404', 'index.html')) && !existsSync(join(dist, l, '404.html'))) {
      fail(`/${l}/404/`, `missing: no 404 page for locale ${l}`);
    }
  }
  return failures;
}
