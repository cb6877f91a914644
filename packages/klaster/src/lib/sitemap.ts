/**
 * The language alternates of the sitemap, added to the one @astrojs/sitemap
 * writes (without its i18n option: for every distinct path it scanned every
 * address of the site, about a billion comparisons and 28 s at 74,000 pages).
 * Here the addresses are grouped by their path after the locale once:
 * - a page showing another locale's text (its canonical link points at the
 *   original) is not a translation: it leaves the sitemap and names no one;
 * - the root language picker is the x-default of the home pages.
 * The sitemap's XML is the plugin's own, one element per tag, so plain
 * matching of its elements is enough.
 */

import { escapeHtml } from './escape.ts';

export interface SitemapLocales {
  /** The site's root address with the base, e.g. https://k.example/sub/. */
  root: string;
  defaultLocale: string;
  /** hreflang of each locale code, e.g. { sr: 'sr-Cyrl' }. */
  hreflang: Readonly<Record<string, string>>;
}

export interface Alternate {
  lang: string;
  url: string;
}

/** The path a page shares with its translations, and its hreflang. */
export function alternateKey(url: string, locales: SitemapLocales): { key: string; lang: string } | undefined {
  if (!url.startsWith(locales.root)) return undefined;
  const rest = url.slice(locales.root.length);
  if (rest === '') return { key: '/', lang: 'x-default' };
  const slash = rest.indexOf('/');
  const first = slash < 0 ? rest : rest.slice(0, slash);
  if (Object.hasOwn(locales.hreflang, first)) return { key: slash < 0 ? '/' : rest.slice(slash) || '/', lang: locales.hreflang[first]! };
  return { key: `/${rest}`, lang: locales.hreflang[locales.defaultLocale]! };
}

/** Each address's alternates (itself included, in the order given), for addresses with at least one other. */
export function alternatesOf(urls: Iterable<string>, locales: SitemapLocales): Map<string, Alternate[]> {
  const groups = new Map<string, Alternate[]>();
  const of = new Map<string, Alternate[]>();
  for (const url of urls) {
    const parsed = alternateKey(url, locales);
    if (!parsed) continue;
    let group = groups.get(parsed.key);
    if (!group) groups.set(parsed.key, (group = []));
    group.push({ lang: parsed.lang, url });
    of.set(url, group);
  }
  for (const [url, group] of of) if (group.length < 2) of.delete(url);
  return of;
}

/** The sitemap without the pages to drop, each page followed by its alternates. */
export function writeAlternates(xml: string, options: { drop: ReadonlySet<string>; alternates: ReadonlyMap<string, readonly Alternate[]> }): string {
  const { drop, alternates } = options;
  return xml.replace(/<url>\s*<loc>([^<]*)<\/loc>[\s\S]*?<\/url>/g, (block, loc: string) => {
    const url = decode(loc);
    if (drop.has(url)) return '';
    const links = alternates.get(url);
    if (!links) return block;
    const tags = links.map((a) => `<xhtml:link rel="alternate" hreflang="${escapeHtml(a.lang)}" href="${escapeHtml(a.url)}"/>`).join('');
    return block.replace(/<\/loc>/, `</loc>${tags}`);
  });
}

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");

/** The <loc> of every <url> of a sitemap. */
export function sitemapUrls(xml: string): string[] {
  return [...xml.matchAll(/<url>\s*<loc>([^<]*)<\/loc>/g)].map((m) => decode(m[1]));
}

/** The canonical address a page's HTML names, if any. */
export function canonicalOf(html: string): string | undefined {
  const tag = /<link\b[^>]*\brel="canonical"[^>]*>/.exec(html)?.[0];
  const href = tag && /\shref="([^"]*)"/.exec(tag)?.[1];
  return href === undefined ? undefined : decode(href);
}
