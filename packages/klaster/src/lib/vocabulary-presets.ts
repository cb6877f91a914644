/**
 * The vocabularies Klaster ships, as presets a site picks in site.yaml
 * (`vocabularies.presets`), and how a site's additions and removals apply.
 * Values keep the order below, a site's additions follow.
 */

/** Every shipped value of each vocabulary, in the order lists show them. */
const shipped = {
  orgType: ['sme', 'large-company', 'cluster-organisation', 'support-organisation', 'research-education', 'public-body', 'ngo'],
  sector: ['textile-clothing', 'fashion', 'footwear-leather', 'ict', 'software', 'electronics', 'creative-industries', 'circular-economy', 'business-support'],
  category: [
    'knitwear', 'outerwear', 'dresses', 'shirts-blouses', 'trousers-jeans', 'workwear', 'childrenswear', 'underwear-nightwear',
    'accessories', 'home-textiles', 'fabrics-yarns', 'software', 'it-services', 'hardware-devices',
  ],
  fibre: [
    'cotton', 'organic-cotton', 'recycled-cotton', 'wool', 'merino-wool', 'cashmere', 'silk', 'linen', 'hemp', 'viscose',
    'lyocell', 'modal', 'polyester', 'recycled-polyester', 'polyamide', 'elastane', 'acrylic', 'leather',
  ],
  certification: ['gots', 'ocs', 'grs', 'oeko-tex-100', 'bluesign', 'fairtrade', 'sa8000', 'eu-ecolabel', 'iso-9001', 'iso-14001', 'iso-27001'],
  colour: ['white', 'ecru', 'beige', 'grey', 'black', 'navy', 'blue', 'green', 'red', 'burgundy', 'pink', 'yellow', 'orange', 'brown', 'multicolour'],
  orderUnit: ['pieces', 'metres', 'kilograms', 'licences', 'sets'],
  eventKind: ['fair', 'business-meeting', 'conference', 'roundtable', 'workshop', 'training', 'press-conference', 'exchange-visit'],
  partnerRole: ['lead', 'partner', 'associated'],
  excellenceLevel: ['bronze', 'silver', 'gold'],
  fund: ['erdf', 'esf', 'ipa', 'cosme', 'smp', 'interreg', 'horizon-europe', 'national'],
  funder: ['european-union', 'national', 'other'],
  resultType: ['strategy', 'cluster-map', 'magazine', 'report', 'study', 'toolkit', 'newsletter'],
} as const;

export type VocabularyName = keyof typeof shipped;
export const vocabularyNames = Object.keys(shipped) as VocabularyName[];

/** Every value Klaster ships for a vocabulary; undefined for a name that is not one. */
export function shippedVocabulary(name: string): readonly string[] | undefined {
  return (shipped as Record<string, readonly string[]>)[name];
}

type Preset = Partial<Record<VocabularyName, readonly string[] | 'all'>>;

/** Every site has these: what clusters, projects and events are, whatever the sector. */
const core: Preset = {
  orgType: 'all',
  colour: 'all',
  orderUnit: 'all',
  eventKind: 'all',
  partnerRole: 'all',
  excellenceLevel: 'all',
  fund: 'all',
  funder: 'all',
  resultType: 'all',
  certification: ['iso-9001', 'iso-14001', 'eu-ecolabel'],
  sector: ['circular-economy', 'business-support'],
};

export const presets = {
  /** Textile, clothing, fashion and leather. */
  textile: {
    sector: ['textile-clothing', 'fashion', 'footwear-leather'],
    category: [
      'knitwear', 'outerwear', 'dresses', 'shirts-blouses', 'trousers-jeans', 'workwear', 'childrenswear', 'underwear-nightwear',
      'accessories', 'home-textiles', 'fabrics-yarns',
    ],
    fibre: 'all',
    certification: ['gots', 'ocs', 'grs', 'oeko-tex-100', 'bluesign', 'fairtrade', 'sa8000'],
  },
  /** Software, IT services, electronics and the creative industries. */
  ict: {
    sector: ['ict', 'software', 'electronics', 'creative-industries'],
    category: ['software', 'it-services', 'hardware-devices'],
    certification: ['iso-27001'],
  },
} as const satisfies Record<string, Preset>;

export type PresetName = keyof typeof presets;
export const presetNames = Object.keys(presets) as PresetName[];
/** A site that names no presets has the first clusters' lists. */
export const DEFAULT_PRESETS: PresetName[] = ['textile', 'ict'];

/** A site's changes to one vocabulary (site.yaml `vocabularies.<name>`). */
export interface VocabularyChange {
  add?: Record<string, unknown>;
  remove?: readonly string[];
}

export interface VocabularySetting {
  presets?: readonly string[];
  changes: Record<string, VocabularyChange>;
}

/** The vocabularies of a site: core, its presets, then its own additions and removals. */
export function composeVocabularies(setting: VocabularySetting): Record<string, string[]> {
  const chosen = [core, ...(setting.presets ?? DEFAULT_PRESETS).map((name) => presets[name as PresetName] as Preset).filter(Boolean)];
  const out: Record<string, string[]> = {};
  for (const name of vocabularyNames) {
    const included = new Set<string>();
    for (const preset of chosen) {
      const values = preset[name];
      for (const v of values === 'all' ? shipped[name] : (values ?? [])) included.add(v);
    }
    out[name] = shipped[name].filter((v) => included.has(v));
  }
  for (const [name, change] of Object.entries(setting.changes)) {
    const removed = new Set(change.remove ?? []);
    const list = (out[name] ?? []).filter((v) => !removed.has(v));
    for (const v of Object.keys(change.add ?? {})) if (!list.includes(v)) list.push(v);
    out[name] = list;
  }
  return out;
}
