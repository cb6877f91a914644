import { describe, expect, it } from 'vitest';
import { cardChunk, CHUNK, chunkCount, filterTable, PRELOAD_ENTRIES, type FilterEntry } from '../../packages/klaster/src/lib/filter-data.ts';
import { chunksOf, tableItems } from '../../packages/klaster/assets/filter.js';

const facets = [
  {
    name: 'category',
    label: 'Category',
    values: [
      ['shirts', 'Shirts'],
      ['dresses', 'Dresses'],
    ] as [string, string][],
  },
  {
    name: 'material',
    label: 'Material',
    values: [
      ['cotton', 'Cotton'],
      ['wool', 'Wool'],
      ['silk', 'Silk'],
    ] as [string, string][],
  },
];
const entry = (i: number, facetValues: Record<string, string[]>): FilterEntry<{ href: string }> => ({
  card: { href: `/en/products/p${i}/` },
  facets: facetValues,
});
const entries = Array.from({ length: 3 * CHUNK + 2 }, (_, i) =>
  entry(i, { category: [i % 2 ? 'dresses' : 'shirts'], ...(i % 3 === 0 ? {} : { material: i % 3 === 1 ? ['wool'] : ['cotton', 'silk'] }) }),
);

describe('the filter data split (src/lib/filter-data.ts)', () => {
  it('holds no cards in the table, and gives the browser back every entry’s facet values', () => {
    const table = filterTable(facets, entries, '/en/catalogue/cards/');
    expect(JSON.stringify(table)).not.toContain('/en/products/');
    expect(table.table.material!.slice(0, 3)).toEqual([-1, 1, [0, 2]]);
    expect(tableItems(table).map((i: { facets: unknown }) => i.facets)).toEqual(entries.map((e) => e.facets));
  });

  it('splits the cards in chunks, in the listing’s order', () => {
    expect(chunkCount(entries.length)).toBe(4);
    const all = Array.from({ length: chunkCount(entries.length) }, (_, k) => cardChunk(entries, k)).flat();
    expect(all).toEqual(entries.map((e) => e.card));
    expect(cardChunk(entries, 3)).toHaveLength(2);
    expect(chunksOf([0, CHUNK - 1, CHUNK, 3 * CHUNK + 1], CHUNK)).toEqual([0, 1, 3]);
  });

  it('sends every chunk with the table of a small listing, only the first with a large one’s', () => {
    expect(filterTable(facets, entries, '').preload).toBe(4);
    const large = Array.from({ length: PRELOAD_ENTRIES + 1 }, (_, i) => entry(i, { category: ['shirts'] }));
    expect(filterTable(facets, large, '').preload).toBe(1);
    expect(filterTable(facets, [], '').preload).toBe(0);
  });

  it('is the same bytes for the same content', () => {
    expect(JSON.stringify(filterTable(facets, entries, '/x/'))).toBe(JSON.stringify(filterTable(facets, structuredClone(entries), '/x/')));
  });
});
