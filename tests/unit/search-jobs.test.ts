/**
 * The search index made two locales at a time (src/integrations/pagefind.ts):
 * each locale indexed in a worker thread of its own gives the same files,
 * byte for byte, as the locales one after the other, and the number of
 * locales at once follows the cores and the free memory.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexSite, searchJobs } from '../../packages/klaster/src/integrations/pagefind.ts';
import { snapshot, tempDir } from '../helpers/build.ts';

const work = tempDir('search-jobs');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const page = (lang: string, title: string, text: string, material: string) =>
  `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body><main data-pagefind-body>` +
  `<h1>${title}</h1><p>${text}</p><span data-pagefind-filter="material" hidden>${material}</span></main></body></html>`;

/** A small site of two locales, a dozen pages each. */
function site(root: string) {
  const words = ['linen', 'wool', 'oak', 'felt', 'cotton', 'hemp'];
  for (const [locale, lang] of [
    ['en', 'en'],
    ['bg', 'bg'],
  ]) {
    for (let i = 0; i < 12; i++) {
      const dir = join(root, locale, 'products', `p${i}`);
      mkdirSync(dir, { recursive: true });
      const word = words[i % words.length];
      writeFileSync(join(dir, 'index.html'), page(lang, `${locale} ${word} ${i}`, `A ${word} product number ${i}, made to order.`, word));
    }
  }
}

describe('the search index, locales at once', () => {
  it('writes the same files with two locales at a time as one after the other', async () => {
    const results = [];
    for (const jobs of ['1', '2']) {
      const root = join(work, `jobs-${jobs}`);
      site(root);
      const before = process.env.KLASTER_SEARCH_JOBS;
      process.env.KLASTER_SEARCH_JOBS = jobs;
      try {
        results.push({ result: await indexSite({ root, cacheDir: join(work, `cache-${jobs}`) }), files: snapshot(join(root, 'pagefind')) });
      } finally {
        if (before === undefined) delete process.env.KLASTER_SEARCH_JOBS;
        else process.env.KLASTER_SEARCH_JOBS = before;
      }
    }
    const [one, two] = results;
    expect(one.result.jobs).toBe(1);
    expect(two.result.jobs).toBe(2);
    expect(two.result.line).toMatch(/2 locales at a time/);
    expect(two.result.made).toEqual(['en', 'bg']);
    expect([...one.files.keys()].some((f) => f.startsWith('filter/'))).toBe(true);
    expect([...two.files.keys()]).toEqual([...one.files.keys()]);
    expect([...one.files.keys()].filter((f) => one.files.get(f) !== two.files.get(f))).toEqual([]);
  });

  it('takes two locales at once when two cores and the memory for both are there', () => {
    const gb = 1024 ** 3;
    // The two largest locales' HTML (1 and 0.5 GB; a third, smaller one does not count) six times over, and a quarter GB each.
    expect(searchJobs([0.2 * gb, 1 * gb, 0.5 * gb], 9.5 * gb, 2, undefined)).toBe(2);
    expect(searchJobs([0.2 * gb, 1 * gb, 0.5 * gb], 9.4 * gb, 2, undefined)).toBe(1);
    expect(searchJobs([1 * gb, 0.5 * gb], 16 * gb, 1, undefined)).toBe(1);
    expect(searchJobs([1 * gb, 0.5 * gb], 1 * gb, 2, '2')).toBe(2);
    expect(searchJobs([1 * gb], 8 * gb, 2, 'many')).toBe(2);
  });
});
