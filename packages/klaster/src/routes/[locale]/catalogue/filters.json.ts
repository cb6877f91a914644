/**
 * /<locale>/catalogue/filters.json: the catalogue as public/klaster/filter.js
 * filters it in place (why a small index rather than Pagefind: see the head
 * of that file). Products in the locale's collation order, each with its
 * card and its facet values; the card images are the very files the static
 * cards use (same transforms as Card.astro), so nothing new is processed.
 */
import type { APIRoute, ImageMetadata } from 'astro';
import { imageSet, srcset } from '../../../data/images.ts';
import { CARD_IMAGE } from '../../../lib/image-plan.ts';
import { localePaths } from '../../../data/paths.ts';
import { filterIndex, type FilterItem } from '../../../data/site.ts';
import { view } from '../../../data/view.ts';
import type { Locale } from '../../../lib/locales.ts';

type CardImage = Omit<NonNullable<FilterItem['image']>, 'alt'>;

/** The card's files (as Card.astro shows them), from the build's image list. */
async function cardImage(src: ImageMetadata): Promise<CardImage> {
  const set = await imageSet(src);
  const [avif, webp] = set.formats.map((f) => srcset(f.files, CARD_IMAGE.largest));
  return { avif: avif!, webp: webp!, ...set.fallback };
}

export const getStaticPaths = localePaths;

export const GET: APIRoute = async ({ props, site: origin }) => {
  const v = view((props as { locale: Locale }).locale, import.meta.env.BASE_URL, origin!);
  const index = await filterIndex('catalogue', v, async (product) => {
    const { href, name, lang, summary } = v.link(product);
    const first = v.productImages(product)[0];
    const image = first ? { ...(await cardImage(first.src)), alt: first.alt } : undefined;
    return { href, name, lang, summary, meta: v.label('category', product.facts.category), image };
  });
  return new Response(JSON.stringify({ sizes: CARD_IMAGE.sizes, ...index }), { headers: { 'content-type': 'application/json' } });
};
