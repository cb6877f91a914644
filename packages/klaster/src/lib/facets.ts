/**
 * Facets of the catalogue (products) and of the members directory
 * (organisations): which values each entry has for each facet, the entries
 * of each value, and counts within any selection. Built once per build from
 * the model; every facet page, and the filter indexes the browser uses to
 * filter in place, read from it.
 */
import type { SiteModel } from './model.ts';
import { attributeFacetValues, facetAttributes } from './product-attributes.ts';

/** Klaster's own facets, then the product attributes marked `facet` (the presets' and the site's, site.yaml). */
export const standardFacetNames = ['category', 'cluster', 'member', 'certification', 'country'] as const;
export const facetNames: readonly string[] = [...standardFacetNames, ...facetAttributes.map((a) => a.id)];
export type FacetName = string;

export const memberFacetNames = ['type', 'cluster', 'country', 'sector'] as const;
export type MemberFacetName = (typeof memberFacetNames)[number];

export interface FacetIndex<F extends string = FacetName> {
  /** The facets, in display order. */
  names: readonly F[];
  /** Facet values of each entry. */
  valuesOf(id: string): Record<F, string[]>;
  /** Entry ids having a value, in id order. */
  products(facet: F, value: string): string[];
  /** Every value of a facet that some entry has. */
  values(facet: F): string[];
  /** For each facet, each value's count among the given entries. */
  counts(ids: readonly string[]): Record<F, Map<string, number>>;
}

/** A facet index over entries and their values, in one pass. */
export function indexFacets<F extends string>(names: readonly F[], entries: Iterable<[string, Record<F, string[]>]>): FacetIndex<F> {
  const perEntry = new Map<string, Record<F, string[]>>();
  const byValue = new Map<string, string[]>();
  for (const [id, values] of entries) {
    perEntry.set(id, values);
    for (const facet of names) {
      for (const value of values[facet]) {
        const key = `${facet}/${value}`;
        const list = byValue.get(key);
        if (list) list.push(id);
        else byValue.set(key, [id]);
      }
    }
  }
  const valueLists = new Map<F, string[]>(names.map((f) => [f, []]));
  for (const key of [...byValue.keys()].sort()) {
    const slash = key.indexOf('/');
    valueLists.get(key.slice(0, slash) as F)!.push(key.slice(slash + 1));
  }
  const empty = () => Object.fromEntries(names.map((f) => [f, []])) as unknown as Record<F, string[]>;
  return {
    names,
    valuesOf: (id) => perEntry.get(id) ?? empty(),
    products: (facet, value) => byValue.get(`${facet}/${value}`) ?? [],
    values: (facet) => valueLists.get(facet) ?? [],
    counts(ids) {
      const out = Object.fromEntries(names.map((f) => [f, new Map<string, number>()])) as Record<F, Map<string, number>>;
      for (const id of ids) {
        const values = perEntry.get(id);
        if (!values) continue;
        for (const facet of names) {
          for (const value of values[facet]) out[facet].set(value, (out[facet].get(value) ?? 0) + 1);
        }
      }
      return out;
    },
  };
}

/** The catalogue's facets: products by category, cluster, maker, valid certificate, country of origin and the facet attributes (fibre for clothing). */
export function buildFacets(model: SiteModel<unknown>, today: string): FacetIndex<FacetName> {
  return indexFacets(
    facetNames,
    model.all('products').map((product) => {
      const f = product.facts;
      return [
        product.id,
        {
          category: [f.category],
          cluster: model.clustersOfProduct(product.id),
          member: [f.maker],
          // Only valid certificates count: an expired one is not a reason to find a product.
          certification: [...new Set(f.certifications.filter((c) => c.validUntil >= today).map((c) => c.scheme))],
          country: [f.countryOfOrigin.toLowerCase()],
          ...Object.fromEntries(facetAttributes.map((a) => [a.id, attributeFacetValues(a, (f.attributes as Record<string, unknown>)[a.id])])),
        },
      ] as [string, Record<FacetName, string[]>];
    }),
  );
}

/** The members directory's facets: organisations by type, cluster, country and sector. */
export function buildMemberFacets(model: SiteModel<unknown>): FacetIndex<MemberFacetName> {
  return indexFacets(
    memberFacetNames,
    model.all('organisations').map((org) => {
      const f = org.facts;
      return [
        org.id,
        { type: [f.type], cluster: [...new Set(f.clusters)], country: [f.country.toLowerCase()], sector: [...new Set(f.sectors)] },
      ] as [string, Record<MemberFacetName, string[]>];
    }),
  );
}
