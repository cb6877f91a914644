/**
 * The build's guard against a changed Astro: once Astro has written the
 * site, every entry the content check counted must have its page in every
 * locale, the content store must have been read through content-store.ts,
 * and content images must have gone through content-images.ts. Otherwise the
 * build fails (and `klaster build` keeps the published site) instead of
 * publishing an empty or half-written site.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtLocales } from '../lib/locales.ts';
import { entryPath } from '../lib/urls.ts';
import type { CollectionName } from '../lib/content/fields.ts';

/** What `klaster check` found, left for the build (KLASTER_CHECK_REPORT). */
export interface CheckReport {
  ids: Partial<Record<CollectionName, string[]>>;
  images: number;
}

export function writeCheckReport(file: string, report: CheckReport) {
  writeFileSync(file, JSON.stringify(report));
}

/**
 * Entry pages of the report that the site in `dist` lacks, as site paths: in
 * each locale this build writes (a shard's only; src/lib/shards.ts).
 */
export function missingPages(report: CheckReport, dist: string, locales: readonly string[] = builtLocales): { expected: number; missing: string[] } {
  const missing: string[] = [];
  let expected = 0;
  for (const [collection, ids] of Object.entries(report.ids) as [CollectionName, string[]][]) {
    const path = entryPath[collection as keyof typeof entryPath];
    if (!path) continue;
    for (const id of ids) {
      for (const locale of locales) {
        expected++;
        const page = path(locale, id);
        if (!existsSync(join(dist, page, 'index.html'))) missing.push(page);
      }
    }
  }
  return { expected, missing };
}

export interface GuardProbes {
  /** Content images copied by content-images.ts; undefined where it does not apply. */
  copiedImages(): number | undefined;
  /** Whether Astro asked content-store.ts for its store; undefined where it does not apply. */
  storeAnswered(): boolean | undefined;
}

const ASTRO_HINT =
  'Klaster relies on parts of Astro that are not public (packages/klaster/src/astro-internals/); check that the installed astro is the version klaster names in its peerDependencies, and report the problem with both versions.';

/** Problems of a finished build, as sentences; none when it is whole. */
export function guardProblems(report: CheckReport | undefined, dist: string, probes: GuardProbes): string[] {
  const problems: string[] = [];
  if (probes.storeAnswered() === false) problems.push('Astro did not ask for its content store module (astro:data-layer-content), so content-store.ts no longer applies.');
  const images = probes.copiedImages();
  if (report && report.images > 0 && images === 0) {
    problems.push(`The content names ${report.images} images, but none went through content-images.ts: Astro no longer imports content images the way Klaster expects.`);
  }
  if (report) {
    const { expected, missing } = missingPages(report, dist);
    if (missing.length) {
      problems.push(`${missing.length} of the ${expected} entry pages the content check counted were not written, for example ${missing.slice(0, 3).join(', ')}.`);
    }
  }
  return problems;
}

export default function guard(probes: GuardProbes): AstroIntegration {
  return {
    name: 'klaster-guard',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const file = process.env.KLASTER_CHECK_REPORT;
        const report = file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as CheckReport) : undefined;
        const problems = guardProblems(report, fileURLToPath(dir), probes);
        if (problems.length) throw new Error(`The site is incomplete, so it is not published:\n${problems.map((p) => `  - ${p}`).join('\n')}\n${ASTRO_HINT}`);
        logger.info(report ? 'Every entry page the content check counted was written.' : 'No check report (KLASTER_CHECK_REPORT): entry pages not counted.');
      },
    },
  };
}
