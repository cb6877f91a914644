/**
 * Product attributes of a site's sector: fibre composition and sizes for
 * clothing (the textile preset's), wood species and dimensions for
 * furniture, capacity for machines, shelf life for food. The presets a site
 * picks (site.yaml `vocabularies.presets`) bring theirs; the site declares
 * its own (site.yaml `productAttributes`), one of the same id replacing the
 * preset's. Each is typed: `text` (written per locale, in the text files),
 * `number` (with a unit), `choice` (one value of a vocabulary), `list`
 * (several values of a vocabulary, or free values such as sizes when it
 * names none), `composition` (values of a vocabulary with percentages adding
 * up to 100) or `dimensions` (width, height and depth in a unit). They are
 * written under `attributes:` in a product's files. The schemas validate
 * them, the product page lists them, the catalogue offers those marked
 * `facet` as facets, the open data carries them and the JSON-LD maps them
 * to schema.org where it has a property.
 */
import { z } from 'astro/zod';
import { readAttributeSetting } from './site/attribute-setting.ts';
import { readVocabularySetting } from './site/vocabulary-setting.ts';
import { DEFAULT_PRESETS } from './vocabulary-presets.ts';
import { taxonomy } from './content/fields.ts';
import type { Localized } from './site/schema.ts';
import { localizedText } from './site/text.ts';

export const attributeTypes = ['text', 'number', 'choice', 'list', 'composition', 'dimensions'] as const;
export type AttributeType = (typeof attributeTypes)[number];

/** schema.org properties of a Product that an attribute may fill. */
export const schemaOrgProperties = ['material', 'color', 'size', 'weight', 'width', 'height', 'depth'] as const;
export type SchemaOrgProperty = (typeof schemaOrgProperties)[number];

export interface AttributeDeclaration {
  id: string;
  type: AttributeType;
  /** The site's label per locale (site.yaml), or, for a preset's attribute, `labelKey`. */
  label?: Localized;
  /** A preset's attribute: the UI string of its label (a preset's facet is titled by its UI string facet.<id>). */
  labelKey?: string;
  vocabulary?: string;
  unit?: string;
  facet?: boolean;
  schemaOrg?: SchemaOrgProperty;
}

export interface Dimensions {
  width?: number;
  height?: number;
  depth?: number;
}

/** The attributes each vocabulary preset brings (vocabulary-presets.ts names the presets). */
export const presetAttributes: Readonly<Record<string, readonly AttributeDeclaration[]>> = {
  textile: [
    { id: 'material', type: 'composition', vocabulary: 'fibre', facet: true, schemaOrg: 'material', labelKey: 'product.composition' },
    { id: 'sizes', type: 'list', schemaOrg: 'size', labelKey: 'product.sizes' },
  ],
};

/** A site's attributes: its presets' in preset order, then its own; its own replace a preset's of the same id. */
export function composeAttributes(presets: readonly string[], own: readonly unknown[]): AttributeDeclaration[] {
  const declared = own.filter(
    (a): a is AttributeDeclaration =>
      !!a && typeof a === 'object' && typeof (a as AttributeDeclaration).id === 'string' && attributeTypes.includes((a as AttributeDeclaration).type),
  );
  const ownIds = new Set(declared.map((a) => a.id));
  const fromPresets = presets.flatMap((p) => presetAttributes[p] ?? []).filter((a) => !ownIds.has(a.id));
  return [...fromPresets, ...declared];
}

/** The site's attributes (only well-formed declarations: the check reports the others). */
export const productAttributes: readonly AttributeDeclaration[] = composeAttributes(
  readVocabularySetting().presets ?? DEFAULT_PRESETS,
  readAttributeSetting(),
);

/** An attribute's title as a facet: the site's label, else the preset's UI string facet.<id> (`Material` for the fibres). */
export function attributeFacetTitle(a: AttributeDeclaration, locale: string, t: (key: string) => string): string {
  return (a.label && localizedText(a.label, locale)) || t(`facet.${a.id}`);
}

/** An attribute's label in a locale: the site's own, else the preset's UI string. */
export function attributeLabel(a: AttributeDeclaration, locale: string, t: (key: string) => string): string {
  return (a.label && localizedText(a.label, locale)) || t(a.labelKey ?? `product.${a.id}`);
}

