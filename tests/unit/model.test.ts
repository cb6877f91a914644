import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check.ts';
import { buildModel, localize, type ModelInput, type SiteModel } from '../../src/lib/model.ts';
import { collectionNames } from '../../src/lib/content/fields.ts';
import { relatedProducts } from '../../src/lib/related.ts';
import { projectStatus } from '../../src/lib/status.ts';
import { ROOT } from '../helpers/build.ts';

let model: SiteModel<string>;

beforeAll(() => {
  const result = checkContent(join(ROOT, 'tests/fixtures/valid'), { today: '2026-11-21' });
  expect(result.errors).toEqual([]);
  const input = { facts: {}, texts: {} } as ModelInput<string>;
  for (const c of collectionNames) {
    const entries = [...result.content[c].values()];
    (input.facts as Record<string, unknown>)[c] = entries.map((e) => ({ id: e.id, data: e.facts }));
    (input.texts as Record<string, unknown>)[c] = entries.flatMap((e) =>
      Object.entries(e.texts).map(([locale, t]) => ({ id: e.id, locale, data: t!.data, body: t!.body, hasBody: t!.body.trim().length > 0 })),
    );
  }
  model = buildModel(input);
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
