/**
 * The content model: for each collection, the schema of its language-neutral
 * facts (`index.yaml`) and of its translatable text (`index.<locale>.md`).
 *
 * The facts schemas take an `image` factory: Astro passes its own (which
 * resolves the file and reads its size), the content check passes one that
 * checks the file exists. Everything else is shared, so the check and the
 * build accept exactly the same content.
 */
import { z } from 'astro/zod';
import { defaultLocale } from '../locales.ts';
import { attributeFactsSchema, attributeTextSchema } from '../product-attributes.ts';
import {
  altMap,
  colourHex,
  coordinates,
  countryCode,
  currency,
  email,
  gtin,
  isoDate,
  locale,
  localDateTime,
  phone,
  plainText,
  ref,
  taxonomy,
  textList,
  url,
  year,
  type CollectionName,
} from './fields.ts';

export type ImageFactory = () => z.ZodType;

const sample = z.boolean({ error: 'expected true or false, like true (without quotes)' }).optional();
const sourceLocale = locale.default(defaultLocale);
const refList = (to: CollectionName) =>
  z.array(ref(to), { error: `expected a list of ids of entries in ${to}` }).default([]);

/** Exactly one of `organisation` or `cluster`: an actor in a project or event. */
const actor = z
  .strictObject({
    organisation: ref('organisations').optional(),
    cluster: ref('clusters').optional(),
  })
  .refine((a) => (a.organisation === undefined) !== (a.cluster === undefined), {
    error: 'name exactly one of organisation or cluster',
  });

const partner = z
  .strictObject({
    organisation: ref('organisations').optional(),
    cluster: ref('clusters').optional(),
    role: taxonomy('partnerRole'),
  })
  .refine((a) => (a.organisation === undefined) !== (a.cluster === undefined), {
    error: 'name exactly one of organisation or cluster',
  });

const indicatorId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: 'expected an id in lowercase letters, digits and hyphens',
});
const count = z.number({ error: 'expected a number' }).nonnegative({ error: 'must not be negative' });
const indicatorBase = { id: indicatorId, target: count, achieved: count.optional() };
const indicator = z.strictObject({
  ...indicatorBase,
  breakdown: z.array(z.strictObject(indicatorBase)).optional(),
});

const certification = z.strictObject({
  scheme: taxonomy('certification'),
  licence: z.union([z.string(), z.number()]).transform(String).pipe(plainText),
  issuer: plainText,
  validUntil: isoDate,
});

export function factsSchemas(image: ImageFactory) {
  return {
    programmes: z.strictObject({
      sourceLocale,
      funder: taxonomy('funder'),
      fund: taxonomy('fund'),
      period: z.string().regex(/^\d{4}-\d{4}$/, { error: 'expected a period such as 2007-2013' }),
      emblem: z.boolean().default(true),
      website: url.optional(),
      logos: z.array(image()).default([]),
    }),
    clusters: z.strictObject({
      sourceLocale,
      country: countryCode,
      nuts: z.string().regex(/^[A-Z]{2}[0-9A-Z]{0,3}$/, { error: 'expected a NUTS code such as BG41' }).optional(),
      coordinates,
      founded: year,
      sectors: z.array(taxonomy('sector')).min(1, { error: 'name at least one sector' }),
      website: url.optional(),
      email: email.optional(),
      phone: phone.optional(),
      logo: image().optional(),
      excellenceLabel: z
        .strictObject({ level: taxonomy('excellenceLevel'), awarded: isoDate, expires: isoDate })
        .refine((l) => l.expires > l.awarded, { error: 'expires must be after awarded' })
        .optional(),
      organisation: ref('organisations').optional(),
      sample,
    }),
    organisations: z.strictObject({
      sourceLocale,
      type: taxonomy('orgType'),
      country: countryCode,
      coordinates: coordinates.optional(),
      clusters: refList('clusters'),
      sectors: z.array(taxonomy('sector')).default([]),
      founded: year.optional(),
      employees: z.number().int().nonnegative().optional(),
      website: url.optional(),
      email: email.optional(),
      phone: phone.optional(),
      logo: image().optional(),
      sample,
    }),
    products: z.strictObject({
      sourceLocale,
      maker: ref('organisations'),
      category: taxonomy('category'),
      images: z
        .array(image(), { error: 'expected a list of image files beside the entry' })
        .min(1, { error: 'add at least one image' })
        .max(4, { error: 'at most 4 images' }),
      certifications: z.array(certification).default([]),
      moq: z.number().int({ error: 'expected a whole number' }).positive().optional(),
      moqUnit: taxonomy('orderUnit').default('pieces'),
      leadTimeDays: z.number().int({ error: 'expected a whole number of days' }).positive().optional(),
      colours: z.array(taxonomy('colour')).default([]),
      /** The product attributes of the site's presets and its own (site.yaml productAttributes). */
      attributes: attributeFactsSchema(),
      countryOfOrigin: countryCode,
      sku: z.union([z.string(), z.number()]).transform(String).optional(),
      gtin: gtin.optional(),
      sample,
    }),
    projects: z
      .strictObject({
        sourceLocale,
        acronym: plainText,
        programme: ref('programmes'),
        call: plainText.optional(),
        grantNumber: z.union([z.string(), z.number()]).transform(String).optional(),
        start: isoDate,
        end: isoDate,
        budget: z
          .strictObject({ total: count, euContribution: count.optional(), currency: currency.default('EUR') })
          .optional(),
        partners: z
          .array(partner)
          .min(1, { error: 'name at least the lead partner' })
          .refine((ps) => ps.filter((p) => p.role === 'lead').length === 1, {
            error: 'exactly one partner must have role: lead',
          }),
        clusters: refList('clusters'),
        indicators: z.array(indicator).default([]),
        results: z
          .array(
            z.strictObject({
              id: indicatorId,
              file: z.string(),
              type: taxonomy('resultType'),
              language: locale,
              date: isoDate.optional(),
            }),
          )
          .default([]),
        accentColour: colourHex.optional(),
        logo: image().optional(),
        website: url.optional(),
      })
      .refine((p) => p.end >= p.start, { error: 'end must not be before start', path: ['end'] }),
    news: z.strictObject({
      sourceLocale,
      date: isoDate,
      projects: refList('projects'),
      clusters: refList('clusters'),
      cover: image().optional(),
      sample,
    }),
    events: z
      .strictObject({
        sourceLocale,
        kind: taxonomy('eventKind'),
        start: localDateTime,
        end: localDateTime.optional(),
        timezone: z.string().refine(
          (tz) => {
            try {
              new Intl.DateTimeFormat('en', { timeZone: tz });
              return true;
            } catch {
              return false;
            }
          },
          { error: 'expected a time zone such as Europe/Sofia' },
        ),
        country: countryCode,
        coordinates: coordinates.optional(),
        organiser: actor.optional(),
        projects: refList('projects'),
        clusters: refList('clusters'),
        website: url.optional(),
        sample,
      })
      .refine((e) => !e.end || e.end >= e.start, { error: 'end must not be before start', path: ['end'] }),
    newsletters: z.strictObject({
      sourceLocale,
      projects: refList('projects'),
      clusters: refList('clusters'),
    }),
    /** A free page (About, Membership, Contact, Privacy, Imprint...), at /<locale>/<id>/. */
    pages: z.strictObject({
      sourceLocale,
      /** Left out of search (a privacy notice, an imprint). */
      search: z.boolean({ error: 'expected true or false' }).default(true),
    }),
  } satisfies Record<CollectionName, z.ZodType>;
}

