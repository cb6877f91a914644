/**
 * The image-service mode (site.yaml `images.service`): instead of making
 * every image file at build time, the pages point their <picture>s at an
 * image server or CDN that makes each file on its first request and caches
 * it. The build only copies each original into the site once, named by its
 * content (src/astro-internals/content-images.ts); the files a page asks
 * for are the same plan of widths and formats (image-plan.ts), so pages
 * keep their srcset, width and height.
 *
 * This module builds the addresses, one function per server:
 *
 * - ipx (npm `ipx`, self-hosted): `<url>/<modifiers>/<source>`, modifiers
 *   `w_960&f_avif`; without `origin` the source is the original's path in
 *   the built site (ipx serving the site's folder, `ipx serve --dir dist`),
 *   with it the original's full address (ipx's HTTP storage).
 * - imgproxy (self-hosted): `<url>/<signature>/w:960/<base64url(source)>.avif`,
 *   the source an absolute address; signed with the hex key and salt of
 *   KLASTER_IMGPROXY_KEY and KLASTER_IMGPROXY_SALT (HMAC-SHA256 over salt
 *   and path), `insecure` without them.
 * - netlify (Netlify Image CDN): `/.netlify/images?url=<source>&w=960&fm=avif`.
 * - cloudflare (Cloudflare Images transformations):
 *   `/cdn-cgi/image/width=960,format=avif/<source>`.
 *
 * A source path is percent-encoded segment by segment, so a file name with
 * spaces or non-Latin letters is one valid address; where the source is
 * itself a parameter (Netlify's `url`, imgproxy's base64) that address is
 * encoded once more as the parameter.
 */
import { createHash, createHmac } from 'node:crypto';

export const imageServiceNames = ['build', 'ipx', 'imgproxy', 'netlify', 'cloudflare'] as const;
export type ImageServiceName = (typeof imageServiceNames)[number];
export type ImageServerName = Exclude<ImageServiceName, 'build'>;

/** What the image service of the build needs (Astro's image.service.config in this mode). */
export interface ImageServerConfig {
  service: ImageServerName;
  /** The image server's address without a trailing slash; '' for the site's own host (netlify, cloudflare). */
  url: string;
  /** Where the server fetches originals from (an origin, maybe with a path); '' for paths on the site. */
  origin: string;
  /** The site's base path, with a slash at each end (ipx reads the built folder, which has no base). */
  base: string;
  /**
   * imgproxy: a digest of the signing key and salt (never the key itself),
   * so that new keys change Astro's configuration hash and its incremental
   * build renders every page again with new signatures.
   */
  keyId?: string;
}

export interface ImageRequest {
  /** The original's address in the built site (`/_astro/photo.1a2b3c4d.jpg`) or an absolute address. */
  src: string;
  width: number;
  format: string;
}

/** The signing key and salt of imgproxy, hex-encoded, from the build's environment. */
export interface ImgproxyKeys {
  key: string;
  salt: string;
}

export const IMGPROXY_KEY_ENV = 'KLASTER_IMGPROXY_KEY';
export const IMGPROXY_SALT_ENV = 'KLASTER_IMGPROXY_SALT';

/** The default server address of each service: ipx and imgproxy have none, the CDNs are the site's own host. */
export const defaultServerUrl: Record<ImageServerName, string | undefined> = { ipx: undefined, imgproxy: undefined, netlify: '', cloudflare: '' };

const HEX = /^(?:[0-9a-f]{2})+$/i;

/**
 * imgproxy's key and salt from the environment: undefined when neither is
 * set (unsigned, `insecure` addresses), a sentence when they are unusable.
 */
export function imgproxyKeys(env: Record<string, string | undefined> = process.env): ImgproxyKeys | undefined | string {
  const key = env[IMGPROXY_KEY_ENV] || undefined;
  const salt = env[IMGPROXY_SALT_ENV] || undefined;
  if (!key && !salt) return undefined;
  if (!key || !salt) {
    return `imgproxy signs with a key and a salt together, but only ${key ? IMGPROXY_KEY_ENV : IMGPROXY_SALT_ENV} is set; set ${key ? IMGPROXY_SALT_ENV : IMGPROXY_KEY_ENV} too (the same values as the server's IMGPROXY_KEY and IMGPROXY_SALT), or neither for unsigned addresses`;
  }
  for (const [name, value] of [
    [IMGPROXY_KEY_ENV, key],
    [IMGPROXY_SALT_ENV, salt],
  ] as const) {
    if (!HEX.test(value))
      return `${name} is not hex-encoded (found ${value.length} characters that are not pairs of 0-9, a-f); give the hex string imgproxy's IMGPROXY_${name.slice('KLASTER_IMGPROXY_'.length)} has`;
  }
  return { key, salt };
}

const ABSOLUTE = /^[a-z][a-z\d+.-]*:\/\//i;

