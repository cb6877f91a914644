/**
 * The site model for Astro pages, built once per build from the content
 * collections and shared by every page (see lib/model.ts).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { collectionNames, type CollectionName } from '../lib/content/fields.ts';
import { buildModel, displayName, localize, type Entry, type ModelInput, type SiteModel } from '../lib/model.ts';
import type { Locale } from '../lib/locales.ts';
import { buildFacets, buildMemberFacets, type FacetIndex, type FacetName, type MemberFacetName } from '../lib/facets.ts';
import { countryName } from '../lib/format.ts';
import { paginate, type Page } from '../lib/paginate.ts';
import type { View } from './view.ts';
import { buildDate } from '../lib/build-date.ts';
import { cacheKeys, type CacheKeys, type KeyedEntry } from '../lib/cache-keys.ts';
import { fileFingerprints, saveFingerprintMemo } from '../lib/file-fingerprints.ts';
import { defaultLocale, localeCodes } from '../lib/locales.ts';
import { hasTextFields } from '../lib/content/layout.ts';
import { uiStrings } from '../lib/i18n-files.ts';
import siteConfig from 'virtual:klaster/config';
import { basePath, cacheDir, contentRoot, siteUrl } from '../lib/config.ts';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { splitFrontmatter } from '../lib/content/read.ts';
import { attributeFacetTitle, facetAttributes } from '../lib/product-attributes.ts';
import type { FilterEntry, FilterFacet } from '../lib/filter-data.ts';

export type Body = CollectionEntry<`${CollectionName}Text`>;
export type Site = SiteModel<Body>;

let model: Promise<Site> | undefined;
let keys: CacheKeys | undefined;

/**
 * Whether a text has a body. The content store keeps no raw bodies
 * (retainBody: false), so Markdown is judged by its rendered HTML and MDX,
 * which is compiled rather than rendered into the store, by its file.
 */
function hasBody(e: Body): boolean {
  if (e.rendered) return e.rendered.html.trim().length > 0;
  if (!e.filePath) return false;
  return splitFrontmatter(readFileSync(resolve(e.filePath), 'utf8')).body.trim().length > 0;
}

/** Where the hashes of the files beside the entries are remembered between builds (lib/file-fingerprints.ts). */
const fingerprintMemo = join(cacheDir(), 'file-fingerprints.json');

async function load(): Promise<Site> {
  const input = { facts: {}, texts: {} } as ModelInput<Body>;
  const keyed: KeyedEntry[] = [];
  await Promise.all(
    collectionNames.map(async (name) => {
      const [facts, allTexts] = await Promise.all([getCollection(name), getCollection(`${name}Text`)]);
      // The default language's file of an entry written in another language may hold its facts alone: no translation.
      const factsInText = new Set(facts.filter((e: { filePath?: string }) => /\.mdx?$/.test(e.filePath ?? '')).map((e: { id: string }) => e.id));
      const texts: Body[] = allTexts.filter((e: Body) => {
        const slash = e.id.lastIndexOf('/');
        if (e.id.slice(slash + 1) !== defaultLocale || !factsInText.has(e.id.slice(0, slash))) return true;
        return hasTextFields(e.data as Record<string, unknown>) || hasBody(e);
      });
      (input.facts as Record<string, unknown>)[name] = facts.map((e) => ({ id: e.id, data: e.data }));
      const byId = new Map<string, KeyedEntry>();
      for (const e of facts) {
        const k: KeyedEntry = { collection: name, id: e.id, facts: e.data, texts: [], files: fileFingerprints(contentRoot(), name, e.id, fingerprintMemo) };
        byId.set(e.id, k);
        keyed.push(k);
      }
      for (const e of texts) {
        const slash = e.id.lastIndexOf('/');
        byId.get(e.id.slice(0, slash))?.texts.push({ locale: e.id.slice(slash + 1), data: e.data, digest: String(e.digest ?? '') });
      }
      (input.texts as Record<string, unknown>)[name] = texts.map((e) => {
        const slash = e.id.lastIndexOf('/');
        return {
          id: e.id.slice(0, slash),
          locale: e.id.slice(slash + 1) as Locale,
          data: e.data,
          body: e,
          hasBody: hasBody(e),
        };
      });
    }),
  );
  saveFingerprintMemo();
  keys = cacheKeys(keyed, JSON.stringify([buildDate(), siteUrl(), basePath(), siteConfig, localeCodes.map((l) => uiStrings(l))]));
  return buildModel(input, { today: buildDate() });
}

