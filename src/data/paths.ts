/** getStaticPaths helpers: every locale, every entry. */
import { localeCodes, type Locale } from '../lib/locales.ts';
import type { CollectionName } from '../lib/content/fields.ts';
import { listingFacets, site, type Listing } from './site.ts';
import { PAGE_SIZE } from '../lib/paginate.ts';

export function localePaths() {
  return localeCodes.map((locale) => ({ params: { locale }, props: { locale } }));
}

export async function entryPaths(collection: CollectionName) {
  const model = await site();
  const ids = [...model.entries[collection].keys()];
  return localeCodes.flatMap((locale: Locale) => ids.map((id) => ({ params: { locale, id }, props: { locale, id } })));
}

/** Every facet value's pages of a listing: the first (`later` false) or the following ones. */
export async function facetPaths(later: boolean, listing: Listing = 'catalogue') {
  const index = await listingFacets(listing);
  const out: { params: Record<string, string>; props: Record<string, unknown> }[] = [];
  for (const facet of index.names) {
    for (const value of index.values(facet)) {
      const count = Math.ceil(index.products(facet, value).length / PAGE_SIZE);
      for (const locale of localeCodes) {
        if (!later) out.push({ params: { locale, facet, value }, props: { locale, facet, value } });
        else for (let page = 2; page <= count; page++) out.push({ params: { locale, facet, value, page: String(page) }, props: { locale, facet, value, page } });
      }
    }
  }
  return out;
}

/** The pages after the first of a whole listing, in every locale. */
export async function listingPagePaths(listing: Listing) {
  const model = await site();
  const count = Math.ceil(model.all(listing === 'catalogue' ? 'products' : 'organisations').length / PAGE_SIZE);
  return localeCodes.flatMap((locale) =>
    Array.from({ length: Math.max(0, count - 1) }, (_, i) => ({ params: { locale, page: String(i + 2) }, props: { locale, page: i + 2 } })),
  );
}
