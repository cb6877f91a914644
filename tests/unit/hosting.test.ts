/**
 * The files the build writes for hosts (src/integrations/headers.ts) and the
 * nginx configuration of `klaster nginx` (src/lib/nginx.ts): caching that
 * never gives an address two Cache-Control values, each locale's not-found
 * page, the base path; and the gates that check them find planted faults.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  copyLocaleNotFoundPages,
  headersFile,
  IMMUTABLE,
  redirectsFile,
  REVALIDATE,
  securityHeaders,
  writeHostingFiles,
} from '../../packages/klaster/src/integrations/headers.ts';
import { nginxConfig } from '../../packages/klaster/src/lib/nginx.ts';
import { checkCaching, checkHeadersFile, checkNotFoundRules, headersFor, parseHeadersFile } from '../gates/hosting.ts';
import { page, writeSite } from '../quality/helpers/site.ts';

const locales = ['en', 'bg', 'sr-latn'];

/** A built site in miniature: pages, hashed assets, Pagefind's files, each locale's not-found page. */
const site = () =>
  writeSite({
    'index.html': page(),
    '404.html': page(),
    'robots.txt': 'User-agent: *\n',
    'klaster/theme.css': ':root{}',
    '_astro/global.BKut0TZe.css': 'body{}',
    '_astro/front.z7HF177p_Z4kGQM.avif': 'x',
    'pagefind/pagefind.js': '',
    'pagefind/pagefind-entry.json': '{}',
    'pagefind/pagefind.en_e120fb8b79.pf_meta': '',
    'pagefind/index/en_1234.pf_index': '',
    'pagefind/fragment/en_1234.pf_fragment': '',
    'pagefind/filter/en_1234.pf_filter': '',
    ...Object.fromEntries(
      locales.flatMap((l) => [
        [`${l}/index.html`, page({ lang: l })],
        [`${l}/404/index.html`, page({ lang: l, title: `404 ${l}` })],
        [`${l}/products/a/index.html`, page({ lang: l })],
        [`${l}/catalogue/filters.json`, '{}'],
      ]),
    ),
  });

describe('_headers', () => {
  const rules = parseHeadersFile(headersFile({ locales }));

  it('gives every address the security headers', () => {
    for (const path of ['/', '/en/', '/bg/products/a/', '/_astro/x.css', '/pagefind/pagefind.js', '/nowhere']) {
      const headers = headersFor(rules, path);
      for (const [name, value] of Object.entries(securityHeaders)) expect(headers[name.toLowerCase()], `${path} ${name}`).toBe(value);
    }
  });

  it('keeps files named by their content for a year and revalidates pages, one value each', () => {
    const cache = (path: string) => headersFor(rules, path)['cache-control'];
    for (const path of [
      '/_astro/global.BKut0TZe.css',
      '/_astro/front.z7HF177p_Z4kGQM.avif',
      '/pagefind/fragment/en_1.pf_fragment',
      '/pagefind/index/en_1.pf_index',
      '/pagefind/filter/en_1.pf_filter',
    ]) {
      expect(cache(path), path).toBe(IMMUTABLE);
    }
    for (const path of ['/', '/404.html', '/en/', '/bg/products/a/', '/sr-latn/404.html', '/en/catalogue/filters.json', '/01/3800123456015/'])
      expect(cache(path), path).toBe(REVALIDATE);
    // Names that stay the same get the host's default (revalidation on Netlify and Cloudflare Pages).
    for (const path of ['/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/klaster/theme.css']) expect(cache(path), path).toBeUndefined();
  });

  it('puts every rule but the security headers under the base path', () => {
    const text = headersFile({ base: '/sub/', locales });
    const paths = parseHeadersFile(text).map((r) => r.path);
    expect(paths).toEqual([
      '/*',
      '/sub/_astro/*',
      '/sub/pagefind/index/*',
      '/sub/pagefind/fragment/*',
      '/sub/pagefind/filter/*',
      '/sub/',
      '/sub/404.html',
      '/sub/en/*',
      '/sub/bg/*',
      '/sub/sr-latn/*',
      '/sub/01/*',
    ]);
    expect(headersFor(parseHeadersFile(text), '/sub/_astro/a.css')['cache-control']).toBe(IMMUTABLE);
    expect(headersFor(parseHeadersFile(text), '/sub/bg/')['cache-control']).toBe(REVALIDATE);
  });
});

describe('_redirects', () => {
  it("sends each locale's unknown addresses to its not-found page, then the rest to the root's", () => {
    expect(redirectsFile({ locales })).toBe(
      [
        '# Written by the build: the not-found page of each language for unknown addresses (Netlify).',
        '/en/*       /en/404/  404',
        '/bg/*       /bg/404/  404',
        '/sr-latn/*  /sr-latn/404/  404',
        '/*          /404.html  404',
        '',
      ].join('\n'),
    );
  });

  it('honours the base path', () => {
    const lines = redirectsFile({ base: '/clusters/', locales: ['en', 'bg'] })
      .split('\n')
      .slice(1, -1);
    expect(lines).toEqual(['/clusters/en/*  /clusters/en/404/  404', '/clusters/bg/*  /clusters/bg/404/  404', '/clusters/*     /clusters/404.html  404']);
  });
});