/** Keys for Astro's incremental build (see lib/cache-keys.ts), made with the model. */
export async function pageKeys(): Promise<CacheKeys> {
  await site();
  return keys!;
}

export function site(): Promise<Site> {
  model ??= load();
  return model;
}

let facetIndex: Promise<FacetIndex> | undefined;

/** The catalogue facets, built once from the model. */
export function facets(): Promise<FacetIndex> {
  facetIndex ??= site().then((model) => buildFacets(model as SiteModel<unknown>, buildDate()));
  return facetIndex;
}

let memberFacetIndex: Promise<FacetIndex<MemberFacetName>> | undefined;

/** The members directory's facets, built once from the model. */
export function memberFacets(): Promise<FacetIndex<MemberFacetName>> {
  memberFacetIndex ??= site().then((model) => buildMemberFacets(model as SiteModel<unknown>));
  return memberFacetIndex;
}

/** A listing with facets: the product catalogue or the members directory. */
export type Listing = 'catalogue' | 'members';
export type ListingFacet<L extends Listing> = L extends 'catalogue' ? FacetName : MemberFacetName;
const listingCollection = { catalogue: 'products', members: 'organisations' } as const;
type ListingCollection<L extends Listing> = (typeof listingCollection)[L];

export interface Selection<L extends Listing> {
  entries: Entry<ListingCollection<L>, Body>[];
  /** The entries split into pages of 24. */
  pages: Page<Entry<ListingCollection<L>, Body>>[];
  /** The facets with each value's count within the selection, as shown. */
  groups: FacetGroup[];
}

const selections = new Map<string, Promise<Selection<Listing>>>();

/**
 * The entries of a whole listing or of one facet value, sorted for the
 * view's locale, split into pages, with the facets and their counts:
 * computed once and shared by every page of that selection, not once per
 * page (which made pagination quadratic).
 */
export function listingSelection<L extends Listing>(listing: L, v: View, facet?: ListingFacet<L>, value?: string): Promise<Selection<L>> {
  const key = `${listing}/${v.locale}/${facet ?? ''}/${value ?? ''}`;
  let selection = selections.get(key);
  if (!selection) {
    selection = (async () => {
      const [model, index] = await Promise.all([site(), listingFacets(listing)]);
      const collection = listingCollection[listing];
      const ids = facet && value ? index.products(facet, value) : undefined;
      const entries = ids ? model.sortIds(collection, ids, v.locale) : model.sorted(collection, v.locale);
      const counts = index.counts(ids ?? entries.map((p) => p.id));
      return { entries, pages: paginate(entries), groups: facetGroups(model, v, listing, counts, index.names) };
    })();
    selections.set(key, selection);
  }
  return selection as Promise<Selection<L>>;
}

export function listingFacets<L extends Listing>(listing: L): Promise<FacetIndex<ListingFacet<L>>> {
  return (listing === 'catalogue' ? facets() : memberFacets()) as Promise<FacetIndex<ListingFacet<L>>>;
}

/** The name of a facet value in a locale: a taxonomy label, a country, a cluster's or a maker's name. */
export function facetValueLabel(model: Site, v: View, listing: Listing, facet: string, value: string): string {
  switch (facet) {
    case 'category': return v.label('category', value);
    case 'certification': return v.label('certification', value);
    case 'type': return v.label('orgType', value);
    case 'sector': return v.label('sector', value);
    case 'country': return countryName(value.toUpperCase(), v.locale);
    case 'cluster': return displayName(localize(model.get('clusters', value), v.locale).text);
    case 'member': return displayName(localize(model.get('organisations', value), v.locale).text);
    default: {
      const attribute = listing === 'catalogue' ? facetAttributes.find((a) => a.id === facet) : undefined;
      if (attribute) return v.label(attribute.vocabulary!, value);
      throw new Error(`No facet "${facet}" in the ${listing}`);
    }
  }
}

/** A member card's line under the name: type, city and country. */
export const memberMeta = (v: View, org: Entry<'organisations', Body>, city: string) =>
  `${v.label('orgType', org.facts.type)} · ${city}, ${countryName(org.facts.country, v.locale)}`;

