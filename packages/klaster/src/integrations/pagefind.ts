/**
 * Search indexing with Pagefind's Node API, once Astro has written every
 * page. Pagefind reads `<html lang>` and writes one index per language;
 * only each page's `data-pagefind-body` (the main content) is indexed, so
 * navigation and footers never match a query.
 *
 * Each locale's folder is indexed by its own Pagefind process, one after
 * the other, and the languages of their entry files are merged into one:
 * the files of one language do not depend on the others', and the indexer
 * then holds one language at a time (at 74,000 pages, one process for all
 * of them needed 5.5 GB).
 *
 * Each locale's index is kept in the cache folder with a fingerprint of the
 * pages it was made from (their paths and bytes). When a locale's pages are
 * the same as in the last build, its index is taken from there instead of
 * made again: after one product's English text changes, only the English
 * pages (and those showing English as a fallback) are indexed again.
 * `npm run build -- --force` indexes every locale.
 *
 * Pagefind writes its filter tables in a different order on every run; each
 * language's are put in one order once it is written (pagefind-stable.ts),
 * so the same pages give the same index, byte for byte.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative, sep } from 'node:path';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { availableParallelism, freemem } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { close, createIndex } from 'pagefind';
import { builtLocales } from '../lib/locales.ts';
import { stabiliseIndex } from './pagefind-stable.ts';
import { withSearchWords } from './search-words.ts';
import { packageDir } from '../lib/package-dir.ts';
import { findPackageJSON } from 'node:module';

const PAGEFIND_VERSION = (JSON.parse(readFileSync(findPackageJSON('pagefind', import.meta.url)!, 'utf8')) as { version: string }).version;
/**
 * What the kept indexes are, beside Pagefind's version: an index kept before
 * its filters were sorted, or with its pages' search words and labels made
 * by another search-terms.js or search-words.ts, is made again.
 */
const INDEX_FORMAT = `filters sorted, search words ${createHash('sha256')
  .update(readFileSync(join(packageDir(), 'assets/search-terms.js')))
  .update(readFileSync(join(packageDir(), 'src/integrations/search-words.ts')))
  .digest('hex')}`;

interface Entry {
  version: string;
  languages: Record<string, unknown>;
  [key: string]: unknown;
}

function readEntry(file: string): Entry | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Entry;
  } catch {
    return undefined;
  }
}

/**
 * Waits until no file under `folder` changes size between two looks 200 ms
 * apart (at most 5 s): the service writes some files after it answers (a
 * CI run once published a wasm.unknown.pagefind that differed between two
 * builds of the same content), and the first locale's copy of a shared file
 * is the one placed.
 */
async function settled(folder: string) {
  const sizes = () =>
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((item) => item.isFile())
      .map((item) => `${join(item.parentPath, item.name)}:${statSync(join(item.parentPath, item.name)).size}`)
      .sort()
      .join('\n');
  let before = sizes();
  for (let look = 0; look < 25; look++) {
    await sleep(200);
    const now = sizes();
    if (now === before) return;
    before = now;
  }
}

/** The address Pagefind gives a page at `file` (below the site's root): /en/about/ for en/about/index.html. */
const pageUrl = (file: string) => `/${file}`.replace(/\/index\.html$/, '/');

/**
 * Indexes one folder of the site; returns the entry file it wrote and how
 * many pages it indexed. Each page is read and handed to Pagefind with the
 * search words and labels it adds (search-words.ts).
 */
async function indexFolder(root: string, folder: string, files: string[], output: string): Promise<{ entry: Entry | undefined; pages: number }> {
  const { index, errors } = await createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    // One after the other, in the files' sorted order: Pagefind's index
    // depends on the order pages are added (seen: the same pages added in
    // reverse order gave other index chunks), so concurrent adds would make
    // builds of the same content differ.
    const added = [];
    for (const file of files) {
      const html = withSearchWords(readFileSync(join(root, file), 'utf8'), folder);
      added.push(await index.addHTMLFile({ url: pageUrl(file), content: html }));
    }
    const failed = added.flatMap((a) => a.errors);
    if (failed.length) throw new Error(`Pagefind could not index ${folder}/: ${failed.join('; ')}`);
    const pageCount = added.length;
    // The service answers before every file is flushed now and then (seen as an
    // empty pagefind-entry.json): wait for the entry file, write again if needed.
    const file = join(output, 'pagefind-entry.json');
    for (let attempt = 0; attempt < 3; attempt++) {
      const written = await index.writeFiles({ outputPath: output });
      if (written.errors.length) throw new Error(`Pagefind could not write the index of ${folder}/: ${written.errors.join('; ')}`);
      for (let wait = 0; wait < 50; wait++) {
        const entry = readEntry(file);
        if (entry && Object.keys(entry.languages ?? {}).length > 0) {
          await settled(output);
          return { entry, pages: pageCount };
        }
        await sleep(100);
      }
    }
    // A folder without searchable pages writes no language.
    return { entry: readEntry(file), pages: pageCount };
  } finally {
    await close();
  }
}

