/**
 * What `klaster build` reports: its summary of what was reused and how long
 * each phase took (read from Astro's log, src/lib/build-log.ts), and the
 * check's problems as GitHub Actions annotations.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildLogReader, formatSummary } from '../../packages/klaster/src/lib/build-log.ts';
import { repositoryPath } from '../../packages/klaster/src/lib/content/cli.ts';
import { githubAnnotations, info, problem, warning } from '../../packages/klaster/src/lib/content/problems.ts';

// Lines as Astro 7 writes them (four pages render at a time, so one line may hold several entries).
const LOG = [
  ' generating static routes ',
  '14:21:11   ├─ /404.html14:21:11   ├─ /data/clusters.json/14:21:11   ├─ /data/clusters.csv/14:21:11   ├─ /data/clusters.schema.json/ (+412ms) ',
  '14:21:12   ├─ /en/products/a/index.html (restored) (+2ms) ',
  '14:21:12   └─ /bg/products/a/index.html (cached) ',
  '\x1b[2m14:21:12\x1b[22m   \x1b[34m├─\x1b[39m /sr/index.html \x1b[2m(+5ms)\x1b[22m',
  ' generating optimized images ',
  '14:20:46   ▶ /_astro/front.z7HF177p_Z4kGQM.avif (before: 0kB, after: 0kB) (+268ms) (1/3)',
  '14:21:13   ▶ /_astro/front.z7HF177p_Z1fm3Vm.webp (reused cache entry) (+0ms) (2/3)',
  '\x1b[32m14:21:13\x1b[39m   ▶ /_astro/front.z7HF177p_Z1Fznt4.jpg \x1b[2m(reused cache entry)\x1b[22m (+0ms) (3/3)',
  '14:21:13 ✓ Completed in 2ms.',
].join('\n');

describe("the build's summary", () => {
  it("counts images reused and made, and pages rendered and copied, from Astro's log", () => {
    const reader = new BuildLogReader();
    reader.push(LOG);
    reader.end();
    expect({ ...reader }).toMatchObject({ imagesReused: 2, imagesMade: 1, pagesRendered: 5, pagesReused: 2 });
  });

  it('reads the log in chunks of any size', () => {
    const reader = new BuildLogReader();
    for (let i = 0; i < LOG.length; i += 7) reader.push(LOG.slice(i, i + 7));
    reader.end();
    expect({ ...reader }).toMatchObject({ imagesReused: 2, imagesMade: 1, pagesRendered: 5, pagesReused: 2 });
  });

  it('says what was reused and how long each phase took', () => {
    expect(
      formatSummary({
        imagesReused: 3,
        imagesMade: 0,
        pagesRendered: 45,
        pagesReused: 266,
        searchReused: ['bg', 'ro'],
        searchMade: ['en'],
        seconds: { check: 0.61, astro: 5.64, search: 0.12, total: 6.6 },
      }),
    ).toBe(
      [
        'Build summary:',
        '  processed images: 3 reused from the cache, 0 made',
        '  pages and files: 45 rendered, 266 reused from the last build',
        '  search indexes: reused for bg, ro; made for en',
        '  time: check 0.6 s, Astro build 5.6 s, search index 0.1 s, total 6.6 s',
      ].join('\n'),
    );
  });
});

describe('GitHub Actions annotations', () => {
  it('name the file, the field as title, the line of a body, the severity; and escape what the format reserves', () => {
    const path = (p: { file: string }) => `content/${p.file}`;
    expect(
      githubAnnotations(
        [
          problem('products/a/index.yaml', 'images[1]', 'found "side.png"; no such file beside the entry'),
          problem('news/b/index.en.md', 'line 12', 'a <script> element is removed\n(second line) 100%'),
          warning('products/a/index.ro.md', 'name', 'Romanian cedilla letters'),
          info('news/c/index.yaml', 'date', 'scheduled: published from 2027-01-01 on'),
          problem('clusters/a,b', undefined, 'two entries: one id'),
        ],
        path,
      ),
    ).toEqual([
      '::error file=content/products/a/index.yaml,title=klaster check%3A images[1]::found "side.png"; no such file beside the entry',
      '::error file=content/news/b/index.en.md,line=12,title=klaster check%3A content::a <script> element is removed%0A(second line) 100%25',
      '::warning file=content/products/a/index.ro.md,title=klaster check%3A name::Romanian cedilla letters',
      '::notice file=content/news/c/index.yaml,title=klaster check%3A date::scheduled: published from 2027-01-01 on',
      '::error file=content/clusters/a%2Cb,title=klaster check%3A content::two entries: one id',
    ]);
  });

  it('give paths from the repository root, or as the check names them outside it', () => {
    expect(repositoryPath(join('/repo', 'site', 'content', 'products', 'a', 'index.yaml'), 'products/a/index.yaml', '/repo')).toBe(
      'site/content/products/a/index.yaml',
    );
    expect(repositoryPath('/elsewhere/content/a.yaml', 'a.yaml', '/repo')).toBe('a.yaml');
  });
});
