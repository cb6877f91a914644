/**
 * Runs after @astrojs/sitemap (used without its i18n option): drops from the
 * sitemap the pages that show another locale's text (their canonical link
 * points elsewhere) and writes each remaining page's language alternates,
 * with the language picker as x-default (src/lib/sitemap.ts). Each page's
 * own canonical link decides, so the sitemap and the pages cannot disagree.
 */
import type { AstroIntegration } from 'astro';
import { closeSync, openSync, readdirSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alternatesOf, canonicalOf, sitemapUrls, writeAlternates, type SitemapLocales } from '../lib/sitemap.ts';

/** The first bytes of a file: a page's head is at its start. */
function head(file: string, bytes = 16_384): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

export default function sitemapFallbacks(locales: Omit<SitemapLocales, 'root'>): AstroIntegration {
  let base = '/';
  let site: string | undefined;
  return {
    name: 'klaster-sitemap-fallbacks',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        site = config.site;
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!site) return;
        const root = fileURLToPath(dir);
        const files = readdirSync(root)
          .filter((f) => /^sitemap-\d+\.xml$/.test(f))
          .map((name) => ({ path: join(root, name), xml: readFileSync(join(root, name), 'utf8') }));
        // Every file first: a page's translations may be listed in another file.
        const drop = new Set<string>();
        const kept: string[] = [];
        for (const { xml } of files) {
          for (const url of sitemapUrls(xml)) {
            const pathname = decodeURI(new URL(url).pathname);
            const rel = pathname.startsWith(base) ? pathname.slice(base.length) : undefined;
            let canonical: string | undefined;
            if (rel !== undefined) {
              try {
                canonical = canonicalOf(head(join(root, rel.endsWith('.html') ? rel : join(rel, 'index.html'))));
              } catch {
                // not a page file: leave it to the link checks
              }
            }
            if (canonical !== undefined && canonical !== url) drop.add(url);
            else kept.push(url);
          }
        }
        const alternates = alternatesOf(kept, { ...locales, root: new URL(base, site).href });
        for (const { path, xml } of files) writeFileSync(path, writeAlternates(xml, { drop, alternates }));
        logger.info(`Sitemap: language alternates of ${alternates.size} pages; ${drop.size} pages showing another locale's text left out`);
      },
    },
  };
}
