/** The head and hosting gates find planted faults, and pass a sound site. */
import { describe, expect, it } from 'vitest';
import { checkHeads, checkSiteFiles } from '../gates/head.ts';
import { checkCsp, checkHeadersFile, headersFor, parseHeadersFile, pathMatches } from '../gates/hosting.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { headersFile, securityHeaders } from '../../packages/klaster/src/integrations/headers.ts';
import { ROOT } from '../helpers/build.ts';
import { page, writeSite } from '../quality/helpers/site.ts';

describe('the head gate', () => {
  const en = { page: '/en/', html: page({ title: 'Home', description: 'The home page.' }) };
  const bg = { page: '/bg/', html: page({ title: 'Home', description: 'The home page.', lang: 'bg' }) };

  it('passes complete heads, the same title in two languages included', () => {
    expect(checkHeads([en, bg, { page: '/en/a/', html: page({ title: 'A', description: 'About A.' }) }])).toEqual([]);
  });

  it('finds a missing or doubled title, description, canonical and Open Graph tag', () => {
    const broken = `<!doctype html><html lang="en"><head><title>One</title><title>Two</title>
      <meta name="description" content=""><link rel="canonical" href="/en/x/">
      <meta property="og:title" content="x"></head><body><svg><title>not the page title</title></svg></body></html>`;
    expect(checkHeads([{ page: '/en/x/', html: broken }]).map((f) => f.reason)).toEqual([
      'has 2 <title> elements, expected exactly one',
      'has an empty meta description',
      'canonical link is not an absolute URL: "/en/x/"',
      'has no og:description',
      'has no og:image',
      'has no <link rel="icon">',
    ]);
    const bare = '<!doctype html><html><head></head><body></body></html>';
    expect(checkHeads([{ page: '/x/', html: bare }]).map((f) => f.reason)).toEqual([
      'has 0 <title> elements, expected exactly one',
      'has 0 meta descriptions, expected exactly one',
      'has 0 canonical links, expected exactly one',
      'has no og:title',
      'has no og:description',
      'has no og:image',
      'has no <html lang>',
      'has no <link rel="icon">',
    ]);
  });

  it('finds a title or description used twice in one language, but not on pages kept out of search engines', () => {
    const twin = { page: '/en/b/', html: page({ title: 'Home', description: 'Other.' }) };
    const noindex = { page: '/en/c/', html: page({ title: 'Home', description: 'The home page.', head: '<meta name="robots" content="noindex">' }) };
    const notFound = { page: '/en/404/', html: page({ title: 'Home', description: 'The home page.' }) };
    expect(checkHeads([en, bg, twin, noindex, notFound])).toEqual([
      { page: '/en/', reason: 'title "Home" is also used by /en/b/' },
      { page: '/en/b/', reason: 'title "Home" is also used by /en/' },
    ]);
  });
});

describe('the site files gate', () => {
  const sound = {
    'sitemap-index.xml': '<?xml version="1.0"?><sitemapindex><sitemap><loc>https://example.org/sub/sitemap-0.xml</loc></sitemap></sitemapindex>',
    'sitemap-0.xml': '<?xml version="1.0"?><urlset><url><loc>https://example.org/sub/en/</loc></url></urlset>',
    'robots.txt': 'User-agent: *\nAllow: /\n\nSitemap: https://example.org/sub/sitemap-index.xml\n',
    '404.html': page(),
    'en/index.html': page(),
    'en/404/index.html': page(),
    'bg/404.html': page(),
  };
  const options = { locales: ['en', 'bg'], site: 'https://example.org', base: '/sub/' };

  it('passes a site with its sitemap, robots.txt and 404 pages', () => {
    expect(checkSiteFiles(writeSite(sound), options)).toEqual([]);
  });

  it('finds each missing or wrong file', () => {
    const dist = writeSite({
      'sitemap-index.xml': '<sitemapindex><sitemap><loc>https://example.org/sub/sitemap-1.xml</loc></sitemap></sitemapindex>',
      'robots.txt': 'User-agent: *\nDisallow: /\nSitemap: https://example.org/sitemap-index.xml\n',
      'en/index.html': page(),
      'en/404/index.html': page(),
    });
    expect(checkSiteFiles(dist, options)).toEqual([
      { page: '/sitemap-index.xml', reason: 'lists https://example.org/sub/sitemap-1.xml, but there is no sitemap-1.xml' },
      { page: '/robots.txt', reason: 'does not point to https://example.org/sub/sitemap-index.xml (Sitemap: https://example.org/sitemap-index.xml)' },
      { page: '/robots.txt', reason: 'disallows the whole site' },
      { page: '/404.html', reason: 'missing: hosts serve it for unknown addresses' },
      { page: '/bg/404/', reason: 'missing: no 404 page for locale bg' },
    ]);
    expect(checkSiteFiles(writeSite({ 'x.html': page() }), options).map((f) => `${f.page} ${f.reason}`)).toEqual([
      '/sitemap-index.xml missing',
      '/robots.txt missing',
      '/404.html missing: hosts serve it for unknown addresses',
      '/en/404/ missing: no 404 page for locale en',
      '/bg/404/ missing: no 404 page for locale bg',
    ]);
  });

  it('finds a sitemap that lists a page the site does not have', () => {
    const dist = writeSite({ ...sound, 'sitemap-0.xml': '<urlset><url><loc>https://example.org/sub/en/gone/</loc></url></urlset>' });
    expect(checkSiteFiles(dist, options)).toEqual([{ page: '/sitemap-0.xml', reason: 'lists https://example.org/sub/en/gone/, which is not in the site' }]);
  });
});

