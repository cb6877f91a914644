/** The site's colours and fonts from site.yaml, as a stylesheet (no inline styles: see the Content-Security-Policy). */
import type { APIRoute } from 'astro';
import { themeCss } from '../../lib/site/theme.ts';
import { withBase } from '../../lib/urls.ts';
import { siteConfig } from '../../data/config.ts';

export const GET: APIRoute = () =>
  new Response(themeCss(siteConfig, (path) => withBase(path, import.meta.env.BASE_URL)), { headers: { 'content-type': 'text/css' } });
