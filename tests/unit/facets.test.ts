import { describe, expect, it } from 'vitest';
import { buildFacets } from '../../src/lib/facets.ts';
import { buildModel, type ModelInput } from '../../src/lib/model.ts';
import type { Locale } from '../../src/lib/locales.ts';

/** A tiny model: three products by two makers in two clusters. */
function model() {
  const product = (id: string, maker: string, category: string, fibres: string[], certs: [string, string][], name: Record<string, string>) => ({
    facts: {
      id,
      data: {
        sourceLocale: 'en', maker, category, images: [], countryOfOrigin: id === 'c' ? 'RO' : 'BG',
        composition: fibres.map((fibre, i) => ({ fibre, percent: i === 0 ? 100 - (fibres.length - 1) * 10 : 10 })),
        certifications: certs.map(([scheme, validUntil]) => ({ scheme, licence: '1', issuer: 'X', validUntil })),
        moqUnit: 'pieces', sizes: [], colours: [],
      },
    },
    texts: Object.entries(name).map(([locale, n]) => ({ id, locale: locale as Locale, data: { name: n, summary: 's' }, body: '', hasBody: false })),
  });
  const products = [
    product('a', 'm1', 'knitwear', ['wool', 'elastane'], [['gots', '2030-01-01']], { en: 'Zebra', bg: 'Ябълка' }),
    product('b', 'm1', 'knitwear', ['cotton'], [['gots', '2020-01-01']], { en: 'apple', bg: 'Шал' }),
    product('c', 'm2', 'outerwear', ['wool'], [], { en: 'Émile', bg: 'Ълъ' }),
  ];
  const org = (id: string, clusters: string[]) => ({ id, data: { sourceLocale: 'en', type: 'sme', country: 'BG', clusters, sectors: [] } });
  const input = {
    facts: { programmes: [], clusters: [], projects: [], news: [], events: [], organisations: [org('m1', ['k1']), org('m2', ['k1', 'k2'])], products: products.map((p) => p.facts) },
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

describe('sorting by name', () => {
  const m = model();
  it('follows the collation of each locale', () => {
    expect(m.sorted('products', 'en').map((p) => p.id)).toEqual(['b', 'c', 'a']); // apple, Émile, Zebra
    expect(m.sorted('products', 'bg').map((p) => p.id)).toEqual(['b', 'c', 'a']); // Шал, Ълъ, Ябълка
  });
});

describe('collation per locale', () => {
  it('sorts Serbian Latin with lj, nj and dž as letters of their own', async () => {
    const { collator } = await import('../../src/lib/model.ts');
    const words = ['ljubav', 'lubenica', 'luk', 'nada', 'njiva', 'nož', 'džem', 'dete', 'čaša', 'cena'];
    expect([...words].sort(collator('sr-latn').compare)).toEqual(['cena', 'čaša', 'dete', 'džem', 'lubenica', 'luk', 'ljubav', 'nada', 'nož', 'njiva']);
  });
  it('sorts Romanian ș and ț after s and t, Bulgarian by its alphabet', async () => {
    const { collator } = await import('../../src/lib/model.ts');
    expect(['țesătură', 'tricou', 'șal', 'sacou'].sort(collator('ro').compare)).toEqual(['sacou', 'șal', 'tricou', 'țesătură']);
    expect(['юрган', 'яке', 'шал', 'щора', 'ъгъл'].sort(collator('bg').compare)).toEqual(['шал', 'щора', 'ъгъл', 'юрган', 'яке']);
  });
});
