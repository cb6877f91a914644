/**
 * `npm run new`: the files of a new entry, listing every field of its
 * collection with a comment. The fields come from the schemas, so a new
 * field appears here without anyone remembering to add it.
 */
import { z } from 'astro/zod';
import { derivedFrom, localeCodes, writtenLocales, type Locale } from '../locales.ts';
import { type CollectionName } from './fields.ts';
import { factsSchemas, requiredInEveryLocale, textSchemas } from './schemas.ts';
import { taxonomies } from '../taxonomies.ts';
import { productAttributes, type AttributeDeclaration } from '../product-attributes.ts';

/** What each field is for, in a few words. */
/** Values of a site's vocabulary as a hint: all of a short list, else the first few. */
const some = (name: string, joiner = ', ') => {
  const values = taxonomies[name] ?? [];
  return values.length <= 8 ? values.join(joiner) : `${values.slice(0, 6).join(joiner)}... (${values.length} in all)`;
};

/** The site's product attributes, as an example of the map. */
function attributeHint(text: boolean): string {
  const own = productAttributes.filter((a) => (a.type === 'text') === text);
  if (!own.length) return "the site's product attributes (none declared in site.yaml)";
  const example = (a: AttributeDeclaration) =>
    a.type === 'choice' ? `${a.id}: ${taxonomies[a.vocabulary!]?.[0] ?? '...'}`
    : a.type === 'list' ? `${a.id}: [${a.vocabulary ? (taxonomies[a.vocabulary] ?? []).slice(0, 2).join(', ') : '...'}]`
    : a.type === 'composition' ? `${a.id}: [{ ${a.vocabulary}: ${taxonomies[a.vocabulary!]?.[0] ?? '...'}, percent: 100 }] (percentages adding up to 100)`
    : a.type === 'dimensions' ? `${a.id}: { width: 120, height: 200, depth: 60 }${a.unit ? ` (${a.unit})` : ''}`
    : a.type === 'number' ? `${a.id}: 12.5${a.unit ? ` (${a.unit})` : ''}`
    : `${a.id}: text`;
  return `{ ${own.map(example).join(', ')} }`;
}

const HINTS: Record<string, string> = {
  sourceLocale: `the language this entry is first written in: ${localeCodes.join(', ')}`,
  funder: 'european-union, national or other',
  fund: 'erdf, esf, ipa, cosme, smp, interreg, horizon-europe or national',
  period: 'programming period, e.g. 2007-2013',
  emblem: 'true shows the EU emblem (default)',
  website: 'address starting with https://',
  logos: 'list of logo image files beside this file',
  country: 'two-letter country code, e.g. BG',
  nuts: 'NUTS region code, e.g. BG41',
  coordinates: '{ lat: 42.28, lon: 22.69 }',
  founded: 'year, e.g. 2012',
  sectors: `list of sectors: ${some('sector')}`,
  email: 'contact e-mail',
  phone: 'contact phone, e.g. +359 78 123 456',
  logo: 'image file beside this file, e.g. logo.svg',
  excellenceLabel: '{ level: bronze|silver|gold, awarded: YYYY-MM-DD, expires: YYYY-MM-DD }',
  organisation: 'id of the organisation that manages the cluster',
  sample: 'true marks an invented sample entry',
  type: some('orgType'),
  clusters: 'list of cluster ids',
  employees: 'number of staff',
  maker: 'id of the organisation that makes it',
  category: `a product category: ${some('category')}`,
  images: 'list of 1 to 4 image files beside this file, at least 1600 px wide, e.g. [front.jpg, back.jpg]',
  certifications: 'list of { scheme: gots, licence: "CU 123", issuer: Control Union, validUntil: YYYY-MM-DD }',
  moq: 'minimum order quantity, a whole number',
  moqUnit: `a unit of order: ${some('orderUnit')} (pieces unless given)`,
  leadTimeDays: 'production lead time in days',
  colours: `list of colours: ${some('colour')}`,
  countryOfOrigin: 'two-letter country code, e.g. BG',
  sku: "the maker's article number",
  gtin: 'barcode number in quotes, e.g. "3800123456787"',
  acronym: 'short name, e.g. CLOTH',
  programme: 'id of the funding programme',
  call: 'call identifier',
  grantNumber: 'grant agreement or contract number',
  start: 'YYYY-MM-DD (events: YYYY-MM-DDTHH:MM local time)',
  end: 'YYYY-MM-DD (events: YYYY-MM-DDTHH:MM local time)',
  budget: '{ total: 250000, euContribution: 212500, currency: EUR }',
  partners: 'list of { organisation: id, role: lead } or { cluster: id, role: partner }; exactly one lead',
  indicators: 'list of { id: exchanges, target: 100, achieved: 40 }',
  results: 'list of { id, file, type, language, date } documents beside this file',
  accentColour: 'a colour in quotes (without them, # starts a comment), dark enough to read on white, e.g. "#7a2048"',
  date: 'YYYY-MM-DD',
  projects: 'list of project ids',
  cover: 'cover image file beside this file',
  kind: some('eventKind'),
  attributes: attributeHint(false),
  timezone: 'e.g. Europe/Sofia',
  organiser: '{ organisation: id } or { cluster: id }',
  name: 'the name',
  shortName: 'a short name',
  summary: 'one or two sentences',
  region: 'the region',
  city: 'the town or city',
  address: 'street address',
  logoAlt: 'what the logo shows',
  fundName: 'the fund, e.g. European Regional Development Fund',
  statement: 'the funding statement, e.g. Co-funded by the European Union',
  slogan: "the fund's slogan",
  disclaimer: 'the legal disclaimer',
  managingAuthority: 'the managing authority and its address',
  imageAlt: 'map of image file to description, e.g. { front.jpg: Grey sweater, front view }',
  objectives: 'list of sentences',
  activities: 'list of sentences',
  expectedResults: 'list of sentences',
  title: 'the headline',
  coverAlt: 'what the cover image shows',
  venue: 'the venue',
  search: 'true, or false to leave the page out of search (a privacy notice, an imprint)',
  keepAsWritten: 'brands or codes the Latin-script page leaves as written, e.g. ["Јумко", "ЏМ-200"]',
};