/** The HTML files of a folder, below the site's root, sorted. */
function htmlFiles(root: string, folder: string): string[] {
  const base = join(root, folder);
  if (!existsSync(base)) return [];
  return readdirSync(base, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => `${folder}/${f.split(sep).join('/')}`)
    .sort();
}

/** What a locale's index is made from: Pagefind's version and every page's path and bytes. */
function fingerprint(root: string, files: string[]): string {
  const hash = createHash('sha256').update(`pagefind ${PAGEFIND_VERSION}, ${INDEX_FORMAT}\0`);
  for (const f of files) hash.update(f).update('\0').update(readFileSync(join(root, f))).update('\0');
  return hash.digest('hex');
}

/**
 * Puts a locale's index files into the site's pagefind/ folder: hard links
 * where the file system allows (the cache and the site share a disk), else
 * copies. Files another locale already placed (Pagefind's script, its
 * WebAssembly) are the same and stay; the entry file is merged afterwards.
 */
/**
 * Pagefind's own search interfaces, which the site does not use (its search
 * page is assets/search.js): not published. Each locale's run writes its own
 * copy and the first one placed was kept; in one CI run two builds of the
 * same content differed in pagefind-ui.css (cause not found: a file written
 * late by the service is the likely one, see the wait for the entry file).
 */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\./;

function place(from: string, to: string) {
  for (const item of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!item.isFile() || item.name === 'pagefind-entry.json' || UNUSED.test(item.name)) continue;
    const source = join(item.parentPath, item.name);
    const target = join(to, relative(from, source));
    if (existsSync(target)) continue;
    mkdirSync(dirname(target), { recursive: true });
    try {
      linkSync(source, target);
    } catch {
      copyFileSync(source, target);
    }
  }
}

interface Kept {
  fingerprint: string;
  entry: Entry | undefined;
  pages: number;
}

export interface IndexResult {
  /** The line to log. */
  line: string;
  /** Locales whose index was taken from the cache, and those indexed again. */
  reused: string[];
  made: string[];
  seconds: number;
  /** How many locales were indexed at once. */
  jobs: number;
}

/** What a worker thread is given: one locale to index into `staging`. */
interface Job {
  klasterPagefind: true;
  root: string;
  locale: string;
  files: string[];
  staging: string;
}

/** Indexes one locale and puts its filter tables in order (pagefind-stable.ts). */
async function indexLocale({ root, locale, files, staging }: Omit<Job, 'klasterPagefind'>): Promise<{ entry: Entry | undefined; pages: number }> {
  const result = await indexFolder(root, locale, files, staging);
  return result.entry ? { ...result, entry: stabiliseIndex(staging, result.entry) as Entry } : result;
}

/**
 * Indexes a locale in a worker thread of its own: the thread has its own
 * Pagefind service (the Node API keeps one per thread) and reads and marks
 * its pages (search-words.ts) beside the other thread's, so two locales use
 * two cores. Each locale's index depends only on its own pages, added in
 * their sorted order, so the bytes are the same as one after the other.
 */
/**
 * This module's own file, which a worker thread loads: only when it is this
 * module as written or compiled (not when a bundler has inlined it into
 * another file, as Astro's config loader may), else locales are indexed
 * one after the other.
 */
const SELF = (() => {
  try {
    return fileURLToPath(import.meta.url);
  } catch {
    return '';
  }
})();
const CAN_FORK = /[\\/]pagefind\.(?:ts|js)$/.test(SELF);

function indexInWorker(job: Omit<Job, 'klasterPagefind'>): Promise<{ entry: Entry | undefined; pages: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SELF, { workerData: { ...job, klasterPagefind: true } satisfies Job });
    let answer: { entry: Entry | undefined; pages: number } | undefined;
    let failure: Error | undefined;
    worker.on('message', (message: { ok: true; result: { entry: Entry | undefined; pages: number } } | { ok: false; error: string }) => {
      if (message.ok) answer = message.result;
      else failure = new Error(message.error);
    });
    worker.on('error', (error) => (failure ??= error));
    worker.on('exit', (code) => {
      if (answer) resolve(answer);
      else reject(failure ?? new Error(`the search indexer of ${job.locale}/ stopped (exit ${code})`));
    });
  });
}

