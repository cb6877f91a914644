/**
 * The site model for Astro pages, built once per build from the content
 * collections and shared by every page (see lib/model.ts).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { collectionNames, type CollectionName } from '../lib/content/fields.ts';
import { buildModel, type Entry, type ModelInput, type SiteModel } from '../lib/model.ts';
import type { Locale } from '../lib/locales.ts';
import { buildFacets, type FacetIndex, type FacetName } from '../lib/facets.ts';
import { buildDate } from '../lib/build-date.ts';
import { cacheKeys, type CacheKeys, type KeyedEntry } from '../lib/cache-keys.ts';
import { fileFingerprints } from '../lib/file-fingerprints.ts';
import { localeCodes } from '../lib/locales.ts';
import { uiStrings } from '../lib/i18n-files.ts';
import { basePath, contentRoot, siteUrl } from '../lib/config.ts';

export type Body = CollectionEntry<`${CollectionName}Text`>;
export type Site = SiteModel<Body>;

let model: Promise<Site> | undefined;
let keys: CacheKeys | undefined;

async function load(): Promise<Site> {
  const input = { facts: {}, texts: {} } as ModelInput<Body>;
  const keyed: KeyedEntry[] = [];
  await Promise.all(
    collectionNames.map(async (name) => {
      const [facts, texts] = await Promise.all([getCollection(name), getCollection(`${name}Text`)]);
      (input.facts as Record<string, unknown>)[name] = facts.map((e) => ({ id: e.id, data: e.data }));
      const byId = new Map<string, KeyedEntry>();
      for (const e of facts) {
        const k: KeyedEntry = { collection: name, id: e.id, facts: e.data, texts: [], files: fileFingerprints(contentRoot(), name, e.id) };
        byId.set(e.id, k);
        keyed.push(k);
      }
      for (const e of texts) {
        const slash = e.id.lastIndexOf('/');
        byId.get(e.id.slice(0, slash))?.texts.push({ locale: e.id.slice(slash + 1), data: e.data, body: e.body ?? '' });
      }
      (input.texts as Record<string, unknown>)[name] = texts.map((e) => {
        const slash = e.id.lastIndexOf('/');
        return {
          id: e.id.slice(0, slash),
          locale: e.id.slice(slash + 1) as Locale,
          data: e.data,
          body: e,
          hasBody: (e.body ?? '').trim().length > 0,
        };
      });
    }),
  );
  keys = cacheKeys(keyed, JSON.stringify([buildDate(), siteUrl(), basePath(), localeCodes.map((l) => uiStrings(l))]));
  return buildModel(input);
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

export interface CatalogueSelection {
  products: Entry<'products', Body>[];
  counts: ReturnType<FacetIndex['counts']>;
}

const selections = new Map<string, CatalogueSelection>();

/**
 * The products of the whole catalogue or of one facet value, sorted for a
 * locale, with facet counts: computed once and shared by every page of that
 * selection, not once per page (which made pagination quadratic).
 */
export async function catalogueSelection(locale: Locale, facet?: FacetName, value?: string): Promise<CatalogueSelection> {
  const key = `${locale}/${facet ?? ''}/${value ?? ''}`;
  let selection = selections.get(key);
  if (!selection) {
    const [model, index] = await Promise.all([site(), facets()]);
    const ids = facet && value ? index.products(facet, value) : undefined;
    const products = ids ? model.sortIds('products', ids, locale) : model.sorted('products', locale);
    selection = { products, counts: index.counts(ids ?? products.map((p) => p.id)) };
    selections.set(key, selection);
  }
  return selection;
}