/** A path percent-encoded segment by segment; an already-encoded path is left as it is. */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      let raw = segment;
      try {
        raw = decodeURIComponent(segment);
      } catch {
        // A lone % is a character of the name.
      }
      return encodeURIComponent(raw);
    })
    .join('/');
}

/** The original's address as the server fetches it: absolute when an origin is set (or the source is remote). */
export function sourceAddress(config: ImageServerConfig, src: string): string {
  if (ABSOLUTE.test(src)) {
    const url = new URL(src);
    return `${url.origin}${encodePath(url.pathname)}${url.search}`;
  }
  const path = encodePath(src.startsWith('/') ? src : `/${src}`);
  return config.origin ? `${config.origin.replace(/\/+$/, '')}${path}` : path;
}

/** Formats as each server spells them. */
const jpeg = (format: string) => (format === 'jpg' ? 'jpeg' : format);
const jpg = (format: string) => (format === 'jpeg' ? 'jpg' : format);

function positiveWidth(width: number): number {
  const w = Math.round(width);
  if (!(w > 0)) throw new Error(`An image server address needs a positive width, got ${width}`);
  return w;
}

export function ipxUrl(config: ImageServerConfig, { src, width, format }: ImageRequest): string {
  let source = sourceAddress(config, src);
  if (!ABSOLUTE.test(source)) {
    // ipx serves the built folder, which holds the site without its base path.
    const base = config.base.replace(/\/?$/, '/');
    if (source.startsWith(base)) source = `/${source.slice(base.length)}`;
    source = source.replace(/^\/+/, '');
  }
  return `${config.url}/w_${positiveWidth(width)}&f_${jpeg(format)}/${source}`;
}

export function imgproxyUrl(config: ImageServerConfig, { src, width, format }: ImageRequest, keys?: ImgproxyKeys): string {
  const source = sourceAddress(config, src);
  if (!ABSOLUTE.test(source)) throw new Error(`imgproxy fetches originals by their full address; set images.origin (or the site's url) for ${src}`);
  const path = `/w:${positiveWidth(width)}/${Buffer.from(source).toString('base64url')}.${jpg(format)}`;
  return `${config.url}/${keys ? imgproxySignature(path, keys) : 'insecure'}${path}`;
}

/** A short digest naming a key and salt pair; it reveals neither. */
export function imgproxyKeyId(keys: ImgproxyKeys | undefined): string {
  return keys ? createHash('sha256').update(`klaster imgproxy ${keys.key.toLowerCase()} ${keys.salt.toLowerCase()}`).digest('hex').slice(0, 16) : 'unsigned';
}

/** imgproxy's signature of a path: URL-safe base64 of HMAC-SHA256 with the key over the salt and the path. */
export function imgproxySignature(path: string, keys: ImgproxyKeys): string {
  return createHmac('sha256', Buffer.from(keys.key, 'hex')).update(Buffer.from(keys.salt, 'hex')).update(path).digest('base64url');
}

export function netlifyUrl(config: ImageServerConfig, { src, width, format }: ImageRequest): string {
  return `${config.url}/.netlify/images?url=${encodeURIComponent(sourceAddress(config, src))}&w=${positiveWidth(width)}&fm=${jpg(format)}`;
}

export function cloudflareUrl(config: ImageServerConfig, { src, width, format }: ImageRequest): string {
  return `${config.url}/cdn-cgi/image/width=${positiveWidth(width)},format=${jpeg(format)}/${sourceAddress(config, src).replace(/^\//, '')}`;
}

/** The address of one file on the configured server. */
export function imageServerUrl(config: ImageServerConfig, request: ImageRequest, keys?: ImgproxyKeys): string {
  switch (config.service) {
    case 'ipx':
      return ipxUrl(config, request);
    case 'imgproxy':
      return imgproxyUrl(config, request, keys);
    case 'netlify':
      return netlifyUrl(config, request);
    case 'cloudflare':
      return cloudflareUrl(config, request);
  }
}

/**
 * The origin the pages load images from besides the site itself, for the
 * Content-Security-Policy's img-src; undefined when it is the site's own host.
 */
export function imageServerOrigin(config: Pick<ImageServerConfig, 'url'> | undefined): string | undefined {
  return config?.url ? new URL(config.url).origin : undefined;
}

/** The site.yaml `images` section as the build uses it; undefined when images are made at build time. */
export function imageServerConfig(
  images: { service: ImageServiceName; url?: string; origin?: string } | undefined,
  site: { url?: string; base: string },
): ImageServerConfig | undefined {
  if (!images || images.service === 'build') return undefined;
  const url = (images.url ?? defaultServerUrl[images.service] ?? '').replace(/\/+$/, '');
  // imgproxy fetches every original by its full address: the site's own, unless another origin is named.
  const origin = (images.origin ?? (images.service === 'imgproxy' && site.url ? new URL(site.url).origin : '')).replace(/\/+$/, '');
  return { service: images.service, url, origin, base: site.base };
}
