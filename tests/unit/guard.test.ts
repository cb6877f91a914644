/** The build's guard against a changed Astro (packages/klaster/src/astro-internals/guard.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guardProblems, missingPages, type CheckReport } from '../../packages/klaster/src/astro-internals/guard.ts';
import { localeCodes } from '../../packages/klaster/src/lib/locales.ts';
import { paths } from '../../packages/klaster/src/lib/urls.ts';
import { tempDir } from '../helpers/build.ts';

function site(pages: string[]): string {
  const dist = tempDir('guard');
  for (const page of pages) {
    mkdirSync(join(dist, page), { recursive: true });
    writeFileSync(join(dist, page, 'index.html'), '<!doctype html>');
  }
  return dist;
}

const report: CheckReport = { ids: { products: ['oak-table'], pages: ['about'], programmes: ['erdf'] }, images: 2 };
const whole = localeCodes.flatMap((l) => [paths.product(l, 'oak-table'), paths.page(l, 'about')]);
const working = { copiedImages: () => 2, storeAnswered: () => true };

describe('the build guard', () => {
  it('passes a whole site', () => {
    expect(missingPages(report, site(whole))).toEqual({ expected: 2 * localeCodes.length, missing: [] });
    expect(guardProblems(report, site(whole), working)).toEqual([]);
  });

  it('fails when pages the check counted were not written', () => {
    const problems = guardProblems(report, site(whole.filter((p) => !p.startsWith('/ro/'))), working);
    expect(problems).toEqual([`2 of the ${2 * localeCodes.length} entry pages the content check counted were not written, for example /ro/products/oak-table/, /ro/about/.`]);
    expect(guardProblems(report, site([]), working)[0]).toMatch(new RegExp(`^${2 * localeCodes.length} of the ${2 * localeCodes.length} entry pages`));
  });

  it('fails when no content image went through the copy, or the store was bundled', () => {
    expect(guardProblems(report, site(whole), { ...working, copiedImages: () => 0 })[0]).toContain('none went through content-images.ts');
    expect(guardProblems({ ...report, images: 0 }, site(whole), { ...working, copiedImages: () => 0 })).toEqual([]);
    expect(guardProblems(report, site(whole), { ...working, storeAnswered: () => false })[0]).toContain('astro:data-layer-content');
    // Where the plugins do not apply (not a static build), there is nothing to compare.
    expect(guardProblems(report, site(whole), { copiedImages: () => undefined, storeAnswered: () => undefined })).toEqual([]);
  });
});
