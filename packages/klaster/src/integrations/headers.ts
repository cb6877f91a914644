/**
 * Security headers for static hosts: once Astro has written every page,
 * `_headers` goes into the site's root, in the format Netlify and
 * Cloudflare Pages read. docs/hosting.md gives the same headers for nginx
 * and Apache.
 *
 * The Content-Security-Policy allows scripts only from the site's own
 * files: no inline script, no event-handler attribute, no eval. Pagefind's
 * search compiles its WebAssembly module, which needs 'wasm-unsafe-eval'
 * (that permits WebAssembly compilation only, not JavaScript eval), and
 * runs in a Web Worker loaded from the site ('self'). Stylesheets are files
 * too (astro.config.mjs: inlineStylesheets 'never').
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // Features the site never uses, switched off for it and anything it embeds.
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), accelerometer=(), gyroscope=(), magnetometer=(), browsing-topics=()',
};

/** The `_headers` file: every path of the site gets the security headers. */
export function headersFile(headers: Record<string, string> = securityHeaders): string {
  return [
    '# Security headers for Netlify and Cloudflare Pages; docs/hosting.md has them for other hosts.',
    '/*',
    ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`),
    '',
  ].join('\n');
}

export default function headers(): AstroIntegration {
  return {
    name: 'klaster-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        writeFileSync(join(fileURLToPath(dir), '_headers'), headersFile());
        logger.info('Wrote _headers (Content-Security-Policy and other security headers)');
      },
    },
  };
}
