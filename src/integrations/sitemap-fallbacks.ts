/**
 * Runs after @astrojs/sitemap: drops from the sitemap the pages that show
 * another locale's text (their canonical link points elsewhere) and the
 * alternates naming them, and marks the language picker as x-default
 * (src/lib/sitemap.ts). Each page's own canonical link decides, so the
 * sitemap and the pages cannot disagree.
 */
import type { AstroIntegration } from 'astro';
import { closeSync, openSync, readdirSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalOf, pruneSitemap, sitemapUrls } from '../lib/sitemap.ts';

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

export default function sitemapFallbacks(): AstroIntegration {
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
        const files = readdirSync(root).filter((f) => /^sitemap-\d+\.xml$/.test(f));
        const xDefault = new URL(base, site).href;
        let dropped = 0;
        for (const name of files) {
          const path = join(root, name);
          const xml = readFileSync(path, 'utf8');
          const drop = new Set<string>();
          for (const url of sitemapUrls(xml)) {
            const pathname = decodeURI(new URL(url).pathname);
            if (!pathname.startsWith(base)) continue;
            const rel = pathname.slice(base.length);
            const file = join(root, rel.endsWith('.html') ? rel : join(rel, 'index.html'));
            let canonical: string | undefined;
            try {
              canonical = canonicalOf(head(file));
            } catch {
              continue; // not a page file: leave it to the link checks
            }
            if (canonical !== undefined && canonical !== url) drop.add(url);
          }
          dropped += drop.size;
          writeFileSync(path, pruneSitemap(xml, { drop, xDefault }));
        }
        logger.info(`Sitemap: ${dropped} pages showing another locale's text left out`);
      },
    },
  };
}
