/**
 * The package's pages as routes: every file under src/routes/ becomes the
 * route its path names, as files under a site's src/pages/ would
 * (`[locale]/news/rss.xml.ts` -> `/[locale]/news/rss.xml`).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative, sep } from 'node:path';

export interface RouteFile {
  pattern: string;
  entrypoint: string;
}

const PAGE = /\.(astro|ts)$/;

/** The route pattern of a file's path under the routes folder. */
export function routePattern(file: string): string {
  const parts = file.split(/[\\/]/);
  const last = parts.pop()!.replace(PAGE, '');
  if (last !== 'index') parts.push(last);
  return `/${parts.join('/')}`;
}

export function routeFiles(dir: URL): RouteFile[] {
  const root = fileURLToPath(dir);
  const out: RouteFile[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (PAGE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        out.push({ pattern: routePattern(relative(root, path).split(sep).join('/')), entrypoint: path });
      }
    }
  };
  walk(root);
  return out;
}
