/**
 * News lists with more than one page. The demo has too few news items, so
 * this builds the valid fixture plus a generated batch of news: some of the
 * fixture project (so of its cluster too), some naming only the cluster,
 * some naming neither, and checks every list's pages in two locales: newest
 * first, 24 a page, each item once, linked to each other, and no more pages
 * than needed.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attr, findAll, parentOf, parseHtml } from '../gates/html.ts';
import { PAGE_SIZE } from '../../packages/klaster/src/lib/paginate.ts';
import { listPage, paths } from '../../packages/klaster/src/lib/urls.ts';
import type { Locale } from '../../packages/klaster/src/lib/locales.ts';
import { build, ROOT, tempDir } from '../helpers/build.ts';

const work = tempDir('news-pages');
const content = join(work, 'content');
const dist = join(work, 'dist');
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Item { id: string; date: string; projects: string[]; clusters: string[] }
const PROJECT = 'demo-project';
const CLUSTER = 'demo-cluster';

// Dates repeat every 9 items, so equal dates are ordered by id.
const date = (i: number) => `20${String(10 + (i % 9)).padStart(2, '0')}-0${1 + (i % 7)}-1${i % 3}`;
const items: Item[] = [
  { id: 'demo-news', date: '2012-02-01', projects: [PROJECT], clusters: [] }, // already in the fixture
  ...Array.from({ length: PAGE_SIZE + 3 }, (_, i) => ({ id: `project-${String(i).padStart(2, '0')}`, date: date(i), projects: [PROJECT], clusters: [] })),
  ...Array.from({ length: 4 }, (_, i) => ({ id: `cluster-${i}`, date: date(i + 4), projects: [], clusters: [CLUSTER] })),
  ...Array.from({ length: 3 }, (_, i) => ({ id: `other-${i}`, date: date(i + 2), projects: [], clusters: [] })),
];
const newestFirst = (list: Item[]) =>
  [...list].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : 1)).map((n) => n.id);

const lists = {
  all: { first: (l: Locale) => paths.newsList(l), ids: newestFirst(items) },
  project: { first: (l: Locale) => paths.projectNews(l, PROJECT), ids: newestFirst(items.filter((n) => n.projects.includes(PROJECT))) },
  // The fixture project has the cluster in its clusters list: its news are the cluster's too.
  cluster: { first: (l: Locale) => paths.clusterNews(l, CLUSTER), ids: newestFirst(items.filter((n) => n.projects.includes(PROJECT) || n.clusters.includes(CLUSTER))) },
};

beforeAll(() => {
  cpSync(join(ROOT, 'tests/fixtures/valid'), content, { recursive: true });
  for (const n of items.slice(1)) {
    const dir = join(content, 'news', n.id);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.yaml'), `date: ${n.date}\nprojects: [${n.projects.join(', ')}]\nclusters: [${n.clusters.join(', ')}]\n`);
    writeFileSync(join(dir, 'index.en.md'), `---\ntitle: News ${n.id}\nsummary: Generated news ${n.id} of ${n.date}.\n---\n`);
  }
  const run = build(content, dist, { KLASTER_CACHE_DIR: join(work, 'cache'), KLASTER_BUILD_DATE: '2026-11-21' });
  expect(run.status, run.output.slice(-3000)).toBe(0);
});

const file = (path: string) => join(dist, path, 'index.html');
function read(path: string) {
  const doc = parseHtml(readFileSync(file(path), 'utf8'));
  const cards = findAll(doc, (e) => e.name === 'a' && parentOf(e)?.name === 'h2' && attr(parentOf(e)!, 'class') === 'card-title');
  const pager = findAll(doc, (e) => e.name === 'nav' && attr(e, 'class') === 'pagination')[0];
  return {
    ids: cards.map((a) => /\/news\/([^/]+)\/$/.exec(attr(a, 'href')!)![1]),
    pageLinks: pager ? findAll(pager, (e) => e.name === 'a' && !attr(e, 'rel')).map((a) => attr(a, 'href')) : [],
    prev: pager ? findAll(pager, (e) => e.name === 'a' && attr(e, 'rel') === 'prev').map((a) => attr(a, 'href')) : [],
    next: pager ? findAll(pager, (e) => e.name === 'a' && attr(e, 'rel') === 'next').map((a) => attr(a, 'href')) : [],
    current: pager ? findAll(pager, (e) => attr(e, 'aria-current') === 'page').length : 0,
    title: /<title>([^<]*)<\/title>/.exec(readFileSync(file(path), 'utf8'))![1],
  };
}

describe.each(['en', 'bg'] as Locale[])('news lists in %s', (locale) => {
  it.each(Object.keys(lists) as (keyof typeof lists)[])(`%s: newest first, ${PAGE_SIZE} a page, every item once`, (name) => {
    const { first, ids } = lists[name];
    const count = Math.ceil(ids.length / PAGE_SIZE);
    expect(count, 'the fixture must need two pages').toBeGreaterThan(1);
    const seen: string[] = [];
    const titles = new Set<string>();
    for (let n = 1; n <= count; n++) {
      const path = listPage(first(locale), n);
      expect(existsSync(file(path)), path).toBe(true);
      const page = read(path);
      expect(page.ids.length, path).toBe(n < count ? PAGE_SIZE : ids.length - PAGE_SIZE * (count - 1));
      seen.push(...page.ids);
      // Every other page is linked, this one is marked as current.
      expect(page.current, path).toBe(1);
      const expected = Array.from({ length: count }, (_, i) => i + 1).filter((p) => p !== n).map((p) => listPage(first(locale), p));
      expect(page.pageLinks, path).toEqual(expected);
      // Previous and next, where there is one.
      expect(page.prev, path).toEqual(n > 1 ? [listPage(first(locale), n - 1)] : []);
      expect(page.next, path).toEqual(n < count ? [listPage(first(locale), n + 1)] : []);
      titles.add(page.title);
    }
    expect(seen).toEqual(ids);
    expect(titles.size, 'each page has its own title').toBe(count);
    expect(existsSync(file(listPage(first(locale), count + 1)))).toBe(false);
  });
});

describe('the cluster page', () => {
  it('links to the cluster news', () => {
    const html = readFileSync(file(paths.cluster('ro', CLUSTER)), 'utf8');
    expect(html).toContain(`href="${paths.clusterNews('ro', CLUSTER)}"`);
  });
});
