// npm run build: check the content, build the site into a temporary folder,
// and only when the whole build succeeded swap it in as dist/. A failed
// build leaves the previous dist/ exactly as it was. At the end it says what
// it reused from the cache and how long each phase took.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { contentStackTraceFilter } from '../lib/build-output.ts';
import { checkUiStrings, unknownSiteStrings } from '../lib/i18n-check.ts';
import { cacheDir, contentRoot } from '../lib/config.ts';
import { indexSite, type IndexResult } from '../integrations/pagefind.ts';
import { BuildLogReader, formatSummary } from '../lib/build-log.ts';
import { shardOption, writeShardManifest } from '../lib/shard-build.ts';
import type { CheckReport } from '../astro-internals/guard.ts';

const started = performance.now();
const since = (from: number) => (performance.now() - from) / 1000;

// A shard (`--shard <i>/<n>` or `--locales en,bg`) writes only its locales'
// pages into a folder of its own (dist-shard-<i>, or KLASTER_DIST), with a
// cache of its own so that shards can run at once (src/lib/shards.ts).
const asked = shardOption(process.argv);
if (typeof asked === 'string') {
  console.error(asked);
  process.exit(1);
}
const shard = asked;
/** Astro's arguments: the build's own without the shard's. */
const astroArgs = shard ? shard.rest : process.argv.slice(2);
if (shard) {
  process.env.KLASTER_BUILD_LOCALES = shard.locales.join(',');
  process.env.KLASTER_CACHE_DIR = `${cacheDir()}-shard-${shard.locales.join('-')}`;
}
const out = resolve(process.env.KLASTER_DIST || (shard ? `dist-shard-${shard.name}` : 'dist'));
// A shard's work folder is its own too: shards built at once in one site's folder must not share a lock.
const work = shard ? join(dirname(out), '.klaster', `shard-${shard.name}`) : join(dirname(out), '.klaster');
mkdirSync(work, { recursive: true });
// One fixed folder, not one per process: the output folder's name is part of
// the code Astro hashes for its incremental build, so a new name each time
// would make every page look changed.
const temp = join(work, 'build');
const DELETE_OLD_SITES = `
const { readdirSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const work = process.argv[1];
for (const name of readdirSync(work)) {
  if (!name.startsWith('old-')) continue;
  try { rmSync(join(work, name), { recursive: true, force: true, maxRetries: 3 }); } catch {}
}`;
const lock = join(work, 'build.pid');

