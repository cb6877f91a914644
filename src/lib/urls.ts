/**
 * Every address of the site, in one place. These paths are the public
 * contract: links, the sitemap, feeds and tests all come from here.
 * Paths are written without the base; `withBase` adds it.
 */
import type { Locale } from './locales.ts';

export const paths = {
  languages: () => '/',
  home: (l: Locale) => `/${l}/`,
  clusters: (l: Locale) => `/${l}/clusters/`,
  cluster: (l: Locale, id: string) => `/${l}/clusters/${id}/`,
  clusterCatalogue: (l: Locale, id: string) => `/${l}/clusters/${id}/catalogue/`,
  members: (l: Locale) => `/${l}/members/`,
  member: (l: Locale, id: string) => `/${l}/members/${id}/`,
  membersFacet: (l: Locale, facet: string, value: string) => `/${l}/members/${facet}/${value}/`,
  /** What the browser filters a listing with in place: see src/pages/[locale]/catalogue/filters.json.ts. */
  membersFilters: (l: Locale) => `/${l}/members/filters.json`,
  catalogue: (l: Locale) => `/${l}/catalogue/`,
  catalogueFacet: (l: Locale, facet: string, value: string) => `/${l}/catalogue/${facet}/${value}/`,
  catalogueFilters: (l: Locale) => `/${l}/catalogue/filters.json`,
  product: (l: Locale, id: string) => `/${l}/products/${id}/`,
  projects: (l: Locale) => `/${l}/projects/`,
  project: (l: Locale, id: string) => `/${l}/projects/${id}/`,
  newsList: (l: Locale) => `/${l}/news/`,
  news: (l: Locale, id: string) => `/${l}/news/${id}/`,
  events: (l: Locale) => `/${l}/events/`,
  event: (l: Locale, id: string) => `/${l}/events/${id}/`,
  search: (l: Locale) => `/${l}/search/`,
  newsletters: (l: Locale) => `/${l}/newsletter/`,
  newsletter: (l: Locale, month: string) => `/${l}/newsletter/${month}/`,
} as const;

/** The page of an entry of a collection, for collections that have pages. */
export const entryPath = {
  clusters: paths.cluster,
  organisations: paths.member,
  products: paths.product,
  projects: paths.project,
  news: paths.news,
  events: paths.event,
} as const;

/** Prefixes a site path with the base path (`/` or `/sub/path/`). */
export function withBase(path: string, base: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\//, '');
}

/** The same page in another locale: the first path segment is the locale. */
export function switchLocale(path: string, from: Locale, to: Locale): string {
  const prefix = `/${from}/`;
  return path.startsWith(prefix) ? `/${to}/${path.slice(prefix.length)}` : paths.home(to);
}
