import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { cmsConfig, type CmsCollection, type CmsField } from '../../packages/klaster/src/lib/cms/config.ts';
import { collectionNames } from '../../packages/klaster/src/lib/content/fields.ts';
import { factsSchemas } from '../../packages/klaster/src/lib/content/schemas.ts';
import { taxonomies } from '../../packages/klaster/src/lib/taxonomies.ts';
import { defaultLocale, writtenLocales } from '../../packages/klaster/src/lib/locales.ts';
import { translator } from '../../packages/klaster/src/lib/i18n.ts';

const { config, skipped } = cmsConfig({ backend: 'github', repo: 'inter-moda/site' });
const collections = config.collections as CmsCollection[];
const collection = (name: string) => collections.find((c) => c.name === name)!;
const fieldOf = (c: string, name: string) => collection(c).fields!.find((f) => f.name === name)!;
const facts = factsSchemas(() => z.string());

describe('the editor configuration generated from the schemas', () => {
  it('has a facts and a texts collection over each content folder, writing index.yaml and index.<locale>.md', () => {
    for (const c of collectionNames) {
      expect(collection(`${c}-facts`)).toMatchObject({ folder: `content/${c}`, path: '{{slug}}/index', extension: 'yaml', format: 'yaml', media_folder: '' });
      expect(collection(`${c}-texts`)).toMatchObject({ folder: `content/${c}`, path: '{{slug}}/index', extension: 'md', format: 'frontmatter', i18n: true });
    }
    expect(config.i18n).toEqual({ structure: 'multiple_files', locales: [...writtenLocales], default_locale: defaultLocale });
  });

  it('offers every field of the facts schema, or lists it as left out', () => {
    for (const c of collectionNames) {
      let shape = facts[c] as z.ZodType;
      while ((shape as unknown as { _zod: { def: { type: string; in?: z.ZodType } } })._zod.def.type !== 'object') {
        shape = (shape as unknown as { _zod: { def: { in: z.ZodType } } })._zod.def.in;
      }
      const keys = Object.keys((shape as unknown as { shape: object }).shape);
      const offered = collection(`${c}-facts`).fields!.map((f) => f.name);
      for (const key of keys) expect(offered.includes(key) || skipped.includes(`${c}: ${key}`), `${c}.${key}`).toBe(true);
    }
  });

  it('shows vocabularies as selects of their values, labelled with the UI strings', () => {
    const category = fieldOf('products-facts', 'category');
    const t = translator(defaultLocale);
    expect(category.widget).toBe('select');
    expect(category.options!.map((o) => o.value)).toEqual([...taxonomies.category]);
    for (const o of category.options!) expect(o.label).toBe(t(`taxonomy.category.${o.value}`));
    expect(category.options!.some((o) => o.label !== o.value)).toBe(true);
    const colours = fieldOf('products-facts', 'colours');
    expect(colours).toMatchObject({ widget: 'select', multiple: true, required: false });
  });

  it('marks as required what the check requires, and limits lists as it does', () => {
    expect(fieldOf('products-facts', 'maker').required).toBeUndefined();
    expect(fieldOf('products-facts', 'countryOfOrigin').required).toBeUndefined();
    expect(fieldOf('products-facts', 'certifications').required).toBe(false);
    expect(fieldOf('products-facts', 'moq')).toMatchObject({ widget: 'number', value_type: 'int', required: false });
    expect(fieldOf('products-facts', 'images')).toMatchObject({ widget: 'list', min: 1, max: 4, field: { widget: 'image' } });
    expect(fieldOf('products-texts', 'name')).toMatchObject({ widget: 'string', i18n: true });
    expect(fieldOf('products-texts', 'name').required).toBeUndefined();
    expect(fieldOf('products-texts', 'body')).toMatchObject({ widget: 'markdown', i18n: true });
    expect(fieldOf('news-facts', 'date')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', time_format: false });
  });

  it("refuses with the check's own words what the check refuses", () => {
    const schema = facts.products as unknown as z.ZodObject;
    for (const [name, bad, good] of [
      ['countryOfOrigin', 'bg', 'BG'],
      ['maker', 'Inter Moda', 'inter-moda'],
    ] as const) {
      const f: CmsField = fieldOf('products-facts', name);
      const [source, message] = f.pattern!;
      const pattern = new RegExp(source);
      expect(pattern.test(bad), `${name} ${bad}`).toBe(false);
      expect(pattern.test(good), `${name} ${good}`).toBe(true);
      const field = (schema as unknown as { shape: Record<string, z.ZodType> }).shape[name];
      expect(field.safeParse(bad).error!.issues[0].message).toBe(message);
    }
    expect(fieldOf('clusters-facts', 'website').pattern![1]).toBe('expected an address starting with https://');
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
