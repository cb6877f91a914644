/** Vocabularies as configuration: presets, a site's additions and removals, messages. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeVocabularies, DEFAULT_PRESETS, presets, shippedVocabulary } from '../../packages/klaster/src/lib/vocabulary-presets.ts';
import { taxonomy } from '../../packages/klaster/src/lib/content/fields.ts';
import { loadSiteConfig } from '../../packages/klaster/src/lib/site/load.ts';
import {
  attributeFacetValues,
  composeAttributes,
  formatAttribute,
  formatQuantity,
  productAttributes,
  type AttributeDeclaration,
} from '../../packages/klaster/src/lib/product-attributes.ts';
import { moveToAttributes } from '../../packages/klaster/src/lib/content/migrate-attributes.ts';
import { factsSchemas } from '../../packages/klaster/src/lib/content/schemas.ts';
import { problemsFromZod } from '../../packages/klaster/src/lib/content/problems.ts';
import { z } from 'astro/zod';
import { tempDir } from '../helpers/build.ts';

describe('vocabularies', () => {
  it('without a choice are the first clusters\' lists (textile and ICT), in their order', () => {
    expect(DEFAULT_PRESETS).toEqual(['textile', 'ict']);
    const v = composeVocabularies({ changes: {} });
    expect(v.category).toEqual(shippedVocabulary('category'));
    expect(v.certification).toEqual(shippedVocabulary('certification'));
    expect(v.sector).toEqual(shippedVocabulary('sector'));
  });

  it('take a preset, then the site\'s additions and removals', () => {
    const ict = composeVocabularies({ presets: ['ict'], changes: {} });
    expect(ict.category).toEqual(['software', 'it-services', 'hardware-devices']);
    expect(ict.fibre).toEqual([]);
    expect(ict.orgType).toEqual(shippedVocabulary('orgType'));
    const wood = composeVocabularies({
      presets: [],
      changes: { category: { add: { furniture: 'Furniture' } }, orderUnit: { add: { 'cubic-metres': 'm³' }, remove: ['licences'] }, woodSpecies: { add: { oak: 'Oak' } } },
    });
    expect(wood.category).toEqual(['furniture']);
    expect(wood.orderUnit).toEqual(['pieces', 'metres', 'kilograms', 'sets', 'cubic-metres']);
    expect(wood.woodSpecies).toEqual(['oak']);
    expect(Object.keys(presets)).toEqual(['textile', 'ict']);
  });

  it('suggest the value meant', () => {
    const result = taxonomy('category').safeParse('knitware');
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].message).toContain('(did you mean knitwear?)');
    expect(result.error!.issues[0].message).toContain('a site adds values under vocabularies.category in site.yaml');
  });

  it('in site.yaml: an unknown vocabulary or value is named with the one meant', () => {
    const dir = tempDir('vocab');
    mkdirSync(join(dir, 'x'));
    writeFileSync(join(dir, 'site.yaml'), 'name: X\nvocabularies:\n  categroy: { add: { chairs: Chairs } }\n  sector: { remove: [fashon] }\n');
    expect(loadSiteConfig(join(dir, 'site.yaml')).problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      expect.stringMatching(/^vocabularies\.categroy: is not a vocabulary of Klaster \(did you mean category\?\)/),
      'vocabularies.sector.remove[0]: found "fashon", which is not a value of sector (did you mean fashion?)',
    ]);
  });

  it('in site.yaml: attributes need a vocabulary with values, and only choices are facets', () => {
    const dir = tempDir('attrs');
    writeFileSync(
      join(dir, 'site.yaml'),
      'name: X\nproductAttributes:\n  - { id: wood, type: choice, label: Wood }\n  - { id: weight, type: number, unit: kg, facet: true, label: Weight }\n  - { id: category, type: text, label: C }\n',
    );
    expect(loadSiteConfig(join(dir, 'site.yaml')).problems.map((p) => p.field)).toEqual([
      'productAttributes[0].vocabulary',
      'productAttributes[1].facet',
      'productAttributes[2].id',
    ]);
  });
});

describe('attribute values', () => {
  const label = (vocabulary: string, value: string) => `${vocabulary}:${value}`;
  it('are formatted for the language, with Intl\'s unit names where it has them', () => {
    expect(formatQuantity(85.5, 'kg', 'de')).toBe('85,5 kg');
    expect(formatQuantity(1200, 'm³', 'en-GB')).toBe('1,200 m³');
    const dims: AttributeDeclaration = { id: 'd', type: 'dimensions', unit: 'cm', label: 'D' };
    expect(formatAttribute(dims, { width: 120.5, height: 200 }, 'ro', label)).toBe('120,5 × 200 cm');
    expect(formatAttribute({ id: 'w', type: 'list', vocabulary: 'wood', label: 'W' }, ['oak', 'ash'], 'en', label)).toBe('wood:oak, wood:ash');
  });
});

describe('the presets\' product attributes', () => {
  it('come with the presets a site picks, and a site\'s own of the same id replaces one', () => {
    expect(composeAttributes(['textile', 'ict'], []).map((a) => a.id)).toEqual(['material', 'sizes']);
    // A furniture site picks no preset: no fibre composition, no sizes.
    expect(composeAttributes([], [{ id: 'woodSpecies', type: 'choice', vocabulary: 'woodSpecies', label: 'W' }]).map((a) => a.id)).toEqual(['woodSpecies']);
    const own = composeAttributes(['textile'], [{ id: 'sizes', type: 'list', vocabulary: 'size', label: { en: 'Sizes' } }]);
    expect(own.map((a) => [a.id, a.vocabulary])).toEqual([['material', 'fibre'], ['sizes', 'size']]);
  });

  it('are the demo\'s (textile): the fibre composition is a facet named material', () => {
    expect(productAttributes.filter((a) => a.facet).map((a) => a.id)).toEqual(['material']);
  });

  it('show a composition with percentages in the language, and its values as facet values', () => {
    const material = composeAttributes(['textile'], [])[0]!;
    const value = [{ fibre: 'merino-wool', percent: 70 }, { fibre: 'cashmere', percent: 30 }];
    expect(formatAttribute(material, value, 'de', (v, x) => `${v}:${x}`)).toBe('70\u00a0% fibre:merino-wool, 30\u00a0% fibre:cashmere');
    expect(attributeFacetValues(material, value)).toEqual(['merino-wool', 'cashmere']);
  });

  it('validate under attributes: a composition adding up to 100 and free sizes', () => {
    const products = factsSchemas(() => z.string()).products;
    const base = { maker: 'm', category: 'knitwear', images: ['a.jpg'], countryOfOrigin: 'BG' };
    const ok = products.safeParse({ ...base, attributes: { material: [{ fibre: 'wool', percent: 100 }], sizes: ['S', 42] } });
    expect(ok.success && ok.data.attributes).toEqual({ material: [{ fibre: 'wool', percent: 100 }], sizes: ['S', '42'] });
    const bad = products.safeParse({ ...base, attributes: { material: [{ fibre: 'wool', percent: 90 }] } });
    expect(bad.error!.issues[0]!.message).toContain('add up to 90');
  });

  it('written at the top as before Klaster 0.2 are named with the command that moves them', () => {
    const products = factsSchemas(() => z.string()).products;
    const data = { maker: 'm', category: 'knitwear', images: ['a.jpg'], countryOfOrigin: 'BG', composition: [{ fibre: 'wool', percent: 100 }] };
    const [p] = problemsFromZod('products/x/index.yaml', products.safeParse(data).error!, data);
    expect(p).toMatchObject({ field: 'composition', message: expect.stringMatching(/^is now written under attributes: as material: .*npx klaster migrate/) });
  });

  it('are moved by klaster migrate, keeping comments and the order of the rest', () => {
    const before = 'maker: m # the maker\ncategory: knitwear\ncomposition:\n  - { fibre: wool, percent: 100 } # pure\nmoq: 5\nsizes: [S, M]\n';
    expect(moveToAttributes(before)).toBe(
      'maker: m # the maker\ncategory: knitwear\nattributes:\n  material:\n    - {fibre: wool, percent: 100} # pure\n  sizes: [S, M]\nmoq: 5\n',
    );
    expect(moveToAttributes('maker: m\n')).toBeUndefined();
  });
});