/** The heading of a facet in a locale. */
export function facetTitle(v: View, listing: Listing, facet: string): string {
  const attribute = listing === 'catalogue' ? facetAttributes.find((a) => a.id === facet) : undefined;
  if (attribute) return attributeFacetTitle(attribute, v.locale, v.t);
  return v.t(listing === 'catalogue' ? `facet.${facet}` : `memberFacet.${facet}`);
}

export interface FacetGroup {
  facet: string;
  label: string;
  /** Every value with its count, most frequent first, then by name. */
  values: { value: string; label: string; count: number }[];
}

/** A selection's facets as shown: each facet's values with labels and counts, in display order. */
export function facetGroups(model: Site, v: View, listing: Listing, counts: Record<string, Map<string, number>>, names: readonly string[]): FacetGroup[] {
  const collator = new Intl.Collator(v.lang);
  return names
    .map((facet) => ({
      facet,
      label: facetTitle(v, listing, facet),
      values: [...counts[facet]!.entries()]
        .map(([value, count]) => ({ value, count, label: facetValueLabel(model, v, listing, facet, value) }))
        .sort((a, b) => b.count - a.count || collator.compare(a.label, b.label)),
    }))
    .filter((g) => g.values.length > 0);
}

/** One card of a filter index: what the browser shows of an entry (assets/filter.js). */
export interface FilterCard {
  href: string;
  name: string;
  /** The language of the name and summary when they fall back to another locale's. */
  lang?: string;
  summary?: string;
  meta?: string;
  image?: { avif: string; webp: string; src: string; width: number; height: number; alt: string };
  /** A product's shortlist data (the data-* attributes of its button, components/ShortlistButton.astro). */
  shortlist?: { id: string; name: string; lang?: string; sku?: string; moq?: string; maker: string; makerLang?: string; email?: string; url: string };
}

/**
 * What the browser filters a listing with in place (assets/filter.js, split
 * by src/lib/filter-data.ts): every facet's values with their names in
 * display order, and every entry in the locale's collation order with its
 * card and its facet values. Built from the same facet index as the static
 * facet pages, so the two always agree.
 */
export async function filterIndex<L extends Listing>(
  listing: L,
  v: View,
  card: (entry: Entry<ListingCollection<L>, Body>) => Promise<FilterCard> | FilterCard,
): Promise<{ facets: FilterFacet[]; entries: FilterEntry<FilterCard>[] }> {
  const [index, { entries, groups }] = await Promise.all([listingFacets(listing), listingSelection(listing, v)]);
  const facets = groups.map((g) => ({ name: g.facet, label: g.label, values: g.values.map((x): [string, string] => [x.value, x.label]) }));
  const out: FilterEntry<FilterCard>[] = [];
  for (const entry of entries) {
    const values = index.valuesOf(entry.id);
    const own = Object.fromEntries(index.names.filter((f) => values[f].length).map((f) => [f, values[f]]));
    out.push({ card: await card(entry), facets: own });
  }
  return { facets, entries: out };
}

/** A product category of the catalogue: how many products it has and the product whose image stands for it. */
export interface CategoryCover {
  category: string;
  count: number;
  product: Entry<'products', Body>;
}

let covers: Promise<CategoryCover[]> | undefined;

/**
 * The catalogue's categories for the home page, most products first: each
 * one's picture is that of the first of site.yaml's featured products
 * (`home.products`) in it, else of its first product by id, so that the
 * same content always gives the same picture. Built once per build.
 */
export function categoryCovers(): Promise<CategoryCover[]> {
  covers ??= site().then((model) => {
    const featured = siteConfig.home.products;
    const byCategory = new Map<string, CategoryCover>();
    for (const product of [...model.all('products')].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
      const category = product.facts.category;
      const cover = byCategory.get(category);
      if (cover) cover.count++;
      else byCategory.set(category, { category, count: 1, product });
    }
    const byId = new Map(model.all('products').map((p) => [p.id, p]));
    for (const id of [...featured].reverse()) {
      const product = byId.get(id);
      const cover = product && byCategory.get(product.facts.category);
      if (cover && product.facts.images.length) cover.product = product;
    }
    return [...byCategory.values()].sort((a, b) => b.count - a.count || (a.category < b.category ? -1 : 1));
  });
  return covers;
}
