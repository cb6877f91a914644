import { describe, expect, it } from 'vitest';
import { alternateKey, alternatesOf, canonicalOf, sitemapUrls, writeAlternates, type SitemapLocales } from '../../packages/klaster/src/lib/sitemap.ts';

const S = 'https://k.example';
const locales: SitemapLocales = { root: `${S}/`, defaultLocale: 'en', hreflang: { en: 'en', bg: 'bg', sr: 'sr-Cyrl', 'sr-latn': 'sr-Latn' } };
// The sitemap @astrojs/sitemap writes without its i18n option: addresses only.
const plain = (locs: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">${locs
    .map((l) => `<url><loc>${S}${l}</loc></url>`)
    .join('')}</urlset>`;
const links = (xml: string, loc: string) => {
  const block = new RegExp(`<url><loc>${S}${loc}</loc>(.*?)</url>`).exec(xml)?.[1] ?? '';
  return [...block.matchAll(/hreflang="([^"]*)" href="([^"]*)"/g)].map(([, lang, href]) => `${lang} ${href.slice(S.length)}`);
};

describe('alternateKey', () => {
  it('groups a page with its translations by the path after the locale', () => {
    expect(alternateKey(`${S}/bg/news/a/`, locales)).toEqual({ key: '/news/a/', lang: 'bg' });
    expect(alternateKey(`${S}/sr-latn/news/a/`, locales)).toEqual({ key: '/news/a/', lang: 'sr-Latn' });
    expect(alternateKey(`${S}/sr/`, locales)).toEqual({ key: '/', lang: 'sr-Cyrl' });
  });
  it('makes the root language picker the x-default of the home pages', () => {
    expect(alternateKey(`${S}/`, locales)).toEqual({ key: '/', lang: 'x-default' });
  });
  it('works under a base path and leaves addresses outside it alone', () => {
    const sub = { ...locales, root: `${S}/sub/` };
    expect(alternateKey(`${S}/sub/bg/a/`, sub)).toEqual({ key: '/a/', lang: 'bg' });
    expect(alternateKey(`${S}/sub/`, sub)).toEqual({ key: '/', lang: 'x-default' });
    expect(alternateKey(`${S}/other/`, sub)).toBeUndefined();
  });
});

describe('alternatesOf and writeAlternates', () => {
  const locs = ['/', '/bg/', '/bg/news/a/', '/bg/news/b/', '/en/', '/en/news/a/', '/sr-latn/news/a/', '/sr/news/a/'];
  const xml = plain(locs);
  const drop = new Set([`${S}/en/news/a/`]);
  const kept = sitemapUrls(xml).filter((u) => !drop.has(u));
  const written = writeAlternates(xml, { drop, alternates: alternatesOf(kept, locales) });

  it('lists every translation of a page, itself included, in the sitemap order, the same on each of them', () => {
    const expected = ['bg /bg/news/a/', 'sr-Latn /sr-latn/news/a/', 'sr-Cyrl /sr/news/a/'];
    for (const loc of ['/bg/news/a/', '/sr/news/a/', '/sr-latn/news/a/']) expect(links(written, loc)).toEqual(expected);
  });
  it('leaves out the pages to drop and never names them', () => {
    expect(sitemapUrls(written)).toEqual(locs.filter((l) => l !== '/en/news/a/').map((l) => `${S}${l}`));
    expect(written).not.toContain(`${S}/en/news/a/`);
  });
  it('gives the home pages the language picker as x-default', () => {
    for (const loc of ['/', '/bg/', '/en/']) expect(links(written, loc)).toEqual(['x-default /', 'bg /bg/', 'en /en/']);
  });
  it('writes no alternates for a page without translations', () => {
    expect(links(written, '/bg/news/b/')).toEqual([]);
    expect(writeAlternates(plain(['/bg/news/b/']), { drop: new Set(), alternates: alternatesOf([`${S}/bg/news/b/`], locales) })).toBe(plain(['/bg/news/b/']));
  });
  it('escapes addresses as XML', () => {
    const odd = [`${S}/bg/a&b/`, `${S}/en/a&b/`];
    const out = writeAlternates(`<urlset><url><loc>${S}/bg/a&amp;b/</loc></url></urlset>`, { drop: new Set(), alternates: alternatesOf(odd, locales) });
    expect(out).toContain(`href="${S}/en/a&amp;b/"`);
    expect(out).not.toContain('a&b');
  });
});

describe('canonicalOf', () => {
  it('reads the canonical link whatever the order of its attributes', () => {
    expect(canonicalOf('<head><link href="https://k.example/a/?x=1&amp;y=2" rel="canonical"></head>')).toBe('https://k.example/a/?x=1&y=2');
    expect(canonicalOf('<link rel="alternate" href="/x/"><link rel="canonical" href="/y/">')).toBe('/y/');
    expect(canonicalOf('<head></head>')).toBeUndefined();
  });
});
