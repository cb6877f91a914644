/**
 * The content check while writing, in `astro dev` (`npm run dev`): the check
 * runs when the server starts and again whenever a file of the content
 * folder or the site's settings changes. While it finds problems, every page
 * shows them in Astro's error overlay with the check's own words
 * (src/dev/check-middleware.ts); when they are fixed, the browser reloads.
 *
 * Search in dev answers from the last build's index (`dist/pagefind/`),
 * served by the dev server; without a build there is none, and the server
 * says so when it starts.
 */
import type { AstroIntegration } from 'astro';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { contentRoot } from '../lib/config.ts';
import { checkSiteAndContent } from '../lib/content/cli.ts';
import { formatProblems } from '../lib/content/problems.ts';
import { siteConfigPath } from '../lib/site/paths.ts';
import { packageDir } from '../lib/package-dir.ts';
import { setDevCheckState, type DevCheckState } from '../astro-internals/dev-check-state.ts';

/** The check's errors, as `npm run check` lists them. */
export function devCheck(root: string = contentRoot()): DevCheckState {
  const { result } = checkSiteAndContent(root);
  return { count: result.errors.length, errors: result.errors.length ? formatProblems(result.errors) : '' };
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
};

/** The file under `folder` that a request path names, or undefined (outside it, or no such file). */
export function fileWithin(folder: string, path: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path.split('?')[0]);
  } catch {
    return undefined;
  }
  const file = normalize(join(folder, decoded));
  if (file !== folder && !file.startsWith(folder.endsWith(sep) ? folder : folder + sep)) return undefined;
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

export default function devPreview(): AstroIntegration {
  let base = '/';
  return {
    name: 'klaster-dev-check',
    hooks: {
      'astro:config:setup': ({ command, addMiddleware }) => {
        if (command !== 'dev') return;
        addMiddleware({ entrypoint: join(packageDir(), 'src', 'dev', 'check-middleware.ts'), order: 'pre' });
      },
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server, logger }) => {
        const root = contentRoot();
        const settings = siteConfigPath();
        let last = '';
        const run = () => {
          const state = devCheck(root);
          setDevCheckState(state);
          const key = `${state.count}\n${state.errors}`;
          if (key === last) return false;
          last = key;
          if (state.count) logger.warn(`The content has ${state.count} problem(s); the pages show them until they are fixed:\n${state.errors}`);
          else logger.info('Content OK');
          return true;
        };
        run();
        // Several events come for one save (and for a folder copied in): the check runs once for them.
        let queued: NodeJS.Timeout | undefined;
        const changed = (file: string) => {
          const path = resolve(file);
          if (path !== settings && !path.startsWith(root + sep)) return;
          clearTimeout(queued);
          queued = setTimeout(() => {
            if (run()) server.environments.client.hot.send({ type: 'full-reload', path: '*' });
          }, 100);
        };
        server.watcher.add([root, settings]);
        server.watcher.on('add', changed);
        server.watcher.on('change', changed);
        server.watcher.on('unlink', changed);
        server.watcher.on('addDir', changed);
        server.watcher.on('unlinkDir', changed);

        // Search: the last build's index.
        const index = resolve(process.env.KLASTER_DIST || 'dist', 'pagefind');
        if (!existsSync(join(index, 'pagefind.js'))) {
          logger.warn(`Search needs a built index and there is none in ${index}: run \`npm run build\` once; the dev server then searches the last build.`);
        }
        server.middlewares.use(`${base}pagefind/`, (req, res, next) => {
          const file = fileWithin(index, req.url ?? '/');
          if (!file) return next();
          res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
          res.setHeader('cache-control', 'no-cache');
          createReadStream(file).pipe(res);
        });
      },
    },
  };
}
