/**
 * The rules of sharded builds (packages/klaster/src/lib/shards.ts): how the
 * locales are split, and what `klaster merge` refuses (a missing shard, two
 * shards writing different bytes to one path, a shard writing a locale it
 * was not given, shards of other content) and merges (the sitemap, with
 * language alternates across shards; Pagefind's list of languages). The
 * merge of real shards into a site equal to the single build is
 * tests/build/shards.test.ts.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST, mergeShards, mergeSitemaps, parseShard, shardLocales, ShardMergeError, type ShardManifest } from '../../packages/klaster/src/lib/shards.ts';
import { shardOption } from '../../packages/klaster/src/lib/shard-build.ts';
import { builtLocalesFrom } from '../../packages/klaster/src/lib/locales.ts';
import { missingPages } from '../../packages/klaster/src/astro-internals/guard.ts';
import { tempDir } from '../helpers/build.ts';

const LOCALES = ['en', 'bg', 'sr', 'sr-latn', 'ro', 'es', 'fr'];
const ROOT = 'https://k.example/';
const hreflang = { en: 'en', bg: 'bg', sr: 'sr-Cyrl', 'sr-latn': 'sr-Latn', ro: 'ro', es: 'es', fr: 'fr' };

const URLSET = '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">';
const sitemap = (urls: string[]) => `${URLSET}${urls.map((u) => `<url><loc>${ROOT}${u}</loc></url>`).join('')}</urlset>`;
const INDEX = `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${ROOT}sitemap-0.xml</loc></sitemap></sitemapindex>`;

/** A shard's output: its manifest and files. */
function shard(manifest: Partial<ShardManifest> & { locales: string[] }, files: Record<string, string>): string {
  const dir = tempDir('shard');
  const full: ShardManifest = {
    siteLocales: LOCALES,
    root: ROOT,
    defaultLocale: 'en',
    hreflang,
    report: { ids: { products: ['oak'] }, images: 0 },
    ...manifest,
  };
  for (const [path, text] of Object.entries({ ...files, [MANIFEST]: JSON.stringify(full) })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The pages a shard of `locales` writes for the one product, and the shared ones. */
function shardOf(n: number, of: number, extra: Record<string, string> = {}): string {
  const locales = shardLocales(LOCALES, n, of);
  const files: Record<string, string> = {
    'index.html': '<!doctype html><title>Languages</title>',
    '_astro/site.abc123.css': 'body{}',
    'sitemap-index.xml': INDEX,
    'sitemap-0.xml': sitemap(['', ...locales.flatMap((l) => [`${l}/`, `${l}/products/oak/`])]),
    'pagefind/pagefind-entry.json': JSON.stringify({
      version: '1.4.0',
      languages: Object.fromEntries(locales.map((l) => [hreflang[l as keyof typeof hreflang], { hash: l }])),
    }),
  };
  for (const l of locales) {
    files[`${l}/index.html`] = `<!doctype html><html lang="${l}">`;
    files[`${l}/products/oak/index.html`] = `<!doctype html><html lang="${l}"><h1>Oak</h1>`;
  }
  return shard({ shard: n, of, locales }, { ...files, ...extra });
}

function mergeError(dirs: string[]): string[] {
  try {
    mergeShards(dirs, join(tempDir('merged'), 'dist'));
  } catch (e) {
    if (e instanceof ShardMergeError) return e.problems;
    throw e;
  }
  return [];
}

describe('splitting the locales', () => {
  it('gives each shard a run of the locales in the site order, as even as can be', () => {
    expect([1, 2].map((i) => shardLocales(LOCALES, i, 2))).toEqual([
      ['en', 'bg', 'sr'],
      ['sr-latn', 'ro', 'es', 'fr'],
    ]);
    expect([1, 2, 3].map((i) => shardLocales(LOCALES, i, 3)).flat()).toEqual(LOCALES);
    expect(LOCALES.map((_, i) => shardLocales(LOCALES, i + 1, 7))).toEqual(LOCALES.map((l) => [l]));
    expect(() => shardLocales(LOCALES, 1, 8)).toThrow('at most 7 shards');
  });

  it('reads --shard and --locales, and says what is wrong with them', () => {
    expect(parseShard('2/3')).toEqual({ shard: 2, of: 3 });
    expect(parseShard('0/3')).toMatch('from 1 to 3');
    expect(parseShard('4/3')).toMatch('from 1 to 3');
    expect(parseShard('two')).toMatch('--shard takes <i>/<n>');
    expect(shardOption(['node', 'klaster', '--shard', '1/2', '--force'], LOCALES)).toEqual({
      name: '1',
      shard: 1,
      of: 2,
      locales: ['en', 'bg', 'sr'],
      rest: ['--force'],
    });
    expect(shardOption(['node', 'klaster', '--locales=fr,en'], LOCALES)).toEqual({ name: 'en-fr', locales: ['en', 'fr'], rest: [] });
    expect(shardOption(['node', 'klaster', '--locales', 'en,de'], LOCALES)).toMatch('--locales names "de", not a locale of the site');
    expect(shardOption(['node', 'klaster', '--shard', '1/2', '--locales', 'en'], LOCALES)).toMatch('not both');
    expect(shardOption(['node', 'klaster', '--force'], LOCALES)).toBeUndefined();
    expect(builtLocalesFrom(undefined, LOCALES)).toEqual(LOCALES);
    expect(builtLocalesFrom('ro, en', LOCALES)).toEqual(['en', 'ro']);
  });

  it("makes the build's guard count only the shard's locales", () => {
    const dir = shardOf(1, 2);
    const report = { ids: { products: ['oak'] }, images: 0 };
    expect(missingPages(report, dir, shardLocales(LOCALES, 1, 2))).toEqual({ expected: 3, missing: [] });
    expect(missingPages(report, dir, LOCALES).missing).toEqual(['/sr-latn/products/oak/', '/ro/products/oak/', '/es/products/oak/', '/fr/products/oak/']);
  });
});

describe('merging shards', () => {
  it('puts the pages of every shard into one site, shared files once', () => {
    const out = join(tempDir('merged'), 'dist');
    const result = mergeShards([shardOf(2, 2), shardOf(1, 2)], out);
    for (const l of LOCALES) expect(existsSync(join(out, l, 'products/oak/index.html'))).toBe(true);
    expect(existsSync(join(out, MANIFEST))).toBe(false);
    expect(result.shards).toBe(2);
    // Pagefind's languages in the site's order, whichever order the shards were given in.
    const entry = JSON.parse(readFileSync(join(out, 'pagefind/pagefind-entry.json'), 'utf8')) as { version: string; languages: Record<string, unknown> };
    expect(Object.keys(entry.languages)).toEqual(['en', 'bg', 'sr-Cyrl', 'sr-Latn', 'ro', 'es', 'fr']);
    expect(entry.version).toBe('1.4.0');
  });

  it('refuses a missing shard, naming it, and writes nothing', () => {
    const out = join(tempDir('merged'), 'dist');
    expect(() => mergeShards([shardOf(1, 3), shardOf(3, 3)], out)).toThrow('Shard 2/3 is missing');
    expect(existsSync(out)).toBe(false);
    expect(mergeError([shardOf(1, 2)])).toEqual(['Shard 2/2 is missing: give the output of every shard.']);
    expect(mergeError([shardOf(1, 2), shardOf(1, 2)])[0]).toMatch(/^Shard 1\/2 is given twice/);
    expect(mergeError([shardOf(1, 2), tempDir('empty')])[0]).toMatch(/has no klaster-shard\.json/);
    const onlyEn = shard({ locales: ['en'] }, {});
    expect(mergeError([onlyEn])).toEqual(['No shard built locales bg, sr, sr-latn, ro, es, fr: a shard is missing.']);
  });

  it('refuses two shards that wrote different bytes to one path, naming it', () => {
    const problems = mergeError([shardOf(1, 2), shardOf(2, 2, { '_astro/site.abc123.css': 'body{color:red}' })]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^_astro\/site\.abc123\.css differs between .+ and .+: two shards wrote different bytes to one path\.$/);
  });

  it("refuses a shard that wrote another shard's locale, and shards of other content", () => {
    const leaked = mergeError([shardOf(1, 2, { 'fr/index.html': '<!doctype html><html lang="fr">' }), shardOf(2, 2)]);
    expect(leaked[0]).toMatch(/^shard 1\/2 \(.+\) wrote fr\/index\.html, a page of locale fr it was not given/);
    const other = shard({ shard: 2, of: 2, locales: shardLocales(LOCALES, 2, 2), report: { ids: { products: ['oak', 'elm'] }, images: 0 } }, {});
    expect(mergeError([shardOf(1, 2), other])[0]).toMatch(/was built from other content than/);
  });

  it('checks the merged site has every entry page the content check counted', () => {
    const problems = mergeError([shardOf(1, 2), shard({ shard: 2, of: 2, locales: shardLocales(LOCALES, 2, 2) }, { 'ro/index.html': 'x' })]);
    expect(problems).toEqual([
      '4 of the 7 entry pages the content check counted are not in the merged site, for example /sr-latn/products/oak/, /ro/products/oak/, /es/products/oak/.',
    ]);
  });
});

describe('the merged sitemap', () => {
  const locales = { root: ROOT, defaultLocale: 'en', hreflang };

  it("lists every shard's addresses once, sorted as the sitemap plugin sorts them, with alternates across shards", () => {
    const first = sitemap(['', 'en/', 'en/products/oak/', 'bg/', 'bg/products/oak/']);
    const second = sitemap(['', 'ro/', 'ro/products/oak/']);
    const out = mergeSitemaps([first, second], INDEX, locales);
    expect([...out.keys()]).toEqual(['sitemap-0.xml', 'sitemap-index.xml']);
    const xml = out.get('sitemap-0.xml')!;
    expect(xml.startsWith(URLSET)).toBe(true);
    const locs = [...xml.matchAll(/<url><loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual([ROOT, `${ROOT}bg/`, `${ROOT}bg/products/oak/`, `${ROOT}en/`, `${ROOT}en/products/oak/`, `${ROOT}ro/`, `${ROOT}ro/products/oak/`]);
    // The Romanian product names its Bulgarian and English translations, built by the other shard.
    const ro = /<url><loc>https:\/\/k\.example\/ro\/products\/oak\/<\/loc>(.*?)<\/url>/.exec(xml)![1];
    expect(ro).toBe(['bg', 'en', 'ro'].map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${ROOT}${l}/products/oak/"/>`).join(''));
    expect(out.get('sitemap-index.xml')).toBe(INDEX);
  });

  it("replaces the shards' own alternates rather than adding to them", () => {
    const withOwn = sitemap(['en/', 'bg/']).replace(
      `<loc>${ROOT}en/</loc>`,
      `<loc>${ROOT}en/</loc><xhtml:link rel="alternate" hreflang="en" href="${ROOT}en/"/>`,
    );
    const xml = mergeSitemaps([withOwn], INDEX, locales).get('sitemap-0.xml')!;
    expect(xml.match(/hreflang="en"/g)).toHaveLength(2);
  });
});
