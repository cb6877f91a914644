/**
 * Content images copied into the site by us, not emitted through the bundler.
 *
 * For every image a content entry names (the image() schema), Astro's
 * assets plugin reads the file and hands its bytes to the bundler as an
 * emitted asset; the bundler keeps all of them in memory until it writes
 * its output. At 10,000 products that is 20,000 images, 913 MB, held on
 * top of the bundler's own memory. With this plugin the benchmark's peak
 * went from 3.7 to 3.2 GB and bundling from 25 to 20 s at 10,000 products
 * (README, Performance). It answers those image modules first and writes
 * each file straight to the place the bundler would have written it:
 * `<outDir>/<build.assets>/<name>.<content hash><ext>`. Image processing
 * reads the originals from there, as it does the bundler's copies.
 *
 * The image's metadata comes from Astro's own emitImageMetadata (public,
 * astro/assets/utils/node), given a file emitter that hands the bytes to
 * us instead of the bundler. The module we return is the one Astro's
 * plugin returns for a content image on the server (see moduleCode).
 *
 * Static builds only, raster images only (Astro turns content SVGs into
 * components), and not with build.assetsPrefix (images then live on another
 * host). Anything else goes through Astro's plugin unchanged.
 */
import type { AstroIntegration } from 'astro';
import { emitImageMetadata } from 'astro/assets/utils/node';
import pLimit from 'p-limit';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The query Astro's content layer adds to the imports of content images. */
const CONTENT_IMAGE = /\?(?:.*&)?astroContentImageFlag/;
const RASTER = /\.(?:jpe?g|png|webp|avif|gif|tiff?)$/i;

/** `photo.jpg` and its bytes → `photo.<8 characters of the content hash>.jpg`. */
export function hashedName(name: string, bytes: Uint8Array): string {
  const ext = extname(name);
  const hash = createHash('sha256').update(bytes).digest('base64url').slice(0, 8);
  return `${basename(name, ext)}.${hash}${ext}`;
}

/**
 * The module of one content image: its metadata, and the path of the
 * original behind a proxy that tells Astro's image pipeline the original
 * was used (so it keeps it in the site). Astro's getProxyCode, which is
 * internal and not exported, returns the same for a static build.
 */
export function moduleCode(metadata: Record<string, unknown>, fsPath: string): string {
  const path = JSON.stringify(fsPath);
  return `export default new Proxy(${JSON.stringify(metadata)}, {
  get(target, name) {
    if (name === 'clone') return structuredClone(target);
    if (name === 'fsPath') return ${path};
    if (target[name] !== undefined && globalThis.astroAsset) {
      globalThis.astroAsset.referencedImages?.add(${path});
      globalThis.astroAsset.recordReferencedImage?.(${path});
    }
    return target[name];
  },
});
`;
}

/** The integration, and how many content images it copied in this build (for the guard). */
export default function contentImages(): AstroIntegration & { copiedImages(): number | undefined } {
  let applies = false;
  let assetsDir = '';
  let urlPrefix = '';
  let copied = 0;
  let bundled = 0;
  // Reads are throttled inside emitImageMetadata; writes are throttled here
  // so that thousands of images never hold thousands of open files.
  const limit = pLimit(32);
  return {
    copiedImages: () => (applies ? copied : undefined),
    name: 'klaster-content-images',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build' || config.output !== 'static' || config.adapter || config.build.assetsPrefix) return;
        applies = true;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'klaster:content-images-to-disk',
                apply: 'build',
                load: {
                  // Before Astro's assets plugin, which would emit the bytes.
                  order: 'pre',
                  filter: { id: CONTENT_IMAGE },
                  async handler(id) {
                    const file = id.replace(/\?.*$/, '');
                    if (this.environment.config.consumer !== 'server' || !RASTER.test(file)) {
                      bundled++;
                      return null;
                    }
                    let emitted: { name?: string; source?: string | Uint8Array } | undefined;
                    const metadata = await emitImageMetadata(file, (asset) => {
                      emitted = asset;
                      return 'klaster';
                    });
                    // A missing file: Astro's plugin reports it with its own error.
                    if (!metadata || !emitted?.name || !(emitted.source instanceof Uint8Array)) return null;
                    const name = hashedName(emitted.name, emitted.source);
                    const bytes = emitted.source;
                    await limit(async () => {
                      await mkdir(assetsDir, { recursive: true });
                      await writeFile(join(assetsDir, name), bytes);
                    });
                    copied++;
                    // The spread leaves out fsPath, which Astro defines as not enumerable.
                    return { code: moduleCode({ ...metadata, src: urlPrefix + name }, (metadata as { fsPath?: string }).fsPath ?? file) };
                  },
                },
              },
            ],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        if (!applies) return;
        // Where and under which URL the bundler would have written the asset.
        assetsDir = join(fileURLToPath(config.outDir), config.build.assets);
        urlPrefix = `${config.base.replace(/\/?$/, '/')}${config.build.assets}/`;
      },
      'astro:build:done': ({ logger }) => {
        if (!applies) return;
        logger.info(`${copied} content images copied into the site outside the bundler${bundled ? `, ${bundled} left to Astro` : ''}`);
      },
    },
  };
}
