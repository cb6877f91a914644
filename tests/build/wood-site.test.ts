/**
 * A cluster of another sector, with no change to the package: a furniture
 * and wood-processing cluster in English, Romanian, Serbian (both scripts)
 * and Hungarian, with its own vocabularies (categories, a wood-species
 * material, m³ as a unit of order) and product attributes (wood species as a
 * facet, dimensions, weight, a finish written per language). Its facet
 * pages, filters, open data and JSON-LD carry them.
 *
 * It also publishes in Arabic, a right-to-left language Klaster does not
 * ship: site.yaml defines the locale (dir: rtl, intl: ar-EG) and the site's
 * own i18n/ar.json holds every UI string. One product and the cluster are
 * translated; the rest falls back to English.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { klasterCommand, ROOT, tempDir } from '../helpers/build.ts';

const SITE = join(ROOT, 'tests', 'fixtures', 'wood-site');
const work = tempDir('wood');
const dist = join(work, 'dist');
const page = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
const json = (path: string) => JSON.parse(readFileSync(join(dist, path), 'utf8'));
const jsonLd = (html: string) => [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]));
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

beforeAll(() => {
  const run = klasterCommand('build', { KLASTER_DIST: dist, KLASTER_CACHE_DIR: join(work, 'cache') }, [], SITE);
  expect(run.status, run.output.slice(-4000)).toBe(0);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a furniture cluster built with no change to the package', () => {
  it('has its locales, and only those', () => {
    for (const locale of ['en', 'ro', 'sr', 'sr-latn', 'hu', 'ar']) expect(existsSync(join(dist, locale, 'catalogue', 'index.html')), locale).toBe(true);
    expect(existsSync(join(dist, 'bg'))).toBe(false);
    expect(page('hu')).toContain('<html lang="hu" dir="ltr">');
  });

  it('offers its wood species as a facet with static pages, in each language', () => {
    const oak = page('en/catalogue/woodSpecies/oak');
    expect(oak).toContain('href="/en/products/oak-wardrobe/"');
    expect(oak).toContain('href="/en/products/sawn-oak-boards/"');
    expect(oak).not.toContain('href="/en/products/beech-chair/"');
    expect(text(page('hu/catalogue'))).toContain('Fafaj');
    expect(text(page('hu/catalogue'))).toContain('Tölgy');
    expect(text(page('sr-latn/catalogue'))).toContain('Vrsta drveta');
    expect(text(page('sr-latn/catalogue'))).toContain('Nameštaj');
    const filters = json('ro/catalogue/filters.json');
    const facet = filters.facets.find((f: { name: string }) => f.name === 'woodSpecies');
    expect(facet.label).toBe('Specia lemnului');
    expect(Object.fromEntries(facet.values)).toMatchObject({ oak: 'Stejar', beech: 'Fag' });
  });

  it('lists the attributes in the product page, formatted for the language', () => {
    const hu = text(page('hu/products/oak-wardrobe'));
    expect(hu).toContain('Fafaj Tölgy');
    expect(hu).toContain('Méretek 120 × 200 × 60 cm');
    expect(hu).toContain('Felületkezelés Olajozott');
    expect(text(page('en/products/sawn-oak-boards'))).toContain('12 m³');
  });

  it('maps them to schema.org in the JSON-LD', () => {
    const product = jsonLd(page('en/products/oak-wardrobe')).find((d) => d['@type'] === 'Product');
    expect(product.material).toBe('Oak');
    expect(product.width).toEqual({ '@type': 'QuantitativeValue', value: 120, unitText: 'cm', unitCode: 'CMT' });
    expect(product.weight).toMatchObject({ value: 85, unitCode: 'KGM' });
    expect(product.additionalProperty).toEqual([{ '@type': 'PropertyValue', propertyID: 'finish', name: 'Finish', value: 'Oiled' }]);
  });

  it('carries them in the open data and its JSON Schema', () => {
    const item = json('data/products.json').items.find((i: { id: string }) => i.id === 'oak-wardrobe');
    expect(item.attributes).toEqual({ woodSpecies: 'oak', dimensions: { width: 120, height: 200, depth: 60 }, weight: 85 });
    const schema = json('data/products.schema.json');
    expect(schema.properties.attributes.properties.woodSpecies.enum).toEqual(['oak', 'beech', 'spruce']);
    expect(schema.properties.moqUnit.enum).toContain('cubic-metres');
    expect(schema.properties.category.enum).toEqual(['furniture', 'sawn-timber']);
    // No textile preset, so none of its attributes: no fibre composition, no sizes.
    expect(Object.keys(schema.properties.attributes.properties)).toEqual(['woodSpecies', 'dimensions', 'weight']);
    expect(schema.properties.composition).toBeUndefined();
  });

  it('has no clothing fields: no material facet, no composition or sizes rows', () => {
    expect(json('en/catalogue/filters.json').facets.map((f: { name: string }) => f.name)).not.toContain('material');
    expect(existsSync(join(dist, 'en', 'catalogue', 'material'))).toBe(false);
    const en = text(page('en/products/oak-wardrobe'));
    expect(en).not.toContain('Composition');
    expect(en).not.toContain('Sizes');
  });
});

/** Every page of a locale, as paths under dist. */
function pagesOf(locale: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(dist, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) out.push(path);
    }
  };
  walk(locale);
  return out;
}
const file = (path: string) => readFileSync(join(dist, path), 'utf8');
/** The start tags of the elements whose attributes match. */
const tags = (html: string, pattern: RegExp) => [...html.matchAll(/<[a-z][^>]*>/g)].map((m) => m[0]).filter((t) => pattern.test(t));