/** Hints for text fields whose facts namesake (in index.yaml) has another shape. */
const TEXT_HINTS: Partial<Record<CollectionName, Record<string, string>>> = {
  products: { attributes: attributeHint(true) },
  projects: {
    indicators: 'the label of each indicator id in index.yaml, e.g. { exchanges: Short-term exchanges, smes: SMEs }',
    results: 'the title, and a description if you like, of each result id in index.yaml, e.g. { final-report: { title: Final report } }',
  },
};

/**
 * Text fields the schema lets a file leave out but the check requires in the
 * source language (src/lib/content/check.ts, checkEntryRules): always, or
 * only in some cases (left commented out, with the case said).
 */
const REQUIRED_IN_SOURCE: Partial<Record<CollectionName, Record<string, string | true>>> = {
  products: { imageAlt: true },
  news: { coverAlt: 'when index.yaml has a cover' },
};

/**
 * The body of a new entry's source text: the check stops at it (an error
 * telling the editor to write the text), so a placeholder is never published.
 */
export const PLACEHOLDER_BODY = 'Write the text here, in Markdown, in place of this line: npm run check stops at it until then.';

/** Locales another is transliterated from (Serbian): keepAsWritten only does something in their files. */
const transliterated = new Set(localeCodes.map(derivedFrom).filter(Boolean));

function shape(schema: z.ZodType): Record<string, z.ZodType> {
  let s = schema as unknown as { _zod: { def: Record<string, unknown> } };
  while (s._zod.def.type !== 'object') s = s._zod.def.innerType as typeof s;
  return s._zod.def.shape as Record<string, z.ZodType>;
}

const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

function lines(
  fields: Record<string, z.ZodType>,
  required: (key: string, s: z.ZodType) => boolean | string,
  hints: Record<string, string> = {},
): string[] {
  return Object.entries(fields).map(([key, schema]) => {
    const hint = hints[key] ?? HINTS[key] ?? '';
    const need = required(key, schema);
    if (typeof need === 'string') return `#${key}:   # required ${need}: ${hint}`;
    return need ? `${key}:   # required: ${hint}` : `#${key}:   # optional: ${hint}`;
  });
}

export function scaffold(collection: CollectionName, id: string, source: Locale): Map<string, string> {
  const files = new Map<string, string>();
  const facts = shape(factsSchemas(() => z.string())[collection] as z.ZodType);
  const factLines = lines(facts, (key, s) => key !== 'sourceLocale' && !accepts(s, undefined));
  files.set(
    'index.yaml',
    [
      `# ${collection}/${id}: the facts of this entry, written once for every language.`,
      '# Fill in the required fields. To use an optional field, remove the "#" before it.',
      '# The editors\' guide (docs/editors-guide.md) explains every field.',
      `sourceLocale: ${source}`,
      ...factLines.filter((l) => !l.startsWith('sourceLocale') && !l.startsWith('#sourceLocale')),
      '',
    ].join('\n'),
  );
  const text = shape(textSchemas[collection]);
  const everywhere = new Set(requiredInEveryLocale[collection] ?? []);
  for (const locale of writtenLocales) {
    const isSource = locale === source;
    const fields = Object.fromEntries(Object.entries(text).filter(([key]) => key !== 'keepAsWritten' || transliterated.has(locale)));
    const textLines = lines(
      fields,
      (key, s) => (isSource ? (REQUIRED_IN_SOURCE[collection]?.[key] ?? !accepts(s, undefined)) : everywhere.has(key)),
      TEXT_HINTS[collection],
    );
    files.set(
      `index.${locale}.md`,
      [
        '---',
        isSource
          ? `# The ${locale} text of ${collection}/${id}: the source language, so fill in every required field.`
          : `# The ${locale} translation. Leave a field out to show the ${source} text there; delete this file to show the whole entry in ${source}.`,
        ...textLines,
        '---',
        '',
        isSource ? PLACEHOLDER_BODY : '',
        '',
      ].join('\n'),
    );
  }
  return files;
}
