/**
 * A cluster of another sector, with no change to the package: a furniture
 * and wood-processing cluster in English, Romanian, Serbian (both scripts)
 * and Hungarian, with its own vocabularies (categories, a wood-species
 * material, m³ as a unit of order) and product attributes (wood species as a
 * facet, dimensions, weight, a finish written per language). Its facet
 * pages, filters, open data and JSON-LD carry them.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    for (const locale of ['en', 'ro', 'sr', 'sr-latn', 'hu']) expect(existsSync(join(dist, locale, 'catalogue', 'index.html')), locale).toBe(true);
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

describe('mistakes in its vocabularies', () => {
  it('a value without a label in one of its locales names the vocabulary, the value and the locale', () => {
    const config = join(work, 'no-label', 'site.yaml');
    mkdirSync(join(work, 'no-label'));
    writeFileSync(config, readFileSync(join(SITE, 'site.yaml'), 'utf8').replace('beech: { en: Beech, ro: Fag, sr: Буква, hu: Bükk }', 'beech: { en: Beech, ro: Fag, sr: Буква }'));
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