describe('a right-to-left language the site defines', () => {
  it('writes every Arabic page as <html lang="ar" dir="rtl">, and the other languages left to right', () => {
    const pages = pagesOf('ar');
    expect(pages.length).toBeGreaterThan(20);
    for (const path of pages) expect(file(path), path).toMatch(/<html lang="ar" dir="rtl">/);
    expect(file('ar/clusters/rhodope-wood/catalogue/index.html')).toMatch(/<html lang="ar" dir="rtl">/);
    expect(page('en/products/oak-wardrobe')).toContain('<html lang="en" dir="ltr">');
  });

  it('shows the UI strings of the site\'s own i18n/ar.json, with the plural form Arabic needs', () => {
    const catalogue = text(page('ar/catalogue'));
    expect(catalogue).toContain('كتالوج المنتجات');
    // Three products: Arabic's "few" form, not the English "other".
    expect(catalogue).toContain(`${new Intl.NumberFormat('ar-EG').format(3)} منتجات`);
    expect(text(page('ar/products/oak-wardrobe'))).toContain('نوع الخشب بلوط');
  });

  it('names Arabic in the hreflang alternates and the sitemap', () => {
    expect(page('en/products/oak-wardrobe')).toContain('<link rel="alternate" hreflang="ar" href="https://klaster.example/ar/products/oak-wardrobe/">');
    expect(page('ar/products/oak-wardrobe')).toContain('<link rel="alternate" hreflang="en" href="https://klaster.example/en/products/oak-wardrobe/">');
    const sitemap = file('sitemap-0.xml');
    expect(sitemap).toContain('<loc>https://klaster.example/ar/products/oak-wardrobe/</loc>');
    expect(sitemap).toContain('hreflang="ar" href="https://klaster.example/ar/catalogue/"');
  });

  it('formats numbers and dates with Intl for the locale\'s intl tag', () => {
    const number = new Intl.NumberFormat('ar-EG');
    const date = (iso: string) => new Intl.DateTimeFormat('ar-EG', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
    const wardrobe = text(page('ar/products/oak-wardrobe'));
    expect(wardrobe).toContain(`الحد الأدنى للطلب ${number.format(5)}`);
    expect(wardrobe).toContain(`${number.format(120)} × ${number.format(200)} × ${number.format(60)}`);
    const cluster = text(page('ar/clusters/rhodope-wood'));
    expect(cluster).toContain(date('2024-03-15'));
    expect(cluster).toContain(date('2027-03-14'));
    // ar-EG writes Arabic-Indic digits: these are not the English formatting.
    expect(number.format(120)).not.toBe('120');
  });

  it('gives Arabic its own search index', () => {
    const entry = JSON.parse(file('pagefind/pagefind-entry.json'));
    expect(Object.keys(entry.languages)).toContain('ar');
    expect(entry.languages.ar.page_count).toBeGreaterThan(0);
  });

  it('marks text that falls back to English with its language and dir="ltr"', () => {
    const chair = page('ar/products/beech-chair');
    // (Other attributes, such as a component's scoped-style marks, may follow.)
    expect(chair).toMatch(/<h1 lang="en" dir="ltr"[^>]*>Beech chair<\/h1>/);
    expect(chair).toMatch(/<p class="lead" lang="en" dir="ltr"[^>]*>A dining chair in steamed beech.<\/p>/);
    expect(chair).toMatch(/<a href="\/ar\/members\/smolyan-joinery\/" lang="en" dir="ltr"[^>]*>Smolyan Joinery<\/a>/);
    expect(chair).toMatch(/<div class="prose" lang="en" dir="ltr">/);
    // The translated product carries no marks: its text is the page's language.
    const wardrobe = page('ar/products/oak-wardrobe');
    expect(wardrobe).toMatch(/<h1(?![^>]*\b(lang|dir)=)[^>]*>خزانة من خشب البلوط<\/h1>/);
    expect(wardrobe).toMatch(/<div class="prose">/);
    // The printable catalogue marks its English product names the same way.
    expect(file('ar/clusters/rhodope-wood/catalogue/index.html')).toMatch(/<h3 lang="en" dir="ltr">Beech chair<\/h3>/);
  });

  it('marks the language names of the picker with their own language', () => {
    // Arabic among left-to-right pages, and the Latin names inside the Arabic page.
    // and their direction: the Arabic name right to left in a left-to-right page, the others left to right in the Arabic page.
    expect(tags(page('en/products/oak-wardrobe'), /hreflang="ar"/).find((t) => t.startsWith('<a '))).toMatch(/lang="ar" dir="rtl"/);
    expect(tags(page('ar/products/oak-wardrobe'), /hreflang="hu"/).find((t) => t.startsWith('<a '))).toMatch(/lang="hu" dir="ltr"/);
  });
});

describe('mistakes in its vocabularies', () => {
  it('a value without a label in one of its locales names the vocabulary, the value and the locale', () => {
    const config = join(work, 'no-label', 'site.yaml');
    mkdirSync(join(work, 'no-label'));
    cpSync(join(SITE, 'i18n'), join(work, 'no-label', 'i18n'), { recursive: true });
    writeFileSync(config, readFileSync(join(SITE, 'site.yaml'), 'utf8').replace('beech: { en: Beech, ro: Fag, sr: Буква, hu: Bükk, ar: زان }', 'beech: { en: Beech, ro: Fag, sr: Буква, ar: زان }'));
    const run = klasterCommand('check', { KLASTER_CONFIG: config, KLASTER_CONTENT: join(SITE, 'content') }, [], SITE);
    expect(run.status).toBe(1);
    expect(run.output).toContain('vocabularies.woodSpecies.add.beech: has no label in hu; add hu: <label> to it');
  });

  it('an unknown value names the file, the field, the allowed values and the one meant', () => {
    const content = join(work, 'typo');
    cpSync(join(SITE, 'content'), content, { recursive: true });
    const facts = join(content, 'products', 'beech-chair', 'index.yaml');
    writeFileSync(facts, readFileSync(facts, 'utf8').replace('woodSpecies: beech', 'woodSpecies: beach').replace('category: furniture', 'category: furnture'));
    const run = klasterCommand('check', { KLASTER_CONTENT: content }, [], SITE);
    expect(run.status).toBe(1);
    expect(run.output).toContain('products/beech-chair/index.yaml');
    expect(run.output).toContain('category: found "furnture"; use one of furniture, sawn-timber (did you mean furniture?)');
    expect(run.output).toContain('attributes.woodSpecies: found "beach"; use one of oak, beech, spruce (did you mean beech?)');
  });
});
