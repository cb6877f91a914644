#!/usr/bin/env node
/**
 * npm run bench -- --products N [options]
 *
 * Generates a corpus of N products (scripts/bench/generate.mjs) in a
 * temporary folder, builds it through the real build (`klaster build`,
 * with KLASTER_CONTENT, KLASTER_DIST and KLASTER_CACHE_DIR in that folder:
 * the repository's dist/ and caches are never touched), then builds the
 * floor (scripts/bench/floor.mjs: bare Astro over the same Markdown), and
 * prints a Markdown table: wall-clock seconds in all and per phase (read
 * from Astro's log as it arrives), CPU seconds (GNU time), pages, ms per
 * page, peak memory, the size of dist/, the bytes of a first search query,
 * and the ratio of Klaster's ms per page to the floor's.
 *
 * Options:
 *   --products N        corpus size (default 1000)
 *   --images pool|none  pool: real image processing (default); none: the
 *                       same corpus, built with Astro's pass-through image
 *                       service, so the image phase can be measured apart
 *   --rebuild           also edit one product's text and build again (with
 *                       the caches of the first build), timing the rebuild
 *   --json PATH         also write the result as JSON
 *   --no-floor          skip the floor
 *   --keep              keep the temporary folder (its path is printed)
 *   --dir PATH          work in PATH instead of a new temporary folder (kept;
 *                       emptied of caches and sites first, so builds are cold)
 *   --quiet             no progress on stderr
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { corpusSize, generate, markdownFiles } from './bench/generate.mjs';
import { measure } from './bench/run.mjs';
import { peaksByPhase, phases, routeKinds, tracker } from './bench/phases.mjs';
import { astroBin, pagefindBin, REPO, writeFloor } from './bench/floor.mjs';

/** The demo site's folder: the build runs there, with the generated corpus as its content. */
const SITE = join(REPO, 'sites', 'demo');
const KLASTER = join(REPO, 'packages', 'klaster', 'bin', 'klaster.mjs');
import { findPagefind, firstQueryBytes, worstQueryBytes } from './bench/search.mjs';
import { vocabulary } from './bench/random.mjs';
import { markdownTable } from './bench/report.mjs';

const { values: opts } = parseArgs({
  options: {
    products: { type: 'string', default: '1000' },
    images: { type: 'string', default: 'pool' },
    rebuild: { type: 'boolean', default: false },
    json: { type: 'string' },
    'no-floor': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    dir: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});
const products = Number(opts.products);
if (!Number.isInteger(products) || products < 1) fail('--products must be a positive whole number');
if (!['pool', 'none'].includes(opts.images)) fail('--images must be pool or none');

function fail(message) {
  console.error(message);
  process.exit(2);
}

// Progress on stderr: one status line rewritten in place on a terminal,
// a line at each change of phase (and every 15 s) otherwise.
const tty = process.stderr.isTTY;
const startedAll = performance.now();
// Other processes on the machine make every figure noisy: the load is
// recorded, to judge a run by.
const loadAtStart = loadavg()[0];
let lastStatus = '';
let lastPrinted = 0;
function status(text, force = false) {
  if (opts.quiet) return;
  const elapsed = `${((performance.now() - startedAll) / 1000).toFixed(0).padStart(4)} s`;
  if (tty) process.stderr.write(`\r\x1b[K[bench ${elapsed}] ${text}`);
  else if (force || text.replace(/[\d,/]+/g, '') !== lastStatus.replace(/[\d,/]+/g, '') || performance.now() - lastPrinted > 15000) {
    process.stderr.write(`[bench ${elapsed}] ${text}\n`);
    lastPrinted = performance.now();
  }
  lastStatus = text;
}
function statusDone() {
  if (!opts.quiet && tty) process.stderr.write('\n');
}

const work = opts.dir ? resolve(opts.dir) : mkdtempSync(join(tmpdir(), `klaster-bench-${products}-`));
mkdirSync(work, { recursive: true });
const content = join(work, 'content');
const cache = join(work, 'cache');
const dist = join(work, 'site', 'dist');
// Every run starts cold, also in a --dir used before: no caches, no site.
for (const dir of [cache, join(work, 'site'), join(work, 'floor')]) rmSync(dir, { recursive: true, force: true });
let cleanedUp = false;
const cleanup = () => {
  if (cleanedUp) return;
  cleanedUp = true;
  if (!opts.keep && !opts.dir) rmSync(work, { recursive: true, force: true });
};
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

/** Sum of file sizes under a folder (apparent size), not following links. */
function folderBytes(dir) {
  let total = 0;
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = lstatSync(p);
      if (s.isDirectory()) walk(p);
      else total += s.size;
    }
  };
  if (existsSync(dir)) walk(dir);
  return total;
}

