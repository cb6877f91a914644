/** Splits a list into numbered pages. */
export const PAGE_SIZE = 24;

export interface Page<T> {
  number: number;
  count: number;
  items: T[];
}

export function paginate<T>(items: readonly T[], size = PAGE_SIZE): Page<T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, i) => ({ number: i + 1, count, items: items.slice(i * size, (i + 1) * size) }));
}

/** A page link in a pager, or a gap standing for the pages left out. */
export type PagerItem = { page: number } | { gap: true };

/**
 * The page links a pager shows: the first and the last page, and the pages
 * within `reach` of the current one, with a gap where pages are left out
 * (1 … 6 7 [8] 9 10 … 417). A pager listing every page grows with the list
 * on every one of its pages: at 10,000 products the catalogue's 417 pages
 * each carried 417 links. A gap of a single page shows that page instead.
 */
export function pagerItems(current: number, count: number, reach = 2): PagerItem[] {
  const shown = new Set([1, count]);
  for (let p = Math.max(1, current - reach); p <= Math.min(count, current + reach); p++) shown.add(p);
  const items: PagerItem[] = [];
  let last = 0;
  for (const page of [...shown].sort((a, b) => a - b)) {
    if (page - last === 2) items.push({ page: page - 1 });
    else if (page - last > 2) items.push({ gap: true });
    items.push({ page });
    last = page;
  }
  return items;
}
