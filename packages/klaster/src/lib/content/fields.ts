/**
 * Field types shared by the collection schemas. Each carries an error
 * message written for editors: what is allowed, in plain words.
 */
import { z } from 'astro/zod';
import { taxonomies, type TaxonomyName } from '../taxonomies.ts';
import { closestId, showInvisible } from './problems.ts';
import { localeCodes } from '../locales.ts';

export const collectionNames = [
  'programmes',
  'clusters',
  'organisations',
  'products',
  'projects',
  'news',
  'events',
  'newsletters',
  'pages',
] as const;
export type CollectionName = (typeof collectionNames)[number];

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** References between collections are registered here, so the integrity
 * check can find every one of them by walking the schema. */
export const referenceRegistry = z.registry<{ to: CollectionName }>();

/** What the editor at /admin/ writes for an entry chosen in a list: its slug, `<id>/index` (the entry folder's index file). */
export const EDITOR_REF_SUFFIX = /\/index$/;

/** The id a reference names: written as the id, or as the editor writes it (`<id>/index`). */
export const refId = (value: string) => value.replace(EDITOR_REF_SUFFIX, '');

export function ref(to: CollectionName) {
  const schema = z
    .string({ error: `expected the id of an entry in ${to}` })
    .transform(refId)
    .pipe(
      z.string().regex(SLUG, {
        error: `expected the id of an entry in ${to} (lowercase letters, digits and hyphens)`,
      }),
    );
  schema.register(referenceRegistry, { to });
  return schema;
}

/** Vocabularies are registered too: the CMS configuration (src/lib/cms/) shows their labels. */
export const taxonomyRegistry = z.registry<{ name: TaxonomyName }>();

export function taxonomy(name: TaxonomyName) {
  const values = taxonomies[name] as unknown as [string, ...string[]];
  const schema = z.enum(values, {
    error: (issue) => {
      const near = typeof issue.input === 'string' ? closestId(issue.input, values) : undefined;
      return `use one of ${values.join(', ')}${near ? ` (did you mean ${near}?)` : ''}; a site adds values under vocabularies.${name} in site.yaml`;
    },
  });
  schema.register(taxonomyRegistry, { name });
  return schema;
}

export const locale = z.enum(localeCodes as unknown as [string, ...string[]], {
  error: `use one of the configured locales: ${localeCodes.join(', ')}`,
});

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar date, kept as the string `YYYY-MM-DD` whatever the YAML
 * parser made of it, so the same content always yields the same data. */
export const isoDate = z
  .union([z.string(), z.date()], { error: 'expected a date written YYYY-MM-DD' })
  .transform((value, ctx) => {
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match || !validDate(+match[1], +match[2], +match[3])) {
      ctx.issues.push({ code: 'custom', message: 'expected a real date written YYYY-MM-DD', input: value });
      return z.NEVER;
    }
    return text;
  });

/** A local date with an optional time (`2012-09-04` or `2012-09-04T09:30`). */
export const localDateTime = z
  .union([z.string(), z.date()], { error: 'expected YYYY-MM-DD or YYYY-MM-DDTHH:MM' })
  .transform((value, ctx) => {
    const text =
      value instanceof Date
        ? value.toISOString().replace(/(T00:00:00\.000Z|:00\.000Z|\.000Z)$/, '').replace(/Z$/, '')
        : value;
    const match = /^(\d{4})-(\d{2})-(\d{2})(?:T([01]\d|2[0-3]):([0-5]\d))?$/.exec(text);
    if (!match || !validDate(+match[1], +match[2], +match[3])) {
      ctx.issues.push({
        code: 'custom',
        message: 'expected a real date YYYY-MM-DD or date and time YYYY-MM-DDTHH:MM',
        input: value,
      });
      return z.NEVER;
    }
    return text;
  });

export const year = z
  .number({ error: 'expected a year such as 2012' })
  .int({ error: 'expected a year such as 2012' })
  .min(1800, { error: 'expected a year from 1800 on' })
  .max(2100, { error: 'expected a year up to 2100' });

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
export const countryCode = z
  .string({ error: 'expected a two-letter country code such as BG' })
  .regex(/^[A-Z]{2}$/, { error: 'expected a two-letter country code in capitals, such as BG, RS, RO' })
  // Only two capitals are asked about: Intl throws on what is not a region code at all ("Bulgaria").
  .refine((code) => !/^[A-Z]{2}$/.test(code) || regionNames.of(code) !== undefined, {
    error: 'not a known country code (ISO 3166-1 alpha-2, such as BG, RS, RO)',
  });

export const coordinates = z.strictObject(
  {
    lat: z.number({ error: 'expected a latitude in decimal degrees' }).min(-90).max(90),
    lon: z.number({ error: 'expected a longitude in decimal degrees' }).min(-180).max(180),
  },
  { error: 'expected lat and lon in decimal degrees' },
);

export const url = z.url({ protocol: /^https?$/, error: 'expected an address starting with https://' });
export const email = z.email({ error: 'expected an e-mail address' });
export const phone = z
  .string({ error: 'expected a phone number' })
  .regex(/^\+?[0-9 ()./-]{6,}$/, { error: 'expected a phone number in international format, such as +359 78 123 456' });

export const colourHex = z
  .string({ error: 'expected a colour written #rrggbb' })
  .regex(/^#[0-9a-fA-F]{6}$/, { error: 'expected a colour written #rrggbb' });

export const currency = z
  .string()
  .regex(/^[A-Z]{3}$/, { error: 'expected a three-letter currency code such as EUR' });

/** A GTIN-8/12/13/14 with a correct check digit. */
export function gtinCheckDigitValid(gtin: string): boolean {
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(gtin)) return false;
  const digits = gtin.split('').map(Number);
  const check = digits.pop()!;
  const sum = digits.reverse().reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === check;
}

export const gtin = z
  .union([z.string(), z.number()], { error: 'expected a GTIN of 8, 12, 13 or 14 digits, in quotes' })
  .transform((v) => String(v))
  .refine(gtinCheckDigitValid, { error: 'not a valid GTIN: 8, 12, 13 or 14 digits with a correct check digit' });

/** Control characters but tab and line breaks: invisible, and not allowed in a page (its HTML would be invalid). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export const plainText = z
  .string({ error: 'expected text, like "some words"' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .superRefine((text, ctx) => {
    // Written as a YAML escape ("\0", "\x01"): the file itself holds none.
    const control = CONTROL.exec(text);
    if (control) ctx.addIssue({ code: 'custom', message: `holds an invisible control character ${showInvisible(control[0])}, which a page cannot show; delete it` });
  });

export const textList = z.array(plainText, { error: 'expected a list of sentences, each on a line starting with "- "' });

/** One image's description as the editor at /admin/ writes it: a list item, since its form cannot key a map by file name. */
const isAltItem = (v: unknown): v is { image: string; alt?: unknown } =>
  !!v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { image?: unknown }).image === 'string';

/**
 * A map from a file name beside the entry to its description, written by
 * hand as a map ({ front.jpg: Grey sweater }) or, as the editor writes it, as
 * a list of `{ image, alt }` items; either is read as the map.
 */
export const altMap = z.preprocess(
  (v) => (Array.isArray(v) && v.every(isAltItem) ? Object.fromEntries(v.map((i) => [i.image, i.alt])) : v),
  z.record(z.string(), plainText, {
    error: 'expected each file name with its description, like { front.jpg: Grey sweater, front view }',
  }),
);
