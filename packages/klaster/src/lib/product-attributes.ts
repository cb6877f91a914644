/**
 * Product attributes a site declares for its sector (site.yaml
 * `productAttributes`): wood species and dimensions for furniture, capacity
 * for machines, shelf life for food. Each is typed: `text` (written per
 * locale, in the text files), `number` (with a unit), `choice` (one value of
 * a vocabulary), `list` (several values of a vocabulary) or `dimensions`
 * (width, height and depth in a unit). The schemas validate them, the
 * product page lists them, the catalogue offers those marked `facet` as
 * facets, the open data carries them and the JSON-LD maps them to
 * schema.org where it has a property.
 */
import { z } from 'astro/zod';
import { readAttributeSetting } from './site/attribute-setting.ts';
import { taxonomy } from './content/fields.ts';
import type { Localized } from './site/schema.ts';

export const attributeTypes = ['text', 'number', 'choice', 'list', 'dimensions'] as const;
export type AttributeType = (typeof attributeTypes)[number];

/** schema.org properties of a Product that an attribute may fill. */
export const schemaOrgProperties = ['material', 'color', 'size', 'weight', 'width', 'height', 'depth'] as const;
export type SchemaOrgProperty = (typeof schemaOrgProperties)[number];

export interface AttributeDeclaration {
  id: string;
  type: AttributeType;
  label: Localized;
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

/** The site's attributes (only well-formed declarations: the check reports the others). */
export const productAttributes: readonly AttributeDeclaration[] = readAttributeSetting().filter(
  (a): a is AttributeDeclaration =>
    !!a && typeof a === 'object' && typeof (a as AttributeDeclaration).id === 'string' && attributeTypes.includes((a as AttributeDeclaration).type),
);

const number = z.number({ error: 'expected a number, like 12.5' });

function valueSchema(a: AttributeDeclaration): z.ZodType {
  const choice = () => taxonomy(a.vocabulary!);
  switch (a.type) {
    case 'number':
      return number;
    case 'choice':
      return choice();
    case 'list':
      return z.array(choice(), { error: 'expected a list, like [a, b]' }).min(1);
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

/** Attributes offered as catalogue facets: choices and lists of a vocabulary, marked `facet`. */
export const facetAttributes = productAttributes.filter((a) => a.facet && (a.type === 'choice' || a.type === 'list'));

/** An attribute's facet values on a product. */
export function attributeFacetValues(a: AttributeDeclaration, value: unknown): string[] {
  if (value === undefined) return [];
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
      return (value as string[]).map((v) => label(a.vocabulary!, v)).join(', ');
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
