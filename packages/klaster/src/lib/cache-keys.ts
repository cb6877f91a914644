/**
 * Keys for Astro's incremental build (experimental.incrementalBuild): a page
 * whose key and code are unchanged since the last build is copied from the
 * cache instead of rendered again.
 *
 * A key must change whenever anything the page shows changes, so keys are
 * built from what a page may read, in two layers:
 * - the shared key: the build's own inputs (build date, UI strings, site
 *   settings) and every entry's facts and text fields, file fingerprints of
 *   its folder (images, documents), and the bodies of programmes (their
 *   disclaimers appear on every project page). Any page may show any of
 *   these (names in lists, related products, maps), so a change to one
 *   renders every keyed page again;
 * - an entry key: the shared key plus that entry's own bodies in every
 *   locale. A body is only ever rendered on its own entry's pages (and on
 *   the newsletter, which is not keyed), so changing one product's body
 *   renders that product's pages and nothing else.
 * Pages without a key (feeds, newsletters, data files) are always rendered.
 */
import { createHash } from 'node:crypto';

export interface KeyedText {
  locale: string;
  /** The text fields (frontmatter) as parsed. */
  data: unknown;
  /**
   * A fingerprint of the text's file (Astro's digest of its contents): it
   * changes whenever the body does. The bodies themselves are not kept in
   * the content store (retainBody: false in content.config.ts).
   */
  digest: string;
}

export interface KeyedEntry {
  collection: string;
  id: string;
  facts: unknown;
  texts: KeyedText[];
  /** Fingerprints of the files beside the entry (name, size, hash of the bytes: lib/file-fingerprints.ts). */
  files: string[];
}

export interface CacheKeys {
  shared: string;
  entry(collection: string, id: string): string;
}

/** Collections whose bodies appear on other entries' pages. */
const SHARED_BODIES = new Set(['programmes']);

const sha = (...parts: string[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('base64url').slice(0, 22);
};

/** JSON with object keys sorted, so the same data always gives the same text. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function cacheKeys(entries: Iterable<KeyedEntry>, buildInputs: string): CacheKeys {
  const list = [...entries].sort((a, b) => (a.collection + '/' + a.id < b.collection + '/' + b.id ? -1 : 1));
  const texts = (e: KeyedEntry) => [...e.texts].sort((a, b) => (a.locale < b.locale ? -1 : 1));
  const shared = createHash('sha256').update(buildInputs).update('\0');
  const own = new Map<string, string>();
  for (const e of list) {
    shared.update(`${e.collection}/${e.id}\0${stableJson(e.facts)}\0${e.files.join('\n')}\0`);
    for (const t of texts(e)) {
      shared.update(`${t.locale}\0${stableJson(t.data)}\0`);
      if (SHARED_BODIES.has(e.collection)) shared.update(`${t.digest}\0`);
    }
    own.set(`${e.collection}/${e.id}`, sha(...texts(e).flatMap((t) => [t.locale, t.digest])));
  }
  const sharedKey = shared.digest('base64url').slice(0, 22);
  return {
    shared: sharedKey,
    entry(collection, id) {
      const body = own.get(`${collection}/${id}`);
      if (body === undefined) throw new Error(`No cache key for ${collection}/${id}`);
      return `${sharedKey}.${body}`;
    },
  };
}
