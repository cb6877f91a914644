/**
 * Page weight: a product page's HTML and CSS stay under 50 KB compressed,
 * images aside (issue 3). Measured on the built demo, every product page in
 * every locale: the HTML plus every stylesheet it links, each compressed with
 * brotli as a host would serve it; the heaviest page must be under the bound.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { localeCodes } from '../../packages/klaster/src/lib/locales.ts';

const dist = inject('demoDist');
const LIMIT = 50_000;

const brotli = (data: Buffer) => brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const sheetWeights = new Map<string, number>();
// The demo is built at the root: a stylesheet's address is its path in dist.
const sheetWeight = (href: string) => {
  const path = new URL(href, 'https://x.invalid/').pathname;
  if (!sheetWeights.has(path)) sheetWeights.set(path, brotli(readFileSync(join(dist, path))));
  return sheetWeights.get(path)!;
};

/** A page's own bytes and its stylesheets', compressed, one file at a time. */
function weigh(file: string) {
  const html = readFileSync(file);
  const sheets = [...html.toString('utf8').matchAll(/<link\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /\srel="?stylesheet"?/.test(tag))
    .map((tag) => /\shref="([^"]+)"/.exec(tag)![1]!);
  const css = sheets.reduce((sum, href) => sum + sheetWeight(href), 0);
  const own = brotli(html);
  return { html: own, css, sheets: sheets.length, total: own + css };
}

describe('product page weight', () => {
  it(`keeps every product page's HTML and CSS under ${LIMIT / 1000} KB, brotli-compressed`, () => {
    const pages = localeCodes.flatMap((l) => readdirSync(join(dist, l, 'products')).map((id) => join(l, 'products', id)));
    expect(pages.length).toBeGreaterThan(0);
    const weights = pages.map((path) => ({ path, ...weigh(join(dist, path, 'index.html')) })).sort((a, b) => b.total - a.total);
    const heaviest = weights[0]!;
    expect(heaviest.sheets).toBeGreaterThan(0);
    console.log(
      `Heaviest product page: /${heaviest.path}/ ${(heaviest.total / 1000).toFixed(1)} KB brotli ` +
        `(HTML ${(heaviest.html / 1000).toFixed(1)} KB, CSS ${(heaviest.css / 1000).toFixed(1)} KB in ${heaviest.sheets} file(s)); ` +
        `median of ${weights.length} pages ${(weights[Math.floor(weights.length / 2)]!.total / 1000).toFixed(1)} KB`,
    );
    expect(heaviest.total).toBeLessThan(LIMIT);
  });
});
