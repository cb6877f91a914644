/**
 * Catalogue facets: which values each product has for each facet, the
 * products of each value, and counts within any selection. Built once per
 * build from the model; every facet page reads from it.
 */
import type { SiteModel } from './model.ts';

export const facetNames = ['category', 'cluster', 'member', 'material', 'certification', 'country'] as const;
export type FacetName = (typeof facetNames)[number];

export interface FacetIndex {
  /** Facet values of each product. */
  valuesOf(productId: string): Record<FacetName, string[]>;
  /** Product ids having a value, in id order. */
  products(facet: FacetName, value: string): string[];
  /** Every value of a facet that some product has. */
  values(facet: FacetName): string[];
  /** For each facet, each value's count among the given products. */
  counts(productIds: readonly string[]): Record<FacetName, Map<string, number>>;
}

export function buildFacets(model: SiteModel<unknown>, today: string): FacetIndex {
  const perProduct = new Map<string, Record<FacetName, string[]>>();
  const byValue = new Map<string, string[]>();
  for (const product of model.all('products')) {
    const f = product.facts;
    const values: Record<FacetName, string[]> = {
      category: [f.category],
      cluster: model.clustersOfProduct(product.id),
      member: [f.maker],
      material: (f.composition ?? []).map((c) => c.fibre),
      // Only valid certificates count: an expired one is not a reason to find a product.
      certification: [...new Set(f.certifications.filter((c) => c.validUntil >= today).map((c) => c.scheme))],
      country: [f.countryOfOrigin.toLowerCase()],
    };
    perProduct.set(product.id, values);
    for (const facet of facetNames) {
      for (const value of values[facet]) {
        const key = `${facet}/${value}`;
        const list = byValue.get(key);
        if (list) list.push(product.id);
        else byValue.set(key, [product.id]);
      }
    }
  }
  const valueLists = new Map<FacetName, string[]>(facetNames.map((f) => [f, []]));
  for (const key of [...byValue.keys()].sort()) {
    const [facet, value] = key.split('/') as [FacetName, string];
    valueLists.get(facet)!.push(value);
  }
  return {
    valuesOf: (id) => perProduct.get(id) ?? (Object.fromEntries(facetNames.map((f) => [f, []])) as never),
    products: (facet, value) => byValue.get(`${facet}/${value}`) ?? [],
    values: (facet) => valueLists.get(facet) ?? [],
    counts(ids) {
      const out = Object.fromEntries(facetNames.map((f) => [f, new Map<string, number>()])) as Record<
        FacetName,
        Map<string, number>
      >;
      for (const id of ids) {
        const values = perProduct.get(id);
        if (!values) continue;
        for (const facet of facetNames) {
          for (const value of values[facet]) out[facet].set(value, (out[facet].get(value) ?? 0) + 1);
        }
      }
      return out;
    },
  };
}
