/**
 * Search indexing with Pagefind's Node API, once Astro has written every
 * page. Pagefind reads `<html lang>` and writes one index per language;
 * only each page's `data-pagefind-body` (the main content) is indexed, so
 * navigation and footers never match a query.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
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

/** Every HTML file under a folder, relative to it, in a fixed order. */
export function htmlFiles(root: string): string[] {
  return (readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.split('\\').join('/'))
    .sort();
}

export default function pagefind(): AstroIntegration {
  return {
    name: 'klaster-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        const { index, errors } = await createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        // File by file in a fixed order rather than addDirectory, which takes them in
        // the order the file system lists them: the index must not depend on the
        // order pages were written (an incremental build copies most of them).
        let pages = 0;
        for (const sourcePath of htmlFiles(root)) {
          const added = await index.addHTMLFile({ sourcePath, content: readFileSync(join(root, sourcePath), 'utf8') });
          if (added.errors.length) throw new Error(`Pagefind could not index ${sourcePath}: ${added.errors.join('; ')}`);
          pages++;
        }
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
        logger.info(`Indexed ${pages} pages for search in ${((performance.now() - started) / 1000).toFixed(1)}s`);
      },
    },
  };
}