describe('the security headers gate', () => {
  it('reads the _headers format and matches its paths', () => {
    const rules = parseHeadersFile('# comment\n/*\n  X-A: 1\n  X-B: two words\n/en/*\n  X-C: 3\n');
    expect(rules).toEqual([
      { path: '/*', headers: [['X-A', '1'], ['X-B', 'two words']] },
      { path: '/en/*', headers: [['X-C', '3']] },
    ]);
    expect(headersFor(rules, '/en/x/')).toEqual({ 'x-a': '1', 'x-b': 'two words', 'x-c': '3' });
    expect(headersFor(rules, '/bg/')).toEqual({ 'x-a': '1', 'x-b': 'two words' });
    expect(pathMatches('/:locale/news/*', '/bg/news/a/')).toBe(true);
    expect(pathMatches('/:locale/news/*', '/bg/events/a/')).toBe(false);
  });

  it("passes the site's own _headers", () => {
    expect(checkHeadersFile(writeSite({ _headers: headersFile() }))).toEqual([]);
  });

  it('finds a policy that lets inline scripts run, and missing headers', () => {
    expect(checkCsp("default-src 'self'; script-src 'self' 'unsafe-inline'; base-uri 'self'")).toEqual([
      "script-src allows 'unsafe-inline': inline scripts would run",
    ]);
    expect(checkCsp("img-src 'self'")).toEqual(['Content-Security-Policy has neither script-src nor default-src: any script may run']);
    expect(checkCsp("default-src *; object-src 'none'; base-uri 'none'")).toEqual([
      'default-src allows *: scripts from anywhere',
      "default-src does not name 'self'",
    ]);
    const dist = writeSite({ _headers: "/*\n  Content-Security-Policy: script-src 'self' 'unsafe-eval'; object-src 'none'; base-uri 'self'\n" });
    expect(checkHeadersFile(dist, ['/']).map((f) => f.reason)).toEqual([
      "_headers: script-src allows 'unsafe-eval'",
      '_headers: no X-Content-Type-Options: nosniff',
      '_headers: Referrer-Policy missing or leaky (none)',
      '_headers: no Permissions-Policy',
    ]);
    expect(checkHeadersFile(writeSite({ 'index.html': page() }))).toEqual([{ page: '/_headers', reason: 'missing: static hosts get no Content-Security-Policy' }]);
  });
});

describe('docs/hosting.md', () => {
  it('gives the same headers as the _headers file the build writes', () => {
    const doc = readFileSync(join(ROOT, 'packages/klaster/docs/hosting.md'), 'utf8');
    for (const [name, value] of Object.entries(securityHeaders)) {
      expect(doc, name).toContain(`| \`${name}\` | \`${value}\` |`);
      expect(doc, `nginx ${name}`).toContain(`add_header ${name} "${value}" always;`);
      expect(doc, `Apache ${name}`).toContain(`Header always set ${name} "${value}"`);
    }
  });
});
