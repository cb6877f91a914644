/**
 * The filter data of a listing (the catalogue, the members directory) as the
 * browser fetches it (assets/filter.js): a facet table first, the cards in
 * chunks fetched when they are about to be shown.
 *
 * One file holding every entry's card and facet values was 1.15 MB
 * (brotli) per locale at 10,000 products, all of it downloaded before the
 * first tick of a box. The facet table alone is what filtering and counting
 * need: for each facet, each entry's values as indices into the facet's list
 * of values. The cards (name, link, summary, image) are only needed for the
 * entries shown, 24 at a time, so they are split in chunks of CHUNK entries
 * in the listing's order, chunk k holding entries k*CHUNK to (k+1)*CHUNK-1.
 * Sizes at 10,000 products: README, Performance (npm run bench:filters).
 *
 * Everything here is a pure function of the index, so the same content gives
 * the same bytes.
 */

/** Entries per chunk of cards (chosen by measurement: see npm run bench:filters). */
export const CHUNK = 8;
/**
 * Up to this many entries, every chunk comes with the table: a small
 * listing's cards weigh less than the wait for a chunk on each tick.
 */
export const PRELOAD_ENTRIES = 64;

export interface FilterFacet {
  name: string;
  label: string;
  /** [value, label] pairs in display order. */
  values: [string, string][];
}

/** One entry of a listing: its card, and its facet values. */
export interface FilterEntry<C> {
  card: C;
  facets: Record<string, string[]>;
}

/**
 * A facet's column: for each entry, the index of its value in the facet's
 * list, a list of indices where it has several, or -1 where it has none.
 */
export type FacetColumn = (number | number[])[];

export interface FilterTable {
  facets: FilterFacet[];
  /** How many entries the listing has, in its order. */
  count: number;
  /** Entries per chunk of cards. */
  chunk: number;
  /** How many chunks, from the first, the browser fetches with the table. */
  preload: number;
  /** The chunks' address, `{chunk}` standing for the chunk's number. */
  cards: string;
  /** Each facet's column, by facet name. */
  table: Record<string, FacetColumn>;
}

/** The facet table of a listing's entries (their cards left out). */
export function filterTable<C>(facets: FilterFacet[], entries: FilterEntry<C>[], cards: string, chunk = CHUNK): FilterTable {
  const table: Record<string, FacetColumn> = {};
  for (const facet of facets) {
    const position = new Map(facet.values.map(([value], i) => [value, i]));
    table[facet.name] = entries.map((entry) => {
      const indices = (entry.facets[facet.name] ?? []).map((v) => position.get(v)).filter((i): i is number => i !== undefined);
      return indices.length === 0 ? -1 : indices.length === 1 ? indices[0]! : indices;
    });
  }
  const chunks = chunkCount(entries.length, chunk);
  return { facets, count: entries.length, chunk, preload: entries.length <= PRELOAD_ENTRIES ? chunks : Math.min(1, chunks), cards, table };
}

/** How many chunks of cards a listing of `count` entries has. */
export const chunkCount = (count: number, chunk = CHUNK) => Math.ceil(count / chunk);

/** The cards of chunk `k`. */
export function cardChunk<C>(entries: FilterEntry<C>[], k: number, chunk = CHUNK): C[] {
  return entries.slice(k * chunk, (k + 1) * chunk).map((e) => e.card);
}
