/**
 * The image-service mode's check that the image server can fetch what the
 * pages name: every local original an image server address names
 * (src/integrations/image-server-service.ts records them) must be in the
 * built site, where the server fetches it from.
 *
 * What this relies on that Astro does not document: that Astro renders the
 * pages of a static build in the process of its integrations, so that the
 * addresses the image service makes while pages render are seen here
 * (shared through globalThis). If that changes, no address is seen; when
 * the content check counted images, the build then fails (see
 * `originalsProblems`) instead of publishing unchecked pages.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = Symbol.for('klaster.imageServer.sources');
type Global = typeof globalThis & { [SOURCES]?: Set<string> };

/** The originals the pages' image server addresses name, as site paths (with the base). */
export function recordedSources(): Set<string> {
  const g = globalThis as Global;
  return (g[SOURCES] ??= new Set());
}

/** Site paths (under `base`) of originals that are not in the built folder `dir`. */
export function missingOriginals(sources: Iterable<string>, dir: string, base: string): string[] {
  const prefix = base.replace(/\/?$/, '/');
  const missing: string[] = [];
  for (const src of sources) {
    const path = decodeURIComponent(src.startsWith(prefix) ? src.slice(prefix.length) : src.replace(/^\/+/, ''));
    if (!existsSync(join(dir, path))) missing.push(src);
  }
  return missing.sort();
}

/** How many images the content check counted (KLASTER_CHECK_REPORT, src/astro-internals/guard.ts); undefined without a report. */
function countedImages(): number | undefined {
  const file = process.env.KLASTER_CHECK_REPORT;
  if (!file || !existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, 'utf8')) as { images?: number }).images;
}

/** Problems of a finished build in the image-service mode, as sentences; none when every original is there. */
export function originalsProblems(sources: Set<string>, dir: string, base: string, counted = countedImages()): string[] {
  if (sources.size === 0 && counted) {
    return [
      `The content names ${counted} images, but no image server address was seen while the pages rendered: Astro no longer renders pages where Klaster expects (src/astro-internals/image-server-originals.ts), so the originals could not be checked.`,
    ];
  }
  const missing = missingOriginals(sources, dir, base);
  return missing.length
    ? [
        `The pages point the image server to ${missing.length} original image(s) the site does not contain, for example ${missing.slice(0, 3).join(', ')}; the server could not fetch them.`,
      ]
    : [];
}
