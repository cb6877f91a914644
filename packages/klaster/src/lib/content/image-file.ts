/**
 * What is inside an image file, from its header alone: the one place the
 * check looks into images (the images of index.yaml, the Markdown images of
 * the texts, the pictures of site.yaml).
 *
 * The check reads every image a site names, 20,000 of them at 10,000
 * products, so it never decodes a picture: it reads the first bytes of each
 * file (more only when a header goes on past them, as a JPEG's EXIF data and
 * colour profile can) and hands them to image-size, the library whose copy
 * Astro uses for the same metadata. A file whose size image-size cannot read
 * is one the build would stop on (Astro's NoImageMetadata); a file whose
 * bytes are another format than its name says would be published under the
 * wrong name.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { imageSize } from 'image-size';
import { IMAGE_WIDTHS, imagePlan } from '../image-plan.ts';

/** The file name extensions of images a site may use. */
export const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'avif', 'gif', 'svg'];

/** The width a product image should have: the largest width the pages offer. */
export const MIN_IMAGE_WIDTH = IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1];

/** image-size's name of a format, for each extension. */
const FORMAT_OF_EXTENSION: Record<string, string> = { jpg: 'jpg', jpeg: 'jpg', png: 'png', webp: 'webp', avif: 'avif', gif: 'gif', svg: 'svg' };
/** The extension a file of a web format should have. */
const EXTENSION_OF_FORMAT: Record<string, string> = { jpg: 'jpg', png: 'png', webp: 'webp', avif: 'avif', gif: 'gif', svg: 'svg' };
/** Formats by the names editors know them by. */
const FORMAT_NAMES: Record<string, string> = {
  jpg: 'JPEG',
  png: 'PNG',
  webp: 'WebP',
  avif: 'AVIF',
  gif: 'GIF',
  svg: 'SVG',
  heic: 'HEIC (an iPhone photo)',
  heif: 'HEIF',
  tiff: 'TIFF',
  bmp: 'BMP',
  psd: 'Photoshop (PSD)',
  ico: 'icon (ICO)',
  cur: 'cursor (CUR)',
  jxl: 'JPEG XL',
  'jxl-stream': 'JPEG XL',
  jp2: 'JPEG 2000',
  j2c: 'JPEG 2000',
};

export interface ImageHeader {
  /** image-size's name of the format: jpg, png, webp, avif, gif, svg, heic, tiff... */
  format: string;
  /** The size the picture is shown at (a JPEG's EXIF rotation applied, as Astro does). */
  width: number;
  height: number;
}

export type ImageFile =
  | { kind: 'image'; header: ImageHeader }
  | { kind: 'empty' }
  | { kind: 'unreadable' }
  /** Not there, or not a file Klaster may open. */
  | { kind: 'missing' };

/** Bytes read at first, then more while the header goes on past them; last, the whole file. */
const READS = [16 * 1024, 256 * 1024];
/** The first read's buffer, reused from file to file (most photos are larger). */
const first = new Uint8Array(READS[0]);

function sizeOf(bytes: Uint8Array): ImageHeader | undefined {
  try {
    const size = imageSize(bytes);
    if (!size.type || !(size.width > 0) || !(size.height > 0)) return undefined;
    const turned = (size.orientation ?? 0) >= 5;
    return { format: size.type, width: turned ? size.height : size.width, height: turned ? size.width : size.height };
  } catch {
    return undefined;
  }
}

/** Reads the header of the image at `path`. */
export function readImageFile(path: string): ImageFile {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return { kind: 'missing' };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { kind: 'missing' };
    if (stat.size === 0) return { kind: 'empty' };
    for (const length of [...READS.filter((n) => n < stat.size), stat.size]) {
      // image-size reads through the bytes' whole ArrayBuffer: each read gets one of its exact length.
      const bytes = length === first.length ? first : new Uint8Array(length);
      const read = readSync(fd, bytes, 0, length, 0);
      const header = sizeOf(read === bytes.length ? bytes : bytes.slice(0, read));
      if (header) return { kind: 'image', header };
    }
    return { kind: 'unreadable' };
  } finally {
    closeSync(fd);
  }
}

const extensionOf = (name: string) => (name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '');
const formatName = (format: string) => FORMAT_NAMES[format] ?? format.toUpperCase();

/**
 * What is wrong with an image file, in an editor's words with the fix, or
 * undefined when the build can use it. `name` is the file's name as the
 * content writes it. A missing file is the caller's to report.
 */
export function imageFileProblem(name: string, file: ImageFile): string | undefined {
  switch (file.kind) {
    case 'missing':
      return undefined;
    case 'empty':
      return 'the file is empty (0 bytes): there is no picture in it; copy the picture there again (a copy or an upload cut short leaves an empty file)';
    case 'unreadable':
      return 'the file is damaged or is not a picture: its format and size cannot be read; open the original in an image editor and export it again as JPEG, PNG or WebP';
  }
  const { format } = file.header;
  const ext = extensionOf(name);
  const expected = FORMAT_OF_EXTENSION[ext];
  if (!expected || expected === format) return undefined;
  const webExt = EXTENSION_OF_FORMAT[format];
  if (!webExt) {
    return `the file is a ${formatName(format)} picture, not a ${formatName(expected)} as its name says, and browsers do not all show ${formatName(format)}; export it again as JPEG, PNG or WebP`;
  }
  const renamed = `${name.slice(0, name.length - ext.length)}${webExt}`;
  return `the file is a ${formatName(format)} picture, not a ${formatName(expected)} as its name says; rename it to ${renamed} and write that name wherever the entry names the picture`;
}

/**
 * A warning for a picture narrower than the largest width the pages offer,
 * naming the sizes the page will offer instead; undefined when it is wide
 * enough (or a drawing, which has no width to lack).
 */
export function narrowImageWarning(header: ImageHeader): string | undefined {
  if (header.format === 'svg' || header.width >= MIN_IMAGE_WIDTH) return undefined;
  const { widths } = imagePlan(header.width, header.height);
  const sizes = widths.map((w) => `${w} px`).join(' and ');
  return `the picture is ${header.width} px wide, and product pictures should be at least ${MIN_IMAGE_WIDTH} px wide: the page will offer it at ${sizes} only, which looks blurred on large and high-resolution screens; use a larger original if there is one`;
}
