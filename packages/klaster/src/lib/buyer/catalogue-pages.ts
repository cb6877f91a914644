/**
 * The printed catalogue's pages, counted when the site is built: Chromium
 * does not implement target-counter(), so the contents cannot ask the
 * browser where an entry landed. Each printed page holds a fixed number of
 * products (the stylesheet gives each page one A4 sheet), and the page
 * numbers follow from that.
 */

/** Products on one printed page (print-catalogue.css sizes a product block for this). */
export const PRODUCTS_PER_PAGE = 3;
/** Lines of the contents (a category or a product) on one printed page: 31 take about four fifths of an A4 page. */
export const CONTENTS_LINES_PER_PAGE = 32;

/** A contents this short goes on the cover, so a small catalogue has no near-empty page (lines, with the categories'). */
export const COVER_CONTENTS_LINES = 12;

export interface Laid<T> {
  /** The pages of products, in order. */
  pages: T[][];
  /** The number of the first page of products (after the cover and the contents). */
  firstPage: number;
  /** Pages of the contents: none when it is on the cover. */
  contentsPages: number;
  /** The contents is printed on the cover. */
  contentsOnCover: boolean;
  /** Every page: cover, contents, products, back cover. */
  total: number;
}

/** Lays out `items` (in their printed order) with `headings` extra lines of contents (the categories). */
export function layCatalogue<T>(items: readonly T[], headings: number): Laid<T> {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += PRODUCTS_PER_PAGE) pages.push(items.slice(i, i + PRODUCTS_PER_PAGE));
  const lines = items.length + headings;
  const contentsOnCover = lines <= COVER_CONTENTS_LINES;
  const contentsPages = contentsOnCover ? 0 : Math.ceil(lines / CONTENTS_LINES_PER_PAGE);
  const firstPage = 2 + contentsPages;
  // Cover and contents, the products' pages, the back cover.
  return { pages, firstPage, contentsPages, contentsOnCover, total: firstPage + pages.length };
}
