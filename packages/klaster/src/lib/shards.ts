/**
 * Sharded builds: a site too large for one machine's time or memory is built
 * as shards, each writing only some locales' pages (`klaster build --shard
 * 1/2`, or `--locales en,bg`), in parallel CI jobs, and `klaster merge`
 * puts their outputs together into one site.
 *
 * The shard key is the locale: every page of the site lives under one
 * locale's folder or is shared by all (the root language picker and 404
 * page, GS1 Digital Link redirects, open data, scripts), and Pagefind
 * writes one index per language, so each shard's search index is complete
 * for its locales and is kept as it was made. Shared files are written by
 * every shard and must be the same bytes; files named by their content
 * (`_astro/`, Pagefind's chunks) are the same in every shard that made
 * them. Only the sitemap and Pagefind's entry file (the list of languages)
 * are merged.
 *
 * A shard leaves `klaster-shard.json` in its output: which locales it wrote,
 * of which site, from which content (what the content check counted). The
 * merge refuses shards that disagree, a missing shard, a shard that wrote a
 * locale it was not given, and two shards that wrote different bytes to
 * one path; and it checks that the merged site has every entry page the
 * content check counted, in every locale (as the build's guard does).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { missingPages, type CheckReport } from '../astro-internals/guard.ts';
import { alternatesOf, sitemapUrls, writeAlternates, type SitemapLocales } from './sitemap.ts';

/** The file a shard leaves in its output for the merge. */
export const MANIFEST = 'klaster-shard.json';

export interface ShardManifest {
  /** 1-based; undefined for a shard given its locales (`--locales`). */
  shard?: number;
  of?: number;
  /** The locales whose pages this shard wrote. */
  locales: string[];
  /** Every locale of the site, in its order. */
  siteLocales: string[];
  /** The site's root address with its base, e.g. https://k.example/sub/. */
  root: string;
  defaultLocale: string;
  /** hreflang of each locale code, for the sitemap's alternates. */
  hreflang: Record<string, string>;
  /** What the content check counted (the same in every shard of one content). */
  report?: CheckReport;
}

/** `i/n` as numbers, or a sentence saying what is wrong. */
export function parseShard(spec: string): { shard: number; of: number } | string {
  const m = /^(\d+)\/(\d+)$/.exec(spec.trim());
  if (!m) return `--shard takes <i>/<n>, e.g. --shard 1/2 (got "${spec}").`;
  const shard = Number(m[1]);
  const of = Number(m[2]);
  if (of < 1 || shard < 1 || shard > of) return `--shard ${spec}: the shard's number goes from 1 to ${Math.max(of, 1)}.`;
  return { shard, of };
}

/**
 * The locales of shard `shard` of `of`: the site's locales split into `of`
 * runs in their order, as even as can be (7 locales in 2 shards: 4 and 3).
 * Runs in order keep the merged search entry's languages in the site's order.
 */
export function shardLocales(codes: readonly string[], shard: number, of: number): string[] {
  if (of > codes.length)
    throw new Error(`The site has ${codes.length} locales, so it can be built as at most ${codes.length} shards (a shard per locale), not ${of}.`);
  const start = Math.floor(((shard - 1) * codes.length) / of);
  const end = Math.floor((shard * codes.length) / of);
  return codes.slice(start, end);
}

export function readManifest(dir: string): ShardManifest | string {
  const file = join(dir, MANIFEST);
  if (!existsSync(dir)) return `${dir} does not exist.`;
  if (!existsSync(file)) return `${dir} has no ${MANIFEST}: it is not the output of \`klaster build --shard <i>/<n>\` (or --locales).`;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ShardManifest;
  } catch (e) {
    return `${file} cannot be read: ${e instanceof Error ? e.message : String(e)}`;
  }
}

const label = (dir: string, m: ShardManifest) => (m.shard ? `shard ${m.shard}/${m.of} (${dir})` : `the shard of ${m.locales.join(',')} (${dir})`);
const reportHash = (r: CheckReport | undefined) =>
  createHash('sha256')
    .update(JSON.stringify(r ?? null))
    .digest('hex');