describe('the files written into a built site', () => {
  it("copies each locale's not-found page to <locale>/404.html for Cloudflare Pages", () => {
    const dist = site();
    expect(copyLocaleNotFoundPages(dist, [...locales, 'ro'])).toBe(3);
    for (const l of locales) expect(readFileSync(join(dist, l, '404.html'), 'utf8')).toBe(readFileSync(join(dist, l, '404', 'index.html'), 'utf8'));
    expect(existsSync(join(dist, 'ro', '404.html'))).toBe(false);
  });

  it('pass the hosting gates, which find overlapping caching rules and missing not-found rules', () => {
    const dist = site();
    writeHostingFiles(dist, { locales });
    expect(checkHeadersFile(dist, ['/', '/en/'])).toEqual([]);
    expect(checkCaching(dist)).toEqual([]);
    expect(checkNotFoundRules(dist, locales)).toEqual([]);

    const bad = site();
    // A catch-all Cache-Control that hosts would join with the hashed folder's.
    const overlapping = `${headersFile({ locales })}/*\n  Cache-Control: no-cache\n`;
    writeHostingFiles(bad, { locales: ['en'] });
    writeFileSync(join(bad, '_headers'), overlapping);
    writeFileSync(join(bad, '_redirects'), '/*  /404.html  404\n/en/*  /en/404/  404\n/bg/*  /bg/missing/  404\n');
    const caching = checkCaching(bad).map((f) => `${f.page} ${f.reason}`);
    expect(caching).toContain(
      '/_astro/global.BKut0TZe.css _headers: a file named by its content should be cached for a year (immutable); Cache-Control is public, max-age=31536000, immutable, no-cache',
    );
    expect(caching).toContain('/klaster/theme.css _headers: Cache-Control is "no-cache"; a file that keeps its name must be revalidated');
    expect(checkNotFoundRules(bad, locales).map((f) => f.reason)).toEqual([
      '/* comes before /en/*, which then never applies',
      '/bg/* goes to /bg/missing/, which is not in the site',
      'missing: Cloudflare Pages serves the root not-found page under this locale',
      'no rule for /sr-latn/*',
      'missing: Cloudflare Pages serves the root not-found page under this locale',
    ]);
  });
});

describe('the nginx configuration', () => {
  const conf = nginxConfig({ root: '/srv/site/dist/', base: '/sub/', locales, listen: '127.0.0.1:8080', serverName: 'cluster.example.org' });

  it('sets the security headers at the server level, on error responses too, and nowhere else', () => {
    for (const [name, value] of Object.entries(securityHeaders)) expect(conf).toContain(`    add_header ${name} "${value}" always;`);
    expect(conf).toContain('    add_header Cache-Control $klaster_cache_control always;');
    // A location with an add_header of its own would drop the server's.
    const locations = conf.split('\n    location ').slice(1);
    for (const location of locations) expect(location).not.toContain('add_header');
  });

  it('caches the hashed folders for a year and revalidates the rest', () => {
    expect(conf).toContain(`    default "${REVALIDATE}";`);
    for (const folder of ['_astro', 'pagefind/index', 'pagefind/fragment', 'pagefind/filter']) expect(conf).toContain(`    ~^/sub/${folder}/ "${IMMUTABLE}";`);
  });

  it("serves the site under its base path, with each locale's not-found page", () => {
    expect(conf).toContain('    listen 127.0.0.1:8080;\n    server_name cluster.example.org;');
    expect(conf).toContain('    location /sub/ {\n        alias /srv/site/dist/;\n    }');
    expect(conf).toContain('    location = /sub { return 301 /sub/; }');
    expect(conf).toContain('    error_page 404 /sub/404.html;');
    for (const l of locales)
      expect(conf).toContain(`    location /sub/${l}/ {\n        alias /srv/site/dist/${l}/;\n        error_page 404 /sub/${l}/404/index.html;\n    }`);
    expect(conf).toContain('gzip on;');
    expect(conf).not.toContain('brotli');
  });

  it('at the root: no catch-all outside the base; brotli on request', () => {
    const root = nginxConfig({ root: '/srv/dist', base: '/', locales: ['en'], brotli: true });
    expect(root).toContain('    listen 80;\n    server_name _;');
    expect(root).toContain('    location / {\n        alias /srv/dist/;\n    }');
    expect(root).not.toContain('return 404');
    expect(root).toContain('    location /en/ {\n        alias /srv/dist/en/;\n        error_page 404 /en/404/index.html;\n    }');
    expect(root).toContain('    brotli on;');
  });
});
