/**
 * "Safe by default": the valid fixture built with a project whose facts file
 * is index.yml and that has a result document, no events at all, and a news
 * item dated after the build date. The document is published; no empty
 * calendar is written or linked; the open data CSV starts with a UTF-8
 * byte-order mark; the future news item appears nowhere until its day.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localeCodes } from '../../packages/klaster/src/lib/locales.ts';
import { paths } from '../../packages/klaster/src/lib/urls.ts';
import { build, ROOT, tempDir, type BuildRun } from '../helpers/build.ts';

const work = tempDir('safe-defaults');
const content = join(work, 'content');
const dist = join(work, 'dist');
const FUTURE_TITLE = 'Scheduled announcement of the demo project';
let run: BuildRun;

afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  cpSync(join(ROOT, 'tests/fixtures/valid'), content, { recursive: true });
  rmSync(join(content, 'events'), { recursive: true });
  const project = join(content, 'projects/demo-project');
  renameSync(join(project, 'index.yaml'), join(project, 'index.yml'));
  writeFileSync(join(project, 'index.yml'), '\nresults:\n  - { id: final-report, file: final-report.pdf, type: report, language: en }\n', { flag: 'a' });
  writeFileSync(join(project, 'final-report.pdf'), '%PDF-1.4 demo document');
  const future = join(content, 'news/future-news');
  mkdirSync(future);
  writeFileSync(join(future, 'index.yaml'), 'date: 2027-03-01\nprojects: [demo-project]\n');
  writeFileSync(join(future, 'index.en.md'), `---\ntitle: ${FUTURE_TITLE}\nsummary: Not yet.\n---\nAnnounced in March.\n`);
  run = build(content, dist, { KLASTER_CACHE_DIR: join(work, 'cache'), KLASTER_BUILD_DATE: '2026-11-21' });
  expect(run.status, run.output.slice(-3000)).toBe(0);
});

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [relative(dist, p)];
  });
}
const html = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');

describe('a project whose facts file is index.yml', () => {
  it('has its result documents published and listed', () => {
    const published = join(dist, paths.projectFile('demo-project', 'final-report.pdf'));
    expect(existsSync(published)).toBe(true);
    expect(readFileSync(published, 'utf8')).toBe('%PDF-1.4 demo document');
    expect(html(`${paths.project('en', 'demo-project')}results/`)).toContain('final-report.pdf');
  });
});

describe('a site without events', () => {
  it('writes no calendar file, since an iCalendar needs at least one event', () => {
    expect(files(dist).filter((f) => f.endsWith('.ics'))).toEqual([]);
  });
  it.each(localeCodes)('links to no calendar in %s', (locale) => {
    expect(html(paths.events(locale))).not.toContain('.ics');
    expect(html(`${paths.project(locale, 'demo-project')}events/`)).not.toContain('.ics');
  });
});

describe('the open data CSV', () => {
  it('starts with a UTF-8 byte-order mark; the JSON does not', () => {
    for (const collection of ['clusters', 'organisations', 'products']) {
      expect([...readFileSync(join(dist, 'data', `${collection}.csv`)).subarray(0, 3)], collection).toEqual([0xef, 0xbb, 0xbf]);
      expect(readFileSync(join(dist, 'data', `${collection}.json`))[0], collection).toBe('{'.charCodeAt(0));
    }
  });
});

describe('a news item dated after the build date', () => {
  it('is reported as scheduled by the check, which passes', () => {
    expect(run.output).toContain('news/future-news/index.yaml');
    expect(run.output).toMatch(/info: date: scheduled/);
  });
  it('has no page in any locale, and is in no list, feed, sitemap or other file', () => {
    for (const locale of localeCodes) expect(existsSync(join(dist, paths.news(locale, 'future-news'))), locale).toBe(false);
    const mentions = files(dist)
      .filter((f) => /\.(html|xml|json|csv|txt|ics)$/.test(f))
      .filter((f) => {
        const text = readFileSync(join(dist, f), 'utf8');
        return text.includes('future-news') || text.includes(FUTURE_TITLE);
      });
    expect(mentions).toEqual([]);
  });
  it('leaves the news already published in place', () => {
    expect(existsSync(join(dist, paths.news('en', 'demo-news'), 'index.html'))).toBe(true);
    expect(html(paths.newsList('en'))).toContain(paths.news('en', 'demo-news'));
    expect(readFileSync(join(dist, 'en/news/rss.xml'), 'utf8')).toContain('Demo news');
  });
});

describe('a site without a newsletter provider', () => {
  it('has no subscription form on the newsletter pages, in any locale', () => {
    for (const locale of localeCodes) {
      // The header's search form posts nowhere (method get); a subscription form would post.
      expect(html(paths.newsletters(locale)), locale).not.toContain('method="post"');
      expect(html(paths.newsletter(locale, '2012-02')), locale).not.toContain('method="post"');
    }
  });
  it('lets forms post to the site only, and the e-mail version asks for a reply to unsubscribe', () => {
    expect(readFileSync(join(dist, '_headers'), 'utf8')).toMatch(/form-action 'self';/);
    const email = readFileSync(join(dist, paths.newsletter('en', '2012-02'), 'email.html'), 'utf8');
    expect(email).toContain('Reply to this e-mail to unsubscribe.');
    expect(email).not.toMatch(/UnsubscribeURL|\*\|UNSUB\|\*/);
  });
});
