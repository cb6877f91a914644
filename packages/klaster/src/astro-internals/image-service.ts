/**
 * Klaster's image service: Astro's sharp service, except that the files of
 * one source image are made from one decoding of it.
 *
 * Astro's build makes a source's files one after the other, calling the
 * service's transform() with the same bytes (the same Uint8Array) for each.
 * Astro's sharp service decodes those bytes again every time: for a camera
 * photograph (4000 x 3000 JPEG) the decoding and the first shrink are a fifth
 * of the CPU time of all its files (scripts/bench-images.mjs, README,
 * Performance). Here the first call for a source decodes it, turns it
 * upright and shrinks it to the widest width of the image plan, once; that
 * and later calls for the same bytes encode from those pixels. The pixels
 * are held in a WeakMap keyed by the bytes, so they go when Astro lets go of
 * the source.
 *
 * What this relies on that Astro does not document: that the bytes of a
 * source are one object across its transforms (Astro's assets build,
 * generateImagesForPath). If that changes, every call decodes again: slower,
 * the same files. Transforms other than a plain resize to a width at most
 * the plan's widest (a height, a fit, a background, a quality, animated or
 * vector sources) go to Astro's service unchanged.
 */
import type { ImageTransform, LocalImageService } from 'astro';
import sharpService from 'astro/assets/services/sharp';
import sharp, { type ResizeOptions } from 'sharp';
import { IMAGE_WIDTHS } from '../lib/image-plan.ts';

/** The widest file the plan asks for: the size the source is shrunk to once. */
const WIDEST = Math.max(...IMAGE_WIDTHS);
/** Formats decoded once; others (GIF, SVG, HEIF...) go to Astro's service. */
const DECODED = new Set(['jpeg', 'png', 'webp', 'tiff', 'avif']);
const ENCODED = new Set(['avif', 'webp', 'jpeg', 'jpg', 'png']);

interface Pixels {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}

const decoded = new WeakMap<Uint8Array, Promise<Pixels | undefined>>();
let decodings = 0;
/** How many sources this process has decoded for reuse (for the tests). */
export const decodeCount = () => decodings;

/** The source upright, in sRGB, 8 bits, at most WIDEST wide; undefined for what is left to Astro. */
async function decode(input: Uint8Array, limitInputPixels: number | boolean | undefined): Promise<Pixels | undefined> {
  const options = { failOn: 'none' as const, limitInputPixels };
  const meta = await sharp(input, options).metadata();
  if (!meta.format || !DECODED.has(meta.format) || (meta.pages ?? 1) > 1) return undefined;
  decodings++;
  const { data, info } = await sharp(input, options)
    .rotate()
    .resize({ width: WIDEST, withoutEnlargement: true })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

type Options = ImageTransform & { format?: string };

/** A plain resize to a width (what the image plan asks for), which the decoded pixels can serve. */
function plain(options: Options): boolean {
  const o = options as Record<string, unknown>;
  return (
    typeof options.width === 'number' &&
    options.width <= WIDEST &&
    !!options.format &&
    ENCODED.has(options.format) &&
    [o.height, o.fit, o.position, o.background, o.quality].every((v) => v === undefined)
  );
}

type Transform = LocalImageService['transform'];

const service: LocalImageService = {
  ...sharpService,
  async transform(input, options, config, logger): ReturnType<Transform> {
    const transform = options as Options;
    const serviceConfig = (config.service.config ?? {}) as Record<string, Record<string, unknown> | number | boolean | undefined>;
    if (!plain(transform)) return sharpService.transform(input, options, config, logger);
    let pixels = decoded.get(input);
    if (!pixels) {
      pixels = decode(input, serviceConfig.limitInputPixels as number | boolean | undefined).catch(() => undefined);
      decoded.set(input, pixels);
    }
    const source = await pixels;
    if (!source) return sharpService.transform(input, options, config, logger);
    const width = Math.round(transform.width!);
    let image = sharp(source.data, { raw: { width: source.width, height: source.height, channels: source.channels } });
    if (width < source.width) image = image.resize({ width, kernel: serviceConfig.kernel as ResizeOptions['kernel'] });
    const format = transform.format === 'jpg' ? 'jpeg' : (transform.format as 'avif' | 'webp' | 'jpeg' | 'png');
    // The encoder settings of the site's configuration, as Astro's service applies them.
    const encoder = (serviceConfig[format] ?? {}) as Record<string, unknown>;
    const { data, info } = await image.toFormat(format, encoder).toBuffer({ resolveWithObject: true });
    return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), format: info.format };
  },
};

export default service;
