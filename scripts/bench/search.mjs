/**
 * What a visitor's first search query downloads: the built site's own
 * Pagefind bundle is loaded in Node with `fetch` answered from dist/, a
 * query is run and the first results' fragments are loaded, as a search
 * page shows them; every byte fetched is counted (files as stored, before
 * any transfer compression by the server).
 *
 * Returns null while the site has no Pagefind index.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The folder of the Pagefind bundle under dist (dist/pagefind, or one level deeper under a base path). */
export function findPagefind(dist) {
  const direct = join(dist, 'pagefind');
  if (existsSync(join(direct, 'pagefind.js'))) return direct;
  for (const name of existsSync(dist) ? readdirSync(dist) : []) {
    const dir = join(dist, name, 'pagefind');
    if (statSync(join(dist, name)).isDirectory() && existsSync(join(dir, 'pagefind.js'))) return dir;
  }
  return undefined;
}

let run = 0;

/**
 * Runs `term` against the index in `dist` as a page in `lang` would and
 * loads the first `show` results. Resolves { bytes, files, results, term }
 * or null when there is no index.
 */
export async function firstQueryBytes(dist, { term, lang = 'en', show = 5 } = {}) {
  const dir = findPagefind(resolve(dist));
  if (!dir) return null;
  const root = resolve(dist);
  const fetched = new Map();
  const saved = { fetch: globalThis.fetch, document: globalThis.document };
  globalThis.fetch = async (input) => {
    const text = String(input instanceof Request ? input.url : input);
    const file = text.startsWith('file:')
      ? fileURLToPath(text.split('?')[0])
      : text.startsWith('/')
        ? join(root, decodeURIComponent(text.split('?')[0]))
        : join(dir, decodeURIComponent(text.split('?')[0]));
    if (!resolve(file).startsWith(root + sep) || !existsSync(file)) return new Response(null, { status: 404 });
    const body = readFileSync(file);
    fetched.set(file, body.length);
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.json') ? 'application/json' : 'application/octet-stream';
    return new Response(body, { headers: { 'content-type': type } });
  };
  // Just enough of a page for Pagefind to read the language; no window, so
  // it runs without a worker, in this thread.
  globalThis.document = { currentScript: null, querySelector: (s) => (s === 'html' ? { getAttribute: () => lang } : null) };
  try {
    const pagefind = await import(`${pathToFileURL(join(dir, 'pagefind.js')).href}?run=${++run}`);
    const response = await pagefind.search(term);
    await Promise.all(response.results.slice(0, show).map((r) => r.data()));
    await pagefind.destroy?.();
    return {
      term,
      results: response.results.length,
      files: fetched.size,
      bytes: [...fetched.values()].reduce((a, b) => a + b, 0),
    };
  } finally {
    globalThis.fetch = saved.fetch;
    if (saved.document === undefined) delete globalThis.document;
    else globalThis.document = saved.document;
  }
}
