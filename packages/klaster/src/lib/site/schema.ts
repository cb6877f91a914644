/**
 * The site configuration (`site.yaml` beside astro.config.mjs): what makes a
 * Klaster site a cluster's own. Every key is described in
 * docs/configuration.md; `klaster check` and the build validate it with
 * messages that name the key, what was found and what is allowed.
 */
import { z } from 'astro/zod';
import { cmsSetting } from '../cms/setting.ts';
import { colourHex, email, phone, SLUG, url } from '../content/fields.ts';
import { localeCodes } from '../locales.ts';
import { shippedLocales } from '../locale-catalogue.ts';
import { presetNames } from '../vocabulary-presets.ts';
import { attributeTypes, schemaOrgProperties } from '../product-attributes.ts';
import { newsletterProviderNames } from '../newsletter-providers.ts';
import { imageServiceNames } from '../image-server.ts';

/** The parts of a site that can be switched off; a section that is off has no pages and no links. */
export const sectionNames = ['clusters', 'members', 'catalogue', 'projects', 'news', 'events', 'newsletter', 'search'] as const;
export type SectionName = (typeof sectionNames)[number];

const localeKeys = z.enum(localeCodes as unknown as [string, ...string[]], {
  error: `use one of the site's locales: ${localeCodes.join(', ')}`,
});

/** Text in the site's languages: one string for all, or one per locale (`en: ..., bg: ...`). */
export const localized = z.union(
  [
    z.string().trim().min(1, { error: 'must not be empty' }),
    z
      .partialRecord(localeKeys, z.string().trim().min(1, { error: 'must not be empty' }))
      .refine((map) => Object.keys(map).length > 0, { error: 'give the text in at least one locale' }),
  ],
  { error: 'expected text, or one text per locale such as { en: "About us", bg: "За нас" }' },
);
export type Localized = z.infer<typeof localized>;

/** A file of the site's folder, such as `assets/logo.svg`. */
const sitePath = z
  .string({ error: 'expected the path of a file in the site folder, such as assets/logo.svg' })
  .regex(/^(?!\/)(?!.*\.\.)[^\\]+$/, { error: 'expected a path inside the site folder, such as assets/logo.svg (no leading / and no ..)' });

const fontFile = z.strictObject({
  file: sitePath.regex(/\.(woff2|woff)$/i, { error: 'expected a .woff2 or .woff file in the site folder' }),
  weight: z.union([z.number().int().min(100).max(900), z.string().regex(/^\d{3} \d{3}$/)]).default(400),
  style: z.enum(['normal', 'italic']).default('normal'),
});

const font = z.strictObject({
  family: z.string().regex(/^[\w .-]+$/, { error: 'expected a font family name of letters, digits, spaces, dots and hyphens' }),
  files: z.array(fontFile).min(1, { error: 'list at least one font file' }),
});

const navItem = z.union(
  [
    z.strictObject({ section: z.enum(sectionNames, { error: `use one of ${sectionNames.join(', ')}` }), label: localized.optional() }),
    z.strictObject({ page: z.string().regex(SLUG, { error: 'expected the id of a page in content/pages' }), label: localized.optional() }),
    z.strictObject({ url, label: localized }),
  ],
  { error: 'expected a link: { section: catalogue }, { page: about } or { url: https://..., label: ... }' },
);
export type NavItem = z.infer<typeof navItem>;

const socialNetworks = ['linkedin', 'facebook', 'instagram', 'x', 'youtube', 'mastodon', 'bluesky', 'github'] as const;

const idList = z.array(z.string().regex(SLUG, { error: 'expected an id of an entry (lowercase letters, digits and hyphens)' }), {
  error: 'expected a list of ids such as [wool-coat, linen-shirt]',
});
/** Dated entries for the home page (projects, news): ids in order, or the newest N. */
const featured = z.union([idList, z.strictObject({ newest: z.number().int().min(1).max(24) })], {
  error: 'expected a list of ids such as [wool-coat, linen-shirt], or { newest: 4 }',
});

const shippedCodes = Object.keys(shippedLocales) as [string, ...string[]];
/** A locale Klaster ships (by its code), or one the site defines, with its UI strings in the site's i18n/<code>.json. */
const localeEntry = z.union(
  [
    z.enum(shippedCodes),
    z.strictObject({
      code: z.string().regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/, { error: 'expected a lowercase locale code such as pt or pt-br' }),
      lang: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'expected a BCP 47 language tag such as pt-BR' }).optional(),
      intl: z.string().optional(),
      label: z.string().min(1, { error: "expected the language's own name, such as Português" }).optional(),
      dir: z.enum(['ltr', 'rtl'], { error: 'use ltr or rtl' }).optional(),
    }),
  ],
  { error: `expected a locale Klaster ships (${shippedCodes.join(', ')}) or { code, lang, label, dir } of your own` },
);

/** A site's changes to a vocabulary: values to add, with their label in each locale, and values to leave out. */
const vocabularyChange = z.strictObject(
  {
    add: z
      .record(z.string().regex(SLUG, { error: 'expected a value id in lowercase letters, digits and hyphens, such as sawn-timber' }), localized)
      .optional(),
    remove: z.array(z.string(), { error: 'expected a list of values, like [knitwear, dresses]' }).optional(),
  },
  { error: 'expected { add: { value: { en: Label, ... } }, remove: [value] }' },
);

