/**
 * The benchmark (npm run bench) cannot rot: its generator makes the same
 * bytes for the same size, and content that passes the content check; and
 * the whole benchmark runs at a tiny size and prints a table with sane
 * figures.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate, corpusSize, LOCALES } from '../scripts/bench/generate.mjs';
import { taggedJpeg } from '../scripts/bench/images.mjs';
import { klasterCommand, ROOT, snapshot, tempDir } from './helpers/build.ts';

const work = tempDir('bench');
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the benchmark corpus generator', () => {
  it('gives the same bytes for the same size, and other bytes for another', async () => {
    // Separate image pools, so the drawing of the pool is checked too.
    const a = await generate({ products: 30, out: join(work, 'a', 'content'), images: 'none', poolDir: join(work, 'a', 'pool') });
    const b = await generate({ products: 30, out: join(work, 'b', 'content'), images: 'none', poolDir: join(work, 'b', 'pool') });
    expect(b).toEqual(a);
    const ha = snapshot(join(work, 'a', 'content'));
    const hb = snapshot(join(work, 'b', 'content'));
    expect(ha.size).toBeGreaterThan(100);
    expect([...hb]).toEqual([...ha]);
    expect([...snapshot(join(work, 'b', 'pool'))]).toEqual([...snapshot(join(work, 'a', 'pool'))]);

    await generate({ products: 31, out: join(work, 'c', 'content'), images: 'none', poolDir: join(work, 'a', 'pool') });
    const hc = snapshot(join(work, 'c', 'content'));
    expect(hc.size).toBeGreaterThan(ha.size);
  }, 60_000);

  it('writes every collection in the proportions asked, with some translations missing', () => {
    const root = join(work, 'a', 'content');
    const size = corpusSize(30);
    for (const [collection, count] of Object.entries(size)) {
      expect(readdirSync(join(root, collection)).length, collection).toBe(count);
    }
    let texts = 0;
    let slots = 0;
    for (const collection of readdirSync(root).filter((name) => !name.startsWith('.'))) {
      for (const id of readdirSync(join(root, collection))) {
        const files = readdirSync(join(root, collection, id));
        expect(files).toContain('index.yaml');
        const source = /^sourceLocale: (\w+)/m.exec(readFileSync(join(root, collection, id, 'index.yaml'), 'utf8'))?.[1] ?? 'en';
        expect(files, `${collection}/${id} lacks its source language`).toContain(`index.${source}.md`);
        texts += files.filter((f) => /^index\.\w+\.md$/.test(f)).length;
        slots += LOCALES.length;
        if (collection === 'products') {
          const images = files.filter((f) => f.endsWith('.jpg'));
          expect(images.length).toBeGreaterThanOrEqual(1);
          expect(images.length).toBeLessThanOrEqual(3);
        }
      }
    }
    expect(texts).toBeLessThan(slots);
    expect(texts).toBeGreaterThan(slots * 0.8);
    // Cyrillic in Bulgarian and Serbian, comma-below letters in Romanian.
    const product = readdirSync(join(root, 'products'))[0];
    const all = LOCALES.map((l) => {
      try {
        return readFileSync(join(root, 'products', product, `index.${l}.md`), 'utf8');
      } catch {
        return '';
      }
    }).join('\n');
    expect(all).toMatch(/\p{Script=Cyrillic}/u);
    const ro = readdirSync(join(root, 'products'))
      .map((id) => join(root, 'products', id, 'index.ro.md'))
      .filter((f) => statSync(f, { throwIfNoEntry: false }))
      .map((f) => readFileSync(f, 'utf8'))
      .join('');
    expect(ro).toMatch(/[șț]/);
    expect(ro).not.toMatch(/[şţ]/);
  });

  it('makes content that passes the content check', () => {
    // Checked as the benchmark builds it: a site with Klaster's default locales (scripts/bench.mjs writes the same site.yaml).
    const config = join(work, 'bench-site.yaml');
    writeFileSync(config, 'name: Benchmark cluster\n');
    const run = klasterCommand('check', { KLASTER_CONTENT: join(work, 'a', 'content'), KLASTER_CONFIG: config, KLASTER_BUILD_DATE: '2026-06-01' });
    expect(run.status, run.output.slice(-3000)).toBe(0);
    expect(readdirSync(join(work, 'a', 'content', 'products')).length).toBe(30);
  });

  it('never replaces a folder it did not write', async () => {
    const foreign = join(work, 'foreign');
    mkdirSync(join(foreign, 'products', 'kept'), { recursive: true });
    await expect(generate({ products: 1, out: foreign, images: 'none', poolDir: join(work, 'a', 'pool') })).rejects.toThrow(/not empty/);
    expect(existsSync(join(foreign, 'products', 'kept'))).toBe(true);
  });

  it('gives each image bytes of its own, so Astro cannot merge them', () => {
    const jpeg = readFileSync(join(work, 'a', 'pool', 'none-00.jpg'));
    const x = taggedJpeg(jpeg, 'products/x/front.jpg');
    const y = taggedJpeg(jpeg, 'products/y/front.jpg');
    expect(x.equals(y)).toBe(false);
    expect(x.subarray(0, 2).equals(Buffer.from([0xff, 0xd8]))).toBe(true);
    expect(x.length - jpeg.length).toBe(4 + 'klaster-bench products/x/front.jpg'.length);
  });
});

describe('npm run bench', () => {
  it('runs at a tiny size and reports every measure', () => {
    const json = join(work, 'bench.json');
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'scripts', 'bench.mjs'), '--products', '20', '--images', 'none', '--rebuild', '--json', json, '--quiet', '--dir', join(work, 'run')],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    expect(run.status, `${run.stdout}\n${run.stderr}`.slice(-4000)).toBe(0);
    for (const row of ['pages written', 'total (s)', 'content loading and checks', 'rendering', 'images', 'search index', 'ms per page', 'ratio to the floor', 'peak memory', 'size of dist/', 'first search query', 'rebuild']) {
      expect(run.stdout, row).toContain(row);
    }
    const result = JSON.parse(readFileSync(json, 'utf8'));
    expect(result.products).toBe(20);
    expect(result.klaster.pages).toBeGreaterThan(100);
    expect(result.klaster.totalSeconds).toBeGreaterThan(0);
    expect(result.klaster.msPerPage).toBeGreaterThan(0);
    expect(result.klaster.msPerPageExclImages).toBeGreaterThan(0);
    expect(result.klaster.msPerPageExclImages).toBeLessThanOrEqual(result.klaster.msPerPage);
    for (const phase of ['content', 'bundle', 'rendering']) expect(result.klaster.phases[phase], phase).toBeGreaterThan(0);
    expect(result.klaster.peakRssBytes).toBeGreaterThan(50 * 1024 * 1024);
    // Each phase's peak is one of the samples, so never above the run's peak.
    const byPhase = result.klaster.peakRssByPhaseBytes;
    for (const phase of ['content', 'bundle', 'rendering', 'search']) {
      expect(byPhase[phase], phase).toBeGreaterThan(10 * 1024 * 1024);
      expect(byPhase[phase], phase).toBeLessThanOrEqual(result.klaster.peakRssBytes);
    }
    expect(result.klaster.distBytes).toBeGreaterThan(0);
    // The floor renders one page per Markdown file.
    expect(result.floor.pages).toBe(result.floor.markdownFiles);
    expect(result.floor.msPerPage).toBeGreaterThan(0);
    expect(result.ratioToFloor).toBeGreaterThan(0);
    expect(result.rebuild.totalSeconds).toBeGreaterThan(0);
    expect(result.rebuild.ratioToFull).toBeGreaterThan(0);
    // Search: a number once the site has an index, else null (printed n/a).
    if (result.klaster.search !== null) expect(result.klaster.search.bytes).toBeGreaterThan(0);
    expect(result.table).toContain('| measure | Klaster | floor |');
  }, 180_000);
});

describe('npm run bench:filters', () => {
  it('runs at a small size and reports the table, a chunk and the first tick within the single file', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bench-filters.mjs'), '--products', '400'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const single = Number(/single filters\.json before: [\d.]+ KB raw, ([\d.]+) KB brotli/.exec(run.stdout)![1]);
    const row = /\| 8 \(Klaster\) \| ([\d.]+) KB \| ([\d.]+) KB \| (\d+) \| ([\d.]+) KB \| ([\d.]+) KB \|/.exec(run.stdout)!;
    const [table, chunk, chunks, median, worst] = row.slice(1).map(Number);
    expect(chunks).toBe(50);
    expect(chunk).toBeGreaterThan(0);
    expect(table).toBeLessThan(single);
    expect(median).toBeLessThanOrEqual(worst!);
    expect(worst).toBeLessThan(single);
  }, 120_000);
});
