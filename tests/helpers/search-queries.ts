/**
 * Query sets for search as people type it (tests/browser/search-queries and
 * search-locales): each query is typed into a site's search page in
 * Chromium and its first five results are compared with the entries it must
 * find. The share of queries that hold is printed per locale.
 */
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * query → entries (collection/id) that must be among its first five results;
 * an entry written a|b|c is any one of them not already counted for the
 * query (a category's products, where the category has more products than
 * five places: [K, K] is two of them).
 */
export type QuerySet = [string, string[]][];

/** The share of a locale's queries that must hold. */
export const SHARE = 0.95;

/** The addresses of the first five results of a query typed into the search page. */
export async function topFive(page: Page, query: string): Promise<string[]> {
  await page.locator('#q').fill(query);
  // The list is busy from the first keystroke until the results of what was typed are shown.
  await expect
    .poll(
      () =>
        page.evaluate(
          (q) => new URL(location.href).searchParams.get('q') === q && !document.getElementById('search-results')!.hasAttribute('aria-busy'),
          query,
        ),
      { timeout: 15_000 },
    )
    .toBe(true);
  return page.locator('#search-results li > a').evaluateAll((as) => as.slice(0, 5).map((a) => a.getAttribute('href')!));
}

/** Runs a locale's query set on `${siteUrl}${locale}/search/`: the share that holds and a line per miss. */
export async function measure(browser: Browser, siteUrl: string, locale: string, queries: QuerySet): Promise<{ share: number; misses: string[] }> {
  const page = await browser.newPage();
  await page.goto(`${siteUrl}${locale}/search/`);
  const misses: string[] = [];
  for (const [query, wanted] of queries) {
    const found = await topFive(page, query);
    const counted = new Set<string>();
    const missing = wanted.filter((entry) => {
      const one = entry.split('|').find((e) => found.includes(`/${locale}/${e}/`) && !counted.has(e));
      if (one) counted.add(one);
      return !one;
    });
    if (missing.length) misses.push(`"${query}": missing ${missing.join(', ')}; first five: ${found.join(' ') || 'none'}`);
  }
  await page.close();
  const share = (queries.length - misses.length) / queries.length;
  console.log(
    `search ${locale}: ${queries.length - misses.length}/${queries.length} (${(share * 100).toFixed(0)}%) hold${misses.map((m) => `\n  ${m}`).join('')}`,
  );
  return { share, misses };
}