/**
 * Phrases the Serbian Latin version leaves as written (brand names, product
 * codes written in Cyrillic): matched exactly, as whole words, in every field
 * and in the body of this text. Not a text of its own: it is never shown,
 * translated or counted as missing.
 */
export const keepAsWritten = z
  .array(plainText, { error: 'expected a list of words or phrases to keep as written, e.g. ["Јумко", "ЏМ-200"]' })
  .optional();

/** A collection's text fields, plus the settings every text file may carry. */
const text = <S extends Record<string, z.ZodType>>(fields: S) => z.strictObject({ ...fields, keepAsWritten });

/** The text fields each collection requires in its source locale. Other
 * locales may leave any of them out: they fall back field by field. */
export const textSchemas = {
  programmes: text({
    name: plainText,
    shortName: plainText.optional(),
    fundName: plainText,
    statement: plainText,
    slogan: plainText.optional(),
    disclaimer: plainText,
    managingAuthority: plainText.optional(),
    logoAlt: altMap.optional(),
  }),
  clusters: text({
    name: plainText,
    shortName: plainText.optional(),
    summary: plainText,
    region: plainText,
    city: plainText,
    address: plainText.optional(),
    logoAlt: plainText.optional(),
  }),
  organisations: text({
    name: plainText,
    shortName: plainText.optional(),
    summary: plainText,
    city: plainText,
    address: plainText.optional(),
    logoAlt: plainText.optional(),
  }),
  products: text({
    name: plainText,
    summary: plainText,
    attributes: attributeTextSchema().optional(),
    imageAlt: altMap.default({}),
  }),
  projects: text({
    name: plainText,
    summary: plainText,
    objectives: textList.optional(),
    activities: textList.optional(),
    expectedResults: textList.optional(),
    indicators: z.record(z.string(), plainText).optional(),
    results: z
      .record(z.string(), z.strictObject({ title: plainText, description: plainText.optional() }))
      .optional(),
    logoAlt: plainText.optional(),
  }),
  news: text({
    title: plainText,
    summary: plainText,
    coverAlt: plainText.optional(),
  }),
  events: text({
    title: plainText,
    summary: plainText,
    venue: plainText.optional(),
    city: plainText,
  }),
  newsletters: text({
    title: plainText.optional(),
  }),
  pages: text({
    title: plainText,
    summary: plainText,
  }),
} satisfies Record<CollectionName, z.ZodObject>;

/** Text fields that every locale must provide (legal texts). */
export const requiredInEveryLocale: Partial<Record<CollectionName, readonly string[]>> = {
  programmes: ['statement', 'disclaimer'],
};

export type FactsSchemas = ReturnType<typeof factsSchemas>;
export type Facts<C extends CollectionName> = z.output<FactsSchemas[C]>;
export type Text<C extends CollectionName> = z.output<(typeof textSchemas)[C]>;

/** A translation records the hash of the source text it was made from
 * (`npm run i18n:status -- --stamp`), so a changed source shows it is outdated. */
export const sourceHash = z
  .string()
  .regex(/^[0-9a-f]{12}$/, { error: 'expected the 12-character hash that npm run i18n:status -- --stamp writes' })
  .optional();

/** The translation schema: every field optional, plus the source hash. */
export const translationSchemas = Object.fromEntries(
  Object.entries(textSchemas).map(([name, schema]) => [name, schema.partial().extend({ sourceHash })]),
) as unknown as { [C in CollectionName]: ReturnType<ReturnType<(typeof textSchemas)[C]['partial']>['extend']> };