const number = z.number({ error: 'expected a number, like 12.5' });

/** Values of a vocabulary with percentages adding up to 100, each value once: `[{ fibre: cotton, percent: 95 }, ...]`. */
export function compositionSchema(vocabulary: string) {
  const item = z.strictObject({
    [vocabulary]: taxonomy(vocabulary),
    percent: z
      .number({ error: 'expected a percentage such as 95' })
      .gt(0, { error: 'must be more than 0' })
      .max(100, { error: 'must be at most 100' }),
  });
  return z
    .array(item, { error: `expected a list of ${vocabulary} and percent, like [{ ${vocabulary}: …, percent: 95 }]` })
    .min(1)
    .superRefine((items, ctx) => {
      const total = items.reduce((sum, i) => sum + (i.percent as number), 0);
      if (Math.abs(total - 100) > 0.001) {
        ctx.addIssue({ code: 'custom', message: `the percentages add up to ${total}; they must add up to 100` });
      }
      const seen = new Set<string>();
      for (const i of items) {
        const value = i[vocabulary] as string;
        if (seen.has(value)) ctx.addIssue({ code: 'custom', message: `${value} is listed twice` });
        seen.add(value);
      }
    });
}

/** One part of a composition: its value and percentage. */
function parts(a: AttributeDeclaration, value: unknown): { value: string; percent: number }[] {
  return (value as Record<string, unknown>[]).map((i) => ({ value: String(i[a.vocabulary!]), percent: i.percent as number }));
}

function valueSchema(a: AttributeDeclaration): z.ZodType {
  const choice = () => taxonomy(a.vocabulary!);
  switch (a.type) {
    case 'number':
      return number;
    case 'choice':
      return choice();
    case 'list':
      return a.vocabulary
        ? z.array(choice(), { error: 'expected a list, like [a, b]' }).min(1)
        : z.array(z.union([z.string().trim().min(1), z.number()]).transform(String), { error: 'expected a list, like [S, M, L]' }).min(1);
    case 'composition':
      return compositionSchema(a.vocabulary!);
    case 'dimensions':
      return z
        .strictObject({ width: number.positive().optional(), height: number.positive().optional(), depth: number.positive().optional() })
        .refine((d) => d.width !== undefined || d.height !== undefined || d.depth !== undefined, { error: 'give at least one of width, height, depth' });
    default:
      return z.string().trim().min(1);
  }
}

/** `attributes:` of a product's index.yaml: every attribute but the text ones, each optional. */
export function attributeFactsSchema() {
  const shape = Object.fromEntries(productAttributes.filter((a) => a.type !== 'text').map((a) => [a.id, valueSchema(a).optional()]));
  return z.strictObject(shape).default({});
}

/** `attributes:` of a product's text file: the text attributes, in that language. */
export function attributeTextSchema() {
  const shape = Object.fromEntries(productAttributes.filter((a) => a.type === 'text').map((a) => [a.id, z.string().trim().min(1).optional()]));
  return z.strictObject(shape);
}

/** Whether an attribute's values come from a vocabulary (and so can be a facet). */
export function hasVocabulary(a: AttributeDeclaration): boolean {
  return !!a.vocabulary && (a.type === 'choice' || a.type === 'list' || a.type === 'composition');
}

/** Attributes offered as catalogue facets: choices, lists and compositions of a vocabulary, marked `facet`. */
export const facetAttributes = productAttributes.filter((a) => a.facet && hasVocabulary(a));

/** An attribute's facet values on a product. */
export function attributeFacetValues(a: AttributeDeclaration, value: unknown): string[] {
  if (value === undefined) return [];
  if (a.type === 'composition') return [...new Set(parts(a, value).map((p) => p.value))];
  return Array.isArray(value) ? [...new Set(value.map(String))] : [String(value)];
}

/** Units Intl can spell out in every language (ECMA-402's sanctioned units). */
const INTL_UNITS: Record<string, string> = {
  mm: 'millimeter', cm: 'centimeter', m: 'meter', km: 'kilometer', g: 'gram', kg: 'kilogram', l: 'liter', ml: 'milliliter',
  '%': 'percent', h: 'hour', min: 'minute', s: 'second', d: 'day',
};

