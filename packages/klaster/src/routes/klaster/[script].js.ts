/**
 * The package's browser scripts (assets/*.js), served from /klaster/: the
 * catalogue filter, the search interface and the language picker. Each is
 * optional enhancement; every page works without them. The route is
 * `[script].js` rather than `[script]` so that its addresses end in `.js`
 * in the route itself: with `trailingSlash: 'always'`, the dev server
 * answered `/klaster/search.js` (no final slash) with 404.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageDir } from '../../lib/package-dir.ts';

const assets = join(packageDir(), 'assets');

export const getStaticPaths: GetStaticPaths = () =>
  readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .sort()
    .map((name) => ({ params: { script: name.slice(0, -'.js'.length) } }));

export const GET: APIRoute = ({ params }) =>
  new Response(readFileSync(join(assets, `${params.script!}.js`)), { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
