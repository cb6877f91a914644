/**
 * `astro dev` only: while the content check finds problems, every page
 * answers with a page listing them in the check's own words (file, field,
 * what was found, what is allowed) instead of the page, the way a build
 * would stop. It is plain HTML (it reads without JavaScript) with Vite's
 * client, so the browser reloads by itself once the files are fixed.
 */
import type { MiddlewareHandler } from 'astro';
import { devCheckState } from '../astro-internals/dev-check-state.ts';
import { escapeHtml } from '../lib/escape.ts';

/** The page shown instead of the site's while the content has problems. */
export function problemsPage(count: number, errors: string, base = '/'): string {
  const title = `The content has ${count} problem${count === 1 ? '' : 's'}`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<script type="module" src="${escapeHtml(base)}@vite/client"></script>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(title)}</h1>`,
    '<p>The same that <code>npm run check</code> lists; a build would stop on them. Fix the files named below and save: this page reloads by itself and shows the site again.</p>',
    `<pre style="white-space: pre-wrap; overflow-wrap: anywhere">${escapeHtml(errors)}</pre>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export const onRequest: MiddlewareHandler = (_context, next) => {
  const state = import.meta.env.DEV ? devCheckState() : undefined;
  if (!state?.count) return next();
  return new Response(problemsPage(state.count, state.errors, import.meta.env.BASE_URL), {
    status: 500,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
};
