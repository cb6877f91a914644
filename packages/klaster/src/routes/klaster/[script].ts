/**
 * The package's browser scripts (assets/*.js), served from /klaster/: the
 * catalogue filter, the search interface and the language picker. Each is
 * optional enhancement; every page works without them.
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
    .map((script) => ({ params: { script } }));

export const GET: APIRoute = ({ params }) =>
  new Response(readFileSync(join(assets, params.script!)), { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
