/**
 * The MDX components in the built demo: the CLOTH project's texts use all of
 * them, and each renders its data in the page's locale (partners linked,
 * timeline in order, a responsive figure with its caption, indicator bars
 * with their figures as text, the funding notice, the map with its list).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { checkContent, type CheckedContent } from '../../packages/klaster/src/lib/content/check.ts';
import { attr, findAll, parseHtml, textOf, type HtmlElement } from '../gates/html.ts';
import { entryPath } from '../../packages/klaster/src/lib/urls.ts';
import type { Locale } from '../../packages/klaster/src/lib/locales.ts';
import { DEMO_CONTENT } from '../helpers/build.ts';

const demoDist = inject('demoDist');
const PROJECT = 'cloth';
const LOCALES: Locale[] = ['en', 'bg', 'sr', 'ro'];

let content: CheckedContent;
beforeAll(() => {
  content = checkContent(DEMO_CONTENT, { today: '2026-11-21' }).content;
});

const cls = (name: string) => (el: HtmlElement) => (attr(el, 'class') ?? '').split(/\s+/).includes(name);
const tag = (name: string) => (el: HtmlElement) => el.name === name;

/** The rendered body of the project's overview page in a locale. */
function prose(locale: Locale): HtmlElement {
  const html = readFileSync(join(demoDist, entryPath.projects(locale, PROJECT), 'index.html'), 'utf8');
  const [body] = findAll(parseHtml(html), cls('prose'));
  expect(body, `${locale}: the page has the project's text`).toBeDefined();
  return body;
}

describe.each(LOCALES)('the MDX components of the CLOTH overview in %s', (locale) => {
  const facts = () => content.projects.get(PROJECT)!.facts;

  it('lists the partners, each linked to its page in this locale', () => {
    const [list] = findAll(prose(locale), cls('partner-list'));
    expect(list).toBeDefined();
    const links = findAll(list, tag('a'));
    const expected = facts().partners.map((p) => (p.cluster ? entryPath.clusters(locale, p.cluster) : entryPath.organisations(locale, p.organisation!)));
    expect(links.map((a) => attr(a, 'href'))).toEqual(expected);
    for (const a of links) expect(textOf(a).trim()).not.toBe('');
  });

  it('shows the timeline in date order: start, the project\'s events, end', () => {
    const [timeline] = findAll(prose(locale), cls('timeline'));
    expect(timeline).toBeDefined();
    const items = findAll(timeline, tag('li'));
    const dates = items.map((li) => attr(findAll(li, tag('time'))[0], 'datetime')!);
    expect(dates).toEqual([...dates].sort());
    expect(dates[0]).toBe(facts().start);
    expect(dates.at(-1)).toBe(facts().end);
    const events = [...content.events.values()].filter((e) => e.facts.projects.includes(PROJECT)).map((e) => entryPath.events(locale, e.id));
    expect(events.length).toBeGreaterThan(0);
    expect(findAll(timeline, tag('a')).map((a) => attr(a, 'href')).sort()).toEqual(events.sort());
  });

  it('shows the figure as a responsive picture with its description and caption', () => {
    const [figure] = findAll(prose(locale), cls('figure'));
    expect(figure).toBeDefined();
    const [img] = findAll(figure, tag('img'));
    expect(attr(img, 'alt')?.trim()).toBeTruthy();
    expect(attr(img, 'width')).toMatch(/^\d+$/);
    const avif = findAll(figure, (el) => el.name === 'source' && attr(el, 'type') === 'image/avif');
    expect(avif.length).toBe(1);
    expect(attr(avif[0], 'sizes')).toBeTruthy();
    expect((attr(avif[0], 'srcset') ?? '').split(',').length).toBeGreaterThan(1);
    const [caption] = findAll(figure, tag('figcaption'));
    expect(textOf(caption).trim().length).toBeGreaterThan(10);
  });

  it('draws the indicator bars with the figures as text', () => {
    const [table] = findAll(prose(locale), cls('indicators'));
    expect(table).toBeDefined();
    expect(textOf(findAll(table, tag('caption'))[0]).trim()).not.toBe('');
    const rows = findAll(findAll(table, tag('tbody'))[0], tag('tr'));
    const exchanges = facts().indicators.find((i) => i.id === 'exchanges')!;
    expect(rows.length).toBe(1 + (exchanges.breakdown?.length ?? 0));
    for (const row of rows) {
      expect(textOf(findAll(row, tag('th'))[0]).trim()).not.toBe('');
      const cells = findAll(row, tag('td')).map((td) => textOf(td));
      expect(cells[cells.length - 1]).toMatch(/\d\s?%/);
      for (const svg of findAll(row, tag('svg'))) expect(attr(svg, 'aria-hidden')).toBe('true');
    }
    expect(textOf(rows[0])).toContain(String(exchanges.target));
  });

  it('acknowledges the funding once a page: the project\'s own text adds none to the head\'s', () => {
    // The EU's visibility rules want the emblem and statement once a page; the project layout shows them under the name.
    expect(findAll(prose(locale), cls('funding'))).toEqual([]);
    const page = parseHtml(readFileSync(join(demoDist, entryPath.projects(locale, PROJECT), 'index.html'), 'utf8'));
    const blocks = findAll(page, cls('funding'));
    expect(blocks).toHaveLength(1);
    const programme = content.programmes.get(facts().programme)!;
    expect(textOf(blocks[0])).toContain(programme.texts[locale]!.data.statement);
    const [emblem] = findAll(blocks[0], tag('svg'));
    expect(attr(emblem, 'role')).toBe('img');
    expect(attr(emblem, 'aria-label')).toBeTruthy();
  });

  it('draws the partners\' map as SVG with the list of places', () => {
    const [map] = findAll(prose(locale), cls('map'));
    expect(map).toBeDefined();
    const [svg] = findAll(map, tag('svg'));
    expect(attr(svg, 'role')).toBe('img');
    const list = findAll(map, cls('map-list'))[0];
    const located = facts().partners.filter((p) => {
      const target = p.cluster ? content.clusters.get(p.cluster) : content.organisations.get(p.organisation!);
      return target?.facts.coordinates;
    });
    expect(findAll(list, tag('li')).length).toBe(located.length);
    // One numbered marker a place (a marker moved off a shared place also has a dot where the place is).
    expect(findAll(findAll(svg, cls('markers'))[0], tag('circle')).length).toBe(located.length);
  });
});
