/**
 * Search indexing with Pagefind's Node API, once Astro has written every
 * page. Pagefind reads `<html lang>` and writes one index per language;
 * only each page's `data-pagefind-body` (the main content) is indexed, so
 * navigation and footers never match a query.
 *
 * Each locale's folder is indexed by its own Pagefind process, one after
 * the other, and the languages of their entry files are merged into one:
 * the files of one language do not depend on the others', and the indexer
 * then holds one language at a time (at 74,000 pages, one process for all
 * of them needed 5.5 GB).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { close, createIndex } from 'pagefind';
import { localeCodes } from '../lib/locales.ts';

interface Entry {
  version: string;
  languages: Record<string, unknown>;
  [key: string]: unknown;
}

function readEntry(file: string): Entry | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Entry;
  } catch {
    return undefined;
  }
}

/** Indexes one folder of the site; returns the entry file it wrote and how many pages it indexed. */
async function indexFolder(root: string, folder: string, output: string): Promise<{ entry: Entry | undefined; pages: number }> {
  const { index, errors } = await createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: root, glob: `${folder}/**/*.html` });
    if (added.errors.length) throw new Error(`Pagefind could not index ${folder}/: ${added.errors.join('; ')}`);
    // The service answers before every file is flushed now and then (seen as an
    // empty pagefind-entry.json): wait for the entry file, write again if needed.
    const file = join(output, 'pagefind-entry.json');
    for (let attempt = 0; attempt < 3; attempt++) {
      const written = await index.writeFiles({ outputPath: output });
      if (written.errors.length) throw new Error(`Pagefind could not write the index of ${folder}/: ${written.errors.join('; ')}`);
      for (let wait = 0; wait < 50; wait++) {
        const entry = readEntry(file);
        if (entry && Object.keys(entry.languages ?? {}).length > 0) return { entry, pages: added.page_count };
        await sleep(100);
      }
    }
    // A folder without searchable pages writes no language.
    return { entry: readEntry(file), pages: added.page_count };
  } finally {
    await close();
  }
}

export default function pagefind(): AstroIntegration {
  return {
    name: 'klaster-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        const output = join(root, 'pagefind');
        let merged: Entry | undefined;
        let pages = 0;
        for (const locale of localeCodes) {
          const { entry, pages: count } = await indexFolder(root, locale, output);
          pages += count;
          if (entry) merged = { ...entry, languages: { ...(merged?.languages ?? {}), ...entry.languages } };
        }
        if (!merged || Object.keys(merged.languages).length === 0) throw new Error('Pagefind wrote no index: no page has data-pagefind-body');
        writeFileSync(join(output, 'pagefind-entry.json'), JSON.stringify(merged));
        logger.info(
          `Indexed ${pages} pages for search (${Object.keys(merged.languages).length} languages) in ${((performance.now() - started) / 1000).toFixed(1)}s`,
        );
      },
    },
  };
}
