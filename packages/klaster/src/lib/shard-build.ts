/**
 * The shard options of `klaster build` (src/lib/shards.ts): `--shard <i>/<n>`
 * builds the i-th of n runs of the site's locales, `--locales en,bg` the
 * locales named; and the manifest a shard leaves for `klaster merge`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckReport } from '../astro-internals/guard.ts';
import { basePath, siteUrl } from './config.ts';
import { builtLocalesFrom, defaultLocale, langTag, localeCodes } from './locales.ts';
import { loadSiteConfig } from './site/load.ts';
import { MANIFEST, parseShard, shardLocales, type ShardManifest } from './shards.ts';

export interface ShardOption {
  /** The output folder's suffix: the shard's number, or its locales. */
  name: string;
  shard?: number;
  of?: number;
  locales: string[];
  /** The other arguments, for Astro. */
  rest: string[];
}

/** The value of `--name v` or `--name=v` in `args`, and the args without it. */
function takeOption(args: string[], name: string): { value?: string; rest: string[] } {
  const rest: string[] = [];
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === name) value = args[++i] ?? '';
    else if (arg.startsWith(`${name}=`)) value = arg.slice(name.length + 1);
    else rest.push(arg);
  }
  return { value, rest };
}

/** The shard `klaster build` was asked for (argv as process.argv), a sentence when the options are wrong, or undefined. */
export function shardOption(argv: readonly string[], codes: readonly string[] = localeCodes): ShardOption | string | undefined {
  const shard = takeOption(argv.slice(2), '--shard');
  const locales = takeOption(shard.rest, '--locales');
  if (shard.value === undefined && locales.value === undefined) return undefined;
  if (shard.value !== undefined && locales.value !== undefined) return 'Give --shard <i>/<n> or --locales <a,b>, not both.';
  if (shard.value !== undefined) {
    const parsed = parseShard(shard.value);
    if (typeof parsed === 'string') return parsed;
    try {
      return { name: String(parsed.shard), ...parsed, locales: shardLocales(codes, parsed.shard, parsed.of), rest: locales.rest };
    } catch (e) {
      return (e as Error).message;
    }
  }
  try {
    const chosen = [...builtLocalesFrom(locales.value, codes)];
    if (!locales.value?.trim()) return `--locales takes the locales to build, e.g. --locales ${codes.slice(0, 2).join(',')}.`;
    return { name: chosen.join('-'), locales: chosen, rest: locales.rest };
  } catch (e) {
    return (e as Error).message.replace('KLASTER_BUILD_LOCALES', '--locales');
  }
}

/** Writes the manifest of a shard's output (`dir`) for `klaster merge`. */
export function writeShardManifest(dir: string, shard: ShardOption, report: CheckReport | undefined) {
  const config = loadSiteConfig().config;
  const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => !!e[1]));
  const root = new URL(basePath({ KLASTER_BASE: config?.base, ...env }), siteUrl({ KLASTER_SITE: config?.url, ...env })).href;
  const manifest: ShardManifest = {
    shard: shard.shard,
    of: shard.of,
    locales: shard.locales,
    siteLocales: [...localeCodes],
    root,
    defaultLocale,
    hreflang: Object.fromEntries(localeCodes.map((code) => [code, langTag(code)])),
    report,
  };
  writeFileSync(join(dir, MANIFEST), `${JSON.stringify(manifest)}\n`);
}
