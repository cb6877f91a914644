#!/usr/bin/env node
/**
 * Generates a realistic benchmark corpus of N products, in exactly the
 * format of docs/editors-guide.md: one folder per entry with index.yaml,
 * index.<locale>.md in en/bg/sr/ro (about 10% of translations missing, never
 * the source language; some partial), images beside the products.
 *
 *   node scripts/bench/generate.mjs --products 1000 --out /tmp/corpus [--images pool|none]
 *
 * Proportions: clusters ~N/500 (at least 3), organisations ~N/20 (at least
 * 10) belonging to the clusters, projects ~N/200, news ~N/40, events ~N/50,
 * 3 funding programmes. Each product has 1 to 3 images.
 *
 * Deterministic: every entry draws from its own seeded generator, so the
 * same N (and image mode) always gives the same bytes.
 */
import { mkdirSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { rng, slugWords, writer } from './random.mjs';
import { raw, textFile, toYaml } from './yaml.mjs';
import { makePool, placeImage } from './images.mjs';

export const LOCALES = ['en', 'bg', 'sr', 'ro'];
/** Marks a folder as a generated corpus, which the generator may replace. */
const MARKER = '.klaster-bench-corpus';
/** Share of translation files left out (never the source language's). */
export const MISSING_TRANSLATION = 0.1;

export function corpusSize(products) {
  return {
    programmes: 3,
    clusters: Math.max(3, Math.round(products / 500)),
    organisations: Math.max(10, Math.round(products / 20)),
    products,
    projects: Math.max(3, Math.round(products / 200)),
    news: Math.max(6, Math.round(products / 40)),
    events: Math.max(6, Math.round(products / 50)),
  };
}

const COUNTRIES = {
  BG: { tz: 'Europe/Sofia', lat: 42.7, lon: 25.3, nuts: ['BG41', 'BG42', 'BG31', 'BG32', 'BG33', 'BG34'], phone: '+359' },
  RS: { tz: 'Europe/Belgrade', lat: 44.0, lon: 20.9, nuts: ['RS11', 'RS12', 'RS21', 'RS22'], phone: '+381' },
  RO: { tz: 'Europe/Bucharest', lat: 45.9, lon: 24.9, nuts: ['RO11', 'RO12', 'RO21', 'RO22', 'RO31', 'RO32'], phone: '+40' },
};
export const COUNTRY_CODES = Object.keys(COUNTRIES);
const TEXTILE_SECTORS = ['textile-clothing', 'fashion', 'footwear-leather', 'circular-economy', 'creative-industries'];
const IT_SECTORS = ['ict', 'software', 'electronics'];
const APPAREL = ['knitwear', 'outerwear', 'dresses', 'shirts-blouses', 'trousers-jeans', 'workwear', 'childrenswear', 'underwear-nightwear'];
export const TEXTILE_CATEGORIES = [...APPAREL, 'accessories', 'home-textiles', 'fabrics-yarns'];
export const IT_CATEGORIES = ['software', 'it-services', 'hardware-devices'];
export const FIBRES = ['cotton', 'organic-cotton', 'recycled-cotton', 'wool', 'merino-wool', 'cashmere', 'silk', 'linen', 'hemp', 'viscose', 'lyocell', 'modal', 'polyester', 'recycled-polyester', 'polyamide', 'elastane', 'acrylic'];
export const CERTIFICATIONS = ['gots', 'ocs', 'grs', 'oeko-tex-100', 'bluesign', 'fairtrade', 'sa8000', 'eu-ecolabel', 'iso-9001', 'iso-14001'];
const COLOURS = ['white', 'ecru', 'beige', 'grey', 'black', 'navy', 'blue', 'green', 'red', 'burgundy', 'pink', 'yellow', 'orange', 'brown', 'multicolour'];
const EVENT_KINDS = ['fair', 'business-meeting', 'conference', 'roundtable', 'workshop', 'training', 'press-conference', 'exchange-visit'];
const ORG_TYPES = { sme: 70, 'large-company': 8, 'support-organisation': 6, 'research-education': 6, 'public-body': 4, ngo: 3, 'cluster-organisation': 3 };
/** Dark enough for the contrast rule (at least 4.5:1 on white). */
const ACCENTS = ['#1e5b47', '#7a2048', '#234e8c', '#5a3d7a', '#8a3b12', '#2f4f4f', '#6b2d5c', '#1f4e79'];
const PROGRAMMES = [
  { id: 'interreg-ipa-bulgaria-serbia', funder: 'european-union', fund: 'ipa', period: '2014-2020' },
  { id: 'cosme-2014-2020', funder: 'european-union', fund: 'cosme', period: '2014-2020' },
  { id: 'pcp-2021-2027', funder: 'european-union', fund: 'erdf', period: '2021-2027' },
];
const IMAGE_NAMES = ['front.jpg', 'back.jpg', 'detail.jpg'];
/** A minimal valid PDF, for project results. */
const PDF = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

const pad = (n, width = 5) => String(n).padStart(width, '0');
const date = (y, m, d) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const randomDate = (r, from, to) => date(r.int(from, to), r.int(1, 12), r.int(1, 28));
const coords = (r, country) => ({
  lat: Math.round((COUNTRIES[country].lat + (r.next() - 0.5) * 2) * 1e4) / 1e4,
  lon: Math.round((COUNTRIES[country].lon + (r.next() - 0.5) * 3) * 1e4) / 1e4,
});

/** A GTIN-13 with a correct check digit. */
function gtin13(r) {
  const digits = [3, 8, 0, ...Array.from({ length: 9 }, () => r.int(0, 9))];
  const sum = digits.reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 1 : 3), 0);
  return digits.join('') + ((10 - (sum % 10)) % 10);
}

