/**
 * An nginx configuration for a built site, from the same definitions as the
 * `_headers` file (src/integrations/headers.ts): the security headers on
 * every response, not-found pages per locale with status 404, a year's
 * caching for files named by their content and revalidation for the rest,
 * the site under its base path, gzip (and brotli where nginx has the
 * module). `klaster nginx` prints it.
 *
 * It is a file for nginx's `http` context: what Debian's
 * /etc/nginx/sites-enabled/ and the official image's /etc/nginx/conf.d/
 * include. Every header is set at the server level and no location sets
 * one of its own, because nginx drops the server's `add_header` lines in a
 * location that has any; the caching header is chosen by a `map` on the
 * address instead.
 */
import { hashedFolders, IMMUTABLE, REVALIDATE, securityHeadersFor } from '../integrations/headers.ts';

export interface NginxOptions {
  /** The built site's folder on the server (absolute). */
  root: string;
  /** The base path the site is built for, with a slash at each end. */
  base: string;
  /** The site's locale codes. */
  locales: readonly string[];
  /** `listen` parameters: a port, or address:port. */
  listen?: string;
  /** `server_name`: the site's host name; `_` answers any. */
  serverName?: string;
  /** Add brotli compression (needs the ngx_brotli module loaded). */
  brotli?: boolean;
  /** The newsletter provider's origin, where the subscription form posts. */
  formOrigin?: string;
  /** The image server's origin, where the pages' images come from (site.yaml `images.url`). */
  imageOrigin?: string;
  /** The editor's policy, when /admin/ is served (lib/cms/admin.ts). */
  adminPolicy?: string;
}

const quote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const regexEscape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text types worth compressing (HTML is always compressed by gzip on). */
const COMPRESSIBLE = [
  'text/css',
  'text/plain',
  'text/xml',
  'text/csv',
  'text/calendar',
  'application/javascript',
  'application/json',
  'application/xml',
  'application/rss+xml',
  'application/wasm',
  'image/svg+xml',
];

export function nginxConfig(options: NginxOptions): string {
  const { base, locales } = options;
  const root = options.root.replace(/\/+$/, '');
  const listen = options.listen ?? '80';
  const serverName = options.serverName ?? '_';
  const lines: string[] = [];
  const add = (...l: string[]) => lines.push(...l);

  add(
    `# nginx configuration of a Klaster site, written by \`klaster nginx\`: for nginx's http context`,
    `# (Debian: /etc/nginx/sites-enabled/, the official image: /etc/nginx/conf.d/).`,
    `# The site is built for the base path ${base} and served from ${root}.`,
    '',
    '# Files named by their content are kept for a year; pages and other files are revalidated.',
    'map $uri $klaster_cache_control {',
    `    default ${quote(REVALIDATE)};`,
    ...hashedFolders.map((folder) => `    ~^${regexEscape(`${base}${folder}`)} ${quote(IMMUTABLE)};`),
    '}',
    '',
    'server {',
    `    listen ${listen};`,
    `    server_name ${serverName};`,
    '',
    "    # Security headers on every response, error pages included (the same as the site's _headers).",
    ...Object.entries(securityHeadersFor(options.formOrigin, options.imageOrigin)).map(([name, value]) => `    add_header ${name} ${quote(value)} always;`),
    '    add_header Cache-Control $klaster_cache_control always;',
    '',
    '    index index.html;',
    '    charset utf-8;',
    '    # Redirects (an address without its final slash) keep the host and port the visitor used.',
    '    absolute_redirect off;',
    '    server_tokens off;',
    '',
    '    gzip on;',
    '    gzip_vary on;',
    '    gzip_comp_level 5;',
    '    gzip_min_length 512;',
    `    gzip_types ${COMPRESSIBLE.join(' ')};`,
  );
  if (options.brotli) {
    add(
      '    # Needs the ngx_brotli module (Debian: libnginx-mod-http-brotli-filter).',
      '    brotli on;',
      '    brotli_comp_level 5;',
      `    brotli_types ${COMPRESSIBLE.join(' ')};`,
    );
  }
  add('', "    # The root not-found page for any unknown address, each locale's under its folder; status 404.", `    error_page 404 ${base}404.html;`);
  if (base !== '/') {
    add(`    location = ${base.replace(/\/$/, '')} { return 301 ${base}; }`, '    location / { return 404; }');
  }
  add(`    location ${base} {`, `        alias ${root}/;`, '    }');
  if (options.adminPolicy) {
    // A location with add_header lines of its own drops the server's: all of them are repeated, with the editor's policy.
    const headers = { ...securityHeadersFor(options.formOrigin), 'Content-Security-Policy': options.adminPolicy };
    add(
      '    # The editor (Decap CMS) has a policy of its own, looser where it needs (klaster: lib/cms/admin.ts).',
      `    location ${base}admin/ {`,
      `        alias ${root}/admin/;`,
      ...Object.entries(headers).map(([name, value]) => `        add_header ${name} ${quote(value)} always;`),
      `        add_header Cache-Control ${quote(REVALIDATE)} always;`,
      '    }',
    );
  }
  for (const locale of locales) {
    add(`    location ${base}${locale}/ {`, `        alias ${root}/${locale}/;`, `        error_page 404 ${base}${locale}/404/index.html;`, '    }');
  }
  add('}', '');
  return lines.join('\n');
}
