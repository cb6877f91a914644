/**
 * /<locale>/catalogue/filters.json: the catalogue as public/klaster/filter.js
 * filters it in place (why a small index rather than Pagefind: see the head
 * of that file). Products in the locale's collation order, each with its
 * card and its facet values; the card images are the very files the static
 * cards use (same transforms as Card.astro), so nothing new is processed.
 */
import type { APIRoute, ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { localePaths } from '../../../data/paths.ts';
import { filterIndex, type FilterItem } from '../../../data/site.ts';
import { view } from '../../../data/view.ts';
import type { Locale } from '../../../lib/locales.ts';

/** As Card.astro's Picture: its widths, formats and fallback. */
const CARD_WIDTHS = [320, 640];
const CARD_SIZES = '(max-width: 40rem) 100vw, 16rem';

type CardImage = Omit<NonNullable<FilterItem['image']>, 'alt'>;
/** Per image, not per locale: the same files in every language. */
const images = new Map<string, Promise<CardImage>>();

function cardImage(src: ImageMetadata): Promise<CardImage> {
  let image = images.get(src.src);
  if (!image) {
    const fallback = ['gif', 'svg', 'jpg', 'jpeg'].includes(src.format) ? src.format : 'png';
    image = Promise.all(
      (['avif', 'webp', fallback] as const).map((format) => getImage({ src, widths: CARD_WIDTHS, sizes: CARD_SIZES, format: format as 'png' })),
    ).then(([avif, webp, plain]) => ({
      avif: avif!.srcSet.attribute,
      webp: webp!.srcSet.attribute,
      src: plain!.src,
      width: Number(plain!.attributes.width ?? src.width),
      height: Number(plain!.attributes.height ?? src.height),
    }));
    images.set(src.src, image);
  }
  return image;
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
  return new Response(JSON.stringify({ sizes: CARD_SIZES, ...index }), { headers: { 'content-type': 'application/json' } });
};
