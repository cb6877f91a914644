/**
 * The image service of the image-service mode (site.yaml `images.service`),
 * through Astro's public API for external image services: getImage() asks
 * it for an address and Astro makes no file (an external service has no
 * transform()). Each address goes to the configured server
 * (src/lib/image-server.ts). Astro's build config passes the
 * `ImageServerConfig` as image.service.config; imgproxy's key and salt are
 * read here from the build's environment, so they are never written into
 * the configuration Astro bundles.
 *
 * Every local original an address names is recorded, and checked once the
 * site is written to be in it: the server fetches them from there
 * (src/astro-internals/image-server-originals.ts).
 */
import type { ExternalImageService, ImageMetadata, ImageTransform } from 'astro';
import { baseService } from 'astro/assets';
import { recordedSources } from '../astro-internals/image-server-originals.ts';
import { imageServerUrl, imgproxyKeys, type ImageServerConfig, type ImgproxyKeys } from '../lib/image-server.ts';

let keys: ImgproxyKeys | undefined | null = null;
function signingKeys(): ImgproxyKeys | undefined {
  if (keys === null) {
    const found = imgproxyKeys(process.env);
    // The configuration check reports unusable keys before the build starts.
    if (typeof found === 'string') throw new Error(found);
    keys = found;
  }
  return keys;
}

const sourceOf = (src: ImageTransform['src']): string => (typeof src === 'string' ? src : (src as ImageMetadata).src);

const service: ExternalImageService<ImageServerConfig> = {
  validateOptions(options) {
    const src = options.src;
    const format = options.format ?? 'webp';
    const width = options.width ?? (typeof src === 'string' ? undefined : src.width);
    if (!width) throw new Error(`An image for the image server needs a width (${sourceOf(src)})`);
    return { ...options, format, width };
  },
  getURL(options, imageConfig) {
    const config = imageConfig.service.config;
    const src = sourceOf(options.src);
    if (!/^[a-z][a-z\d+.-]*:/i.test(src)) recordedSources().add(src);
    return imageServerUrl(config, { src, width: options.width!, format: String(options.format) }, config.service === 'imgproxy' ? signingKeys() : undefined);
  },
  getHTMLAttributes: baseService.getHTMLAttributes,
};

export default service;
