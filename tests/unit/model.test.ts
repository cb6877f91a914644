import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel, localize, type ModelInput, type SiteModel } from '../../packages/klaster/src/lib/model.ts';
import { collectionNames } from '../../packages/klaster/src/lib/content/fields.ts';
import { relatedProducts } from '../../packages/klaster/src/lib/related.ts';
import { projectStatus } from '../../packages/klaster/src/lib/status.ts';
import { ROOT } from '../helpers/build.ts';
import { modelOf } from '../helpers/model.ts';
import { bodyForm } from '../../packages/klaster/src/data/body.ts';

let model: SiteModel<string>;

beforeAll(() => {
  model = modelOf(join(ROOT, 'tests/fixtures/valid'));
});

describe('localized text', () => {
  it('uses the locale where translated, field by field', () => {
    const product = model.get('products', 'demo-sweater');
    const ro = localize(product, 'ro');
    expect(ro.text.name).toBe('Pulover demonstrație'); // cedilla letters converted
    expect(ro.text.summary).toBe('A sweater for tests.');
    expect(ro.translated).toBe(true);
    expect(ro.fallback).toBe(true);
    expect(ro.fallbackFields).toEqual(expect.arrayContaining(['summary', 'imageAlt']));
    expect(ro.body?.locale).toBe('ro');
  });
  it('falls back to the source locale where a locale has no file', () => {
    const cluster = model.get('clusters', 'demo-cluster');
    expect(cluster.source).toBe('bg');
    const sr = localize(cluster, 'sr');
    expect(sr.translated).toBe(false);
    expect(sr.fallback).toBe(true);
    expect(sr.text.name).toBe('Демо клъстер');
    expect(sr.body?.locale).toBe('bg');
  });
  it('romanises a Bulgarian fallback on a Serbian Latin page by the Bulgarian system, body too', () => {
    const latin = localize(model.get('clusters', 'demo-cluster'), 'sr-latn');
    expect(latin.romanised).toBe(true);
    expect(latin.text).toMatchObject({ name: 'Demo klaster', city: 'Kyustendil', region: 'Yugozapaden' });
    expect(latin.body).toMatchObject({ locale: 'bg', transliterate: 'bulgarian' });
    expect(bodyForm(latin.body as never)!('<p>Профилът на клъстера.</p>')).toBe('<p>Profilat na klastera.</p>');
    // On the Serbian Cyrillic page it stays as written.
    expect(localize(model.get('clusters', 'demo-cluster'), 'sr')).toMatchObject({ romanised: false, text: { name: 'Демо клъстер' } });
  });
  it('shows the source body when a translation has none', () => {
    const en = localize(model.get('clusters', 'demo-cluster'), 'en');
    expect(en.text.name).toBe('Demo cluster');
    expect(en.body?.locale).toBe('bg');
    expect(en.fallbackFields).toEqual(['body']);
  });
  it('is not a fallback in the source locale itself', () => {
    expect(localize(model.get('clusters', 'demo-cluster'), 'bg').fallback).toBe(false);
  });
});

describe('lookups', () => {
  it('derives cluster members from the organisations that name the cluster', () => {
    expect(model.membersOf('demo-cluster')).toEqual(['demo-maker']);
    expect(model.membersOf('no-such-cluster')).toEqual([]);
  });
  it('finds products by maker, cluster and category', () => {
    expect(model.productsOf('demo-maker')).toEqual(['demo-sweater']);
    expect(model.productsOfCluster('demo-cluster')).toEqual(['demo-sweater']);
    expect(model.clustersOfProduct('demo-sweater')).toEqual(['demo-cluster']);
    expect(model.productsInCategory('knitwear')).toEqual(['demo-sweater']);
  });
  it('links projects to clusters through partners and the clusters list', () => {
    expect(model.projectsOfCluster('demo-cluster')).toEqual(['demo-project']);
    expect(model.projectsOfOrganisation('demo-maker')).toEqual(['demo-project']);
    expect(model.newsOf('projects', 'demo-project')).toEqual(['demo-news']);
    expect(model.eventsOf('projects', 'demo-project')).toEqual(['demo-fair']);
  });
});

describe('related products', () => {
  it('takes the neighbours in the category, never the product itself', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect(relatedProducts(ids, 'e', 3)).toEqual(['f', 'a', 'b']);
    expect(relatedProducts(['a', 'b'], 'a', 4)).toEqual(['b']);
    expect(relatedProducts(['a'], 'a', 4)).toEqual([]);
  });
});

