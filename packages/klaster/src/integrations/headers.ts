/**
 * What static hosts need beside the pages, written into the site's root once
 * Astro has written every page:
 *
 * - `_headers` (Netlify, Cloudflare Pages): the security headers on every
 *   address, a year's caching for files named by their content and
 *   revalidation for pages;
 * - `_redirects` (Netlify): each locale's not-found page for unknown
 *   addresses under `/<locale>/`, then the root one;
 * - `/<locale>/404.html`, a copy of `/<locale>/404/index.html`, where
 *   Cloudflare Pages looks for the nearest not-found page.
 *
 * `klaster nginx` (src/lib/nginx.ts) gives a self-hosted nginx the same
 * headers and not-found pages; docs/hosting.md gives them for Apache.
 *
 * The Content-Security-Policy allows scripts only from the site's own
 * files: no inline script, no event-handler attribute, no eval. Pagefind's
 * search compiles its WebAssembly module, which needs 'wasm-unsafe-eval'
 * (that permits WebAssembly compilation only, not JavaScript eval), and
 * runs in a Web Worker loaded from the site ('self'). Stylesheets are files
 * too (astro.config.mjs: inlineStylesheets 'never').
 *
 * When site.yaml enables the editor (`cms:`), /admin/ gets a policy of its
 * own (lib/cms/admin.ts). Netlify and Cloudflare Pages apply every rule that
 * matches an address, and a browser enforces every policy it is sent, so
 * the site's rule must not match /admin/: instead of `/*` it names each
 * file and folder at the root of the built site but admin/.
 */
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { localeCodes } from '../lib/locales.ts';
import { ADMIN_FOLDER } from '../lib/cms/admin.ts';

/**
 * The policy; `formOrigin` is the newsletter provider's origin (site.yaml
 * `newsletter.action`), the one place besides the site a form may post to;
 * `imageOrigin` the image server's (site.yaml `images.url`, lib/image-server.ts),
 * the one place besides the site images may come from.
 */
export function contentSecurityPolicyFor(formOrigin?: string, imageOrigin?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    imageOrigin ? `img-src 'self' data: ${imageOrigin}` : "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    formOrigin ? `form-action 'self' ${formOrigin}` : "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The security headers of every response, for a site whose forms may also post to `formOrigin` and whose images come from `imageOrigin`. */
export function securityHeadersFor(formOrigin?: string, imageOrigin?: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicyFor(formOrigin, imageOrigin),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    // Features the site never uses, switched off for it and anything it embeds.
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), accelerometer=(), gyroscope=(), magnetometer=(), browsing-topics=()',
  };
}

/** The policy and headers of a site without a newsletter provider. */
export const contentSecurityPolicy = contentSecurityPolicyFor();
export const securityHeaders: Record<string, string> = securityHeadersFor();

/** Files named by their content: a new version has a new name, so browsers keep them for a year without asking. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Pages and other files that keep their name: the browser asks each time (a cheap 304 while unchanged). */
export const REVALIDATE = 'public, max-age=0, must-revalidate';

/**
 * Folders (below the base path) whose files are named by their content:
 * Astro's bundled CSS and scripts and the processed images (`_astro/`), and
 * the chunks of Pagefind's index, fragments and filters. Pagefind's
 * `pagefind.js`, entry file and WebAssembly keep their names, and so
 * revalidate (the host's default).
 */
export const hashedFolders = ['_astro/', 'pagefind/index/', 'pagefind/fragment/', 'pagefind/filter/'];

export interface HostingOptions {
  /** The base path, with a slash at each end. */
  base?: string;
  /** The site's locale codes, the first path segment of their pages. */
  locales?: readonly string[];
  /** The newsletter provider's origin, where the subscription form posts (lib/newsletter-providers.ts). */
  formOrigin?: string;
  /** The image server's origin, where the pages' images come from (lib/image-server.ts). */
  imageOrigin?: string;
  /** The editor's policy, when /admin/ is served (lib/cms/admin.ts). */
  adminPolicy?: string;
  /** The files and folders (ending in /) at the root of the built site: the site's rules name them when /admin/ has its own. */
  rootEntries?: readonly string[];
}

/**
 * The `_headers` file. Every address gets the security headers. When several
 * rules match an address, Netlify and Cloudflare Pages join their values, so
 * the Cache-Control rules never overlap: the hashed folders, and the pages
 * (the home page, the root not-found page, each locale's folder).
 */
