/** getStaticPaths helpers: every locale, every entry. */
import { localeCodes, type Locale } from '../lib/locales.ts';
import type { CollectionName } from '../lib/content/fields.ts';
import { facets, site } from './site.ts';
import { facetNames } from '../lib/facets.ts';
import { PAGE_SIZE, paginate, type Page } from '../lib/paginate.ts';

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

/** The news lists: all news of a locale, a project's, a cluster's (news naming the cluster or one of its projects). */
export type NewsListKind = 'all' | 'projects' | 'clusters';

/**
 * The pages of every news list of a kind, in every locale: the first pages
 * (`later` false) or the following ones (`page` param). The lists come
 * sorted from the model and are split once here; each page gets its items
 * as props.
 */
export async function newsListPaths(kind: NewsListKind, later: boolean) {
  const model = await site();
  const lists: { id?: string; ids: string[] }[] =
    kind === 'all'
      ? [{ ids: model.newsNewestFirst() }]
      : [...model.entries[kind].keys()].map((id) => ({ id, ids: kind === 'projects' ? model.newsOf('projects', id) : model.newsOfCluster(id) }));
  const out: { params: Record<string, string>; props: { locale: Locale; id?: string; page: Page<string> } }[] = [];
  for (const { id, ids } of lists) {
    const pages = paginate(ids);
    for (const page of later ? pages.slice(1) : pages.slice(0, 1)) {
      for (const locale of localeCodes) {
        const params: Record<string, string> = { locale };
        if (id) params.id = id;
        if (later) params.page = String(page.number);
        out.push({ params, props: { locale, id, page } });
      }
    }
  }
  return out;
}
