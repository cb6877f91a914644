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

/**
 * An upper bound per language, from file sizes alone: the script, the entry
 * file, the language's WebAssembly and metadata, its largest index chunk
 * (the query whose words fall in it) and `show` average fragments.
 */
export function worstQueryBytes(dist, { show = 5 } = {}) {
  const dir = findPagefind(resolve(dist));
  if (!dir) return null;
  const size = (f) => (existsSync(f) ? statSync(f).size : 0);
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8'));
  const fragments = readdirSync(join(dir, 'fragment'));
  const fragmentBytes = fragments.reduce((a, f) => a + size(join(dir, 'fragment', f)), 0);
  const averageFragment = fragments.length ? fragmentBytes / fragments.length : 0;
  const chunks = readdirSync(join(dir, 'index'));
  const out = {};
  for (const [lang, info] of Object.entries(entry.languages ?? {})) {
    const prefix = `${lang}_`;
    const largest = Math.max(0, ...chunks.filter((c) => c.startsWith(prefix)).map((c) => size(join(dir, 'index', c))));
    const wasm = size(join(dir, `wasm.${info.wasm ?? 'unknown'}.pagefind`));
    out[lang] = Math.round(
      size(join(dir, 'pagefind.js')) + size(join(dir, 'pagefind-entry.json')) + wasm +
        size(join(dir, `pagefind.${info.hash}.pf_meta`)) + largest + show * averageFragment,
    );
  }
  return out;
}