/** What is wrong with a set of shards as a whole: missing, overlapping, of other sites or content. */
export function shardProblems(shards: readonly { dir: string; manifest: ShardManifest }[]): string[] {
  if (shards.length === 0) return ['No shard was given.'];
  const problems: string[] = [];
  const [first] = shards;
  const site = first!.manifest;
  for (const { dir, manifest: m } of shards.slice(1)) {
    if (m.root !== site.root || m.siteLocales.join(',') !== site.siteLocales.join(',')) {
      problems.push(
        `${label(dir, m)} is of another site (${m.root}, locales ${m.siteLocales.join(',')}) than ${label(first!.dir, site)} (${site.root}, locales ${site.siteLocales.join(',')}).`,
      );
    } else if (reportHash(m.report) !== reportHash(site.report)) {
      problems.push(
        `${label(dir, m)} was built from other content than ${label(first!.dir, site)} (the content check counted other entries): build every shard from the same commit.`,
      );
    }
  }
  const numbered = shards.filter((s) => s.manifest.shard);
  if (numbered.length) {
    const of = numbered[0]!.manifest.of!;
    if (numbered.some((s) => s.manifest.of !== of))
      problems.push(`The shards were split differently: ${[...new Set(numbered.map((s) => `${s.manifest.of}`))].join(' and ')} shards.`);
    const seen = new Map<number, string>();
    for (const { dir, manifest: m } of numbered) {
      const other = seen.get(m.shard!);
      if (other) problems.push(`Shard ${m.shard}/${of} is given twice: ${other} and ${dir}.`);
      seen.set(m.shard!, dir);
    }
    for (let i = 1; i <= of; i++) if (!seen.has(i)) problems.push(`Shard ${i}/${of} is missing: give the output of every shard.`);
  }
  const owner = new Map<string, string>();
  for (const { dir, manifest: m } of shards) {
    for (const locale of m.locales) {
      const other = owner.get(locale);
      if (other) problems.push(`Locale ${locale} was built by two shards: ${other} and ${dir}.`);
      owner.set(locale, dir);
    }
  }
  if (!problems.length) {
    const uncovered = site.siteLocales.filter((l) => !owner.has(l));
    if (uncovered.length) problems.push(`No shard built locale${uncovered.length > 1 ? 's' : ''} ${uncovered.join(', ')}: a shard is missing.`);
  }
  return problems;
}

/** Files that are merged rather than copied: the sitemap and Pagefind's entry file; the manifests are left out. */
const SITEMAP = /^sitemap-(?:\d+|index)\.xml$/;
const ENTRY = 'pagefind/pagefind-entry.json';

/** Every file below `dir`, as sorted paths with / */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();
}

function sameBytes(a: string, b: string): boolean {
  if (statSync(a).size !== statSync(b).size) return false;
  return readFileSync(a).equals(readFileSync(b));
}

/** The sitemap's URL blocks without their alternates (merge writes them again over all shards). */
function urlBlocks(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  const locs = sitemapUrls(xml);
  let i = 0;
  for (const m of xml.matchAll(/<url>[\s\S]*?<\/url>/g)) out.set(locs[i++]!, m[0].replace(/<xhtml:link\b[^>]*\/>/g, ''));
  return out;
}

const SITEMAP_LIMIT = 45_000;
const URLSET_OPEN = /^[\s\S]*?<urlset\b[^>]*>/;

/**
 * One sitemap over all shards, as @astrojs/sitemap would write it for the
 * whole site: the addresses in its order (numeric-aware), in files of 45,000,
 * an index naming them, and each page's language alternates across shards.
 * Returns the files to write, by name.
 */