function running(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
const other = existsSync(lock) ? Number(readFileSync(lock, 'utf8')) : 0;
if (other && other !== process.pid && running(other)) {
  console.error(`Another build (process ${other}) is writing ${out}; wait for it to finish.`);
  process.exit(1);
}
writeFileSync(lock, String(process.pid));
process.on('exit', () => rmSync(lock, { force: true }));
rmSync(temp, { recursive: true, force: true });

const missing = [...checkUiStrings(), ...unknownSiteStrings()];
if (missing.length) {
  console.error(`Missing UI strings:\n${missing.map((m) => `  ${m}`).join('\n')}\nNothing was built.`);
  process.exit(1);
}
// The content check runs in a process of its own: the checked content
// (about 400 MB at 10,000 products) is then given back before Astro starts.
// What the check counted, for the guard to compare with the pages written (src/astro-internals/guard.ts).
const checkReport = join(work, 'check-report.json');
rmSync(checkReport, { force: true });
const checkStarted = performance.now();
const check = spawnSync(process.execPath, [process.argv[1], 'check', '--build'], { stdio: 'inherit', env: { ...process.env, KLASTER_CHECK_REPORT: checkReport } });
if (check.status !== 0) process.exit(check.status ?? 1);
const checkSeconds = since(checkStarted);

/** Copies a child's output line by line, leaving out what `keep` refuses. */
function pass(from: Readable, to: Writable, keep: (line: string) => boolean): Promise<void> {
  const lines = createInterface({ input: from, crlfDelay: Infinity });
  lines.on('line', (line) => {
    if (keep(line)) to.write(`${line}\n`);
  });
  return new Promise((done) => lines.on('close', done));
}

const astro = join(dirname(createRequire(join(process.cwd(), 'package.json')).resolve('astro/package.json')), 'bin', 'astro.mjs');
// Astro's output goes through a filter that leaves out the stack trace of an
// error in the content (src/lib/build-output.ts), and is read on the way for
// what was reused and made (src/lib/build-log.ts).
const roots = [contentRoot()];
try {
  roots.push(realpathSync(contentRoot()));
} catch {
  // No content folder: the check has said so.
}

/**
 * Runs Astro's build, passing its log through as it comes (without a content
 * error's stack trace) and counting on the way what it reused and made.
 * Colours are kept when the build's own output is a terminal.
 */
function astroBuild(log: BuildLogReader): Promise<number> {
  const colour = process.stdout.isTTY && !process.env.NO_COLOR && process.env.FORCE_COLOR === undefined ? { FORCE_COLOR: '1' } : {};
  // A young generation of 64 MB instead of V8's 16 (per semi-space): the
  // objects of the pages in flight die young instead of being promoted, so
  // the old generation, which holds the whole site model, is collected less
  // often. Its collections mark that whole model, so they cost more per page
  // the larger the catalogue: a CPU profile of 3,000 products spent 40.9 s
  // of 290 in the collector against 7.9 of 91 at 1,000.
  const child = spawn(process.execPath, ['--max-semi-space-size=64', astro, 'build', ...astroArgs], {
    stdio: ['inherit', 'pipe', 'pipe'],
    env: {
      // The bundler (Rolldown) allocates with mimalloc, which by default hands
      // freed memory back lazily (MADV_FREE): the pages stay counted in the
      // build's resident memory until the system runs short. Giving them back
      // at once keeps the build's footprint what it uses (at 10,000 products,
      // 4.6 -> 2.9 GB while pages render; bundling, not rendering, is the peak).
      MIMALLOC_PURGE_DECOMMITS: '1',
      MIMALLOC_PURGE_DELAY: '0',
      ...colour,
      ...process.env,
      KLASTER_OUT_DIR: temp,
      KLASTER_CHECKED: contentRoot(),
      KLASTER_CHECK_REPORT: checkReport,
      // The search index is made below, once Astro's process has ended.
      KLASTER_SEARCH_INDEX: 'after',
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  });
  const exited = new Promise<number>((done) => child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0))));
  const keepOut = contentStackTraceFilter(roots);
  const keepErr = contentStackTraceFilter(roots);
  return Promise.all([
    pass(child.stdout, process.stdout, (line) => {
      log.push(`${line}\n`);
      return keepOut(line);
    }),
    pass(child.stderr, process.stderr, keepErr),
  ]).then(async () => {
    log.end();
    return exited;
  });
}

const astroStarted = performance.now();
const log = new BuildLogReader();
const result = { status: await astroBuild(log) };
const astroSeconds = since(astroStarted);
if (result.status !== 0) {
  rmSync(temp, { recursive: true, force: true });
  console.error(`\nThe build failed; ${existsSync(out) ? `${out} is unchanged` : 'nothing was written'}.`);
  process.exit(result.status ?? 1);
}
rmSync(join(temp, '.prerender'), { recursive: true, force: true });
let search: IndexResult;
try {
  search = await indexSite({ root: temp, cacheDir: cacheDir(), force: process.argv.includes('--force'), locales: shard?.locales });
  console.log(`[klaster-pagefind] ${search.line}`);
} catch (e) {
  const message = e instanceof Error ? e.message : String(e);
  rmSync(temp, { recursive: true, force: true });
  console.error(`\nThe search index could not be made: ${message}\n${existsSync(out) ? `${out} is unchanged` : 'Nothing was written'}.`);
  process.exit(1);
}
if (shard) writeShardManifest(temp, shard, existsSync(checkReport) ? (JSON.parse(readFileSync(checkReport, 'utf8')) as CheckReport) : undefined);
const old = join(work, `old-${process.pid}`);
if (existsSync(out)) renameSync(out, old);
renameSync(temp, out);
console.log(`\nThe site is in ${out}`);
console.log(
  `\n${formatSummary({
    imagesReused: log.imagesReused,
    imagesMade: log.imagesMade,
    imageService: log.imageService,
    pagesRendered: log.pagesRendered,
    pagesReused: log.pagesReused,
    searchReused: search.reused,
    searchMade: search.made,
    seconds: { check: checkSeconds, astro: astroSeconds, search: search.seconds, total: since(started) },
  })}`,
);
// The previous site is deleted by a process of its own once the new one is in
// place: at 74,000 pages deleting takes half a minute nobody needs to wait for.
// It also takes any previous site a stopped deletion left behind.
spawn(process.execPath, ['-e', DELETE_OLD_SITES, work], { detached: true, stdio: 'ignore' }).unref();