/** A number with its unit in a locale: Intl's unit names where it has them, else the unit as written. */
export function formatQuantity(value: number, unit: string | undefined, intl: string): string {
  const known = unit ? INTL_UNITS[unit] : undefined;
  if (known) return new Intl.NumberFormat(intl, { style: 'unit', unit: known, unitDisplay: 'short' }).format(value);
  const n = new Intl.NumberFormat(intl).format(value);
  return unit ? `${n} ${unit}` : n;
}

/** An attribute's value as the specifications table shows it. */
export function formatAttribute(a: AttributeDeclaration, value: unknown, intl: string, label: (vocabulary: string, value: string) => string): string {
  switch (a.type) {
    case 'number':
      return formatQuantity(value as number, a.unit, intl);
    case 'choice':
      return label(a.vocabulary!, String(value));
    case 'list':
      return (value as string[]).map((v) => (a.vocabulary ? label(a.vocabulary, v) : v)).join(', ');
    case 'composition': {
      const percent = new Intl.NumberFormat(intl, { style: 'percent', maximumFractionDigits: 1 });
      return parts(a, value)
        .map((p) => `${percent.format(p.percent / 100)} ${label(a.vocabulary!, p.value)}`)
        .join(', ');
    }
    case 'dimensions': {
      const d = value as Dimensions;
      const parts = [d.width, d.height, d.depth].filter((x): x is number => x !== undefined).map((x) => new Intl.NumberFormat(intl).format(x));
      const unit = a.unit ? ` ${a.unit}` : '';
      return `${parts.join(' × ')}${unit}`;
    }
    default:
      return String(value);
  }
}

/** UN/CEFACT unit codes schema.org's QuantitativeValue takes, for the units a site is likely to use. */
const UNECE: Record<string, string> = { mm: 'MMT', cm: 'CMT', m: 'MTR', g: 'GRM', kg: 'KGM', t: 'TNE', l: 'LTR', ml: 'MLT', 'm3': 'MTQ', 'm³': 'MTQ', 'm2': 'MTK', 'm²': 'MTK' };

function quantity(value: number, unit: string | undefined) {
  return { '@type': 'QuantitativeValue' as const, value, ...(unit ? { unitText: unit, ...(UNECE[unit] ? { unitCode: UNECE[unit] } : {}) } : {}) };
}

/**
 * A product's attributes as schema.org properties: the mapped ones
 * (material, color, size, weight, width, height, depth) and every other as
 * an additionalProperty.
 */
export function attributeJsonLd(
  values: Record<string, unknown>,
  texts: Record<string, string | undefined>,
  name: (a: AttributeDeclaration) => string,
  shown: (a: AttributeDeclaration, value: unknown) => string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const additional: Record<string, unknown>[] = [];
  for (const a of productAttributes) {
    const value = a.type === 'text' ? texts[a.id] : values[a.id];
    if (value === undefined) continue;
    if (a.type === 'dimensions') {
      const d = value as Dimensions;
      const mapped = { width: d.width, height: d.height, depth: d.depth };
      let any = false;
      for (const [key, v] of Object.entries(mapped)) {
        if (v === undefined) continue;
        out[key] = quantity(v, a.unit);
        any = true;
      }
      if (any) continue;
    }
    if (a.schemaOrg === 'weight' || a.schemaOrg === 'width' || a.schemaOrg === 'height' || a.schemaOrg === 'depth') {
      if (typeof value === 'number') {
        out[a.schemaOrg] = quantity(value, a.unit);
        continue;
      }
    } else if (a.schemaOrg) {
      out[a.schemaOrg] = shown(a, value);
      continue;
    }
    additional.push({
      '@type': 'PropertyValue',
      propertyID: a.id,
      name: name(a),
      ...(typeof value === 'number' ? { value, ...(a.unit ? { unitText: a.unit } : {}) } : { value: shown(a, value) }),
    });
  }
  if (additional.length) out.additionalProperty = additional;
  return out;
}