describe('project status', () => {
  it('is planned before the start, running between the dates, completed after', () => {
    expect(projectStatus('2022-03-01', '2024-08-31', '2022-02-28')).toBe('planned');
    expect(projectStatus('2022-03-01', '2024-08-31', '2022-03-01')).toBe('running');
    expect(projectStatus('2022-03-01', '2024-08-31', '2024-08-31')).toBe('running');
    expect(projectStatus('2022-03-01', '2024-08-31', '2024-09-01')).toBe('completed');
  });
});

describe('Serbian Latin texts', () => {
  /** A model of one organisation written in Serbian, with the given texts. */
  function serbianModel(texts: { locale: string; data: object; body?: string }[]) {
    const input = { facts: {}, texts: {} } as ModelInput<string>;
    for (const c of collectionNames) {
      (input.facts as Record<string, unknown>)[c] = [];
      (input.texts as Record<string, unknown>)[c] = [];
    }
    input.facts.organisations = [{ id: 'jumko', data: { sourceLocale: 'sr', clusters: [] } as never }];
    input.texts.organisations = texts.map((t) => ({
      id: 'jumko',
      locale: t.locale as never,
      data: t.data as never,
      body: t.body ?? '',
      hasBody: !!t.body,
    }));
    return buildModel(input).get('organisations', 'jumko');
  }
  const sr = {
    locale: 'sr',
    data: { name: 'Јумко', summary: 'Џемпери Јумко, модел ЏМ-200, из Врања.', city: 'Врање', keepAsWritten: ['Јумко', 'ЏМ-200'] },
    body: 'Јумко из Врања.',
  };

  it('transliterates every field but the phrases to keep as written', () => {
    const entry = serbianModel([sr, { locale: 'en', data: { name: 'Yumco', summary: 'Sweaters.', city: 'Vranje' } }]);
    const latin = localize(entry, 'sr-latn');
    expect(latin.text.name).toBe('Јумко');
    expect(latin.text.summary).toBe('Džemperi Јумко, model ЏМ-200, iz Vranja.');
    expect(latin.text.city).toBe('Vranje');
    // The body is transliterated when rendered, with the same phrases.
    expect(latin.body?.transliterate).toBe('serbian');
    expect(latin.body?.keepAsWritten).toEqual(['Јумко', 'ЏМ-200']);
    expect(latin.body?.body).toBe('Јумко из Врања.');
  });

  it('treats keepAsWritten as a setting, not a text field', () => {
    const entry = serbianModel([sr, { locale: 'en', data: { name: 'Yumco', summary: 'Sweaters.', city: 'Vranje' }, body: 'Yumco of Vranje.' }]);
    for (const locale of ['sr', 'sr-latn', 'en'] as const) {
      const l = localize(entry, locale);
      expect(l.text, locale).not.toHaveProperty('keepAsWritten');
      expect(l.fallbackFields, locale).not.toContain('keepAsWritten');
      expect(l.fallback, locale).toBe(false);
    }
  });

  it('lets a hand-written Latin text win field by field', () => {
    const entry = serbianModel([sr, { locale: 'sr-latn', data: { name: 'Yumco' } }]);
    const latin = localize(entry, 'sr-latn');
    expect(latin.text.name).toBe('Yumco');
    expect(latin.text.summary).toBe('Džemperi Јумко, model ЏМ-200, iz Vranja.');
    expect(latin.body?.transliterate).toBe('serbian');
  });

  it('gives a rendered body (Markdown or MDX) the form of its locale', () => {
    const entry = serbianModel([sr, { locale: 'ro', data: { name: 'Yumco' }, body: 'Ţesături' }]);
    const latin = bodyForm(localize(entry, 'sr-latn').body as never)!;
    expect(latin('<p>Јумко из Врања <span lang="bg">Щастие</span></p>')).toBe('<p>Јумко iz Vranja <span lang="bg">Щастие</span></p>');
    expect(bodyForm(localize(entry, 'ro').body as never)!('<p>Ţesături şi ţiglă</p>')).toBe('<p>Țesături și țiglă</p>');
    expect(bodyForm(localize(entry, 'sr').body as never)).toBeUndefined();
  });

  it('transliterates everything when nothing is to be kept', () => {
    const entry = serbianModel([{ ...sr, data: { ...sr.data, keepAsWritten: undefined } }]);
    expect(localize(entry, 'sr-latn').text.name).toBe('Jumko');
    expect(localize(entry, 'sr-latn').body?.keepAsWritten).toBeUndefined();
  });
});
