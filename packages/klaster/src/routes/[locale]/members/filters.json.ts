/**
 * /<locale>/members/filters.json: the facet table the browser filters the
 * members directory with in place, like the catalogue's
 * (src/routes/[locale]/catalogue/filters.json.ts). The cards are in
 * /<locale>/members/cards/<k>.json.
 */
import type { APIRoute } from 'astro';
import { localePaths } from '../../../data/paths.ts';
import { filterTableOf } from '../../../data/filters.ts';
import { view } from '../../../data/view.ts';
import type { Locale } from '../../../lib/locales.ts';

export const getStaticPaths = localePaths;

export const GET: APIRoute = async ({ props, site: origin }) => {
  const v = view((props as { locale: Locale }).locale, import.meta.env.BASE_URL, origin!);
  return new Response(JSON.stringify(await filterTableOf('members', v)), { headers: { 'content-type': 'application/json' } });
};
