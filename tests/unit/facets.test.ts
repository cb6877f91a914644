import { describe, expect, it } from 'vitest';
import { buildFacets, buildMemberFacets } from '../../packages/klaster/src/lib/facets.ts';
import { facetCounts, matches, parseSelection, sameSelection, select, selectionQuery } from '../../packages/klaster/assets/filter.js';
import { buildModel, type ModelInput } from '../../packages/klaster/src/lib/model.ts';
import type { Locale } from '../../packages/klaster/src/lib/locales.ts';

/** A tiny model: three products by two makers in two clusters. */
function model() {
  const product = (id: string, maker: string, category: string, fibres: string[], certs: [string, string][], name: Record<string, string>) => ({
    facts: {
      id,
      data: {
        sourceLocale: 'en', maker, category, images: [], countryOfOrigin: id === 'c' ? 'RO' : 'BG',
        attributes: { material: fibres.map((fibre, i) => ({ fibre, percent: i === 0 ? 100 - (fibres.length - 1) * 10 : 10 })) },
        certifications: certs.map(([scheme, validUntil]) => ({ scheme, licence: '1', issuer: 'X', validUntil })),
        moqUnit: 'pieces', colours: [],
      },
    },
    texts: Object.entries(name).map(([locale, n]) => ({ id, locale: locale as Locale, data: { name: n, summary: 's' }, body: '', hasBody: false })),
  });
  const products = [
    product('a', 'm1', 'knitwear', ['wool', 'elastane'], [['gots', '2030-01-01']], { en: 'Zebra', bg: 'Ябълка' }),
    product('b', 'm1', 'knitwear', ['cotton'], [['gots', '2020-01-01']], { en: 'apple', bg: 'Шал' }),
    product('c', 'm2', 'outerwear', ['wool'], [], { en: 'Émile', bg: 'Ълъ' }),
  ];
  const org = (id: string, clusters: string[], type = 'sme', country = 'BG', sectors: string[] = []) => ({ id, data: { sourceLocale: 'en', type, country, clusters, sectors } });
  const input = {
    facts: { programmes: [], clusters: [], projects: [], news: [], events: [], organisations: [org('m1', ['k1'], 'sme', 'BG', ['fashion', 'ict']), org('m2', ['k1', 'k2'], 'ngo', 'RO', ['ict'])], products: products.map((p) => p.facts) },
    texts: { programmes: [], clusters: [], projects: [], news: [], events: [], organisations: [], products: products.flatMap((p) => p.texts) },
  } as unknown as ModelInput<string>;
  return buildModel(input);
}

describe('facets', () => {
  const m = model();
  const f = buildFacets(m, '2026-11-21');

  it('index every value with its products', () => {
    expect(f.products('category', 'knitwear')).toEqual(['a', 'b']);
    expect(f.products('cluster', 'k1')).toEqual(['a', 'b', 'c']);
    expect(f.products('cluster', 'k2')).toEqual(['c']);
    expect(f.products('material', 'wool')).toEqual(['a', 'c']);
    expect(f.products('country', 'ro')).toEqual(['c']);
    expect(f.values('member')).toEqual(['m1', 'm2']);
  });
  it('count only valid certificates', () => {
    expect(f.products('certification', 'gots')).toEqual(['a']);
  });
  it('count values within a selection', () => {
    const counts = f.counts(f.products('material', 'wool'));
    expect(counts.category.get('knitwear')).toBe(1);
    expect(counts.category.get('outerwear')).toBe(1);
    expect(counts.cluster.get('k1')).toBe(2);
    expect(counts.material.get('elastane')).toBe(1);
    expect(counts.material.get('cotton')).toBeUndefined();
  });
});

describe('member facets', () => {
  const f = buildMemberFacets(model());
  it('index members by type, cluster, country and sector', () => {
    expect(f.names).toEqual(['type', 'cluster', 'country', 'sector']);
    expect(f.products('type', 'ngo')).toEqual(['m2']);
    expect(f.products('cluster', 'k1')).toEqual(['m1', 'm2']);
    expect(f.products('country', 'bg')).toEqual(['m1']);
    expect(f.products('sector', 'ict')).toEqual(['m1', 'm2']);
    expect(f.values('sector')).toEqual(['fashion', 'ict']);
    expect(f.counts(['m1', 'm2']).sector.get('ict')).toBe(2);
  });
});