/** Pages written: index.html files (404.html and other files not counted). */
function countPages(dir) {
  let n = 0;
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(d, entry.name));
      else if (entry.name === 'index.html') n++;
    }
  };
  if (existsSync(dir)) walk(dir);
  return n;
}

/**
 * Astro writes the prerender bundle of a build whose outDir lies outside the
 * working directory into <cwd>/.astro/.prerender, and its content modules
 * into <root>/.astro: two builds of one checkout at the same time (a test
 * run beside the benchmark) overwrite each other's files there. Such a
 * failure is not the build's own: it is retried.
 */
const COLLISION = /\.astro\/\.prerender\/|\.astro\/content-(?:assets|modules)\.mjs/;
const RETRIES = 2;

/** Runs one build command with progress, returns its measurements. */
async function timedBuild(label, command, args, { cwd, env, logFile }) {
  for (let attempt = 0; ; attempt++) {
    const track = tracker();
    status(`${label}: starting${attempt ? ` (attempt ${attempt + 1})` : ''}`, true);
    const tick = setInterval(() => status(`${label}: ${track.describe()}`), 1000);
    const run = await measure(command, args, {
      cwd,
      env,
      logFile: attempt ? `${logFile}.${attempt + 1}` : logFile,
      onLine: (text) => track.line(text),
    });
    clearInterval(tick);
    if (run.status === 0) {
      status(`${label}: done in ${(run.ms / 1000).toFixed(1)} s`, true);
      return { ...run, phases: phases(run.lines, run.ms), attempts: attempt + 1 };
    }
    const output = run.lines.map((l) => l.text).join('\n');
    if (COLLISION.test(output) && attempt < RETRIES) {
      status(`${label}: collided with another build of this checkout (Astro's shared .astro folder); retrying`, true);
      continue;
    }
    statusDone();
    const tail = run.lines.slice(-40).map((l) => l.text).join('\n');
    console.error(`\n${label} failed (exit ${run.status}); the log is in ${logFile}:\n${tail}`);
    if (!opts.keep) console.error('(run with --keep to keep the temporary folder)');
    cleanup();
    process.exit(1);
  }
}

// The corpus is built as a site of its own: the demo's settings name demo entries.
const siteConfigFile = join(work, 'site.yaml');
const buildEnv = {
  ...process.env,
  KLASTER_CONFIG: siteConfigFile,
  KLASTER_CONTENT: content,
  KLASTER_DIST: dist,
  KLASTER_CACHE_DIR: cache,
  // A fixed "as of" day, so that the same corpus always gives the same site.
  KLASTER_BUILD_DATE: process.env.KLASTER_BUILD_DATE || '2026-06-01',
  ASTRO_TELEMETRY_DISABLED: '1',
  NO_COLOR: '1',
};

/** The build script's arguments: with --images none, a config that is the
 * project's own with Astro's pass-through image service. */
function buildArgs() {
  if (opts.images !== 'none') return [];
  const config = join(work, 'astro.config.images-none.mjs');
  writeFileSync(
    config,
    `// The project's configuration, with images passed through unprocessed (bench --images none).
import config from ${JSON.stringify(join(SITE, 'astro.config.mjs'))};

export default { ...config, image: { ...config.image, service: { entrypoint: 'astro/assets/services/noop' } } };
`,
  );
  // Astro joins --config to the project root: give it relative to the root.
  return ['--config', relative(SITE, config)];
}

