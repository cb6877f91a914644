/**
 * The news lists' lookups and addresses: all news, a project's and a
 * cluster's (news naming the cluster, or a project the cluster takes part
 * in), each newest first, built once by the model; and the addresses of
 * their pages.
 */
import { describe, expect, it } from 'vitest';
import { buildModel, type ModelInput } from '../../packages/klaster/src/lib/model.ts';
import { collectionNames } from '../../packages/klaster/src/lib/content/fields.ts';
import { sectionPath } from '../../packages/klaster/src/lib/project-sections.ts';
import { listPage, paths } from '../../packages/klaster/src/lib/urls.ts';
import { paginate, PAGE_SIZE } from '../../packages/klaster/src/lib/paginate.ts';

type Facts = Record<string, unknown>;

function model(facts: Partial<Record<(typeof collectionNames)[number], Record<string, Facts>>>) {
  const input = { facts: {}, texts: {} } as ModelInput<string>;
  for (const c of collectionNames) {
    (input.facts as Record<string, unknown>)[c] = Object.entries(facts[c] ?? {}).map(([id, data]) => ({ id, data }));
    (input.texts as Record<string, unknown>)[c] = [];
  }
  return buildModel(input);
}

const news = (date: string, projects: string[] = [], clusters: string[] = []) => ({ date, projects, clusters });

const m = model({
  organisations: { o1: { clusters: ['c4'] } },
  projects: {
    // c1 through its clusters list, c2 as a partner.
    p1: { clusters: ['c1'], partners: [{ organisation: 'o1', role: 'lead' }, { cluster: 'c2', role: 'partner' }] },
    p2: { clusters: [], partners: [{ organisation: 'o1', role: 'lead' }] },
  },
  news: {
    'n-a': news('2020-01-01', ['p1']),
    'n-b': news('2021-05-05', [], ['c3']),
    'n-c': news('2021-05-05', ['p1'], ['c1']),
    'n-d': news('2019-07-01', ['p2']),
    'n-e': news('2022-02-02', [], ['c2']),
  },
});

describe('news lookups', () => {
  it('list every news item newest first, ties in id order', () => {
    expect(m.newsNewestFirst()).toEqual(['n-e', 'n-b', 'n-c', 'n-a', 'n-d']);
  });

  it("list a project's news newest first", () => {
    expect(m.newsOf('projects', 'p1')).toEqual(['n-c', 'n-a']);
    expect(m.newsOf('projects', 'p2')).toEqual(['n-d']);
    expect(m.newsOf('projects', 'none')).toEqual([]);
  });

  it("list a cluster's news: its own and its projects', each once, newest first", () => {
    expect(m.newsOfCluster('c1')).toEqual(['n-c', 'n-a']); // n-c names both c1 and p1
    expect(m.newsOfCluster('c2')).toEqual(['n-e', 'n-c', 'n-a']); // p1's news through the partnership
    expect(m.newsOfCluster('c3')).toEqual(['n-b']);
    // A member organisation's projects are not the cluster's projects.
    expect(m.newsOfCluster('c4')).toEqual([]);
    // Only news naming the cluster itself.
    expect(m.newsOf('clusters', 'c1')).toEqual(['n-c']);
  });

  it('agree with the projects the cluster page lists', () => {
    for (const c of ['c1', 'c2', 'c3', 'c4']) {
      const viaProjects = m.newsNewestFirst().filter((n) => {
        const f = m.get('news', n).facts;
        return f.clusters.includes(c) || f.projects.some((p) => m.projectsOfCluster(c).includes(p));
      });
      expect(m.newsOfCluster(c), c).toEqual(viaProjects);
    }
  });
});

describe('scheduled news', () => {
  const input = (today?: string) => {
    const facts: Record<string, Record<string, Facts>> = {
      projects: { p1: { clusters: ['c1'], partners: [{ cluster: 'c1', role: 'lead' }] } },
      news: { past: news('2026-11-20', ['p1']), today: news('2026-11-21', ['p1']), tomorrow: news('2026-11-22', ['p1'], ['c1']) },
    };
    const data = { facts: {}, texts: {} } as ModelInput<string>;
    for (const c of collectionNames) {
      (data.facts as Record<string, unknown>)[c] = Object.entries(facts[c] ?? {}).map(([id, d]) => ({ id, data: d }));
      (data.texts as Record<string, unknown>)[c] = [];
    }
    return buildModel(data, today ? { today } : undefined);
  };

  it('are published from their date on, as of the build date', () => {
    const m = input('2026-11-21');
    expect(m.newsNewestFirst()).toEqual(['today', 'past']);
    expect(m.newsOf('projects', 'p1')).toEqual(['today', 'past']);
    expect(m.newsOf('clusters', 'c1')).toEqual([]);
    expect(m.newsOfCluster('c1')).toEqual(['today', 'past']);
    expect(m.all('news').map((n) => n.id)).toEqual(['past', 'today']);
    expect(m.entries.news.has('tomorrow')).toBe(false);
    expect(() => m.get('news', 'tomorrow')).toThrow();
    expect(input('2026-11-22').newsNewestFirst()).toEqual(['tomorrow', 'today', 'past']);
  });
});

describe('news list addresses', () => {
  it('keep the first page at the list and number the others', () => {
    expect(listPage(paths.newsList('bg'), 1)).toBe('/bg/news/');
    expect(listPage(paths.newsList('bg'), 2)).toBe('/bg/news/page/2/');
    expect(listPage(paths.clusterNews('sr-latn', 'hits'), 3)).toBe('/sr-latn/clusters/hits/news/page/3/');
    expect(() => listPage(paths.newsList('en'), 0)).toThrow();
  });

  it("put a project's news list at its microsite section", () => {
    expect(paths.projectNews('ro', 'cloth')).toBe(paths.project('ro', 'cloth') + sectionPath('news'));
    expect(listPage(paths.projectNews('ro', 'cloth'), 2)).toBe('/ro/projects/cloth/news/page/2/');
  });

  it(`split a list into pages of ${PAGE_SIZE}`, () => {
    const ids = Array.from({ length: PAGE_SIZE * 2 + 1 }, (_, i) => `n${i}`);
    const pages = paginate(ids);
    expect(pages.map((p) => p.items.length)).toEqual([PAGE_SIZE, PAGE_SIZE, 1]);
    expect(pages.flatMap((p) => p.items)).toEqual(ids);
    expect(paginate([])).toEqual([{ number: 1, count: 1, items: [] }]);
  });
});
