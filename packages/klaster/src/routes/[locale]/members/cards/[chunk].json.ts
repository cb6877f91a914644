/**
 * /<locale>/members/cards/<k>.json: chunk k of the cards of the members, in the
 * locale's order, fetched by assets/filter.js when they are about to be shown
 * (src/lib/filter-data.ts).
 */
import type { APIRoute } from 'astro';
import { cardChunkPaths, filterData } from '../../../../data/filters.ts';
import { cardChunk } from '../../../../lib/filter-data.ts';
import { view } from '../../../../data/view.ts';
import type { Locale } from '../../../../lib/locales.ts';

export const getStaticPaths = () => cardChunkPaths('members');

export const GET: APIRoute = async ({ props, site: origin }) => {
  const { locale, chunk } = props as { locale: Locale; chunk: number };
  const v = view(locale, import.meta.env.BASE_URL, origin!);
  const { entries } = await filterData('members', v);
  return new Response(JSON.stringify(cardChunk(entries, chunk)), { headers: { 'content-type': 'application/json' } });
};