describe('filtering in place (public/klaster/filter.js)', () => {
  const names = ['material', 'certification', 'country'];
  const items = [
    { facets: { material: ['cotton', 'elastane'], certification: ['gots'], country: ['bg'] } },
    { facets: { material: ['cotton'], country: ['ro'] } },
    { facets: { material: ['wool'], certification: ['gots', 'oeko-tex-100'], country: ['bg'] } },
    { facets: { material: ['linen'], certification: ['oeko-tex-100'], country: ['ro'] } },
  ];

  it('ORs the values of one facet and ANDs the facets', () => {
    expect(select(items, {})).toEqual([0, 1, 2, 3]);
    expect(select(items, { material: ['cotton'] })).toEqual([0, 1]);
    expect(select(items, { material: ['cotton', 'wool'] })).toEqual([0, 1, 2]);
    expect(select(items, { material: ['cotton', 'wool'], certification: ['gots'] })).toEqual([0, 2]);
    expect(select(items, { material: ['cotton'], certification: ['oeko-tex-100'] })).toEqual([]);
    expect(matches(items[1]!.facets, { certification: ['gots'] })).toBe(false);
    expect(matches(items[1]!.facets, { certification: ['gots'] }, 'certification')).toBe(true);
  });

  it('counts each value as ticking it would: within the other facets\' choice', () => {
    const counts = facetCounts(items, names, { material: ['cotton'], country: ['bg'] });
    // material: among the products from bg, whatever their material
    expect(Object.fromEntries(counts.material)).toEqual({ cotton: 1, elastane: 1, wool: 1 });
    // certification: among cotton products from bg
    expect(Object.fromEntries(counts.certification)).toEqual({ gots: 1 });
    // country: among cotton products, wherever they come from
    expect(Object.fromEntries(counts.country)).toEqual({ bg: 1, ro: 1 });
    expect(Object.fromEntries(facetCounts(items, names, {}).certification)).toEqual({ gots: 2, 'oeko-tex-100': 2 });
  });

  it('reads a choice from an address and writes it back in a stable order', () => {
    const known = { material: new Set(['cotton', 'wool']), certification: new Set(['gots']) };
    const selection = parseSelection('?certification=gots&material=wool&material=cotton&material=silk&q=x&material=wool', known);
    expect(selection).toEqual({ certification: ['gots'], material: ['wool', 'cotton'] });
    expect(selectionQuery(selection, names)).toBe('material=cotton&material=wool&certification=gots');
    expect(sameSelection(selection, { material: ['cotton', 'wool'], certification: ['gots'] }, names)).toBe(true);
    expect(sameSelection(selection, { material: ['cotton'] }, names)).toBe(false);
    expect(parseSelection('', known)).toEqual({});
  });
});

describe('sorting by name', () => {
  const m = model();
  it('follows the collation of each locale', () => {
    expect(m.sorted('products', 'en').map((p) => p.id)).toEqual(['b', 'c', 'a']); // apple, Émile, Zebra
    expect(m.sorted('products', 'bg').map((p) => p.id)).toEqual(['b', 'c', 'a']); // Шал, Ълъ, Ябълка
  });
});

describe('collation per locale', () => {
  it('sorts Serbian Latin with lj, nj and dž as letters of their own', async () => {
    const { collator } = await import('../../packages/klaster/src/lib/model.ts');
    const words = ['ljubav', 'lubenica', 'luk', 'nada', 'njiva', 'nož', 'džem', 'dete', 'čaša', 'cena'];
    expect([...words].sort(collator('sr-latn').compare)).toEqual(['cena', 'čaša', 'dete', 'džem', 'lubenica', 'luk', 'ljubav', 'nada', 'nož', 'njiva']);
  });
  it('sorts Romanian ș and ț after s and t, Bulgarian by its alphabet', async () => {
    const { collator } = await import('../../packages/klaster/src/lib/model.ts');
    expect(['țesătură', 'tricou', 'șal', 'sacou'].sort(collator('ro').compare)).toEqual(['sacou', 'șal', 'tricou', 'țesătură']);
    expect(['юрган', 'яке', 'шал', 'щора', 'ъгъл'].sort(collator('bg').compare)).toEqual(['шал', 'щора', 'ъгъл', 'юрган', 'яке']);
  });
});
