/**
 * Hosting gate: the `_headers` file (Netlify and Cloudflare Pages format)
 * gives every page a Content-Security-Policy that forbids inline scripts,
 * and the other security headers, and caches each file as its name allows;
 * `_redirects` and `<locale>/404.html` give each locale its not-found page.
 * Also reads the file for the test server, so the browser tests see the
 * headers a real host would send.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Failure } from './html.ts';

export interface HeaderRule {
  path: string;
  headers: [string, string][];
}

/** Parses `_headers`: a path at the start of a line, indented `Name: value` lines under it, `#` comments. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] });
      continue;
    }
    const match = /^\s+([^:\s]+)\s*:\s*(.*)$/.exec(line);
    const rule = rules.at(-1);
    if (match && rule) rule.headers.push([match[1]!, match[2]!.trim()]);
  }
  return rules;
}

/** Does a `_headers` path pattern (with `*` and `:placeholder`) match a request path? */
export function pathMatches(pattern: string, path: string): boolean {
  const regex = pattern
    .split(/(\*|:[A-Za-z_]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${regex}$`).test(path);
}

/** The headers a host would send for a path: every matching rule's, in order (names lower-case). */
export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    if (!pathMatches(rule.path, path)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      out[key] = out[key] ? `${out[key]}, ${value}` : value;
    }
  }
  return out;
}

/** Parses a CSP into its directives: `script-src` → ["'self'", ...]. */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

/** What is wrong with a Content-Security-Policy for this site: scripts must come from files only. */
export function checkCsp(policy: string): string[] {
  const csp = parseCsp(policy);
  const problems: string[] = [];
  const scripts = csp.get('script-src') ?? csp.get('default-src');
  if (!scripts) return ['Content-Security-Policy has neither script-src nor default-src: any script may run'];
  const name = csp.has('script-src') ? 'script-src' : 'default-src';
  for (const value of scripts) {
    const v = value.toLowerCase();
    if (v === "'unsafe-inline'") problems.push(`${name} allows 'unsafe-inline': inline scripts would run`);
    if (v === "'unsafe-eval'") problems.push(`${name} allows 'unsafe-eval'`);
    if (v === '*' || v === 'http:' || v === 'https:' || v === 'data:' || v === 'blob:') problems.push(`${name} allows ${value}: scripts from anywhere`);
  }
  if (!scripts.some((v) => v === "'self'" || v === "'none'")) problems.push(`${name} does not name 'self'`);
  const objects = csp.get('object-src') ?? csp.get('default-src');
  if (!objects || !(objects.length === 1 && (objects[0] === "'none'" || objects[0] === "'self'"))) {
    problems.push("object-src (or default-src) is not 'none' or 'self'");
  }
  if (!csp.has('base-uri')) problems.push('no base-uri: an injected <base> could redirect every relative script');
  return problems;
}

/** The site's `_headers`: present, and the root and every page get the security headers. */
export function checkHeadersFile(dist: string, samplePaths: string[] = ['/', '/en/']): Failure[] {
  const file = join(dist, '_headers');
  if (!existsSync(file)) return [{ page: '/_headers', reason: 'missing: static hosts get no Content-Security-Policy' }];
  const rules = parseHeadersFile(readFileSync(file, 'utf8'));
  const failures: Failure[] = [];
  for (const path of samplePaths) {
    const headers = headersFor(rules, path);
    const fail = (reason: string) => failures.push({ page: path, reason: `_headers: ${reason}` });
    const csp = headers['content-security-policy'];
    if (!csp) fail('no Content-Security-Policy');
    else for (const problem of checkCsp(csp)) fail(problem);
    if (headers['x-content-type-options']?.toLowerCase() !== 'nosniff') fail('no X-Content-Type-Options: nosniff');
    const referrer = headers['referrer-policy'];
    if (!referrer || /unsafe-url|no-referrer-when-downgrade/.test(referrer)) fail(`Referrer-Policy missing or leaky (${referrer ?? 'none'})`);
    if (!headers['permissions-policy']) fail('no Permissions-Policy');
  }
  return failures;
}

/** Every file of a built site with the address it is served at (`en/index.html` is `<base>en/`). */
function servedPaths(dist: string, base: string): { file: string; path: string }[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dist, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((file) => file !== '_headers' && file !== '_redirects')
    .map((file) => ({ file, path: `${base}${file.replace(/(^|\/)index\.html$/, '$1')}` }));
}

const IMMUTABLE = /^public, max-age=31536000, immutable$/;
const REVALIDATE = /^public, max-age=0, must-revalidate$/;

/**
 * Caching in `_headers`, for every file of the site: files in the folders
 * named by content (`_astro/`, Pagefind's chunks) are kept for a year, pages
 * are revalidated, nothing else is immutable, and no address gets two
 * Cache-Control values (hosts join the values of every matching rule).
 */
export function checkCaching(
  dist: string,
  base = '/',
  hashed: readonly string[] = ['_astro/', 'pagefind/index/', 'pagefind/fragment/', 'pagefind/filter/'],
): Failure[] {
  const file = join(dist, '_headers');
  if (!existsSync(file)) return [{ page: '/_headers', reason: 'missing' }];
  const rules = parseHeadersFile(readFileSync(file, 'utf8'));
  const failures: Failure[] = [];
  for (const { file: name, path } of servedPaths(dist, base)) {
    const value = headersFor(rules, path)['cache-control'];
    const fail = (reason: string) => failures.push({ page: path, reason: `_headers: ${reason}` });
    if (hashed.some((folder) => name.startsWith(folder))) {
      if (!value || !IMMUTABLE.test(value)) fail(`a file named by its content should be cached for a year (immutable); Cache-Control is ${value ?? 'not set'}`);
    } else if (value && !REVALIDATE.test(value)) {
      fail(`Cache-Control is "${value}"; a file that keeps its name must be revalidated`);
    } else if (name.endsWith('.html') && !value) {
      fail('a page has no Cache-Control (expected revalidation)');
    }
  }
  return failures;
}

/**
 * `_redirects` (Netlify): each locale's unknown addresses go to its
 * not-found page, which exists, with status 404, before the root's rule;
 * and Cloudflare Pages finds `<locale>/404.html`.
 */
export function checkNotFoundRules(dist: string, locales: readonly string[], base = '/'): Failure[] {
  const file = join(dist, '_redirects');
  if (!existsSync(file)) return [{ page: '/_redirects', reason: 'missing: Netlify serves the root not-found page everywhere' }];
  const rules = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.trim().split(/\s+/));
  const failures: Failure[] = [];
  const target = (to: string) => join(dist, to.slice(base.length), to.endsWith('/') ? 'index.html' : '');
  const rootRule = rules.findIndex((r) => r[0] === `${base}*`);
  for (const locale of locales) {
    const at = rules.findIndex((r) => r[0] === `${base}${locale}/*`);
    const rule = rules[at];
    if (!rule) failures.push({ page: '/_redirects', reason: `no rule for ${base}${locale}/*` });
    else if (rule[2] !== '404') failures.push({ page: '/_redirects', reason: `${rule[0]} answers ${rule[2]}, not 404` });
    else if (!existsSync(target(rule[1]!))) failures.push({ page: '/_redirects', reason: `${rule[0]} goes to ${rule[1]}, which is not in the site` });
    else if (rootRule >= 0 && rootRule < at) failures.push({ page: '/_redirects', reason: `${base}* comes before ${rule[0]}, which then never applies` });
    if (!existsSync(join(dist, locale, '404.html')))
      failures.push({ page: `/${locale}/404.html`, reason: 'missing: Cloudflare Pages serves the root not-found page under this locale' });
  }
  if (rootRule < 0) failures.push({ page: '/_redirects', reason: `no rule for ${base}*` });
  return failures;
}
