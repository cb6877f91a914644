/** getStaticPaths helpers: every locale this build writes (all but in a sharded build), every entry. */
import { builtLocales, type Locale } from '../lib/locales.ts';
import type { CollectionName } from '../lib/content/fields.ts';
import { listingFacets, pageKeys, site, type Listing } from './site.ts';
import { PAGE_SIZE, paginate, type Page } from '../lib/paginate.ts';
import { registerImages } from './images.ts';

/*
 * Every page made from these paths carries a cacheKey, so the incremental
 * build copies it from the last build while what it shows is unchanged
 * (lib/cache-keys.ts): listings change with any entry's fields, an entry's
 * pages also with its own bodies.
 */

/** The model, the pages' cache keys, and the facts' images registered with Astro (see data/images.ts). */
async function prepared() {
  const [model, keys] = await Promise.all([site(), pageKeys(), registerImages()]);
  return { model, keys };
}

export async function localePaths() {
  const cacheKey = (await prepared()).keys.shared;
  return builtLocales.map((locale) => ({ params: { locale }, props: { locale }, cacheKey }));
}

export async function entryPaths(collection: CollectionName) {
  const { model, keys } = await prepared();
  const ids = [...model.entries[collection].keys()];
  return builtLocales.flatMap((locale: Locale) =>
    ids.map((id) => ({ params: { locale, id }, props: { locale, id }, cacheKey: keys.entry(collection, id) })),
  );
}

/** Every facet value's pages of a listing: the first (`later` false) or the following ones. */
export async function facetPaths(later: boolean, listing: Listing = 'catalogue') {
  const [index, { keys }] = await Promise.all([listingFacets(listing), prepared()]);
  const cacheKey = keys.shared;
  const out: { params: Record<string, string>; props: Record<string, unknown>; cacheKey: string }[] = [];
  for (const facet of index.names) {
    for (const value of index.values(facet)) {
      const count = Math.ceil(index.products(facet, value).length / PAGE_SIZE);
      for (const locale of builtLocales) {
        if (!later) out.push({ params: { locale, facet, value }, props: { locale, facet, value }, cacheKey });
        else for (let page = 2; page <= count; page++) out.push({ params: { locale, facet, value, page: String(page) }, props: { locale, facet, value, page }, cacheKey });
      }
    }
  }
  return out;
}

/** The news lists: all news of a locale, a project's, a cluster's (news naming the cluster or one of its projects). */
export type NewsListKind = 'all' | 'projects' | 'clusters';

/**
 * The pages of every news list of a kind, in every locale: the first pages
 * (`later` false) or the following ones (`page` param). The lists come
 * sorted from the model and are split once here; each page gets its items
 * as props.
 */
export async function newsListPaths(kind: NewsListKind, later: boolean) {
  const { model, keys } = await prepared();
  const lists: { id?: string; ids: string[] }[] =
    kind === 'all'
      ? [{ ids: model.newsNewestFirst() }]
      : [...model.entries[kind].keys()].map((id) => ({ id, ids: kind === 'projects' ? model.newsOf('projects', id) : model.newsOfCluster(id) }));
  const out: { params: Record<string, string>; props: { locale: Locale; id?: string; page: Page<string> }; cacheKey: string }[] = [];
  for (const { id, ids } of lists) {
    const pages = paginate(ids);
    for (const page of later ? pages.slice(1) : pages.slice(0, 1)) {
      for (const locale of builtLocales) {
        const params: Record<string, string> = { locale };
        if (id) params.id = id;
        if (later) params.page = String(page.number);
        out.push({ params, props: { locale, id, page }, cacheKey: keys.shared });
      }
    }
  }
  return out;
}

/** The pages after the first of a whole listing, in every locale. */
export async function listingPagePaths(listing: Listing) {
  const { model, keys } = await prepared();
  const count = Math.ceil(model.all(listing === 'catalogue' ? 'products' : 'organisations').length / PAGE_SIZE);
  return builtLocales.flatMap((locale) =>
    Array.from({ length: Math.max(0, count - 1) }, (_, i) => ({ params: { locale, page: String(i + 2) }, props: { locale, page: i + 2 }, cacheKey: keys.shared })),
  );
}
