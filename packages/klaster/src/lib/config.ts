/**
 * Build configuration from the environment, with defaults:
 * - KLASTER_CONTENT: the content folder (default: ./content)
 * - KLASTER_SITE: the site's public origin, for canonical links, feeds and
 *   the sitemap (default: https://klaster.example)
 * - KLASTER_BASE: the path the site is served under, e.g. /catalogue/
 *   (default: /)
 */
import { isAbsolute, resolve } from 'node:path';

type Env = Record<string, string | undefined>;

export function contentRoot(env: Env = process.env, cwd = process.cwd()): string {
  const value = env.KLASTER_CONTENT || 'content';
  return isAbsolute(value) ? value : resolve(cwd, value);
}

/**
 * Where processed images, the content store, the incremental build and the
 * search indexes of the last build are kept: `.klaster-cache/` in the site's
 * folder, outside node_modules so that a CI cache of it survives `npm ci`.
 */
export function cacheDir(env: Env = process.env, cwd = process.cwd()): string {
  const value = env.KLASTER_CACHE_DIR || '.klaster-cache';
  return isAbsolute(value) ? value : resolve(cwd, value);
}

export function siteUrl(env: Env = process.env): string {
  const value = env.KLASTER_SITE || 'https://klaster.example';
  const url = new URL(value);
  return url.origin;
}

/** The base path, always with a leading and a trailing slash. */
export function basePath(env: Env = process.env): string {
  const value = (env.KLASTER_BASE || '/').trim();
  const inner = value.replace(/^\/+|\/+$/g, '');
  return inner ? `/${inner}/` : '/';
}
