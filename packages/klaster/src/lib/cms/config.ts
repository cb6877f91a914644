/**
 * The configuration of the editor at /admin/ (Decap CMS 3), generated from the
 * same schemas the content check uses (src/lib/content/schemas.ts) and from
 * the site's settings: there is no second description of the content model.
 *
 * Each collection of content/ is one collection of the editor over the same
 * entry folders, in the layout the editor and people editing by hand share
 * (src/lib/content/layout.ts): Decap's i18n structure `multiple_files` with
 * `path: {{slug}}/index` writes `<id>/index.<locale>.md`; the facts are
 * fields without `i18n` (Decap's `none`), which Decap keeps in the default
 * locale's file only; the texts are `i18n: true`, one file per locale.
 *
 * - A new entry's folder is named from its `id` field (the identifier field;
 *   a name in Cyrillic makes no ASCII slug), which the check compares with
 *   the folder's name.
 * - A reference is a relation widget listing the entries by name; it writes
 *   the entry's slug, `<id>/index`, which the check reads as `<id>`.
 * - Images go beside the entry (`media_folder: ''`); their descriptions,
 *   a map by file name in the check, are a list of `{ image, alt }` items
 *   in the form, which the check reads as the map (fields.ts `altMap`).
 * - Text fields are not required in the form: Decap has one default locale,
 *   while the check requires them in each entry's own source language.
 *
 * Zod schemas are walked here rather than through `z.toJSONSchema`: Decap
 * needs to know what a field *is* (a vocabulary, an image beside the entry, a
 * date), which the registries in fields.ts record and a JSON Schema does not.
 * What Decap cannot show (maps keyed by id, unions of
 * different shapes, objects without fields) is left out of the form and
 * listed in `skipped`: Decap keeps such keys in the file as they are.
 */
import { z } from 'astro/zod';
import { altMap, collectionNames, isoDate, localDateTime, referenceRegistry, SLUG, taxonomyRegistry, type CollectionName } from '../content/fields.ts';
import { ID_KEY } from '../content/layout.ts';
import { factsSchemas, keepAsWritten, textSchemas } from '../content/schemas.ts';
import { defaultLocale, writtenLocales, type Locale } from '../locales.ts';
import { localized, siteConfigSchema } from '../site/schema.ts';
import { taxonomies, taxonomyKey } from '../taxonomies.ts';
import { languageName, translator } from '../i18n.ts';

/** A field of Decap's configuration (https://decapcms.org/docs/widgets/). */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  i18n?: boolean | 'duplicate' | 'none';
  hint?: string;
  pattern?: [string, string];
  options?: { label: string; value: string }[];
  multiple?: boolean;
  min?: number;
  max?: number;
  value_type?: 'int' | 'float';
  fields?: CmsField[];
  field?: CmsField;
  collection?: string;
  search_fields?: string[];
  display_fields?: string[];
  value_field?: string;
  format?: string;
  date_format?: string;
  time_format?: boolean | string;
  default?: unknown;
  [key: string]: unknown;
}

export interface CmsCollection {
  name: string;
  label: string;
  folder?: string;
  files?: { name: string; label: string; file: string; fields: CmsField[] }[];
  path?: string;
  extension?: string;
  format?: string;
  create?: boolean;
  identifier_field?: string;
  slug?: string;
  summary?: string;
  media_folder?: string;
  public_folder?: string;
  i18n?: boolean;
  fields?: CmsField[];
}

import { cmsSetting, cmsUiLocales, type CmsSetting } from './setting.ts';

export { cmsSetting, cmsUiLocales, type CmsSetting };

export interface CmsConfigOptions {
  /** The content folder relative to the repository's root (where the editor writes). */
  contentDir?: string;
  /** site.yaml relative to the repository's root. */
  siteFile?: string;
  /** Labels of vocabulary values, in the site's default locale: label(vocabulary, value). */
  label?: (vocabulary: string, value: string) => string;
  /** The name of a locale, in the default locale. */
  localeName?: (code: string) => string;
}

type Def = Record<string, unknown> & { type: string };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** `leadTimeDays` -> `Lead time days`. */
export function fieldLabel(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The schema under optional/default wrappers, and whether the field may be left out. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; required: boolean; defaultValue?: unknown } {
  let s = schema;
  let required = true;
  let defaultValue: unknown;
  for (;;) {
    const def = defOf(s);
    if (def.type === 'optional' || def.type === 'nullable') required = false;
    else if (def.type === 'default' || def.type === 'prefault') {
      required = false;
      const value = def.defaultValue;
      defaultValue = typeof value === 'function' ? (value as () => unknown)() : value;
    } else if (def.type !== 'readonly') break;
    s = def.innerType as z.ZodType;
  }
  return { inner: s, required, defaultValue };
}