async function main() {
  writeFileSync(siteConfigFile, 'name: Benchmark cluster\nhome:\n  projects: { newest: 3 }\n');
  // 1. The corpus.
  status(`generating ${products.toLocaleString('en')} products`, true);
  const genStarted = performance.now();
  const stats = await generate({
    products,
    out: content,
    images: opts.images,
    poolDir: join(work, 'image-pool'),
    onProgress: (collection, done, total) => status(`generating: ${collection} ${done}/${total}`),
  });
  const generateSeconds = (performance.now() - genStarted) / 1000;
  status(`generated ${stats.textFiles} text files in ${generateSeconds.toFixed(1)} s`, true);

  // 2. Klaster, through the real build script.
  const ours = await timedBuild('klaster build', process.execPath, [KLASTER, 'build', ...buildArgs()], {
    cwd: SITE,
    env: buildEnv,
    logFile: join(work, 'klaster-build.log'),
  });
  const pages = countPages(dist);
  const term = vocabulary('en')[0];
  const search = await firstQueryBytes(dist, { term }).catch((error) => ({ error: String(error) }));
  const klaster = summarise(ours, pages, dist);
  klaster.search = search;
  klaster.searchWorstByLanguage = worstQueryBytes(dist);

  // 3. The floor, over the same Markdown (and with Pagefind when Klaster has search).
  let floor = null;
  if (!opts['no-floor']) {
    const floorDir = join(work, 'floor');
    const project = writeFloor(floorDir, content);
    const floorRun = await timedBuild('floor build', process.execPath, [astroBin(), 'build'], {
      cwd: project.root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
      logFile: join(work, 'floor-build.log'),
    });
    let floorMs = floorRun.ms;
    let floorSearchSeconds = null;
    let floorRss = floorRun.peakRss;
    let floorSearchCpu;
    let floorSearchRss;
    if (findPagefind(dist)) {
      const pf = await timedBuild('floor search index', process.execPath, [pagefindBin(), '--site', project.dist], {
        cwd: project.root,
        env: process.env,
        logFile: join(work, 'floor-pagefind.log'),
      });
      floorMs += pf.ms;
      floorSearchSeconds = pf.ms / 1000;
      floorRss = Math.max(floorRss, pf.peakRss);
      floorSearchCpu = pf.cpuSeconds;
      floorSearchRss = pf.peakRss;
    }
    const floorPages = countPages(project.dist);
    const floorCpu = floorRun.cpuSeconds === undefined ? undefined : floorRun.cpuSeconds + (floorSearchCpu ?? 0);
    floor = summarise({ ...floorRun, ms: floorMs, peakRss: floorRss, cpuSeconds: floorCpu }, floorPages, project.dist);
    floor.phases.search = floorSearchSeconds;
    // The floor indexes in a run of its own: its search peak is that run's.
    if (floorSearchRss !== undefined) floor.peakRssByPhaseBytes.search = floorSearchRss;
    floor.markdownFiles = markdownFiles(content).length;
    floor.search = findPagefind(project.dist) ? await firstQueryBytes(project.dist, { term }).catch(() => null) : null;
    floor.searchWorstByLanguage = worstQueryBytes(project.dist);
  }

  // 4. A rebuild after one product's text changed, reusing the caches.
  let rebuild = null;
  if (opts.rebuild) {
    const productDir = join(content, 'products', readdirSync(join(content, 'products')).sort()[0]);
    const facts = readFileSync(join(productDir, 'index.yaml'), 'utf8');
    const source = /^sourceLocale: (\w+)/m.exec(facts)?.[1] ?? 'en';
    const file = join(productDir, `index.${source}.md`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n*$/, '\n\nEdited for the rebuild benchmark.\n'));
    const again = await timedBuild('rebuild', process.execPath, [KLASTER, 'build', ...buildArgs()], {
      cwd: SITE,
      env: buildEnv,
      logFile: join(work, 'klaster-rebuild.log'),
    });
    rebuild = {
      edited: file.slice(content.length + 1),
      totalSeconds: again.ms / 1000,
      phases: again.phases,
      peakRssBytes: again.peakRss,
      ratioToFull: again.ms / ours.ms,
      cpuSeconds: again.cpuSeconds ?? null,
      cpuRatioToFull: again.cpuSeconds !== undefined && ours.cpuSeconds ? again.cpuSeconds / ours.cpuSeconds : null,
    };
  }
  statusDone();

  const result = {
    products,
    images: opts.images,
    date: new Date().toISOString().slice(0, 10),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model?.trim() ?? 'unknown',
      memoryBytes: totalmem(),
      node: process.version,
      platform: `${platform()} ${release()}`,
      loadAverageStart: loadAtStart,
      loadAverageEnd: loadavg()[0],
    },
    corpus: { ...corpusSize(products), ...stats, generateSeconds },
    klaster,
    floor,
    ratioToFloor: floor && floor.msPerPage > 0 ? klaster.msPerPageExclImages / floor.msPerPage : null,
    // CPU time per page against the floor's; images are inside it unless --images none.
    cpuRatioToFloor: floor?.cpuMsPerPage && klaster.cpuMsPerPage ? klaster.cpuMsPerPage / floor.cpuMsPerPage : null,
    rebuild,
    workDir: opts.keep || opts.dir ? work : undefined,
  };
  const table = markdownTable(result);
  console.log(`\n${table}\n`);
  if (klaster.search?.error) console.log(`(search measurement failed: ${klaster.search.error})`);
  if (opts.json) {
    writeFileSync(resolve(opts.json), `${JSON.stringify({ ...result, table }, null, 2)}\n`);
    console.log(`JSON written to ${resolve(opts.json)}`);
  }
  if (opts.keep || opts.dir) console.log(`The corpus, logs and sites are in ${work}`);
  console.log(`Benchmark finished in ${((performance.now() - startedAll) / 1000).toFixed(0)} s.`);
}

