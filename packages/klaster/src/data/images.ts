/**
 * Every processed image's addresses, worked out once per source image for
 * the whole build (src/lib/image-plan.ts decides which files).
 *
 * The images of entries' facts (product photos, news covers) are registered
 * with Astro from getStaticPaths, before any page renders: Astro then
 * processes them on every build, whichever pages are rendered and whichever
 * are copied by the incremental build, and no page records them as its own.
 * (Astro's incremental build writes every image a page asked for into its
 * manifest, page by page: 35 records of the same few images on each product
 * page made that manifest too long for one string at 10,000 products.)
 * Images met only while rendering (in MDX bodies) are worked out on the
 * page, which records them as Astro expects.
 */
import type { ImageMetadata, ImageOutputFormat } from 'astro';
import { getImage } from 'astro:assets';
import { FALLBACK_FORMAT, IMAGE_FORMATS, imagePlan } from '../lib/image-plan.ts';
import { img } from './view.ts';
import { site } from './site.ts';

export const THUMB_WIDTH = 160;

export interface ImageSet {
  /** Per modern format, the file of each width. */
  formats: { type: string; files: { width: number; url: string }[] }[];
  fallback: { src: string; width: number; height: number };
  /** A small WebP for search results, where asked for. */
  thumb?: string;
}

async function makeSet(src: ImageMetadata, thumb: boolean): Promise<ImageSet> {
  const plan = imagePlan(src.width, src.height);
  const url = async (width: number, format: ImageOutputFormat) => (await getImage({ src, width, format })).src;
  const formats = await Promise.all(
    IMAGE_FORMATS.map(async (format) => ({
      type: `image/${format}`,
      files: await Promise.all(plan.widths.map(async (width) => ({ width, url: await url(width, format) }))),
    })),
  );
  return {
    formats,
    fallback: { src: await url(plan.fallbackWidth, FALLBACK_FORMAT), width: plan.fallbackWidth, height: plan.fallbackHeight },
    thumb: thumb ? await url(Math.min(THUMB_WIDTH, src.width), 'webp') : undefined,
  };
}

const registered = new Map<string, ImageSet>();
let registration: Promise<void> | undefined;

const raster = (src: ImageMetadata) => ['jpg', 'jpeg', 'png', 'webp', 'avif', 'tiff'].includes(src.format);

/** Registers the images of every entry's facts; called from getStaticPaths. */
export function registerImages(): Promise<void> {
  registration ??= (async () => {
    const model = await site();
    const wanted: [ImageMetadata, boolean][] = [];
    for (const product of model.all('products')) {
      product.facts.images.forEach((ref, i) => wanted.push([img(ref).src, i === 0]));
    }
    for (const news of model.all('news')) if (news.facts.cover) wanted.push([img(news.facts.cover).src, true]);
    await Promise.all(
      wanted
        .filter(([src]) => raster(src))
        .map(async ([src, thumb]) => {
          const set = await makeSet(src, thumb);
          const known = registered.get(src.src);
          registered.set(src.src, known?.thumb ? known : set);
        }),
    );
  })();
  return registration;
}

/** The files of a source image: registered ones from the build's list, others worked out here. */
export async function imageSet(src: ImageMetadata, thumb = false): Promise<ImageSet> {
  const known = registered.get(src.src);
  if (known && (known.thumb || !thumb)) return known;
  return makeSet(src, thumb);
}

/** A srcset of one format's files, up to the widest a place can use. */
export function srcset(files: ImageSet['formats'][number]['files'], largest = Infinity): string {
  const fitting = files.filter((f) => f.width <= largest);
  return (fitting.length ? fitting : files.slice(0, 1)).map((f) => `${f.url} ${f.width}w`).join(', ');
}
