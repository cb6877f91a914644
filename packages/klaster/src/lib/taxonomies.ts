/**
 * The closed vocabularies of the content model. One source of truth:
 * schemas validate against these lists, facets and filters are built from
 * them, and every value needs a label in each `i18n/<locale>.json` under
 * `taxonomy.<name>.<value>` (the UI-string check enforces it).
 */
export const taxonomies = {
  orgType: [
    'sme',
    'large-company',
    'cluster-organisation',
    'support-organisation',
    'research-education',
    'public-body',
    'ngo',
  ],
  sector: [
    'textile-clothing',
    'fashion',
    'footwear-leather',
    'ict',
    'software',
    'electronics',
    'creative-industries',
    'circular-economy',
    'business-support',
  ],
  category: [
    'knitwear',
    'outerwear',
    'dresses',
    'shirts-blouses',
    'trousers-jeans',
    'workwear',
    'childrenswear',
    'underwear-nightwear',
    'accessories',
    'home-textiles',
    'fabrics-yarns',
    'software',
    'it-services',
    'hardware-devices',
  ],
  fibre: [
    'cotton',
    'organic-cotton',
    'recycled-cotton',
    'wool',
    'merino-wool',
    'cashmere',
    'silk',
    'linen',
    'hemp',
    'viscose',
    'lyocell',
    'modal',
    'polyester',
    'recycled-polyester',
    'polyamide',
    'elastane',
    'acrylic',
    'leather',
  ],
  certification: [
    'gots',
    'ocs',
    'grs',
    'oeko-tex-100',
    'bluesign',
    'fairtrade',
    'sa8000',
    'eu-ecolabel',
    'iso-9001',
    'iso-14001',
    'iso-27001',
  ],
  colour: [
    'white',
    'ecru',
    'beige',
    'grey',
    'black',
    'navy',
    'blue',
    'green',
    'red',
    'burgundy',
    'pink',
    'yellow',
    'orange',
    'brown',
    'multicolour',
  ],
  eventKind: [
    'fair',
    'business-meeting',
    'conference',
    'roundtable',
    'workshop',
    'training',
    'press-conference',
    'exchange-visit',
  ],
  partnerRole: ['lead', 'partner', 'associated'],
  excellenceLevel: ['bronze', 'silver', 'gold'],
  fund: ['erdf', 'esf', 'ipa', 'cosme', 'smp', 'interreg', 'horizon-europe', 'national'],
  funder: ['european-union', 'national', 'other'],
  resultType: ['strategy', 'cluster-map', 'magazine', 'report', 'study', 'toolkit', 'newsletter'],
} as const;

export type TaxonomyName = keyof typeof taxonomies;
export type TaxonomyValue<N extends TaxonomyName> = (typeof taxonomies)[N][number];

/** The i18n key of a taxonomy value's label. */
export function taxonomyKey(name: TaxonomyName, value: string): string {
  return `taxonomy.${name}.${value}`;
}
