/** getStaticPaths helpers: every locale, every entry. */
import { localeCodes, type Locale } from '../lib/locales.ts';
import type { CollectionName } from '../lib/content/fields.ts';
import { facets, site } from './site.ts';
import { facetNames } from '../lib/facets.ts';
import { PAGE_SIZE } from '../lib/paginate.ts';

export function localePaths() {
  return localeCodes.map((locale) => ({ params: { locale }, props: { locale } }));
}

export async function entryPaths(collection: CollectionName) {
  const model = await site();
  const ids = [...model.entries[collection].keys()];
  return localeCodes.flatMap((locale: Locale) => ids.map((id) => ({ params: { locale, id }, props: { locale, id } })));
}

/** Every facet value's catalogue pages: the first (`later` false) or the following ones. */
export async function facetPaths(later: boolean) {
  const index = await facets();
  const out: { params: Record<string, string>; props: Record<string, unknown> }[] = [];
  for (const facet of facetNames) {
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
