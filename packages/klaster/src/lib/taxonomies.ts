/**
 * The vocabularies of the content model (member types, sectors, product
 * categories, materials, certifications, colours, units of order...). One
 * source of truth: schemas validate against these lists, facets and
 * filters are built from them, and every value needs a label in every
 * locale (the UI-string check enforces it).
 *
 * A site chooses them in site.yaml: `vocabularies.presets` picks the lists
 * Klaster ships (vocabulary-presets.ts: textile and clothing, ICT; the core
 * lists every site has), and each vocabulary can `add` values with their
 * labels per locale or `remove` some. Labels of the presets' values are
 * Klaster's UI strings (`taxonomy.<name>.<value>`); those a site adds come
 * from site.yaml.
 */
import { readVocabularySetting } from './site/vocabulary-setting.ts';
import { composeVocabularies } from './vocabulary-presets.ts';

export const taxonomies: Readonly<Record<string, readonly string[]>> = composeVocabularies(readVocabularySetting());

/** A vocabulary's name, such as `category`. */
export type TaxonomyName = string;

/** The i18n key of a taxonomy value's label. */
export function taxonomyKey(name: TaxonomyName, value: string): string {
  return `taxonomy.${name}.${value}`;
}
