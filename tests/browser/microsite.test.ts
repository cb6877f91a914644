/**
 * Project microsites in a real browser (Chromium): the sub-navigation
 * reaches every section and marks the current one; the funding block says
 * the programme's statement and disclaimer in every locale, with the EU
 * emblem labelled and never smaller than a programme logo beside it; the
 * partners map's list names the partners the map shows; an event's .ics
 * downloads as a valid calendar.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { translator } from '../../packages/klaster/src/lib/i18n.ts';
import { localeCodes, langTag, type Locale } from '../../packages/klaster/src/lib/locales.ts';
import { displayName, localize, type SiteModel } from '../../packages/klaster/src/lib/model.ts';
import { projectSections, sectionPath } from '../../packages/klaster/src/lib/project-sections.ts';
import { paths } from '../../packages/klaster/src/lib/urls.ts';
import { useBrowserSite } from '../helpers/browser.ts';
import { DEMO_CONTENT } from '../helpers/build.ts';
import { modelOf } from '../helpers/model.ts';

const dist = inject('demoDist');
const site = useBrowserSite(dist);
let model: SiteModel<string>;
let page: Page;

beforeAll(async () => {
  model = modelOf(DEMO_CONTENT);
  page = await site.browser.newPage();
});
afterAll(() => page?.close());

const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
const url = (path: string) => site.server.url + path.replace(/^\//, '');
const pathOf = (href: string) => new URL(href).pathname;
const projects = () => model.all('projects');

describe('the microsite navigation', () => {
  it('reaches every section of every project and marks the one shown', async () => {
    expect(projects().length).toBeGreaterThanOrEqual(4);
    for (const [i, project] of projects().entries()) {
      const locale = localeCodes[i % localeCodes.length];
      const home = paths.project(locale, project.id);
      await page.goto(url(home));
      const t = translator(locale);
      const nav = page.getByRole('navigation', { name: t('project.navigation', { name: project.facts.acronym }) });
      expect(await nav.getByRole('link').count(), home).toBe(projectSections.length);
      for (const section of projectSections) {
        await nav.getByRole('link', { name: t(`project.section.${section}`), exact: true }).click();
        await page.waitForURL((u) => u.pathname === home + sectionPath(section));
        const current = nav.locator('[aria-current]');
        expect(await current.count(), `${home} ${section}`).toBe(1);
        expect(await current.getAttribute('aria-current')).toBe('page');
        expect(squash(await current.textContent())).toBe(t(`project.section.${section}`));
        expect(pathOf(await current.evaluate((a: HTMLAnchorElement) => a.href))).toBe(home + sectionPath(section));
        await expect.poll(() => page.locator('h1').count()).toBe(1);
      }
    }
  });
});

describe('the funding acknowledgement', () => {
  it.each(localeCodes)('shows the programme’s statement and disclaimer in %s, the emblem labelled', async (locale) => {
    const t = translator(locale);
    for (const project of projects()) {
      const programme = model.get('programmes', project.facts.programme);
      const text = localize(programme, locale).text;
      for (const section of ['overview', 'results'] as const) {
        const path = paths.project(locale, project.id) + sectionPath(section);
        await page.goto(url(path));
        expect(await page.locator('html').getAttribute('lang')).toBe(langTag(locale));
        const block = page.getByRole('complementary', { name: t('funding.title') });
        expect(await block.count(), path).toBe(1);
        const shown = squash(await block.textContent());
        expect(shown, path).toContain(squash(text.statement));
        expect(shown, path).toContain(squash(text.disclaimer));
        if (text.slogan) expect(shown, path).toContain(squash(text.slogan));
        const emblem = block.getByRole('img', { name: t('funding.emblemAlt'), exact: true });
        expect(await emblem.count(), path).toBe(programme.facts.emblem ? 1 : 0);
        // Each programme logo, described in this locale.
        const logos = block.locator('img');
        expect(await logos.count(), path).toBe(programme.facts.logos.length);
        for (const [i, ref] of programme.facts.logos.entries()) {
          const file = (ref as unknown as { file: string }).file;
          expect(await logos.nth(i).getAttribute('alt')).toBe(text.logoAlt?.[file] ?? text.shortName ?? text.name);
        }
      }
    }
  });

  it.each([
    { width: 1280, height: 900 },
    { width: 360, height: 740 },
  ])('draws the EU emblem at least as large as any programme logo beside it ($width px wide)', async (viewport) => {
    const context = await site.browser.newContext({ viewport });
    const p = await context.newPage();
    const withLogos = projects().filter((pr) => model.get('programmes', pr.facts.programme).facts.logos.length > 0);
    expect(withLogos.length, 'the demo programmes have logos').toBeGreaterThan(0);
    for (const project of withLogos) {
      await p.goto(url(paths.project('en', project.id)));
      const measure = () =>
        p.locator('aside.funding').evaluate((aside) => {
          const box = (el: Element) => {
            const r = el.getBoundingClientRect();
            return { width: r.width, height: r.height };
          };
          return { emblem: box(aside.querySelector('svg[role="img"]')!), logos: [...aside.querySelectorAll('img')].map(box) };
        });
      await p.waitForFunction(() => [...document.querySelectorAll('aside.funding img')].every((i) => (i as HTMLImageElement).complete));
      const { emblem, logos } = await measure();
      expect(emblem.height).toBeGreaterThanOrEqual(40);
      expect(logos.length).toBeGreaterThan(0);
      for (const logo of logos) {
        expect(logo.height, project.id).toBeGreaterThan(0);
        expect(emblem.height, project.id).toBeGreaterThanOrEqual(logo.height);
        expect(emblem.width, project.id).toBeGreaterThanOrEqual(logo.width);
      }
      // However large a logo file is, the block holds it to the emblem's size.
      await p.locator('aside.funding img').first().evaluate((img: HTMLImageElement) => {
        img.setAttribute('width', '1200');
        img.setAttribute('height', '900');
      });
      const after = await measure();
      expect(after.emblem.height).toBeGreaterThanOrEqual(after.logos[0].height);
      expect(after.emblem.width).toBeGreaterThanOrEqual(after.logos[0].width);
    }
    await context.close();
  });
});

describe('the partners map', () => {
  it.each(['en', 'sr-latn', 'ro'] as Locale[])('lists in %s the partners it shows, by their numbers', async (locale) => {
    for (const project of projects()) {
      const path = paths.project(locale, project.id) + sectionPath('partners');
      await page.goto(url(path));
      const partners = project.facts.partners
        .map((p) => (p.cluster ? model.get('clusters', p.cluster) : model.get('organisations', p.organisation!)))
        .filter((e) => e.facts.coordinates);
      const figure = page.locator('figure.map');
      expect(await figure.count(), path).toBe(partners.length ? 1 : 0);
      if (!partners.length) continue;
      const markers = await figure.locator('svg .markers text').allTextContents();
      const items = figure.locator('ol.map-list > li');
      expect(await items.count(), path).toBe(markers.length);
      const numbers = await items.evaluateAll((lis) => lis.map((li) => String((li as HTMLLIElement).value)));
      expect([...numbers].sort(), path).toEqual([...markers].sort());
      // The list names each partner on the map once, with a link to its page.
      const listed = await items.locator('a').evaluateAll((as) => as.map((a) => ({ name: a.textContent!.trim(), href: new URL((a as HTMLAnchorElement).href).pathname })));
      const expected = partners.map((e) => ({
        name: displayName(localize(e, locale).text),
        href: e.collection === 'clusters' ? paths.cluster(locale, e.id) : paths.member(locale, e.id),
      }));
      const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
      expect([...listed].sort(byName), path).toEqual([...expected].sort(byName));
      // The map is an image named by its title.
      expect(await figure.locator('svg[role="img"]').getAttribute('aria-labelledby'), path).toBeTruthy();
    }
  });
});

/** Unfolds iCalendar text and checks its structure strictly: lines, nesting, required properties. */
function parseCalendar(text: string) {
  expect(text.includes('\r\n'), 'lines end in CRLF').toBe(true);
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n').filter((l, i, all) => l !== '' || i < all.length - 1);
  const stack: string[] = [];
  const events: Record<string, string>[] = [];
  const calendar: Record<string, string> = {};
  for (const line of lines) {
    expect(line, 'a content line is NAME[;params]:value').toMatch(/^[A-Z][A-Z0-9-]*(;[^:]+)?:/);
    const colon = line.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    const name = line.slice(0, colon).split(';')[0];
    const value = line.slice(colon + 1);
    if (name === 'BEGIN') {
      stack.push(value);
      if (value === 'VEVENT') events.push({});
    } else if (name === 'END') {
      expect(stack.pop(), `END:${value} closes what was opened`).toBe(value);
    } else if (stack.at(-1) === 'VEVENT') events.at(-1)![name] = value;
    else if (stack.at(-1) === 'VCALENDAR') calendar[name] = value;
  }
  expect(stack).toEqual([]);
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(calendar.VERSION).toBe('2.0');
  expect(calendar.PRODID).toBeTruthy();
  for (const e of events) for (const required of ['UID', 'DTSTAMP', 'DTSTART']) expect(e[required], required).toBeTruthy();
  return events;
}

const unescapeText = (s: string) => s.replace(/\\([\\;,])/g, '$1').replace(/\\[nN]/g, '\n');

describe('an event’s calendar file', () => {
  it.each(['bg', 'sr-latn'] as Locale[])('downloads in %s as a valid calendar with the event’s title', async (locale) => {
    const event = model.all('events')[0];
    const title = localize(event, locale).text.title;
    const context = await site.browser.newContext({ acceptDownloads: true });
    const p = await context.newPage();
    await p.goto(url(paths.event(locale, event.id)));
    const [download] = await Promise.all([
      p.waitForEvent('download'),
      p.getByRole('link', { name: translator(locale)('feeds.addToCalendar') }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${event.id}.ics`);
    const file = await download.path();
    const events = parseCalendar(readFileSync(file, 'utf8'));
    expect(events.length).toBe(1);
    expect(unescapeText(events[0].SUMMARY)).toBe(title);
    expect(events[0].URL ?? '').toContain(paths.event(locale, event.id));
    await context.close();
  });
});
