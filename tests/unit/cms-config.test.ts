import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { cmsConfig, type CmsCollection, type CmsField } from '../../packages/klaster/src/lib/cms/config.ts';
import { collectionNames } from '../../packages/klaster/src/lib/content/fields.ts';
import { factsSchemas, textSchemas } from '../../packages/klaster/src/lib/content/schemas.ts';
import { taxonomies } from '../../packages/klaster/src/lib/taxonomies.ts';
import { defaultLocale, writtenLocales } from '../../packages/klaster/src/lib/locales.ts';
import { translator } from '../../packages/klaster/src/lib/i18n.ts';

const { config, skipped } = cmsConfig({ backend: 'github', repo: 'inter-moda/site' });
const collections = config.collections as CmsCollection[];
const collection = (name: string) => collections.find((c) => c.name === name)!;
const fieldOf = (c: string, name: string) => collection(c).fields!.find((f) => f.name === name)!;
const facts = factsSchemas(() => z.string());

describe('the editor configuration generated from the schemas', () => {
  it('has one collection over each content folder, writing index.<locale>.md with the facts in the default language', () => {
    for (const c of collectionNames) {
      expect(collection(c)).toMatchObject({
        folder: `content/${c}`,
        path: '{{slug}}/index',
        extension: 'md',
        format: 'frontmatter',
        i18n: true,
        media_folder: '',
        public_folder: '',
      });
      // A new entry's folder is named from its id, checked as the check checks it.
      expect(collection(c)).toMatchObject({ identifier_field: 'id', slug: '{{slug}}' });
      expect(fieldOf(c, 'id')).toMatchObject({ pattern: ['^[a-z0-9]+(?:-[a-z0-9]+)*$', expect.any(String)] });
      // No i18n key is Decap's `none`: written in the default locale's file only.
      expect(fieldOf(c, 'id').i18n).toBeUndefined();
      expect(fieldOf(c, 'sourceLocale').i18n).toBeUndefined();
    }
    expect(config.i18n).toEqual({ structure: 'multiple_files', locales: [...writtenLocales], default_locale: defaultLocale });
  });

  it('lists referenced entries by name and writes their slug', () => {
    expect(fieldOf('products', 'maker')).toMatchObject({
      widget: 'relation',
      collection: 'organisations',
      value_field: '{{slug}}',
      display_fields: ['name'],
      search_fields: ['name'],
    });
    expect(fieldOf('news', 'projects')).toMatchObject({ widget: 'relation', collection: 'projects', multiple: true, display_fields: ['name'] });
  });

  it('offers every field of the facts schema, or lists it as left out', () => {
    for (const c of collectionNames) {
      let shape = facts[c] as z.ZodType;
      while ((shape as unknown as { _zod: { def: { type: string; in?: z.ZodType } } })._zod.def.type !== 'object') {
        shape = (shape as unknown as { _zod: { def: { in: z.ZodType } } })._zod.def.in;
      }
      const keys = Object.keys((shape as unknown as { shape: object }).shape);
      const offered = collection(c)
        .fields!.filter((f) => f.i18n === undefined)
        .map((f) => f.name);
      for (const key of keys) expect(offered.includes(key) || skipped.includes(`${c}: ${key}`), `${c}.${key}`).toBe(true);
    }
  });

  it('shows vocabularies as selects of their values, labelled with the UI strings', () => {
    const category = fieldOf('products', 'category');
    const t = translator(defaultLocale);
    expect(category.widget).toBe('select');
    expect(category.options!.map((o) => o.value)).toEqual([...taxonomies.category]);
    for (const o of category.options!) expect(o.label).toBe(t(`taxonomy.category.${o.value}`));
    expect(category.options!.some((o) => o.label !== o.value)).toBe(true);
    const colours = fieldOf('products', 'colours');
    expect(colours).toMatchObject({ widget: 'select', multiple: true, required: false });
  });

  it("offers the images' descriptions as a list of { image, alt } items in each language, which the check reads as its map", () => {
    // A product's descriptions are required in its source language: without them in the form, nothing the editor creates passes the check.
    const alt = fieldOf('products', 'imageAlt');
    expect(alt).toMatchObject({
      widget: 'list',
      i18n: true,
      fields: [
        { name: 'image', widget: 'string' },
        { name: 'alt', widget: 'string' },
      ],
    });
    expect(fieldOf('programmes', 'logoAlt')).toMatchObject({ widget: 'list', i18n: true });
    expect(skipped).not.toContain('products: imageAlt');
    const written = { name: 'Шал', summary: 'Вълнен шал.', imageAlt: [{ image: 'scarf.png', alt: 'Сив шал' }] };
    expect(textSchemas.products.parse(written).imageAlt).toEqual({ 'scarf.png': 'Сив шал' });
  });

  it('marks as required what the check requires, and limits lists as it does', () => {
    expect(fieldOf('products', 'maker').required).toBeUndefined();
    expect(fieldOf('products', 'countryOfOrigin').required).toBeUndefined();
    expect(fieldOf('products', 'certifications').required).toBe(false);
    expect(fieldOf('products', 'moq')).toMatchObject({ widget: 'number', value_type: 'int', required: false });
    expect(fieldOf('products', 'images')).toMatchObject({ widget: 'list', min: 1, max: 4, field: { widget: 'image' } });
    // Text fields are required in each entry's own source language, which Decap's one default locale cannot follow: the check requires them.
    expect(fieldOf('products', 'name')).toMatchObject({ widget: 'string', i18n: true, required: false });
    expect(fieldOf('products', 'body')).toMatchObject({ widget: 'markdown', i18n: true });
    expect(fieldOf('news', 'date')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', time_format: false });
  });

  it("refuses with the check's own words what the check refuses", () => {
    const schema = facts.products as unknown as z.ZodObject;
    for (const [name, bad, good] of [['countryOfOrigin', 'bg', 'BG']] as const) {
      const f: CmsField = fieldOf('products', name);
      const [source, message] = f.pattern!;
      const pattern = new RegExp(source);
      expect(pattern.test(bad), `${name} ${bad}`).toBe(false);
      expect(pattern.test(good), `${name} ${good}`).toBe(true);
      const field = (schema as unknown as { shape: Record<string, z.ZodType> }).shape[name];
      expect(field.safeParse(bad).error!.issues[0].message).toBe(message);
    }
    expect(fieldOf('clusters', 'website').pattern![1]).toBe('expected an address starting with https://');
  });

  it('keeps the site settings in site.yaml, texts per locale as one field per language', () => {
    const site = collection('settings').files![0];
    expect(site.file).toBe('site.yaml');
    const name = site.fields.find((f) => f.name === 'name')!;
    expect(name.widget).toBe('object');
    expect(name.fields!.map((f) => f.name)).toEqual([...writtenLocales]);
  });

  it("shows the editor in the site's language when Decap has it", () => {
    expect(cmsConfig({ backend: 'gitlab', repo: 'a/b', uiLocale: 'bg' }).config.locale).toBe('bg');
    expect(cmsConfig({ backend: 'gitlab', repo: 'a/b', uiLocale: 'sr' }).config.locale).toBe('sr_Cyrl');
    expect(cmsConfig({ backend: 'gitlab', repo: 'a/b', uiLocale: 'el' }).config.locale).toBe('gr');
    expect(() => cmsConfig({ backend: 'gitlab', repo: 'a/b', uiLocale: 'xx' as 'en' })).toThrow(/use one of en, bg, sr/);
  });

  it('logs in with PKCE when an application id is given, without a server', () => {
    const { backend } = cmsConfig({ backend: 'gitea', repo: 'c/site', appId: 'abc', apiRoot: 'https://git.example.org/api/v1' }).config as {
      backend: Record<string, string>;
    };
    expect(backend).toEqual({ name: 'gitea', repo: 'c/site', branch: 'main', app_id: 'abc', auth_type: 'pkce', api_root: 'https://git.example.org/api/v1' });
  });
});