function sourceLocale(r) {
  return r.weighted({ en: 70, bg: 12, sr: 9, ro: 9 });
}

/**
 * Writes one entry: facts, and a text file per locale. `text(w, locale,
 * isSource)` returns { data, body } for a locale; translations are left out
 * about 10% of the time, and some are partial (no summary, or no body).
 */
function writeEntry(root, collection, id, facts, text, r, options = {}) {
  const dir = join(root, collection, id);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.yaml'), toYaml(facts));
  const source = facts.sourceLocale ?? 'en';
  let written = 0;
  let missing = 0;
  for (const locale of LOCALES) {
    const isSource = locale === source;
    if (!isSource && !options.everyLocale && r.chance(MISSING_TRANSLATION)) {
      missing++;
      continue;
    }
    const { data, body } = text(writer(r, locale), locale, isSource);
    let b = body;
    if (!isSource && !options.everyLocale) {
      if ('summary' in data && r.chance(0.05)) delete data.summary;
      if (r.chance(0.05)) b = '';
    }
    writeFileSync(join(dir, `index.${locale}.md`), textFile(data, b));
    written++;
  }
  return { dir, written, missing };
}

/**
 * Generates the corpus into `out` (emptied first). The image pool is drawn
 * into `poolDir` (default: beside `out`); each corpus image is a pool picture
 * with bytes of its own (see images.mjs).
 */
