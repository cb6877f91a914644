/**
 * /<locale>/catalogue/filters.json: the facet table the browser filters the
 * catalogue with in place (assets/filter.js; why a small index rather than
 * Pagefind: see the head of that file; how it is split from the cards:
 * src/lib/filter-data.ts). The cards are in /<locale>/catalogue/cards/<k>.json.
 */
import type { APIRoute } from 'astro';
import { localePaths } from '../../../data/paths.ts';
import { filterTableOf } from '../../../data/filters.ts';
import { view } from '../../../data/view.ts';
import type { Locale } from '../../../lib/locales.ts';

export const getStaticPaths = localePaths;

export const GET: APIRoute = async ({ props, site: origin }) => {
  const v = view((props as { locale: Locale }).locale, import.meta.env.BASE_URL, origin!);
  return new Response(JSON.stringify(await filterTableOf('catalogue', v)), { headers: { 'content-type': 'application/json' } });
};
