/**
 * /robots.txt: every crawler may read the whole site; the sitemap index is
 * named with the site's origin and base path. Crawlers read robots.txt only
 * at the root of a host: a site under a base path needs the Sitemap line in
 * the host's own robots.txt (docs/hosting.md).
 */
import type { APIRoute } from 'astro';
import siteConfig from 'virtual:klaster/config';
import { withBase } from '../lib/urls.ts';

export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL(withBase('/sitemap-index.xml', import.meta.env.BASE_URL), site).href;
  // The editor at /admin/, when served, is no page to crawl.
  const admin = siteConfig.cms ? `Disallow: ${withBase('/admin/', import.meta.env.BASE_URL)}\n` : '';
  return new Response(`User-agent: *\n${admin}Allow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
};
