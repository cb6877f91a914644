#!/usr/bin/env node
/**
 * npm run bench:filters [-- --products N]
 *
 * The size of a listing's filter data (src/lib/filter-data.ts) at N
 * products (default 10,000), made with the package's own functions from a
 * synthetic catalogue drawn like the benchmark corpus's
 * (scripts/bench/generate.mjs: makers, categories, fibres, certificates,
 * countries; cards with a link, a name, a summary, a category and the card
 * image's files), without building a site. Prints, brotli-compressed as a
 * host would serve them (node:zlib, quality 11):
 *
 * - the single file of before issue #21 (every card and its facet values);
 * - the facet table, one chunk of cards (median), and what the first
 *   interaction downloads: the table, chunk 0 (fetched with it), and the
 *   chunks holding the first 24 products of a ticked value, over every
 *   facet value (median and worst), for several chunk sizes.
 */
import { brotliCompressSync, constants } from 'node:zlib';
import { parseArgs } from 'node:util';
import { CERTIFICATIONS, COUNTRY_CODES, FIBRES, IT_CATEGORIES, TEXTILE_CATEGORIES } from './bench/generate.mjs';
import { rng, slugWords, writer } from './bench/random.mjs';
import { cardChunk, chunkCount, CHUNK, filterTable } from '../packages/klaster/src/lib/filter-data.ts';

const { values: opts } = parseArgs({ options: { products: { type: 'string', default: '10000' } } });
const N = Number(opts.products);
const PAGE = 24; // cards shown at a time (assets/filter.js)

const br = (text) =>
  brotliCompressSync(Buffer.from(text), { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: text.length } }).length;
const hash = (r, n = 8) => Array.from({ length: n }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[r.int(0, 63)]).join('');

// The catalogue: organisations ~N/20, clusters ~N/500, as the benchmark's corpus.
const orgs = Array.from({ length: Math.max(10, Math.round(N / 20)) }, (_, i) => {
  const r = rng(`organisation:${i}`);
  return {
    id: `${slugWords(r, 2)}-${i}`,
    country: r.pick(COUNTRY_CODES).toLowerCase(),
    it: r.chance(0.2),
    clusters: [`cluster-${r.int(0, Math.max(3, Math.round(N / 500)) - 1)}`],
  };
});
const products = Array.from({ length: N }, (_, i) => {
  const r = rng(`product:${i}`);
  const w = writer(r, 'en');
  const maker = orgs[Math.floor(orgs.length * r.next() ** 1.3)];
  const category = maker.it ? r.pick(IT_CATEGORIES) : r.pick(TEXTILE_CATEGORIES);
  const textile = !IT_CATEGORIES.includes(category);
  const material = textile ? (category === 'accessories' ? ['leather'] : r.sample(FIBRES, Number(r.weighted({ 1: 4, 2: 4, 3: 2 })))) : [];
  const certification = textile && r.chance(0.25) ? r.sample(CERTIFICATIONS, r.int(1, 2)) : [];
  const id = `${slugWords(r, 2)}-${i + 1}`;
  const front = `front.${hash(r)}`;
  const file = (width, ext) => `/_astro/${front}_${hash(r, 6)}.${ext} ${width}w`;
  const card = {
    href: `/en/products/${id}/`,
    name: w.name(2, 4),
    summary: w.sentence(8, 22),
    meta: category.replace(/-/g, ' '),
    image: {
      avif: [file(480, 'avif'), file(960, 'avif')].join(', '),
      webp: [file(480, 'webp'), file(960, 'webp')].join(', '),
      src: `/_astro/${front}_${hash(r, 6)}.webp`,
      width: 960,
      height: 1200,
      alt: w.sentence(4, 9).replace(/\.$/, ''),
    },
  };
  const facets = { category: [category], cluster: maker.clusters, member: [maker.id], material, certification, country: [maker.country] };
  return { card, facets: Object.fromEntries(Object.entries(facets).filter(([, v]) => v.length)) };
});
const collator = new Intl.Collator('en');
products.sort((a, b) => collator.compare(a.card.name, b.card.name));
const valuesOf = (facet) => [...new Set(products.flatMap((p) => p.facets[facet] ?? []))].sort().map((v) => [v, v.replace(/-/g, ' ')]);
const facets = ['category', 'cluster', 'member', 'material', 'certification', 'country'].map((name) => ({ name, label: name, values: valuesOf(name) }));

const single = JSON.stringify({ sizes: '(max-width: 40rem) 100vw, 16rem', facets, items: products.map((p) => ({ ...p.card, facets: p.facets })) });
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
process.stdout.write(`${N} products, ${orgs.length} makers; brotli 11\n\nsingle filters.json before: ${kb(single.length)} raw, ${kb(br(single))} brotli\n\n`);
process.stdout.write(
  '| cards per chunk | facet table | one chunk (median) | chunks | first interaction, median | first interaction, worst |\n|---:|---:|---:|---:|---:|---:|\n',
);
for (const size of [8, 12, 16, 32]) {
  const table = br(JSON.stringify(filterTable(facets, products, '/en/catalogue/cards/', size)));
  const chunks = Array.from({ length: chunkCount(N, size) }, (_, k) => br(JSON.stringify(cardChunk(products, k, size))));
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const first = [];
  for (const facet of facets) {
    for (const [value] of facet.values) {
      const needed = new Set([0]);
      let seen = 0;
      for (let i = 0; i < products.length && seen < PAGE; i++) {
        if (products[i].facets[facet.name]?.includes(value)) {
          needed.add(Math.floor(i / size));
          seen++;
        }
      }
      first.push(table + [...needed].reduce((sum, k) => sum + chunks[k], 0));
    }
  }
  const mark = size === CHUNK ? ' (Klaster)' : '';
  process.stdout.write(`| ${size}${mark} | ${kb(table)} | ${kb(median(chunks))} | ${chunks.length} | ${kb(median(first))} | ${kb(Math.max(...first))} |\n`);
}
