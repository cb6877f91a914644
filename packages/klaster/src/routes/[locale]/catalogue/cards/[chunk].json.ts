/**
 * /<locale>/catalogue/cards/<k>.json: chunk k of the cards of the catalogue, in the
 * locale's order, fetched by assets/filter.js when they are about to be shown
 * (src/lib/filter-data.ts).
 */
import { cardChunkRoute } from '../../../../data/filters.ts';

export const { getStaticPaths, GET } = cardChunkRoute('catalogue');
