/**
 * The RSS feeds of the built demo site: one per locale and one per project
 * and locale, each well-formed XML (checked strictly, not by a forgiving
 * parser), RSS 2.0 with the locale's language tag, items newest first whose
 * links are absolute addresses of pages that exist in the site, and linked
 * from the heads of the pages they belong to.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseDocument, DomUtils } from 'htmlparser2';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { basePath, siteUrl } from '../../packages/klaster/src/lib/config.ts';
import { langTag, localeCodes, type Locale } from '../../packages/klaster/src/lib/locales.ts';
import type { SiteModel } from '../../packages/klaster/src/lib/model.ts';
import { paths, withBase } from '../../packages/klaster/src/lib/urls.ts';
import { DEMO_CONTENT } from '../helpers/build.ts';
import { modelOf } from '../helpers/model.ts';

const dist = inject('demoDist');
const site = siteUrl();
const base = basePath();
let model: SiteModel<string>;

beforeAll(() => {
  model = modelOf(DEMO_CONTENT);
});

const NAME = '[A-Za-z_][\\w.:-]*';
const ATTRIBUTE = new RegExp(`\\s+(${NAME})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, 'y');
const START = new RegExp(`<(${NAME})`, 'y');
const END = new RegExp(`</(${NAME})\\s*>`, 'y');
const BAD_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)/;

/**
 * Well-formedness problems of an XML document (no DTDs): one root element,
 * every element closed in order, attributes quoted and not repeated,
 * ampersands only in entity references, nothing but space outside the root.
 */
function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const skip = (open: string, close: string) => {
    const end = xml.indexOf(close, i + open.length);
    if (end < 0) {
      problems.push(`${open} at ${i} is never closed`);
      return xml.length;
    }
    return end + close.length;
  };
  if (xml.charCodeAt(0) === 0xfeff) i = 1;
  while (i < xml.length && problems.length < 5) {
    if (xml[i] !== '<') {
      const next = xml.indexOf('<', i);
      const text = xml.slice(i, next < 0 ? xml.length : next);
      if (!stack.length && text.trim()) problems.push(`text outside the root element at ${i}`);
      if (BAD_AMPERSAND.test(text)) problems.push(`a bare & in text at ${i}`);
      if (text.includes(']]>')) problems.push(`]]> in text at ${i}`);
      i = next < 0 ? xml.length : next;
    } else if (xml.startsWith('<!--', i)) i = skip('<!--', '-->');
    else if (xml.startsWith('<![CDATA[', i)) {
      if (!stack.length) problems.push(`CDATA outside the root element at ${i}`);
      i = skip('<![CDATA[', ']]>');
    } else if (xml.startsWith('<?', i)) {
      if (xml.startsWith('<?xml', i) && i > (xml.charCodeAt(0) === 0xfeff ? 1 : 0)) problems.push(`an XML declaration not at the start, at ${i}`);
      i = skip('<?', '?>');
    } else if (xml.startsWith('</', i)) {
      END.lastIndex = i;
      const m = END.exec(xml);
      if (!m) {
        problems.push(`a malformed end tag at ${i}`);
        break;
      }
      const open = stack.pop();
      if (open !== m[1]) problems.push(`</${m[1]}> at ${i} closes ${open ? `<${open}>` : 'nothing'}`);
      i = END.lastIndex;
    } else {
      START.lastIndex = i;
      const m = START.exec(xml);
      if (!m) {
        problems.push(`a malformed tag at ${i}`);
        break;
      }
      let j = START.lastIndex;
      const seen = new Set<string>();
      for (;;) {
        ATTRIBUTE.lastIndex = j;
        const a = ATTRIBUTE.exec(xml);
        if (!a) break;
        if (seen.has(a[1])) problems.push(`attribute ${a[1]} repeated at ${j}`);
        seen.add(a[1]);
        if (BAD_AMPERSAND.test(a[2] ?? a[3])) problems.push(`a bare & in attribute ${a[1]} at ${j}`);
        j = ATTRIBUTE.lastIndex;
      }
      const close = /\s*(\/?)>/y;
      close.lastIndex = j;
      const c = close.exec(xml);
      if (!c) {
        problems.push(`a malformed <${m[1]}> tag at ${i}`);
        break;
      }
      if (!stack.length && roots++ > 0) problems.push(`a second root element <${m[1]}> at ${i}`);
      if (!c[1]) stack.push(m[1]);
      i = close.lastIndex;
    }
  }
  if (stack.length) problems.push(`unclosed: ${stack.map((s) => `<${s}>`).join(' ')}`);
  if (!roots) problems.push('no root element');
  return problems;
}

