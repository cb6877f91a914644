/**
 * The quality gates that read the built demo site's files: links, structured
 * data, heads, and the files a host needs (sitemap, robots.txt, 404 pages,
 * security headers). Every page of every locale.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { basePath, siteUrl } from '../../packages/klaster/src/lib/config.ts';
import { localeCodes } from '../../packages/klaster/src/lib/locales.ts';
import { checkHeads, checkSiteFiles } from '../gates/head.ts';
import { checkCaching, checkHeadersFile, checkNotFoundRules } from '../gates/hosting.ts';
import { readPages, type Page } from '../gates/html.ts';
import { checkJsonLd } from '../gates/jsonld.ts';
import { checkLinks } from '../gates/links.ts';
import { expectNoFailures } from './helpers/gate.ts';

const dist = inject('demoDist');
// The demo site is built with the environment's site and base (the defaults in CI).
const site = siteUrl();
const base = basePath();
let pages: Page[];

beforeAll(() => {
  pages = readPages(dist);
});

describe('the demo site, every page', () => {
  it('has pages to check', () => {
    expect(pages.length).toBeGreaterThan(400);
  });

  it('links only to files and fragments that exist (href, src, srcset, #id), inside the base path', () => {
    const started = performance.now();
    expectNoFailures('Links', checkLinks(dist, { base, site }), started);
  });

  it('has JSON-LD that parses and carries what each type needs', () => {
    const started = performance.now();
    expectNoFailures('JSON-LD', checkJsonLd(pages), started);
  });

  it('has one title and description each, unique in its language, a canonical link and Open Graph tags', () => {
    const started = performance.now();
    expectNoFailures('Head', checkHeads(pages), started);
  });

  it('has a sitemap index, robots.txt, 404 pages in every locale and security headers', () => {
    const started = performance.now();
    const samples = ['/', ...localeCodes.map((l) => `/${l}/`), ...localeCodes.map((l) => `/${l}/search/`)];
    expectNoFailures('Hosting', [...checkSiteFiles(dist, { locales: localeCodes, site, base }), ...checkHeadersFile(dist, samples)], started);
  });

  it("caches files named by their content for a year and revalidates the rest, and has each locale's not-found rules", () => {
    const started = performance.now();
    expectNoFailures('Caching and not-found rules', [...checkCaching(dist, base), ...checkNotFoundRules(dist, localeCodes, base)], started);
  });
});