export function headersFile(
  options: HostingOptions = {},
  headers: Record<string, string> = securityHeadersFor(options.formOrigin, options.imageOrigin),
): string {
  const base = options.base ?? '/';
  const locales = options.locales ?? localeCodes;
  const rule = (path: string, value: string) => [path, `  Cache-Control: ${value}`];
  const security = (path: string) => [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)];
  const admin = options.adminPolicy
    ? [
        '# Every address but the editor at /admin/: rules for every file and folder at the root (rules that match one address add up).',
        ...security(base),
        // Pagefind writes its folder after this file.
        ...[...new Set([...(options.rootEntries ?? []), 'pagefind/'])]
          .sort()
          .filter((e) => e !== `${ADMIN_FOLDER}/`)
          .flatMap((e) => security(e.endsWith('/') ? `${base}${e}*` : `${base}${e}`)),
        "# The editor (Decap CMS): its own policy, looser where it needs (lib/cms/admin.ts); the site's does not apply here.",
        ...(() => {
          const h = { ...headers, 'Content-Security-Policy': options.adminPolicy };
          return [`${base}${ADMIN_FOLDER}/*`, ...Object.entries(h).map(([name, value]) => `  ${name}: ${value}`), `  Cache-Control: ${REVALIDATE}`];
        })(),
      ]
    : ['# Security headers on every address.', ...security('/*')];
  return [
    '# Written by the build: headers for Netlify and Cloudflare Pages; `klaster nginx` writes the same for nginx (docs/hosting.md).',
    ...admin,
    '# Files named by their content: kept for a year.',
    ...hashedFolders.flatMap((folder) => rule(`${base}${folder}*`, IMMUTABLE)),
    '# Pages: revalidated on every visit.',
    ...rule(base, REVALIDATE),
    ...rule(`${base}404.html`, REVALIDATE),
    ...locales.flatMap((locale) => rule(`${base}${locale}/*`, REVALIDATE)),
    // The GS1 Digital Link pages of products' GTINs (/01/<GTIN>/).
    ...rule(`${base}01/*`, REVALIDATE),
    '',
  ].join('\n');
}

/**
 * The `_redirects` file (Netlify): an unknown address under a locale's path
 * gets that locale's not-found page with status 404, any other the root
 * one. Netlify applies a rule only where no file exists. Cloudflare Pages
 * does not take status 404 in `_redirects` (it skips these lines) and
 * serves the nearest `404.html` instead (see `copyLocaleNotFoundPages`).
 */
export function redirectsFile(options: HostingOptions = {}): string {
  const base = options.base ?? '/';
  const locales = options.locales ?? localeCodes;
  const width = Math.max(...locales.map((l) => `${base}${l}/*`.length), `${base}*`.length);
  return [
    '# Written by the build: the not-found page of each language for unknown addresses (Netlify).',
    ...locales.map((locale) => `${`${base}${locale}/*`.padEnd(width)}  ${base}${locale}/404/  404`),
    `${`${base}*`.padEnd(width)}  ${base}404.html  404`,
    '',
  ].join('\n');
}

/**
 * Copies each locale's not-found page to `/<locale>/404.html`, where
 * Cloudflare Pages looks for it (the nearest `404.html` up the folder tree).
 * Its links start at the site's root, so the copy works one folder higher.
 */
export function copyLocaleNotFoundPages(dir: string, locales: readonly string[] = localeCodes): number {
  let copied = 0;
  for (const locale of locales) {
    const page = join(dir, locale, '404', 'index.html');
    if (!existsSync(page)) continue;
    copyFileSync(page, join(dir, locale, '404.html'));
    copied++;
  }
  return copied;
}

/** Writes the hosts' files into a built site (`dir`). */
export function writeHostingFiles(dir: string, options: HostingOptions = {}): number {
  const rootEntries = readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('_') || e.name === '_astro')
    .map((e) => (e.isDirectory() ? `${e.name}/` : e.name))
    .sort();
  writeFileSync(join(dir, '_headers'), headersFile({ rootEntries, ...options }));
  writeFileSync(join(dir, '_redirects'), redirectsFile(options));
  return copyLocaleNotFoundPages(dir, options.locales);
}

export default function headers(options: { formOrigin?: string; imageOrigin?: string; adminPolicy?: string } = {}): AstroIntegration {
  let base = '/';
  return {
    name: 'klaster-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir, logger }) => {
        const pages = writeHostingFiles(fileURLToPath(dir), {
          base,
          locales: localeCodes,
          formOrigin: options.formOrigin,
          imageOrigin: options.imageOrigin,
          adminPolicy: options.adminPolicy,
        });
        logger.info(`Wrote _headers (security headers, caching), _redirects and ${pages} not-found pages as <locale>/404.html for static hosts`);
      },
    },
  };
}
