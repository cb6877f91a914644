/**
 * /<locale>/catalogue/filters.json: the facet table the browser filters the
 * catalogue with in place (assets/filter.js; why a small index rather than
 * Pagefind: see the head of that file; how it is split from the cards:
 * src/lib/filter-data.ts). The cards are in /<locale>/catalogue/cards/<k>.json.
 */
import { filterTableRoute } from '../../../data/filters.ts';

export const { getStaticPaths, GET } = filterTableRoute('catalogue');
