/**
 * Links gate: every internal href, src, srcset candidate and #fragment in
 * every HTML page of a built site resolves to a file of that site (and a
 * fragment to an element id on the target page), under the base path.
 * Links to other origins and non-HTTP schemes (mailto:, tel:, data:) are
 * not followed; links to the site's own origin (canonical, Open Graph
 * image) are checked like relative ones.
 */
import { attr, describe, findAll, listFiles, parseHtml, readPages, shorten, sitePathOf, type Failure, type HtmlElement } from './html.ts';

export interface LinkOptions {
  /** The base path the site is served under: `/` or `/sub/path/`. */
  base?: string;
  /** The site's public origin: absolute links to it count as internal. */
  site?: string;
}

/** Which attributes of which elements hold a URL. */
const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  script: ['src'],
  iframe: ['src'],
  embed: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  track: ['src'],
  input: ['src'],
  object: ['data'],
  form: ['action'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
};

/** Meta tags whose content is a URL of the site. */
const URL_META = new Set(['og:image', 'og:url', 'twitter:image']);

/** The URLs of a srcset attribute, following the HTML standard's parsing (URLs may hold commas). */
export function srcsetUrls(value: string): string[] {
  const urls: string[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && /[\s,]/.test(value[i]!)) i++;
    if (i >= value.length) break;
    const start = i;
    while (i < value.length && !/\s/.test(value[i]!)) i++;
    let url = value.slice(start, i);
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      let depth = 0;
      while (i < value.length) {
        const c = value[i++];
        if (c === '(') depth++;
        else if (c === ')') depth = Math.max(0, depth - 1);
        else if (c === ',' && depth === 0) break;
      }
    }
    if (url) urls.push(url);
  }
  return urls;
}

interface Ref {
  el: HtmlElement;
  attribute: string;
  value: string;
}

function refsOf(el: HtmlElement): Ref[] {
  const refs: Ref[] = [];
  for (const attribute of URL_ATTRIBUTES[el.name] ?? []) {
    const value = attr(el, attribute);
    if (value === undefined) continue;
    if (attribute === 'srcset') for (const url of srcsetUrls(value)) refs.push({ el, attribute, value: url });
    else refs.push({ el, attribute, value });
  }
  if (el.name === 'meta') {
    const property = attr(el, 'property') ?? attr(el, 'name');
    const content = attr(el, 'content');
    if (property && URL_META.has(property) && content) refs.push({ el, attribute: 'content', value: content });
  }
  return refs;
}

const normaliseBase = (base: string) => `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

/** The file of the site a path (without the base) is served from, or undefined. */
function fileFor(rel: string, files: Set<string>): string | undefined {
  if (rel === '' || rel.endsWith('/')) return files.has(`${rel}index.html`) ? `${rel}index.html` : undefined;
  if (files.has(rel)) return rel;
  if (files.has(`${rel}/index.html`)) return `${rel}/index.html`;
  return undefined;
}

export function checkLinks(dist: string, options: LinkOptions = {}): Failure[] {
  const base = normaliseBase(options.base ?? '/');
  const origin = new URL(options.site ?? 'http://site.invalid').origin;
  const files = new Set(listFiles(dist));
  const pages = readPages(dist).map((p) => ({ ...p, doc: parseHtml(p.html) }));

  // Every id (and old-style <a name>) of every page, for fragments.
  const ids = new Map<string, Set<string>>();
  for (const p of pages) {
    const set = new Set<string>();
    for (const el of findAll(p.doc, (e) => e.attribs.id !== undefined || (e.name === 'a' && e.attribs.name !== undefined))) {
      if (el.attribs.id !== undefined) set.add(el.attribs.id);
      if (el.name === 'a' && el.attribs.name !== undefined) set.add(el.attribs.name);
    }
    ids.set(p.file, set);
  }

  const failures: Failure[] = [];
  for (const p of pages) {
    const pageUrl = new URL(`${base}${p.page.slice(1)}`, origin);
    const reasons = new Set<string>();
    // <base href> changes how relative links resolve.
    const baseEl = findAll(p.doc, (e) => e.name === 'base' && e.attribs.href !== undefined)[0];
    const resolveFrom = baseEl ? new URL(baseEl.attribs.href!, pageUrl) : pageUrl;
    for (const el of findAll(p.doc, (e) => e.name in URL_ATTRIBUTES || e.name === 'meta')) {
      for (const ref of refsOf(el)) {
        const raw = ref.value.trim();
        const what =
          ref.attribute === 'srcset'
            ? `<${el.name} srcset="… ${shorten(raw)} …">`
            : ref.attribute === 'content'
              ? `<meta ${attr(el, 'property') !== undefined ? 'property' : 'name'}="${attr(el, 'property') ?? attr(el, 'name')}" content="${shorten(raw)}">`
              : describe(el, ref.attribute);
        if (raw === '' || raw === '#') continue; // the page itself
        const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1]?.toLowerCase();
        if (scheme && scheme !== 'http' && scheme !== 'https') continue; // mailto:, tel:, data:...
        let url: URL;
        try {
          url = new URL(raw, resolveFrom);
        } catch {
          reasons.add(`${what}: not a valid URL`);
          continue;
        }
        if (url.origin !== origin) continue; // another site
        const pathname = url.pathname === base.slice(0, -1) ? base : url.pathname;
        if (!pathname.startsWith(base)) {
          reasons.add(`${what}: ${pathname} is outside the base path ${base}`);
          continue;
        }
        let rel: string;
        try {
          rel = decodeURIComponent(pathname.slice(base.length));
        } catch {
          reasons.add(`${what}: badly encoded path ${pathname}`);
          continue;
        }
        const target = fileFor(rel, files);
        if (!target) {
          reasons.add(`${what}: no such file in the site (${shorten(rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel)})`);
          continue;
        }
        const fragment = url.hash.slice(1);
        if (!fragment || !target.endsWith('.html')) continue;
        let id: string;
        try {
          id = decodeURIComponent(fragment);
        } catch {
          id = fragment;
        }
        if (id === 'top' || ids.get(target)?.has(id)) continue;
        reasons.add(`${what}: no element with id "${id}" on ${target === p.file ? 'this page' : sitePathOf(target)}`);
      }
    }
    for (const reason of reasons) failures.push({ page: p.page, reason });
  }
  return failures;
}
