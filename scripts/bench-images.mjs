#!/usr/bin/env node
/**
 * npm run bench:images [-- --photos N --json PATH --plans a,b]
 *
 * The image plan's cost, on camera-sized photographs: N (default 8)
 * generated 4000 x 3000 JPEGs with texture (scripts/bench/photos.mjs), each
 * made into the files of a plan, and for each plan:
 *
 * - CPU seconds per source image (user + system of a child process doing
 *   only that plan's work; CPU time, not wall time, because the machine may
 *   be shared), with two sources in flight as in Astro's build on this
 *   2-core machine;
 * - the bytes of each file, and what a visitor downloads for a product
 *   page's images at three screens (the widths the product page's `sizes`
 *   makes a browser pick);
 * - the SSIM of each delivered file against today's plan's file of the same
 *   width (ssim.js, both decoded by sharp at the same size).
 *
 * Plans (scripts/bench/image-plans.mjs):
 *   today    Klaster before issue #21: Astro's sharp service, each of the
 *            eight files decoding the source again; AVIF effort 2 at every width
 *   klaster  Klaster's plan now: the same service configuration and image
 *            service as the package (packages/klaster/src/astro-internals/image-service.ts)
 *   floor    a direct sharp script making exactly klaster's files, each
 *            source decoded once: the least the files can cost
 *
 * Every plan runs in a fresh child process, one after the other, so their
 * CPU times are comparable within one run.
 */
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import ssim from 'ssim.js';
import { makePhotos } from './bench/photos.mjs';
import { PLANS, resolvePlan, runPlan, SCREENS, visitorFiles } from './bench/image-plans.mjs';

const SELF = fileURLToPath(import.meta.url);

if (process.argv[2] === '--child') {
  // One plan's work, measured from the first source read to the last file written.
  const [, , , plan, photosDir, outDir] = process.argv;
  const sources = readdirSync(photosDir)
    .filter((f) => f.endsWith('.jpg'))
    .sort()
    .map((f) => join(photosDir, f));
  await sharp(sources[0]).resize(8).toBuffer(); // loads libvips before the clock starts
  const before = process.cpuUsage();
  await runPlan(PLANS[plan], sources, outDir);
  const used = process.cpuUsage(before);
  process.send({ cpu: (used.user + used.system) / 1e6 });
  process.exit(0);
}

const { values: opts } = parseArgs({
  options: {
    photos: { type: 'string', default: '8' },
    plans: { type: 'string', default: 'today,klaster,floor' },
    json: { type: 'string' },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const count = Number(opts.photos);
const plans = opts.plans.split(',');
for (const p of plans) if (!PLANS[p]) throw new Error(`No plan "${p}"; known: ${Object.keys(PLANS).join(', ')}`);
if (!plans.includes('today')) plans.unshift('today'); // the reference of SSIM and bytes

const work = opts.dir ?? mkdtempSync(join(tmpdir(), 'klaster-bench-images-'));
const photosDir = join(work, 'photos');
const log = (m) => process.stderr.write(`${m}\n`);
log(`making ${count} photos (4000x3000) in ${photosDir}`);
const sources = await makePhotos(photosDir, count);

const results = {};
for (const plan of plans) {
  const out = join(work, 'out', plan);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  log(`plan ${plan}: ${PLANS[plan].describe}`);
  const cpu = await new Promise((done, failed) => {
    const child = fork(SELF, ['--child', plan, photosDir, out], { stdio: 'inherit' });
    child.on('message', (m) => done(m.cpu));
    child.on('exit', (code) => code && failed(new Error(`plan ${plan} failed (${code})`)));
  });
  results[plan] = { cpu, perSource: cpu / sources.length, out };
  log(`  ${(cpu / sources.length).toFixed(2)} CPU s per source`);
}

/** A file's pixels at a given size, as ssim.js takes them (RGBA). */
async function pixels(file, width) {
  const { data, info } = await sharp(file).resize({ width }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

const names = (dir) => readdirSync(dir).sort();
const rows = {};
for (const plan of plans) {
  const { out } = results[plan];
  const resolved = await resolvePlan(PLANS[plan]);
  const files = names(out);
  const bytes = Object.fromEntries(files.map((f) => [f, statSync(join(out, f)).size]));
  // SSIM of each delivered file against today's file of the same width (today's
  // best format at that width: the file a browser takes today).
  let worst = 1;
  let worstFile = '';
  if (plan !== 'today') {
    for (const file of files) {
      const [, source, width] = /^(.+)_(\d+)\.\w+$/.exec(file);
      const todays = names(results.today.out);
      const reference = todays.includes(file) ? file : `${source}_${width}.avif`;
      if (!todays.includes(reference)) continue;
      const a = await pixels(join(out, file), Number(width));
      const b = await pixels(join(results.today.out, reference), Number(width));
      if (a.width !== b.width || a.height !== b.height) throw new Error(`${file}: ${a.width}x${a.height} against ${b.width}x${b.height}`);
      const { mssim } = ssim.ssim(a, b);
      if (mssim < worst) [worst, worstFile] = [mssim, file];
    }
  }
  const perScreen = Object.fromEntries(
    SCREENS.map((s) => {
      const picked = visitorFiles(resolved, s.width, files);
      return [s.name, picked.reduce((sum, f) => sum + bytes[f], 0)];
    }),
  );
  rows[plan] = {
    cpuPerSource: results[plan].perSource,
    files: files.length / sources.length,
    bytesPerSource: Object.values(bytes).reduce((a, b) => a + b, 0) / sources.length,
    perScreen,
    worstSsim: plan === 'today' ? 1 : worst,
    worstFile,
  };
}

const today = rows.today;
const table = markdownTable(
  ['measure', ...plans],
  [
    ['CPU s per source image', ...plans.map((p) => rows[p].cpuPerSource.toFixed(2))],
    ['ratio to today, CPU', ...plans.map((p) => `${(rows[p].cpuPerSource / today.cpuPerSource).toFixed(2)}x`)],
    ['files per source image', ...plans.map((p) => String(rows[p].files))],
    ['KB written per source image', ...plans.map((p) => (rows[p].bytesPerSource / 1024).toFixed(0))],
    ...SCREENS.map((s) => [
      `product page images, ${s.name} (KB)`,
      ...plans.map((p) => `${(rows[p].perScreen[s.name] / 1024).toFixed(0)} (${signed(rows[p].perScreen[s.name] / today.perScreen[s.name] - 1)})`),
    ]),
    ['lowest SSIM against today, same width', ...plans.map((p) => (p === 'today' ? '1' : `${rows[p].worstSsim.toFixed(4)} (${rows[p].worstFile})`))],
  ],
);
process.stdout.write(
  `${count} photos of 4000x3000, ${cpus().length} cores (${cpus()[0]?.model}), Node ${process.version}, sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}\n\n${table}\n`,
);
if (opts.json) writeFileSync(opts.json, JSON.stringify({ photos: count, rows }, null, 2));
if (!opts.keep && !opts.dir) rmSync(work, { recursive: true, force: true });
else log(`kept ${work}`);

function markdownTable(head, body) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map((_, i) => (i ? '---:' : '---'))), ...body.map(line)].join('\n');
}

function signed(x) {
  return `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
}