/** The error message a check of a schema carries, as the content check shows it. */
function checkMessage(check: unknown): string | undefined {
  const error = (check as { _zod: { def: { error?: (issue: unknown) => unknown } } })._zod.def.error;
  const message = error?.({});
  return typeof message === 'string' ? message : undefined;
}

/** The first regular expression a string schema (or a pipe into one) is checked against, with the check's own message. */
function stringPattern(schema: z.ZodType): [string, string] | undefined {
  const def = defOf(schema);
  if (def.type === 'pipe') return stringPattern(def.out as z.ZodType) ?? stringPattern(def.in as z.ZodType);
  if (def.type !== 'string') return undefined;
  const checks = [schema, ...((def.checks as z.ZodType[]) ?? [])];
  for (const check of checks) {
    const cdef = defOf(check) as Def & { format?: string; pattern?: RegExp; protocol?: RegExp };
    if (cdef.format === 'url' && cdef.protocol) return ['^https?://\\S+$', checkMessage(check) ?? 'expected an address starting with https://'];
    if (cdef.pattern instanceof RegExp && cdef.format !== undefined) {
      return [cdef.pattern.source, checkMessage(check) ?? `expected text matching ${cdef.pattern.source}`];
    }
  }
  return undefined;
}

function numberLimits(def: Def): Pick<CmsField, 'min' | 'max' | 'value_type'> {
  const out: Pick<CmsField, 'min' | 'max' | 'value_type'> = { value_type: 'float' };
  for (const check of (def.checks as z.ZodType[]) ?? []) {
    const c = defOf(check) as Def & { check?: string; format?: string; value?: number; inclusive?: boolean };
    if (c.check === 'number_format' && (c.format === 'safeint' || c.format === 'int32')) out.value_type = 'int';
    if (c.check === 'greater_than' && typeof c.value === 'number') out.min = c.inclusive ? c.value : c.value === 0 && out.value_type === 'int' ? 1 : c.value;
    if (c.check === 'less_than' && typeof c.value === 'number') out.max = c.value;
  }
  return out;
}

function arrayLimits(schema: z.ZodType): Pick<CmsField, 'min' | 'max'> {
  const out: Pick<CmsField, 'min' | 'max'> = {};
  for (const check of (defOf(schema).checks as z.ZodType[]) ?? []) {
    const c = defOf(check) as Def & { check?: string; minimum?: number; maximum?: number };
    if (c.check === 'min_length' && typeof c.minimum === 'number') out.min = c.minimum;
    if (c.check === 'max_length' && typeof c.maximum === 'number') out.max = c.maximum;
  }
  return out;
}

interface Walk {
  options: Required<Pick<CmsConfigOptions, 'label' | 'localeName'>>;
  /** Schemas that are an image beside the entry. */
  images: Set<z.ZodType>;
  /** Fields left out of the form, as dotted paths, for the documentation and the tests. */
  skipped: string[];
}

/** The field that names an entry of each collection in its texts. */
export const nameField = (c: CollectionName): string => ('name' in textSchemas[c].shape ? 'name' : 'title');

