/**
 * Search indexing with Pagefind's Node API, once Astro has written every
 * page. Pagefind reads `<html lang>` and writes one index per language;
 * only each page's `data-pagefind-body` (the main content) is indexed, so
 * navigation and footers never match a query.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Pagefind's entry file, once it is completely written. */
function entryWritten(root: string): boolean {
  try {
    return Object.keys(JSON.parse(readFileSync(join(root, 'pagefind', 'pagefind-entry.json'), 'utf8')).languages ?? {}).length > 0;
  } catch {
    return false;
  }
}
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
        // The service answers before every file is flushed now and then (seen as an
        // empty pagefind-entry.json): wait for the entry file, write again if needed.
        let complete = false;
        for (let attempt = 0; attempt < 3 && !complete; attempt++) {
          const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
          if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
          for (let wait = 0; wait < 50 && !(complete = entryWritten(root)); wait++) await sleep(100);
        }
        await close();
        if (!complete) throw new Error('Pagefind did not write pagefind/pagefind-entry.json');
        logger.info(`Indexed ${added.page_count} pages for search in ${((performance.now() - started) / 1000).toFixed(1)}s`);
      },
    },
  };
}