export async function generate({ products, out, images = 'pool', poolDir, onProgress = () => {} }) {
  if (!Number.isInteger(products) || products < 1) throw new Error('products must be a positive whole number');
  if (!['pool', 'none'].includes(images)) throw new Error('images must be pool or none');
  const root = resolve(out);
  // Never wipe a folder this generator did not write (a real content folder).
  if (existsSync(root) && readdirSync(root).length > 0 && !existsSync(join(root, MARKER))) {
    throw new Error(`${root} is not empty and was not written by the benchmark generator; give an empty or new folder`);
  }
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  // A dot file: the content reader ignores it.
  writeFileSync(join(root, MARKER), 'A benchmark corpus written by scripts/bench/generate.mjs; it may be deleted.\n');
  const pool = await makePool(resolve(poolDir ?? join(dirname(root), `.image-pool-${images}`)), images);
  const size = corpusSize(products);
  const stats = { ...size, textFiles: 0, missingTranslations: 0, images: 0, longBodies: 0 };
  const count = ({ written, missing }) => {
    stats.textFiles += written;
    stats.missingTranslations += missing;
  };
  const longBody = (r, p) => {
    const long = r.chance(p);
    if (long) stats.longBodies++;
    return long;
  };

  // Programmes: the legal texts are required in every language.
  for (const p of PROGRAMMES) {
    const r = rng(`programme:${p.id}`);
    count(
      writeEntry(root, 'programmes', p.id, { funder: p.funder, fund: p.fund, period: p.period, website: `https://example.org/${p.id}` }, (w) => ({
        data: {
          name: w.name(4, 8),
          shortName: w.name(1, 2),
          fundName: w.name(3, 5),
          statement: w.sentence(8, 14),
          disclaimer: w.sentence(20, 35),
          managingAuthority: w.sentence(5, 10),
        },
        body: '',
      }), r, { everyLocale: true }),
    );
  }
  onProgress('programmes', size.programmes, size.programmes);

  // Clusters.
  const clusters = [];
  for (let i = 0; i < size.clusters; i++) {
    const r = rng(`cluster:${i}`);
    const country = COUNTRY_CODES[i % COUNTRY_CODES.length];
    const id = `${slugWords(r, 1)}-cluster-${i + 1}`;
    clusters.push({ id, country });
    const facts = {
      sourceLocale: i % 4 === 0 ? 'en' : country === 'BG' ? 'bg' : country === 'RS' ? 'sr' : 'ro',
      country,
      nuts: r.pick(COUNTRIES[country].nuts),
      coordinates: coords(r, country),
      founded: r.int(2000, 2020),
      sectors: r.chance(0.8) ? r.sample(TEXTILE_SECTORS, r.int(1, 3)) : r.sample(IT_SECTORS, r.int(1, 2)),
      website: `https://example.org/${id}`,
      email: `office@${id}.example.org`,
      phone: `${COUNTRIES[country].phone} ${r.int(20, 99)} ${r.int(100, 999)} ${r.int(100, 999)}`,
      excellenceLabel: r.chance(0.4)
        ? (() => {
            const y = r.int(2012, 2024);
            return { level: r.pick(['bronze', 'silver', 'gold']), awarded: raw(date(y, 3, 10)), expires: raw(date(y + 2, 3, 10)) };
          })()
        : undefined,
      // Managed by its first member (organisation i belongs to cluster i),
      // set once the organisations have their ids.
      organisation: undefined,
    };
    clusters[i].facts = facts;
    clusters[i].r = r;
  }

  // Organisations: organisation i belongs to cluster i mod C (every cluster
  // has members), some to a second one.
  const organisations = [];
  for (let i = 0; i < size.organisations; i++) {
    const r = rng(`organisation:${i}`);
    const cluster = clusters[i % clusters.length];
    const id = `${slugWords(r, 2)}-${pad(i + 1, 4)}`;
    const it = r.chance(0.12);
    organisations.push({ id, country: cluster.country, it });
    const memberOf = [cluster.id];
    if (clusters.length > 1 && r.chance(0.1)) {
      const other = clusters[(i + 1 + r.int(0, clusters.length - 2)) % clusters.length];
      if (other.id !== cluster.id) memberOf.push(other.id);
    }
    const source = sourceLocale(r);
    const facts = {
      sourceLocale: source === 'en' ? undefined : source,
      type: r.weighted(ORG_TYPES),
      country: cluster.country,
      coordinates: coords(r, cluster.country),
      clusters: memberOf,
      sectors: it ? r.sample(IT_SECTORS, r.int(1, 2)) : r.sample(TEXTILE_SECTORS, r.int(1, 2)),
      founded: r.int(1950, 2022),
      employees: r.int(3, 900),
      website: `https://example.org/${id}`,
      email: `info@${id}.example.org`,
      sample: true,
    };
    count(
      writeEntry(root, 'organisations', id, facts, (w) => ({
        data: { name: w.name(2, 3), summary: w.sentence(8, 20), city: w.name(1, 2), address: r.chance(0.5) ? w.sentence(3, 6) : undefined },
        body: w.body(longBody(r, 0.05)),
      }), r),
    );
    if (i % 200 === 0) onProgress('organisations', i + 1, size.organisations);
  }
  onProgress('organisations', size.organisations, size.organisations);

  for (const [i, c] of clusters.entries()) {
    c.facts.organisation = organisations[i].id;
    const r = c.r;
    count(
      writeEntry(root, 'clusters', c.id, c.facts, (w) => ({
        data: { name: w.name(2, 4), shortName: w.name(1, 1), summary: w.sentence(10, 24), region: w.name(1, 2), city: w.name(1, 2), address: w.sentence(3, 6) },
        body: w.body(longBody(r, 0.3)),
      }), r),
    );
  }
  onProgress('clusters', size.clusters, size.clusters);

  // Products: makers drawn with a mild skew (a few organisations make many).
  for (let i = 0; i < size.products; i++) {
    const r = rng(`product:${i}`);
    const maker = organisations[Math.floor(organisations.length * r.next() ** 1.3)];
    const id = `${slugWords(r, 2)}-${pad(i + 1)}`;
    const category = maker.it ? r.pick(IT_CATEGORIES) : r.pick(TEXTILE_CATEGORIES);
    const textile = !IT_CATEGORIES.includes(category);
    const imageCount = Number(r.weighted({ 1: 3, 2: 4, 3: 3 }));
    const names = IMAGE_NAMES.slice(0, imageCount);
    let composition;
    if (textile && category !== 'accessories') {
      const fibres = r.sample(FIBRES, Number(r.weighted({ 1: 4, 2: 4, 3: 2 })));
      const percents = fibres.length === 1 ? [100] : fibres.length === 2 ? (() => { const a = r.int(10, 19) * 5; return [a, 100 - a]; })() : (() => { const a = r.int(10, 15) * 5; const b = r.int(2, (95 - a) / 5) * 5; return [a, b, 100 - a - b]; })();
      composition = fibres.map((fibre, k) => ({ fibre, percent: percents[k] }));
    } else if (category === 'accessories') composition = [{ fibre: 'leather', percent: 100 }];
    const certifications = textile && r.chance(0.25)
      ? r.sample(CERTIFICATIONS, r.int(1, 2)).map((scheme) => ({
          scheme,
          licence: `${r.int(10, 24)}.HBG.${r.int(10000, 99999)}`,
          issuer: r.pick(['Hohenstein Institute', 'Control Union', 'Bureau Veritas', 'TÜV SÜD']),
          // About one in fifty has expired: shown as expired, with a warning.
          validUntil: raw(r.chance(0.02) ? randomDate(r, 2019, 2023) : randomDate(r, 2027, 2031)),
        }))
      : undefined;
    const sizes = category === 'childrenswear' ? [86, 92, 98, 104, 110].slice(0, r.int(2, 5)) : APPAREL.includes(category) ? ['XS', 'S', 'M', 'L', 'XL', 'XXL'].slice(r.int(0, 1), r.int(3, 6)) : undefined;
    const source = sourceLocale(r);
    const facts = {
      sourceLocale: source === 'en' ? undefined : source,
      maker: maker.id,
      category,
      images: names,
      attributes: composition || sizes ? { material: composition, sizes } : undefined,
      certifications,
      moq: r.int(1, 50) * 10,
      moqUnit: category === 'fabrics-yarns' ? 'metres' : category === 'software' ? 'licences' : undefined,
      leadTimeDays: category === 'software' ? undefined : r.int(7, 90),
      colours: textile ? r.sample(COLOURS, r.int(1, 3)) : undefined,
      countryOfOrigin: maker.country,
      sku: `${id.slice(0, 2).toUpperCase()}-${1000 + i}`,
      gtin: r.chance(0.5) ? gtin13(r) : undefined,
      sample: true,
    };
    const written = writeEntry(root, 'products', id, facts, (w) => ({
      data: {
        name: w.name(2, 4),
        summary: w.sentence(8, 22),
        imageAlt: Object.fromEntries(names.map((n) => [n, w.sentence(4, 9).replace(/\.$/, '')])),
      },
      body: w.body(longBody(r, 0.02)),
    }), r);
    count(written);
    for (const [k, name] of names.entries()) {
      placeImage(pool[(i * 3 + k * 7) % pool.length], join(written.dir, name), `products/${id}/${name}`);
      stats.images++;
    }
    if (i % 500 === 0) onProgress('products', i + 1, size.products);
  }
  onProgress('products', size.products, size.products);

  // Projects: led by a cluster, with organisations as partners.
  const projects = [];
  for (let i = 0; i < size.projects; i++) {
    const r = rng(`project:${i}`);
    const lead = clusters[i % clusters.length];
    const acronymWord = slugWords(r, 1).replace(/[^a-z]/g, '').slice(0, 6).toUpperCase() || 'PROJ';
    const acronym = `${acronymWord}${i + 1}`;
    const id = `${acronym.toLowerCase()}-${slugWords(r, 1)}`;
    projects.push(id);
    const partners = [{ cluster: lead.id, role: 'lead' }];
    const members = r.sample(organisations, r.int(2, 5));
    for (const o of members) partners.push({ organisation: o.id, role: r.chance(0.8) ? 'partner' : 'associated' });
    const other = clusters[(i + 1) % clusters.length];
    if (other.id !== lead.id && r.chance(0.5)) partners.push({ cluster: other.id, role: 'partner' });
    const start = r.int(2014, 2025);
    const indicators = Array.from({ length: r.int(1, 3) }, (_, k) => {
      const target = r.int(2, 40) * 5;
      return {
        id: `indicator-${k + 1}`,
        target,
        achieved: r.chance(0.8) ? r.int(0, target * 1.2) : undefined,
        breakdown: r.chance(0.4) ? [{ id: `indicator-${k + 1}-smes`, target: Math.ceil(target / 2), achieved: r.int(0, target / 2) }] : undefined,
      };
    });
    const indicatorIds = indicators.flatMap((ind) => [ind.id, ...(ind.breakdown ?? []).map((b) => b.id)]);
    const withResults = r.chance(0.3);
    const total = r.int(10, 200) * 5000;
    const source = sourceLocale(r);
    const facts = {
      sourceLocale: source === 'en' ? undefined : source,
      acronym,
      programme: PROGRAMMES[i % PROGRAMMES.length].id,
      call: `CALL-${start}-${r.int(1, 9)}`,
      grantNumber: `${r.int(100000, 999999)}`,
      start: raw(date(start, r.int(1, 12), 1)),
      end: raw(date(start + r.int(2, 3), r.int(1, 12), 28)),
      budget: { total, euContribution: Math.round(total * 0.85), currency: 'EUR' },
      partners,
      clusters: [...new Set(partners.filter((p) => p.cluster).map((p) => p.cluster))],
      indicators,
      results: withResults ? [{ id: 'final-report', file: 'final-report.pdf', type: 'report', language: 'en', date: raw(date(start + 2, 6, 30)) }] : undefined,
      accentColour: r.pick(ACCENTS),
      website: `https://example.org/${id}`,
    };
    const written = writeEntry(root, 'projects', id, facts, (w) => ({
      data: {
        name: w.name(4, 8),
        summary: w.sentence(12, 26),
        objectives: Array.from({ length: r.int(2, 4) }, () => w.sentence()),
        activities: Array.from({ length: r.int(3, 6) }, () => w.sentence()),
        expectedResults: Array.from({ length: r.int(2, 4) }, () => w.sentence()),
        indicators: Object.fromEntries(indicatorIds.map((k) => [k, w.name(2, 4)])),
        results: withResults ? { 'final-report': { title: w.name(3, 6), description: w.sentence() } } : undefined,
      },
      body: w.body(longBody(r, 0.3)),
    }), r);
    count(written);
    if (withResults) writeFileSync(join(written.dir, 'final-report.pdf'), PDF);
  }
  onProgress('projects', size.projects, size.projects);

  // News, some with a cover image.
  for (let i = 0; i < size.news; i++) {
    const r = rng(`news:${i}`);
    const id = `${slugWords(r, 3)}-${pad(i + 1, 4)}`;
    const cover = r.chance(0.25);
    const source = sourceLocale(r);
    const facts = {
      sourceLocale: source === 'en' ? undefined : source,
      date: raw(randomDate(r, 2014, 2026)),
      projects: r.chance(0.6) ? [r.pick(projects)] : undefined,
      clusters: r.chance(0.7) ? [r.pick(clusters).id] : undefined,
      cover: cover ? 'cover.jpg' : undefined,
      sample: true,
    };
    const written = writeEntry(root, 'news', id, facts, (w) => ({
      data: { title: w.name(4, 9), summary: w.sentence(10, 24), coverAlt: cover ? w.sentence(4, 9).replace(/\.$/, '') : undefined },
      body: w.body(longBody(r, 0.15)),
    }), r);
    count(written);
    if (cover) {
      placeImage(pool[i % pool.length], join(written.dir, 'cover.jpg'), `news/${id}/cover.jpg`);
      stats.images++;
    }
  }
  onProgress('news', size.news, size.news);

  // Events.
  for (let i = 0; i < size.events; i++) {
    const r = rng(`event:${i}`);
    const id = `${slugWords(r, 2)}-${pad(i + 1, 4)}`;
    const country = r.pick(COUNTRY_CODES);
    const y = r.int(2014, 2027);
    const m = r.int(1, 12);
    const d = r.int(1, 25);
    const allDay = r.chance(0.3);
    const startHour = r.int(8, 15);
    const source = sourceLocale(r);
    const facts = {
      sourceLocale: source === 'en' ? undefined : source,
      kind: r.pick(EVENT_KINDS),
      start: raw(allDay ? date(y, m, d) : `${date(y, m, d)}T${String(startHour).padStart(2, '0')}:30`),
      end: raw(allDay ? date(y, m, d + r.int(0, 3)) : `${date(y, m, d)}T${String(startHour + r.int(1, 6)).padStart(2, '0')}:00`),
      timezone: COUNTRIES[country].tz,
      country,
      coordinates: coords(r, country),
      organiser: { cluster: r.pick(clusters).id },
      projects: r.chance(0.5) ? [r.pick(projects)] : undefined,
      clusters: r.chance(0.6) ? [r.pick(clusters).id] : undefined,
      website: r.chance(0.5) ? `https://example.org/${id}` : undefined,
      sample: true,
    };
    count(
      writeEntry(root, 'events', id, facts, (w) => ({
        data: { title: w.name(3, 7), summary: w.sentence(10, 22), venue: w.name(2, 4), city: w.name(1, 2) },
        body: w.body(longBody(r, 0.1)),
      }), r),
    );
  }
  onProgress('events', size.events, size.events);
  return stats;
}

/** The text files of a corpus (what the floor renders), sorted. */
export function markdownFiles(root) {
  const out = [];
  for (const collection of readdirSync(root).sort()) {
    if (collection.startsWith('.')) continue;
    const cdir = join(root, collection);
    for (const id of readdirSync(cdir).sort()) {
      for (const f of readdirSync(join(cdir, id)).sort()) if (/^index\.[a-z]+\.md$/.test(f)) out.push(join(cdir, id, f));
    }
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values } = parseArgs({
    options: { products: { type: 'string' }, out: { type: 'string' }, images: { type: 'string', default: 'pool' } },
  });
  if (!values.products || !values.out) {
    console.error('usage: node scripts/bench/generate.mjs --products N --out DIR [--images pool|none]');
    process.exit(2);
  }
  const started = performance.now();
  const stats = await generate({
    products: Number(values.products),
    out: values.out,
    images: values.images,
    onProgress: (c, done, total) => process.stderr.write(`  ${c}: ${done}/${total}\n`),
  }).catch((error) => {
    console.error(error.message);
    process.exit(2);
  });
  console.log(JSON.stringify(stats, null, 2));
  console.log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
