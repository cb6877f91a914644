/**
 * What a build reused and made, read from Astro's log as it streams past,
 * and the summary `klaster build` prints at its end.
 *
 * Astro logs each processed image as `▶ /_astro/x.avif (reused cache entry)`
 * when it came from the cache and `(before: 12kB, after: 3kB)` when it was
 * made, and each page or file it writes as `├─ /en/ (+12ms)`, or
 * `├─ /en/ (restored)` (or `(cached)`) when its incremental build copied it
 * from the last build. Four pages render at a time, so one line may hold
 * several `├─` entries; a copied entry's path and its mark are written
 * together. In the image-service mode (site.yaml `images.service`) the
 * integration says `Image-service mode (ipx): ...` and no image is made.
 */

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

export interface BuildCounts {
  imagesReused: number;
  imagesMade: number;
  pagesRendered: number;
  pagesReused: number;
  /** The image server that makes the images on request, in the image-service mode. */
  imageService?: string;
}

export class BuildLogReader implements BuildCounts {
  imagesReused = 0;
  imagesMade = 0;
  pagesRendered = 0;
  pagesReused = 0;
  imageService: string | undefined;
  private rest = '';

  /** A chunk of the log, as it arrives. */
  push(chunk: string) {
    const lines = (this.rest + chunk).split('\n');
    this.rest = lines.pop() ?? '';
    for (const line of lines) this.line(line);
  }

  /** The end of the log. */
  end() {
    if (this.rest) this.line(this.rest);
    this.rest = '';
  }

  line(raw: string) {
    const text = raw.replace(ANSI, '');
    const server = /Image-service mode \((\w+)\)/.exec(text);
    if (server) this.imageService = server[1];
    if (/\(reused cache entry\)/.test(text)) this.imagesReused++;
    else if (/\(before: [^)]*, after: [^)]*\)/.test(text)) this.imagesMade++;
    const entries = text.split(/[├└]─ /).slice(1);
    for (const entry of entries) {
      const path = /^\S+?(?=\d\d:\d\d:\d\d|\s|$)/.exec(entry)?.[0] ?? '';
      if (/^\s*\((restored|cached)\)/.test(entry.slice(path.length))) this.pagesReused++;
      else this.pagesRendered++;
    }
  }
}

export interface BuildSummary extends BuildCounts {
  /** Locales whose search index was taken from the cache, and those indexed again. */
  searchReused: readonly string[];
  searchMade: readonly string[];
  seconds: { check: number; astro: number; search: number; total: number };
}

const s = (seconds: number) => `${seconds.toFixed(1)} s`;

/** The lines `klaster build` ends with. */
export function formatSummary(summary: BuildSummary): string {
  const { imagesReused, imagesMade, imageService, pagesRendered, pagesReused, searchReused, searchMade, seconds } = summary;
  const search = [searchReused.length ? `reused for ${searchReused.join(', ')}` : '', searchMade.length ? `made for ${searchMade.join(', ')}` : ''].filter(
    Boolean,
  );
  return [
    'Build summary:',
    imageService && !imagesReused && !imagesMade
      ? `  processed images: none (images.service: ${imageService}; the image server makes them on request)`
      : `  processed images: ${imagesReused} reused from the cache, ${imagesMade} made`,
    `  pages and files: ${pagesRendered} rendered, ${pagesReused} reused from the last build`,
    `  search indexes: ${search.join('; ') || 'none'}`,
    `  time: check ${s(seconds.check)}, Astro build ${s(seconds.astro)}, search index ${s(seconds.search)}, total ${s(seconds.total)}`,
  ].join('\n');
}
