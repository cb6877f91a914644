/**
 * /<locale>/members/filters.json: the members directory as
 * public/klaster/filter.js filters it in place, like the catalogue's
 * (src/pages/[locale]/catalogue/filters.json.ts).
 */
import type { APIRoute } from 'astro';
import { localePaths } from '../../../data/paths.ts';
import { filterIndex, memberMeta } from '../../../data/site.ts';
import { view } from '../../../data/view.ts';
import type { Locale } from '../../../lib/locales.ts';

export const getStaticPaths = localePaths;

export const GET: APIRoute = async ({ props, site: origin }) => {
  const v = view((props as { locale: Locale }).locale, import.meta.env.BASE_URL, origin!);
  const index = await filterIndex('members', v, (org) => {
    const { href, name, lang, summary, loc } = v.link(org);
    return { href, name, lang, summary, meta: memberMeta(v, org, loc.text.city) };
  });
  return new Response(JSON.stringify(index), { headers: { 'content-type': 'application/json' } });
};
