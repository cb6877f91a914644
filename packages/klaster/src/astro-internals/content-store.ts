/**
 * The content store read from disk when pages are rendered, not bundled
 * into the build's code.
 *
 * Astro turns its content store (cacheDir/data-store.json: every entry's
 * fields and rendered HTML) into a JavaScript module holding the whole file
 * as one string literal, and bundles it with the pages' code. At 10,000
 * products the store is about 120 MB; bundling that string took the
 * bundler about 3 GB of native memory that stayed allocated while the
 * pages were rendered, and the string itself stayed alive as module source.
 * No Astro option avoids it (experimental.collectionStorage 'chunked' only
 * splits the same string into several modules), so for `astro build` this
 * plugin answers the store's module id first with a module that reads and
 * parses the same file when the build renders the pages. The data and its
 * parsing are Astro's own; only where the text comes from changes.
 *
 * Static builds only: the module reads the file from this machine's cache
 * folder, which is where and when a static build renders. With a server
 * adapter the store must travel with the code, so the plugin stays out.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentRoot } from '../lib/config.ts';

const STORE_MODULE = 'astro:data-layer-content';
const FROM_DISK = '\0klaster:data-store-from-disk';

/**
 * Astro's content store keeps each entry while its file's digest is
 * unchanged, with the paths of the files it names (images) resolved where
 * the entry was read. Built from another content folder (a moved checkout,
 * a CI cache restored into a new path, a second copy of the content), that
 * store would name the other folder's files: a missing image ("Could not
 * find requested image") or, worse, the other folder's image published.
 * The store is therefore kept per content folder: when the folder differs
 * from the last build's, the store is dropped and Astro reads the content
 * again. Processed images are kept: content-images.ts names them by their
 * bytes, so they are reused from any folder.
 */
export function forgetStoreOfAnotherFolder(cacheDir: string, contentFolder: string): boolean {
  const marker = join(cacheDir, 'klaster-content-folder.json');
  const folder = existsSync(contentFolder) ? realpathSync(contentFolder) : contentFolder;
  let previous: string | undefined;
  try {
    previous = (JSON.parse(readFileSync(marker, 'utf8')) as { folder?: string }).folder;
  } catch {
    previous = undefined;
  }
  const store = join(cacheDir, 'data-store.json');
  const dropped = previous !== folder && existsSync(store);
  if (dropped) rmSync(store, { force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(marker, `${JSON.stringify({ folder })}\n`);
  return dropped;
}

/** The integration, and whether Astro asked for its content store module in this build (for the guard). */
export default function contentStore(): AstroIntegration & { storeAnswered(): boolean | undefined } {
  let applies = false;
  let used = false;
  return {
    storeAnswered: () => (applies ? used : undefined),
    name: 'klaster-content-store',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        forgetStoreOfAnotherFolder(fileURLToPath(config.cacheDir), contentRoot());
        if (command !== 'build' || config.output !== 'static' || config.adapter) return;
        applies = true;
        const file = fileURLToPath(new URL('data-store.json', config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'klaster:content-store-from-disk',
                apply: 'build',
                resolveId: {
                  // Before Astro's own plugin, which would bundle the file's text.
                  order: 'pre',
                  filter: { id: new RegExp(`^${STORE_MODULE}$`) },
                  handler: () => {
                    used = true;
                    return FROM_DISK;
                  },
                },
                load: {
                  filter: { id: new RegExp(`^${FROM_DISK}$`) },
                  handler: () => ({
                    code: [
                      `import { existsSync, readFileSync } from 'node:fs';`,
                      `const file = ${JSON.stringify(file)};`,
                      // The same value Astro's module exports: the parsed store, or an empty Map without one.
                      `export default existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : new Map();`,
                    ].join('\n'),
                    // Marked as content data like Astro's module, so the incremental
                    // build leaves it out of the code hash of every page.
                    meta: { astroIncremental: { kind: 'content-data' } },
                  }),
                },
              },
            ],
          },
        });
      },
    },
  };
}