/** A Decap field for a schema, or undefined when Decap cannot show it. */
function field(name: string, schema: z.ZodType, walk: Walk, path: string): CmsField | undefined {
  const { inner, required, defaultValue } = unwrap(schema);
  const base: CmsField = { name, label: fieldLabel(name), widget: 'string', ...(required ? {} : { required: false }) };
  if (defaultValue !== undefined && (typeof defaultValue !== 'object' || (Array.isArray(defaultValue) && defaultValue.length))) base.default = defaultValue;
  const reference = referenceRegistry.get(inner);
  if (reference) {
    // Entries listed by name; the value written is the entry's slug, `<id>/index`, which the check reads as the id.
    const shown = nameField(reference.to);
    return { ...base, widget: 'relation', collection: reference.to, value_field: '{{slug}}', search_fields: [shown], display_fields: [shown] };
  }
  const vocabulary = taxonomyRegistry.get(inner);
  if (vocabulary) {
    const values = taxonomies[vocabulary.name] ?? [];
    return { ...base, widget: 'select', options: values.map((value) => ({ label: walk.options.label(vocabulary.name, value), value })) };
  }
  if (walk.images.has(inner)) return { ...base, widget: 'image', choose_url: false };
  if (inner === altMap) {
    // A map keyed by file name, which Decap's form cannot key: a list of { image, alt } items, which the check reads as the map.
    return {
      ...base,
      widget: 'list',
      label_singular: 'image description',
      fields: [
        { name: 'image', label: 'Image', widget: 'string', hint: 'the file name of one of the images, such as front.jpg' },
        { name: 'alt', label: 'Description', widget: 'string', hint: 'what the image shows, for people who cannot see it' },
      ],
    };
  }
  if (inner === isoDate) return { ...base, widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false, picker_utc: true };
  if (inner === localDateTime) {
    return { ...base, widget: 'datetime', format: 'YYYY-MM-DDTHH:mm', date_format: 'YYYY-MM-DD', time_format: 'HH:mm', picker_utc: true };
  }
  if (inner === localized) {
    return {
      ...base,
      widget: 'object',
      fields: writtenLocales.map((code) => ({ name: code, label: walk.options.localeName(code), widget: 'string', required: false })),
    };
  }
  const def = defOf(inner);
  switch (def.type) {
    case 'string': {
      const pattern = stringPattern(inner);
      return { ...base, ...(pattern ? { pattern } : {}) };
    }
    case 'number':
      return { ...base, widget: 'number', ...numberLimits(def) };
    case 'boolean':
      return { ...base, widget: 'boolean' };
    case 'enum': {
      const values = Object.values(def.entries as Record<string, string>);
      const isLocale = values.every((v) => writtenLocales.includes(v as Locale) || v.includes('-'));
      return {
        ...base,
        widget: 'select',
        options: values.map((value) => ({ label: isLocale && name === 'sourceLocale' ? walk.options.localeName(value) : value, value })),
      };
    }
    case 'pipe': {
      // A value written as text or a number and kept as text (sku, gtin, licence), or a checked string.
      const pattern = stringPattern(inner);
      return { ...base, ...(pattern ? { pattern } : {}) };
    }
    case 'union': {
      const options = def.options as z.ZodType[];
      if (options.every((o) => ['string', 'number', 'pipe'].includes(defOf(unwrap(o).inner).type))) return base;
      walk.skipped.push(path);
      return undefined;
    }
    case 'object': {
      const fields = objectFields(def.shape as Record<string, z.ZodType>, walk, path);
      if (!fields.length) {
        // Nothing to fill in (a site without product attributes).
        walk.skipped.push(path);
        return undefined;
      }
      return { ...base, widget: 'object', collapsed: false, fields };
    }
    case 'array': {
      const element = def.element as z.ZodType;
      const limits = arrayLimits(inner);
      const elementDef = defOf(unwrap(element).inner);
      if (elementDef.type === 'object') {
        const fields = objectFields(elementDef.shape as Record<string, z.ZodType>, walk, `${path}[]`);
        return { ...base, widget: 'list', ...limits, fields };
      }
      const single = field(name, element, walk, `${path}[]`);
      if (!single) return undefined;
      if (single.widget === 'relation') return { ...single, ...base, widget: 'relation', multiple: true, ...limits };
      if (single.widget === 'select') return { ...single, ...base, widget: 'select', options: single.options, multiple: true, ...limits };
      if (single.widget === 'string' && !single.pattern) return { ...base, widget: 'list', ...limits };
      return { ...base, widget: 'list', ...limits, field: { ...single, required: true } };
    }
    default:
      walk.skipped.push(path);
      return undefined;
  }
}

function objectFields(shape: Record<string, z.ZodType>, walk: Walk, prefix: string): CmsField[] {
  return Object.entries(shape).flatMap(([key, schema]) => {
    const f = field(key, schema, walk, prefix ? `${prefix}.${key}` : key);
    return f ? [f] : [];
  });
}

/** The object shape of a schema, under refinements and wrappers. */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  let s = schema;
  while (defOf(s).type !== 'object') s = (defOf(s).innerType ?? defOf(s).in) as z.ZodType;
  return defOf(s).shape as Record<string, z.ZodType>;
}

export interface GeneratedCmsConfig {
  config: Record<string, unknown>;
  /** Fields the form leaves out (edited by hand), as `collection: path`. */
  skipped: string[];
}

