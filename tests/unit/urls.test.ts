import { describe, expect, it } from 'vitest';
import { paths, switchLocale, withBase } from '../../packages/klaster/src/lib/urls.ts';
import { basePath, contentRoot, siteUrl } from '../../packages/klaster/src/lib/config.ts';
import { formatDate, formatMoney, formatPercent } from '../../packages/klaster/src/lib/format.ts';
import { zonedIso } from '../../packages/klaster/src/lib/time.ts';
import { contrastRatio } from '../../packages/klaster/src/lib/colour.ts';

describe('addresses', () => {
  it('follow the public contract', () => {
    expect(paths.product('bg', 'x')).toBe('/bg/products/x/');
    expect(paths.member('sr', 'x')).toBe('/sr/members/x/');
    expect(paths.catalogue('ro')).toBe('/ro/catalogue/');
  });
  it('carry the base path', () => {
    expect(withBase('/en/', '/')).toBe('/en/');
    expect(withBase('/en/news/a/', '/sub/path/')).toBe('/sub/path/en/news/a/');
  });
  it('switch locale keeping the page', () => {
    expect(switchLocale('/en/products/x/', 'en', 'bg')).toBe('/bg/products/x/');
    expect(switchLocale('/404/', 'en', 'bg')).toBe('/bg/');
  });
});

describe('configuration', () => {
  it('has defaults and normalises the base path', () => {
    expect(basePath({})).toBe('/');
    expect(basePath({ KLASTER_BASE: 'sub/path' })).toBe('/sub/path/');
    expect(basePath({ KLASTER_BASE: '/sub/' })).toBe('/sub/');
    expect(siteUrl({})).toBe('https://klaster.example');
    expect(siteUrl({ KLASTER_SITE: 'https://clusters.example.org/x' })).toBe('https://clusters.example.org');
    expect(contentRoot({ KLASTER_CONTENT: '/tmp/c' })).toBe('/tmp/c');
    expect(contentRoot({}, '/repo')).toBe('/repo/content');
  });
});

describe('formats', () => {
  it('dates and money follow the locale', () => {
    expect(formatDate('2012-01-27', 'en')).toBe('27 January 2012');
    expect(formatDate('2012-01-27', 'bg')).toBe('27 януари 2012 г.');
    expect(formatMoney(250000, 'EUR', 'ro')).toMatch(/^250\.000\s(EUR|€)$/);
    expect(formatMoney(250000, 'EUR', 'en')).toBe('€250,000');
    expect(formatPercent(95, 'en')).toBe('95%');
    expect(formatPercent(95, 'ro')).toMatch(/^95\s%$/);
  });
  it('event times carry their zone offset, summer and winter', () => {
    expect(zonedIso('2012-09-04T09:30', 'Europe/Sofia')).toBe('2012-09-04T09:30:00+03:00');
    expect(zonedIso('2013-01-15T10:00', 'Europe/Belgrade')).toBe('2013-01-15T10:00:00+01:00');
    expect(zonedIso('2013-01-15', 'Europe/Belgrade')).toBe('2013-01-15');
  });
  it('contrast follows WCAG', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
  });
});