export function mergeSitemaps(sitemaps: readonly string[], index: string, locales: SitemapLocales): Map<string, string> {
  const blocks = new Map<string, string>();
  let open = '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">';
  for (const xml of sitemaps) {
    open = URLSET_OPEN.exec(xml)?.[0] ?? open;
    for (const [url, block] of urlBlocks(xml)) blocks.set(url, block);
  }
  const urls = [...blocks.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const alternates = alternatesOf(urls, locales);
  const out = new Map<string, string>();
  const names: string[] = [];
  for (let i = 0; i * SITEMAP_LIMIT < Math.max(urls.length, 1); i++) {
    const xml = `${open}${urls
      .slice(i * SITEMAP_LIMIT, (i + 1) * SITEMAP_LIMIT)
      .map((u) => blocks.get(u))
      .join('')}</urlset>`;
    out.set(`sitemap-${i}.xml`, writeAlternates(xml, { drop: new Set(), alternates }));
    names.push(`sitemap-${i}.xml`);
  }
  // The index as the plugin writes it, naming each file at the address the first shard's index gave sitemap-0.xml.
  const first = /<sitemap><loc>([^<]*)sitemap-0\.xml<\/loc><\/sitemap>/.exec(index);
  const prefix = first?.[1] ?? locales.root;
  const head = index.slice(0, index.indexOf('<sitemap>') >= 0 ? index.indexOf('<sitemap>') : index.indexOf('</sitemapindex>'));
  out.set('sitemap-index.xml', `${head}${names.map((n) => `<sitemap><loc>${prefix}${n}</loc></sitemap>`).join('')}</sitemapindex>`);
  return out;
}

interface PagefindEntry {
  version: string;
  languages: Record<string, unknown>;
  [key: string]: unknown;
}

/** Pagefind's entry files of the shards as one: every shard's languages, in the shards' order. */
export function mergeEntries(entries: readonly { dir: string; entry: PagefindEntry }[]): PagefindEntry {
  let merged: PagefindEntry | undefined;
  for (const { dir, entry } of entries) {
    if (merged && merged.version !== entry.version)
      throw new ShardMergeError([
        `${dir} was indexed by Pagefind ${entry.version}, another shard by ${merged.version}: build every shard with the same Klaster.`,
      ]);
    merged = { ...entry, ...merged, languages: { ...(merged?.languages ?? {}), ...entry.languages } };
  }
  return merged!;
}

export class ShardMergeError extends Error {
  constructor(readonly problems: string[]) {
    super(`The shards cannot be merged:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export interface MergeResult {
  files: number;
  shared: number;
  shards: number;
  seconds: number;
}

function link(from: string, to: string) {
  mkdirSync(dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * Merges the shards' outputs in `dirs` into `out` (written beside it, then
 * swapped in). Throws ShardMergeError naming every problem; `out` is then
 * left as it was.
 */
export function mergeShards(dirs: readonly string[], out: string): MergeResult {
  const started = performance.now();
  const problems: string[] = [];
  const shards: { dir: string; manifest: ShardManifest }[] = [];
  for (const dir of dirs.map((d) => resolve(d))) {
    const manifest = readManifest(dir);
    if (typeof manifest === 'string') problems.push(manifest);
    else shards.push({ dir, manifest });
  }
  if (problems.length) throw new ShardMergeError(problems);
  problems.push(...shardProblems(shards));
  if (problems.length) throw new ShardMergeError(problems);
  // In the shards' order, so that the merged lists (Pagefind's languages) follow the site's locales.
  shards.sort((a, b) => a.manifest.siteLocales.indexOf(a.manifest.locales[0]!) - b.manifest.siteLocales.indexOf(b.manifest.locales[0]!));
  const { siteLocales, root, defaultLocale, hreflang, report } = shards[0]!.manifest;

  const target = resolve(out);
  const temp = `${target}.merging`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  const from = new Map<string, string>();
  const sitemaps: string[] = [];
  let sitemapIndex = '';
  const entries: { dir: string; entry: PagefindEntry }[] = [];
  let shared = 0;
  try {
    for (const { dir, manifest } of shards) {
      for (const file of files(dir)) {
        const source = join(dir, file);
        if (file === MANIFEST) continue;
        if (SITEMAP.test(file)) {
          if (file === 'sitemap-index.xml') sitemapIndex ||= readFileSync(source, 'utf8');
          else sitemaps.push(readFileSync(source, 'utf8'));
          continue;
        }
        if (file === ENTRY) {
          entries.push({ dir, entry: JSON.parse(readFileSync(source, 'utf8')) as PagefindEntry });
          continue;
        }
        const top = file.split('/')[0]!;
        if (siteLocales.includes(top) && !manifest.locales.includes(top)) {
          problems.push(
            `${label(dir, manifest)} wrote ${file}, a page of locale ${top} it was not given (a route that does not follow KLASTER_BUILD_LOCALES).`,
          );
          continue;
        }
        const earlier = from.get(file);
        if (earlier) {
          if (!sameBytes(join(earlier, file), source))
            problems.push(`${file} differs between ${earlier} and ${dir}: two shards wrote different bytes to one path.`);
          else shared++;
          continue;
        }
        from.set(file, dir);
        link(source, join(temp, file));
      }
    }
    if (problems.length) throw new ShardMergeError(problems);
    if (sitemaps.length) {
      for (const [name, xml] of mergeSitemaps(sitemaps, sitemapIndex, { root, defaultLocale, hreflang })) writeFileSync(join(temp, name), xml);
    }
    if (entries.length) {
      mkdirSync(join(temp, 'pagefind'), { recursive: true });
      writeFileSync(join(temp, ENTRY), JSON.stringify(mergeEntries(entries)));
    }
    if (report) {
      const { expected, missing } = missingPages(report, temp, siteLocales);
      if (missing.length)
        throw new ShardMergeError([
          `${missing.length} of the ${expected} entry pages the content check counted are not in the merged site, for example ${missing.slice(0, 3).join(', ')}.`,
        ]);
    }
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    throw e;
  }
  rmSync(target, { recursive: true, force: true });
  renameSync(temp, target);
  return { files: from.size + sitemaps.length + (entries.length ? 1 : 0), shared, shards: shards.length, seconds: (performance.now() - started) / 1000 };
}