/** Totals and per-page figures of one build. */
function summarise(run, pages, siteDir) {
  const totalSeconds = run.ms / 1000;
  const imagesSeconds = run.phases.images ?? 0;
  return {
    pages,
    totalSeconds,
    phases: {
      content: run.phases.content,
      bundle: run.phases.bundle,
      rendering: run.phases.rendering,
      images: run.phases.images,
      search: run.phases.search,
      other: run.phases.other,
    },
    detail: {
      checkSeconds: run.phases.check,
      contentSyncSeconds: run.phases.contentSync,
      astroRenderingSeconds: run.phases.astroRendering,
      astroImagesSeconds: run.phases.astroImages,
      routesLogged: run.phases.routes,
      imagesLogged: run.phases.imageFiles,
    },
    // The slowest kinds of page (rendering time by route pattern).
    routeKinds: routeKinds(run.lines).slice(0, 25),
    msPerPage: pages ? (run.ms / pages) : null,
    msPerPageExclImages: pages ? ((run.ms - imagesSeconds * 1000) / pages) : null,
    cpuSeconds: run.cpuSeconds ?? null,
    cpuMsPerPage: pages && run.cpuSeconds !== undefined ? (run.cpuSeconds * 1000) / pages : null,
    peakRssBytes: run.peakRss,
    // The process tree's peak within each phase (sampled, so a little under the peak above).
    peakRssByPhaseBytes: peaksByPhase(run.phases.spans, run.rssSamples ?? []),
    peakRssSource: run.gnuMaxRss !== undefined ? 'max(GNU time, /proc tree sum)' : '/proc tree sum',
    largestProcessRssBytes: run.gnuMaxRss ?? null,
    processTreeRssBytes: run.treePeakRss ?? null,
    attempts: run.attempts,
    distBytes: folderBytes(siteDir),
  };
}

try {
  await main();
} finally {
  cleanup();
}
