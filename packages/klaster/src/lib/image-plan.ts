/**
 * Which image files a responsive picture needs, decided once for the whole
 * site so that every place showing the same source image asks for the same
 * transforms and Astro processes each of them once (it caches by source,
 * width, format and quality).
 *
 * Astro's <Picture> is not used for this: with `widths` it also emits a full
 * size `src` per format and a fallback srcset in the source format, about
 * twelve transforms per image where seven serve every browser (AVIF and WebP
 * at each width for the <source> elements, the WebP at 960 px for the <img>).
 */

/** Widths every raster image may be drawn at, for all pages. */
export const IMAGE_WIDTHS = [480, 960, 1600] as const;
/** The modern formats offered through <source> elements, best first. */
export const IMAGE_FORMATS = ['avif', 'webp'] as const;
/**
 * The <img> fallback: the WebP file at 960 px, one of the files the WebP
 * <source> already lists, so it costs no transform of its own. (It was a
 * JPEG, for browsers without WebP; every browser in use has shown WebP since
 * 2020, and the JPEG was 9% of an image's CPU time: README, Performance.)
 */
export const FALLBACK_FORMAT = 'webp';
export const FALLBACK_WIDTH = 960;

export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/**
 * The encoders' settings (Astro's image.service.config), chosen by
 * measurement on 4000 x 3000 photographs (npm run bench:images; README,
 * Performance). AVIF at effort 0 takes half the CPU time of effort 2, and
 * with 4:2:0 chroma (as JPEG and WebP always have) its files are 3-9%
 * smaller than effort 2's at 4:4:4. WebP stays at effort 4: effort 2 took
 * a third off its time but its 480 px files fell below SSIM 0.97.
 */
export const SERVICE_CONFIG = { avif: { effort: 0, chromaSubsampling: '4:2:0' }, webp: { effort: 4 }, jpeg: { mozjpeg: true } } as const;

export interface ImagePlan {
  /** Widths for the srcset of each modern format, never wider than the source. */
  widths: number[];
  /** Width of the fallback (WebP). */
  fallbackWidth: number;
  /** Height of the fallback at its width, so the <img> reserves its box. */
  fallbackHeight: number;
}

/**
 * The transforms for a source of `width` x `height`, up to `largest` (a
 * card never needs the gallery's largest file). Widths above the source's
 * are dropped; a source narrower than every width is offered at its own.
 */
export function imagePlan(width: number, height: number, largest: number = IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1]): ImagePlan {
  if (!(width > 0 && height > 0)) throw new Error(`An image needs a positive size, got ${width}x${height}`);
  const fitting = IMAGE_WIDTHS.filter((w) => w <= width && w <= largest);
  const widths = fitting.length > 0 ? fitting : [Math.min(width, largest)];
  const fallbackWidth = Math.min(FALLBACK_WIDTH, width);
  return { widths, fallbackWidth, fallbackHeight: Math.round((fallbackWidth * height) / width) };
}

/** Cards in lists: the widths up to 960 px of the same files, shown about 16rem wide. */
export const CARD_IMAGE = { sizes: '(max-width: 40rem) 50vw, 16rem', largest: 960 } as const;
