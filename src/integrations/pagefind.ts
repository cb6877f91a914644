/**
 * Search indexing with Pagefind's Node API, once Astro has written every
 * page. Pagefind reads `<html lang>` and writes one index per language;
 * only each page's `data-pagefind-body` (the main content) is indexed, so
 * navigation and footers never match a query.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { close, createIndex } from 'pagefind';

export default function pagefind(): AstroIntegration {
  return {
    name: 'klaster-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        const { index, errors } = await createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: root });
        if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
        await close();
        logger.info(`Indexed ${added.page_count} pages for search in ${((performance.now() - started) / 1000).toFixed(1)}s`);
      },
    },
  };
}