describe('the strict XML check', () => {
  it('accepts well-formed XML', () => {
    expect(xmlProblems('<?xml version="1.0"?><a x="1 &amp; 2"><b/><![CDATA[<&>]]><!-- c --> &#233; </a>\n')).toEqual([]);
  });
  it.each([
    ['<a><b></a></b>', 'closes'],
    ['<a>', 'unclosed'],
    ['<a>1 & 2</a>', 'bare &'],
    ['<a x="1" x="2"/>', 'repeated'],
    ['<a x=1/>', 'malformed'],
    ['<a/><b/>', 'second root'],
    ['<a/>text', 'outside'],
    ['</a>', 'closes nothing'],
  ])('rejects %s', (xml, problem) => {
    expect(xmlProblems(xml).join('; ')).toContain(problem);
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const text = (el: ReturnType<typeof DomUtils.findAll>[number] | null | undefined) => (el ? DomUtils.textContent(el).trim() : undefined);

/** The feed's channel and items, from the parsed document. */
function readFeed(xml: string) {
  const doc = parseDocument(xml, { xmlMode: true });
  const root = DomUtils.findOne(() => true, doc.children, false);
  const channel = root && DomUtils.findOne((e) => e.name === 'channel', root.children, false);
  const child = (parent: typeof channel, name: string) => (parent ? DomUtils.findOne((e) => e.name === name, parent.children, false) : null);
  const items = DomUtils.findAll((e) => e.name === 'item', doc.children);
  return {
    root: root ? { name: root.name, version: root.attribs.version } : undefined,
    language: text(child(channel, 'language')),
    title: text(child(channel, 'title')),
    link: text(child(channel, 'link')),
    items: items.map((item) => ({ title: text(child(item, 'title')), link: text(child(item, 'link')), pubDate: text(child(item, 'pubDate')) })),
  };
}

const feedPaths = () => [
  ...localeCodes.map((locale) => ({ locale, path: paths.newsFeed(locale), news: model.newsNewestFirst(), page: paths.newsList(locale), list: paths.newsList(locale) })),
  ...model.all('projects').flatMap((p) =>
    localeCodes.map((locale) => ({ locale, path: paths.projectFeed(locale, p.id), news: model.newsOf('projects', p.id), page: paths.project(locale, p.id), list: paths.projectNews(locale, p.id) })),
  ),
];

describe('the feeds of the demo site', () => {
  it('are the feeds of every locale and of every project in every locale, and no others', () => {
    const found = walk(dist)
      .filter((f) => f.endsWith(`${sep}rss.xml`))
      .map((f) => `/${relative(dist, f).split(sep).join('/')}`)
      .sort();
    expect(found).toEqual(feedPaths().map((f) => f.path).sort());
  });

  it('parse as XML: RSS 2.0 with their locale’s language, items newest first, linking to pages that exist', () => {
    for (const { locale, path, news, list } of feedPaths()) {
      const xml = readFileSync(join(dist, path), 'utf8');
      expect(xmlProblems(xml), path).toEqual([]);
      const feed = readFeed(xml);
      expect(feed.root, path).toEqual({ name: 'rss', version: '2.0' });
      expect(feed.language, path).toBe(langTag(locale as Locale));
      expect(feed.title, path).toBeTruthy();
      expect(feed.link, path).toMatch(/^https?:\/\//);
      // The channel links to the news list the feed follows.
      expect(new URL(feed.link!).pathname, path).toBe(withBase(list, base));
      expect(feed.items.length, path).toBe(news.length);
      const dates = feed.items.map((item) => Date.parse(item.pubDate!));
      for (const d of dates) expect(Number.isNaN(d), path).toBe(false);
      expect(dates, `${path}: newest first`).toEqual([...dates].sort((a, b) => b - a));
      for (const item of feed.items) {
        expect(item.title, path).toBeTruthy();
        const link = new URL(item.link!); // throws unless absolute
        expect(link.origin, item.link).toBe(new URL(site).origin);
        expect(link.pathname.startsWith(withBase(`/${locale}/news/`, base)), item.link).toBe(true);
        const file = join(dist, link.pathname.slice(base.length), 'index.html');
        expect(existsSync(file), `${path}: ${item.link} has no page`).toBe(true);
      }
      // The items are the list's news, newest first.
      expect(feed.items.map((item) => new URL(item.link!).pathname), path).toEqual(news.map((id) => withBase(paths.news(locale, id), base)));
    }
  });

  it('are linked from the heads of their pages', () => {
    for (const { path, page } of feedPaths()) {
      const html = readFileSync(join(dist, page, 'index.html'), 'utf8');
      const doc = parseDocument(html);
      const head = DomUtils.findOne((e) => e.name === 'head', doc.children)!;
      const feeds = DomUtils.findAll((e) => e.name === 'link' && e.attribs.rel === 'alternate' && e.attribs.type === 'application/rss+xml', head.children);
      expect(feeds.map((l) => l.attribs.href), page).toContain(withBase(path, base));
    }
  });
});
