/**
 * The URL contract: the demo content builds, and every entry has its page in
 * every locale, with the right <html lang>. Also: the same site under a
 * base path links only inside that path.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkContent } from '../../packages/klaster/src/lib/content/check.ts';
import { localeCodes, langTag, writtenLocales } from '../../packages/klaster/src/lib/locales.ts';
import { entryPath, paths } from '../../packages/klaster/src/lib/urls.ts';
import { build, DEMO_CONTENT, ROOT, tempDir } from '../helpers/build.ts';

const work = tempDir('contract');
const demoDist = inject('demoDist');
const DEMO = DEMO_CONTENT;

afterAll(() => rmSync(work, { recursive: true, force: true }));

const page = (dist: string, path: string) => join(dist, path, 'index.html');
const langOf = (html: string) => /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1];

describe('the demo site', () => {
  it('has the language picker at / and a 404 page', () => {
    expect(existsSync(join(demoDist, 'index.html'))).toBe(true);
    expect(existsSync(join(demoDist, '404.html'))).toBe(true);
  });

  it('has every listing and the search page in every locale', () => {
    for (const l of localeCodes) {
      for (const path of [paths.home(l), paths.catalogue(l), paths.search(l), paths.clusters(l), paths.members(l), paths.projects(l), paths.newsList(l), paths.events(l)]) {
        const file = page(demoDist, path);
        expect(existsSync(file), path).toBe(true);
        expect(langOf(readFileSync(file, 'utf8')), path).toBe(langTag(l));
      }
    }
  });

  it('has every entry of the contract in every locale, with the right lang', () => {
    const { content, errors } = checkContent(DEMO, { today: '2026-11-21' });
    expect(errors).toEqual([]);
    for (const [collection, toPath] of Object.entries(entryPath)) {
      const ids = [...content[collection as keyof typeof entryPath].keys()];
      expect(ids.length, collection).toBeGreaterThan(0);
      for (const id of ids) {
        for (const l of localeCodes) {
          const file = page(demoDist, toPath(l, id));
          expect(existsSync(file), toPath(l, id)).toBe(true);
          expect(langOf(readFileSync(file, 'utf8'))).toBe(langTag(l));
        }
      }
    }
  });

  it('meets the demo content promises', () => {
    const { content } = checkContent(DEMO, { today: '2026-11-21' });
    for (const id of ['inter-moda', 'hits', 'iconic']) expect(content.clusters.has(id), id).toBe(true);
    for (const id of ['inter-moda-cluster', 'hits-cluster', 'balkan-cluster', 'cloth']) expect(content.projects.has(id), id).toBe(true);
    expect(content.news.size).toBeGreaterThanOrEqual(8);
    expect(content.events.size).toBeGreaterThanOrEqual(6);
    expect(content.products.size).toBeGreaterThanOrEqual(40);
    expect(new Set([...content.products.values()].map((p) => p.facts.category)).size).toBeGreaterThanOrEqual(6);
    const samples = [...content.organisations.values()].filter((o) => o.facts.sample);
    expect(samples.length).toBeGreaterThanOrEqual(12);
    // Every cluster and project in the four languages of the seed documents; CLOTH also for its Spanish and French partners.
    for (const entry of [...content.clusters.values(), ...content.projects.values()]) {
      expect(Object.keys(entry.texts), entry.dir).toEqual(expect.arrayContaining(['en', 'bg', 'sr', 'ro']));
    }
    expect(Object.keys(content.projects.get('cloth')!.texts).sort()).toEqual([...writtenLocales].sort());
  });
});

describe('a site under a base path', () => {
  const dist = join(work, 'based');
  beforeAll(() => {
    const run = build(join(ROOT, 'tests/fixtures/valid'), dist, {
      KLASTER_BASE: '/sub/path/',
      KLASTER_CACHE_DIR: join(work, 'cache'),
    });
    expect(run.status, run.output.slice(-3000)).toBe(0);
  });

  it('links only inside the base path', () => {
    for (const path of ['en/index.html', 'bg/products/demo-sweater/index.html', 'index.html']) {
      const html = readFileSync(join(dist, path), 'utf8');
      const links = [...html.matchAll(/\s(?:href|src)="([^"]+)"/g)].map((m) => m[1]).filter((u) => u.startsWith('/'));
      expect(links.length, path).toBeGreaterThan(0);
      for (const link of links) expect(link, `${path}: ${link}`).toMatch(/^\/sub\/path\//);
    }
  });
});