/** A product attribute of the site's sector (see product-attributes.ts). */
const productAttribute = z.strictObject({
  id: z.string().regex(/^[a-z][a-zA-Z0-9]*$/, { error: 'expected an id of letters and digits starting with a lowercase letter, such as woodSpecies' }),
  type: z.enum(attributeTypes, { error: `use one of ${attributeTypes.join(', ')}` }),
  label: localized,
  vocabulary: z.string().optional(),
  unit: z.string().max(12).optional(),
  facet: z.boolean({ error: 'expected true or false' }).optional(),
  schemaOrg: z.enum(schemaOrgProperties, { error: `use one of ${schemaOrgProperties.join(', ')}` }).optional(),
});

/** The newsletter's provider: the subscription form posts to it (lib/newsletter-providers.ts). */
const newsletter = z.strictObject(
  {
    provider: z.enum(newsletterProviderNames, { error: `use one of ${newsletterProviderNames.join(', ')}` }),
    action: z.url({ protocol: /^https$/, error: "expected the https:// address the provider's subscription form posts to" }),
    list: z.string().trim().min(1, { error: 'must not be empty' }).optional(),
  },
  { error: 'expected { provider: listmonk, action: https://lists.example.org/subscription/form, list: <list id> }' },
);

/** Where the site's image files are made: at build time, or by an image server on request (lib/image-server.ts). */
const images = z.strictObject(
  {
    service: z.enum(imageServiceNames, { error: `use one of ${imageServiceNames.join(', ')}` }),
    url: z
      .url({ protocol: /^https?$/, error: 'expected the image server\'s address, starting with https:// (or http:// for a local test), such as https://images.example.org' })
      .refine((u) => !/[?#]/.test(u), { error: 'expected the image server\'s address without a ? query or # fragment' })
      .optional(),
    origin: z
      .url({ protocol: /^https?$/, error: 'expected the address the image server fetches the originals from, such as https://www.example.org' })
      .refine((u) => !/[?#]/.test(u), { error: 'expected an address without a ? query or # fragment' })
      .optional(),
  },
  { error: 'expected { service: ipx, url: https://images.example.org } (or service: build, imgproxy, netlify, cloudflare)' },
);

export const siteConfigSchema = z.strictObject({
  /** Attributes of the site's products beyond Klaster's own fields. */
  productAttributes: z.array(productAttribute).optional(),
  /** The vocabularies: Klaster's presets, and the site's additions and removals per vocabulary. */
  vocabularies: z
    .object({ presets: z.array(z.enum(presetNames, { error: `use one of the presets ${presetNames.join(', ')}` })).optional() })
    .catchall(vocabularyChange)
    .optional(),
  /** The site's languages in the order of the language switcher. */
  locales: z.array(localeEntry).min(1, { error: 'list at least one locale' }).optional(),
  /** The language of `/` links and of entries without a `sourceLocale`. */
  defaultLocale: z.string().optional(),
  name: localized,
  tagline: localized.optional(),
  /** The public origin; KLASTER_SITE overrides it (CI, previews). */
  url: url.optional(),
  /** The path the site is served under; KLASTER_BASE overrides it. */
  base: z.string().regex(/^\/([\w-]+\/)*$/, { error: 'expected a path starting and ending with /, such as / or /catalogue/' }).optional(),
  logo: z
    .strictObject({
      file: sitePath.regex(/\.(svg|png|jpe?g|webp|avif)$/i, { error: 'expected an .svg, .png, .jpg, .webp or .avif file' }),
      alt: localized,
    })
    .optional(),
  favicon: sitePath.regex(/\.(svg|png|ico)$/i, { error: 'expected an .svg, .png or .ico file' }).optional(),
  /** A picture for links shared on social media (1200x630). */
  shareImage: sitePath.regex(/\.(png|jpe?g)$/i, { error: 'expected a .png or .jpg file' }).optional(),
  theme: z
    .strictObject({
      brand: colourHex.default('#1d4e89'),
      accent: colourHex.default('#0b5394'),
    })
    .prefault({}),
  fonts: z
    .strictObject({ body: font.optional(), headings: font.optional() })
    .optional(),
  sections: z
    .strictObject(Object.fromEntries(sectionNames.map((s) => [s, z.boolean({ error: 'expected true or false' }).default(true)])) as Record<SectionName, z.ZodDefault<z.ZodBoolean>>)
    .prefault({}),
  nav: z.array(navItem).optional(),
  /** Newsletter subscription through a provider; without it, no form. */
  /** The editor at /admin/ (Decap CMS): absent, /admin/ is not served. */
  cms: cmsSetting.optional(),
  newsletter: newsletter.optional(),
  /** Image files made at build time (the default) or on request by an image server or CDN. */
  images: images.optional(),
  footer: z
    .strictObject({
      text: localized.optional(),
      address: localized.optional(),
      email: email.optional(),
      phone: phone.optional(),
      social: z.array(z.strictObject({ network: z.enum(socialNetworks, { error: `use one of ${socialNetworks.join(', ')}` }), url })).default([]),
      links: z.array(navItem).default([]),
    })
    .prefault({}),
  home: z
    .strictObject({
      intro: localized.optional(),
      hero: z.strictObject({ image: sitePath.regex(/\.(png|jpe?g|webp|avif)$/i, { error: 'expected a .jpg, .png, .webp or .avif photo' }), alt: localized }).optional(),
      products: idList.default([]),
      members: idList.default([]),
      projects: featured.default({ newest: 3 }),
      news: featured.default({ newest: 3 }),
    })
    .prefault({}),
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;
export type Featured = z.infer<typeof featured>;
