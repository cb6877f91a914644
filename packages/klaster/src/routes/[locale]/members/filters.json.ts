/**
 * /<locale>/members/filters.json: the facet table the browser filters the
 * members directory with in place, like the catalogue's
 * (src/routes/[locale]/catalogue/filters.json.ts). The cards are in
 * /<locale>/members/cards/<k>.json.
 */
import { filterTableRoute } from '../../../data/filters.ts';

export const { getStaticPaths, GET } = filterTableRoute('members');
