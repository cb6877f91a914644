/** Vocabularies as configuration: presets, a site's additions and removals, messages. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeVocabularies, DEFAULT_PRESETS, presets, shippedVocabulary } from '../../packages/klaster/src/lib/vocabulary-presets.ts';
import { taxonomy } from '../../packages/klaster/src/lib/content/fields.ts';
import { loadSiteConfig } from '../../packages/klaster/src/lib/site/load.ts';
import { formatAttribute, formatQuantity, type AttributeDeclaration } from '../../packages/klaster/src/lib/product-attributes.ts';
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
