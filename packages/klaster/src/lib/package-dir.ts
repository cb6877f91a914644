/**
 * The folder of the installed klaster package (its UI strings and browser
 * scripts), found the way Node finds the package from the site's folder, so
 * that the same answer comes from the sources, the compiled command and
 * Astro's bundled build (where import.meta.url is a chunk of the build).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let found: string | undefined;

export function packageDir(): string {
  found ??= process.env.KLASTER_PACKAGE_DIR || dirname(createRequire(join(process.cwd(), 'noop.js')).resolve('klaster/package.json'));
  return found;
}
