import { describe, expect, it } from 'vitest';
import { canonicalOf, pruneSitemap, sitemapUrls } from '../../src/lib/sitemap.ts';

const S = 'https://k.example';
const url = (loc: string, alternates: [string, string][]) =>
  `<url><loc>${S}${loc}</loc>${alternates.map(([l, h]) => `<xhtml:link rel="alternate" hreflang="${l}" href="${S}${h}"/>`).join('')}</url>`;
const xml = `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">${[
  url('/', [['en', '/'], ['bg', '/bg/'], ['en', '/en/']]),
  url('/bg/news/a/', [['bg', '/bg/news/a/'], ['en', '/en/news/a/']]),
  url('/en/news/a/', [['bg', '/bg/news/a/'], ['en', '/en/news/a/']]),
].join('')}</urlset>`;

describe('pruneSitemap', () => {
  const pruned = pruneSitemap(xml, { drop: new Set([`${S}/en/news/a/`]), xDefault: `${S}/` });
  it('leaves out the pages to drop and every alternate naming them', () => {
    expect(sitemapUrls(pruned)).toEqual([`${S}/`, `${S}/bg/news/a/`]);
    expect(pruned).not.toContain(`${S}/en/news/a/`);
    expect(pruned).toContain(`hreflang="bg" href="${S}/bg/news/a/"`);
  });
  it('makes the language picker the x-default instead of a second English page', () => {
    expect(pruned).toContain(`hreflang="x-default" href="${S}/"`);
    expect(pruned.match(/hreflang="en"/g)).toHaveLength(1);
  });
  it('changes nothing else', () => {
    expect(pruneSitemap(xml, { drop: new Set() })).toBe(xml);
  });
});

describe('canonicalOf', () => {
  it('reads the canonical link whatever the order of its attributes', () => {
    expect(canonicalOf('<head><link href="https://k.example/a/?x=1&amp;y=2" rel="canonical"></head>')).toBe('https://k.example/a/?x=1&y=2');
    expect(canonicalOf('<link rel="alternate" href="/x/"><link rel="canonical" href="/y/">')).toBe('/y/');
    expect(canonicalOf('<head></head>')).toBeUndefined();
  });
});