if (!isMainThread && (workerData as Job | undefined)?.klasterPagefind) {
  const job = workerData as Job;
  try {
    parentPort!.postMessage({ ok: true, result: await indexLocale(job) });
  } catch (error) {
    parentPort!.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * Memory the indexer of one locale takes, per byte of its HTML, with room
 * to spare: at 10,000 products the largest language took 2.1 GB for about
 * 0.39 GB of HTML (at 1,000 products, 0.3 GB for 35 MB, most of it the
 * service's own).
 */
const MEMORY_PER_HTML_BYTE = 6;
/** And what a Pagefind service and its thread take whatever the pages. */
const MEMORY_PER_INDEXER = 256 * 1024 ** 2;

/**
 * How many locales to index at once: `KLASTER_SEARCH_JOBS` when set, else
 * two (or as many cores as there are, if fewer) when the free memory holds
 * the two largest locales' indexers side by side, else one.
 */
export function searchJobs(htmlBytes: number[], free = freemem(), cores = availableParallelism(), setting = process.env.KLASTER_SEARCH_JOBS): number {
  const wanted = Number(setting);
  if (setting && Number.isInteger(wanted) && wanted >= 1) return wanted;
  const [a = 0, b = 0] = [...htmlBytes].sort((x, y) => y - x);
  if (cores < 2) return 1;
  return (a + b) * MEMORY_PER_HTML_BYTE + 2 * MEMORY_PER_INDEXER <= free ? 2 : 1;
}

/**
 * Indexes the site in `root` for search, reusing each locale's index from
 * `cacheDir` when that locale's pages are unchanged (not with `force`).
 * A shard indexes only its `locales` (src/lib/shards.ts).
 * Locales to index are taken largest first, `searchJobs` of them at a time.
 */
export async function indexSite({ root, cacheDir, force = false, locales = builtLocales }: { root: string; cacheDir: string; force?: boolean; locales?: readonly string[] }): Promise<IndexResult> {
  const started = performance.now();
  const output = join(root, 'pagefind');
  const cache = join(cacheDir, 'pagefind');
  mkdirSync(cache, { recursive: true });
  const plans = locales.map((locale) => {
    const files = htmlFiles(root, locale);
    const print = fingerprint(root, files);
    const staging = join(cache, locale);
    const record = join(cache, `${locale}.json`);
    const kept = existsSync(record) ? (JSON.parse(readFileSync(record, 'utf8')) as Kept) : undefined;
    const reuse = !force && kept?.fingerprint === print && existsSync(staging);
    const bytes = reuse ? 0 : files.reduce((sum, f) => sum + statSync(join(root, f)).size, 0);
    return { locale, files, print, staging, record, kept, reuse, bytes, result: undefined as { entry: Entry | undefined; pages: number } | undefined };
  });
  const todo = plans.filter((p) => !p.reuse).sort((a, b) => b.bytes - a.bytes || a.locale.localeCompare(b.locale));
  const jobs = CAN_FORK ? Math.max(1, Math.min(searchJobs(todo.map((p) => p.bytes)), todo.length)) : 1;
  const queue = [...todo];
  const run = async () => {
    for (let plan = queue.shift(); plan; plan = queue.shift()) {
      rmSync(plan.staging, { recursive: true, force: true });
      rmSync(plan.record, { force: true });
      const job = { root, locale: plan.locale, files: plan.files, staging: plan.staging };
      plan.result = !plan.files.length ? { entry: undefined, pages: 0 } : jobs > 1 ? await indexInWorker(job) : await indexLocale(job);
      writeFileSync(plan.record, JSON.stringify({ fingerprint: plan.print, ...plan.result } satisfies Kept));
    }
  };
  await Promise.all(Array.from({ length: jobs }, run));
  let merged: Entry | undefined;
  let pages = 0;
  const reused: string[] = [];
  const made: string[] = [];
  // Placed in the locales' order, whatever order they were indexed in: the
  // first locale's copy of a shared file is the one kept.
  for (const plan of plans) {
    const result = plan.reuse ? plan.kept! : plan.result!;
    if (plan.reuse) reused.push(plan.locale);
    else if (plan.files.length) made.push(plan.locale);
    if (existsSync(plan.staging)) place(plan.staging, output);
    pages += result.pages;
    if (result.entry) merged = { ...result.entry, languages: { ...(merged?.languages ?? {}), ...result.entry.languages } };
  }
  if (!merged || Object.keys(merged.languages).length === 0) throw new Error('Pagefind wrote no index: no page has data-pagefind-body');
  writeFileSync(join(output, 'pagefind-entry.json'), JSON.stringify(merged));
  const seconds = (performance.now() - started) / 1000;
  const line =
    `Indexed ${pages} pages for search (${Object.keys(merged.languages).length} languages) in ${seconds.toFixed(1)}s` +
    (made.length > 1 ? `, ${jobs} locale${jobs > 1 ? 's' : ''} at a time` : '') +
    (reused.length ? `; unchanged since the last build, index reused: ${reused.join(', ')}` : '');
  return { line, reused, made, seconds, jobs };
}

/**
 * `npm run build` (scripts/build.mjs) indexes once Astro's process has
 * ended (KLASTER_SEARCH_INDEX=after), so the indexer never runs beside the
 * memory that rendering held; `astro build` run directly indexes here.
 */
export default function pagefind(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'klaster-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env.KLASTER_SEARCH_INDEX === 'after') return;
        logger.info((await indexSite({ root: fileURLToPath(dir), cacheDir, force: process.argv.includes('--force') })).line);
      },
    },
  };
}
