/**
 * The filter data of the catalogue and of the members directory, worked out
 * once per listing and locale and shared by its routes: the facet table
 * (<listing>/filters.json) and every chunk of cards (<listing>/cards/<k>.json).
 * src/lib/filter-data.ts says how it is split.
 */
import type { APIRoute, ImageMetadata } from 'astro';
import { imageSet, srcset } from './images.ts';
import { CARD_IMAGE } from '../lib/image-plan.ts';
import { cardChunk, chunkCount, filterTable, type FilterEntry, type FilterFacet, type FilterTable } from '../lib/filter-data.ts';
import { filterIndex, memberMeta, pageKeys, site, type FilterCard, type Listing } from './site.ts';
import { paths } from '../lib/urls.ts';
import { builtLocales, type Locale } from '../lib/locales.ts';
import { view, type View } from './view.ts';
import { localePaths } from './paths.ts';
import { productEnquiry } from './enquiry.ts';

type CardImage = Omit<NonNullable<FilterCard['image']>, 'alt'>;

/** The card's files (as Card.astro shows them), from the build's image list. */
async function cardImage(src: ImageMetadata): Promise<CardImage> {
  const set = await imageSet(src);
  const [avif, webp] = set.formats.map((f) => srcset(f.files, CARD_IMAGE.largest));
  return { avif: avif!, webp: webp!, ...set.fallback };
}

async function build(listing: Listing, v: View) {
  if (listing === 'catalogue') {
    const model = await site();
    return filterIndex('catalogue', v, async (product) => {
      const { href, name, lang, summary } = v.link(product);
      const first = v.productImages(product)[0];
      const image = first ? { ...(await cardImage(first.src)), alt: first.alt } : undefined;
      return { href, name, lang, summary, meta: v.label('category', product.facts.category), image, shortlist: productEnquiry(model, v, product.id).item };
    });
  }
  return filterIndex('members', v, (org) => {
    const { href, name, lang, summary, loc } = v.link(org);
    return { href, name, lang, summary, meta: memberMeta(v, org, loc.text.city) };
  });
}

type Data = Promise<{ facets: FilterFacet[]; entries: FilterEntry<FilterCard>[] }>;
/**
 * The latest few listings and locales worked out: their routes' pages come
 * locale after locale, so each is worked out once per route, and no more
 * than a few locales' cards are held at a time.
 */
const recent = new Map<string, Data>();
const KEEP = 4;

export function filterData(listing: Listing, v: View): Data {
  const key = `${listing}/${v.locale}`;
  let data = recent.get(key);
  if (!data) {
    data = build(listing, v);
    recent.set(key, data);
    if (recent.size > KEEP) recent.delete(recent.keys().next().value!);
  }
  return data;
}

/** The facet table of a listing in a locale (its filters.json). */
export async function filterTableOf(listing: Listing, v: View): Promise<FilterTable & { sizes?: string }> {
  const { facets, entries } = await filterData(listing, v);
  const folder = listing === 'catalogue' ? paths.catalogueCards(v.locale) : paths.membersCards(v.locale);
  const table = filterTable(facets, entries, v.href(folder));
  return listing === 'catalogue' ? { sizes: CARD_IMAGE.sizes, ...table } : table;
}

/** The paths of a listing's chunks of cards: every locale, every chunk (one chunk for an empty listing). */
export async function cardChunkPaths(listing: Listing) {
  const [model, keys] = await Promise.all([site(), pageKeys()]);
  const count = chunkCount(model.entries[listing === 'catalogue' ? 'products' : 'organisations'].size) || 1;
  return builtLocales.flatMap((locale: Locale) =>
    Array.from({ length: count }, (_, k) => ({ params: { locale, chunk: String(k) }, props: { locale, chunk: k }, cacheKey: keys.shared })),
  );
}

const json = (value: unknown) => new Response(JSON.stringify(value), { headers: { 'content-type': 'application/json' } });

/**
 * The route of a listing's facet table, /<locale>/<listing>/filters.json:
 * `export const { getStaticPaths, GET } = filterTableRoute('catalogue');`
 */
export function filterTableRoute(listing: Listing) {
  const GET: APIRoute = async ({ props, site: origin }) => {
    const v = view((props as { locale: Locale }).locale, import.meta.env.BASE_URL, origin!);
    return json(await filterTableOf(listing, v));
  };
  return { getStaticPaths: localePaths, GET };
}

/**
 * The route of a listing's chunks of cards, /<locale>/<listing>/cards/<k>.json:
 * `export const { getStaticPaths, GET } = cardChunkRoute('members');`
 */
export function cardChunkRoute(listing: Listing) {
  const GET: APIRoute = async ({ props, site: origin }) => {
    const { locale, chunk } = props as { locale: Locale; chunk: number };
    const { entries } = await filterData(listing, view(locale, import.meta.env.BASE_URL, origin!));
    return json(cardChunk(entries, chunk));
  };
  return { getStaticPaths: () => cardChunkPaths(listing), GET };
}
