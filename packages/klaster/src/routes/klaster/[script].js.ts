/**
 * The package's browser scripts (assets/*.js), served from /klaster/: the
 * catalogue filter, the search interface and its search terms, the language
 * picker. Each is optional enhancement; every page works without them.
 * Beside them, the stemmers the search page loads for Bulgarian, Macedonian,
 * Romanian, Serbian and Croatian queries (assets/search-terms.js), from @orama/stemmers.
 * The route is `[script].js` rather than `[script]` so that its addresses
 * end in `.js` in the route itself: with `trailingSlash: 'always'`, the dev
 * server answered `/klaster/search.js` (no final slash) with 404.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { packageDir } from '../../lib/package-dir.ts';

const assets = join(packageDir(), 'assets');

/** stem-<name>.js: the ES module of @orama/stemmers/<name>, as the package publishes it. */
const stemmerFile = (name: string) =>
  join(
    dirname(createRequire(join(packageDir(), 'package.json')).resolve(`@orama/stemmers/${name}`)),
    { bulgarian: 'bg.js', romanian: 'ro.js', serbian: 'rs.js' }[name]!,
  );
const STEMMERS = ['bulgarian', 'romanian', 'serbian'];

const files = (): Record<string, string> => ({
  ...Object.fromEntries(
    readdirSync(assets)
      .filter((name) => name.endsWith('.js'))
      .map((name) => [name, join(assets, name)]),
  ),
  ...Object.fromEntries(STEMMERS.map((name) => [`stem-${name}.js`, stemmerFile(name)])),
});

export const getStaticPaths: GetStaticPaths = () =>
  Object.keys(files())
    .sort()
    .map((name) => ({ params: { script: name.slice(0, -'.js'.length) } }));

export const GET: APIRoute = ({ params }) =>
  new Response(readFileSync(files()[`${params.script!}.js`]!), { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
