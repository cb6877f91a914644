/**
 * Hosting gate: the `_headers` file (Netlify and Cloudflare Pages format)
 * gives every page a Content-Security-Policy that forbids inline scripts,
 * and the other security headers. Also reads the file for the test server,
 * so the browser tests see the headers a real host would send.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