/** The whole configuration of the editor. */
export function cmsConfig(input: CmsSetting, options: CmsConfigOptions = {}): GeneratedCmsConfig {
  const setting = cmsSetting.parse(input);
  const contentDir = (options.contentDir ?? 'content').replace(/\/+$/, '');
  // Labels in the site's default locale, from the same UI strings the site shows.
  const t = translator(defaultLocale);
  const walkOptions = {
    label: options.label ?? ((vocabulary: string, value: string) => t(taxonomyKey(vocabulary, value))),
    localeName: options.localeName ?? ((code: string) => `${languageName(code as Locale, defaultLocale)} (${code})`),
  };
  const images = new Set<z.ZodType>();
  const facts = factsSchemas(() => {
    const s = z.string();
    images.add(s);
    return s;
  });
  const skipped: string[] = [];
  const collections: CmsCollection[] = [];
  for (const c of collectionNames) {
    const walk: Walk = { options: walkOptions, images, skipped: [] };
    const name = nameField(c);
    const factShape = { ...shapeOf(facts[c] as z.ZodType) };
    const textShape = { ...shapeOf(textSchemas[c]) } as Record<string, z.ZodType>;
    delete textShape.keepAsWritten;
    // Keys that are both a fact and a text (a product's attributes, a project's indicators and results) are facts in the form.
    for (const key of Object.keys(textShape)) {
      if (key in factShape) {
        walk.skipped.push(`${key} (text)`);
        delete textShape[key];
      }
    }
    // No i18n key: Decap reads it as `none` (actions/config.ts), and refuses `i18n: none` on list and object widgets.
    const factFields = objectFields(factShape, walk, '');
    const textFields = objectFields(textShape, walk, '').map((f) => ({ ...f, required: false, i18n: true as const }));
    const idField: CmsField = {
      name: ID_KEY,
      label: 'Id',
      widget: 'string',
      required: false,
      pattern: [SLUG.source, 'lowercase letters a-z, digits and single hyphens, such as wool-sweater'],
      hint: "the entry's address and folder name, set when it is created (lowercase letters, digits, hyphens)",
    };
    collections.push({
      name: c,
      label: fieldLabel(c),
      folder: `${contentDir}/${c}`,
      path: '{{slug}}/index',
      create: true,
      extension: 'md',
      format: 'frontmatter',
      i18n: true,
      identifier_field: ID_KEY,
      slug: '{{slug}}',
      summary: `{{${name}}} ({{dirname}})`,
      // Images are uploaded beside the entry's files.
      media_folder: '',
      public_folder: '',
      fields: [
        idField,
        ...textFields,
        ...factFields,
        { ...field('keepAsWritten', keepAsWritten, walk, 'keepAsWritten')!, i18n: true },
        { name: 'body', label: 'Body', widget: 'markdown', required: false, i18n: true },
      ],
    });
    skipped.push(...walk.skipped.map((p) => `${c}: ${p}`));
  }
  // The site's settings, as one file.
  const siteWalk: Walk = { options: walkOptions, images, skipped: [] };
  collections.push({
    name: 'settings',
    label: 'Site settings',
    files: [{ name: 'site', label: 'site.yaml', file: options.siteFile ?? 'site.yaml', fields: objectFields(shapeOf(siteConfigSchema), siteWalk, '') }],
  });
  skipped.push(...siteWalk.skipped.map((p) => `site.yaml: ${p}`));

  const backend: Record<string, unknown> = { name: setting.backend, repo: setting.repo, branch: setting.branch };
  if (setting.baseUrl) backend.base_url = setting.baseUrl;
  if (setting.authEndpoint) backend.auth_endpoint = setting.authEndpoint;
  if (setting.appId) {
    backend.app_id = setting.appId;
    backend.auth_type = 'pkce';
  }
  if (setting.apiRoot) backend.api_root = setting.apiRoot;
  const uiLocale = cmsUiLocales[(setting.uiLocale ?? defaultLocale) as keyof typeof cmsUiLocales] ?? 'en';
  return {
    config: {
      backend,
      // On localhost only, Decap asks decap-server (npx decap-server) to read and write the working copy.
      ...(setting.localBackend === false ? {} : { local_backend: setting.localBackend === true ? true : { url: setting.localBackend } }),
      locale: uiLocale,
      media_folder: `${contentDir}/media`,
      public_folder: '',
      i18n: { structure: 'multiple_files', locales: [...writtenLocales], default_locale: defaultLocale },
      collections,
    },
    skipped,
  };
}
