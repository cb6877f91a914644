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
  clusterNews: (l: Locale, id: string) => `/${l}/clusters/${id}/news/`,
  members: (l: Locale) => `/${l}/members/`,
  member: (l: Locale, id: string) => `/${l}/members/${id}/`,
  /** A member's contact card (vCard), with its name in the locale. */
  memberCard: (l: Locale, id: string) => `/${l}/members/${id}.vcf`,
  membersFacet: (l: Locale, facet: string, value: string) => `/${l}/members/${facet}/${value}/`,
  /** What the browser filters a listing with in place: see src/pages/[locale]/catalogue/filters.json.ts. */
  membersFilters: (l: Locale) => `/${l}/members/filters.json`,
  /** The folder of its cards, in chunks: `<folder><k>.json` (src/lib/filter-data.ts). */
  membersCards: (l: Locale) => `/${l}/members/cards/`,
  catalogue: (l: Locale) => `/${l}/catalogue/`,
  catalogueFacet: (l: Locale, facet: string, value: string) => `/${l}/catalogue/${facet}/${value}/`,
  catalogueFilters: (l: Locale) => `/${l}/catalogue/filters.json`,
  catalogueCards: (l: Locale) => `/${l}/catalogue/cards/`,
  product: (l: Locale, id: string) => `/${l}/products/${id}/`,
  /** The visitor's shortlist of products, built in the browser (assets/shortlist.js). */
  shortlist: (l: Locale) => `/${l}/shortlist/`,
  /** A GS1 Digital Link address of a product's GTIN: a page that leads to the product's page in the default locale, or in `l` (the locale as the link's path prefix). */
  gtin: (gtin: string, l?: Locale) => (l ? `/${l}/01/${gtin}/` : `/01/${gtin}/`),
  projects: (l: Locale) => `/${l}/projects/`,
  project: (l: Locale, id: string) => `/${l}/projects/${id}/`,
  projectNews: (l: Locale, id: string) => `/${l}/projects/${id}/news/`,
  projectFeed: (l: Locale, id: string) => `/${l}/projects/${id}/rss.xml`,
  /** A project's result document, published as it is (one address for every locale). */
  projectFile: (id: string, file: string) => `/files/projects/${id}/${file}`,
  newsList: (l: Locale) => `/${l}/news/`,
  newsFeed: (l: Locale) => `/${l}/news/rss.xml`,
  news: (l: Locale, id: string) => `/${l}/news/${id}/`,
  events: (l: Locale) => `/${l}/events/`,
  event: (l: Locale, id: string) => `/${l}/events/${id}/`,
  search: (l: Locale) => `/${l}/search/`,
  newsletters: (l: Locale) => `/${l}/newsletter/`,
  newsletter: (l: Locale, month: string) => `/${l}/newsletter/${month}/`,
  /** A free page of content/pages (About, Contact...). */
  page: (l: Locale, id: string) => `/${l}/${id}/`,
  /** The site's own stylesheet of settings: colours and fonts from site.yaml. */
  theme: () => '/klaster/theme.css',
} as const;

/**
 * Page `n` of a paginated list whose first page is at `first` (a folder
 * path): the first page keeps the list's own address, the others are at
 * `<first>page/<n>/`.
 */
export function listPage(first: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new Error(`No page ${n} of ${first}`);
  return n === 1 ? first : `${first}page/${n}/`;
}

/** The page of an entry of a collection, for collections that have pages. */
export const entryPath = {
  clusters: paths.cluster,
  organisations: paths.member,
  products: paths.product,
  projects: paths.project,
  news: paths.news,
  events: paths.event,
  pages: paths.page,
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
