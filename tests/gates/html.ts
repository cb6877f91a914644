/**
 * What the quality gates share: the failure type, reading the HTML pages of
 * a built site, and a real HTML parser (htmlparser2: small, fast, forgiving
 * like a browser, and it decodes entities in attributes, which a regex
 * would not).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';

/** One problem a gate found: the page (a site path or a file) and why. */
export interface Failure {
  page: string;
  reason: string;
}

export type HtmlDocument = ReturnType<typeof parseDocument>;
export type HtmlElement = ReturnType<typeof DomUtils.findAll>[number];

export function parseHtml(html: string): HtmlDocument {
  return parseDocument(html, { decodeEntities: true, lowerCaseAttributeNames: true, lowerCaseTags: true });
}

/** Every element of a document that passes a test, in document order. */
/** An element's parent when that is an element (not the document). */
export function parentOf(el: HtmlElement): HtmlElement | undefined {
  const parent = el.parent;
  return parent && 'attribs' in parent ? (parent as HtmlElement) : undefined;
}

export function findAll(doc: HtmlDocument | HtmlElement, test: (el: HtmlElement) => boolean): HtmlElement[] {
  return DomUtils.findAll(test, doc.children);
}

export function textOf(el: HtmlElement): string {
  return DomUtils.textContent(el);
}

/** Every file under a folder, as paths relative to it with forward slashes, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * The site path a file of dist is served at, without the base:
 * `en/news/a/index.html` is `/en/news/a/`, `404.html` is `/404.html`.
 */
export function sitePathOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

export interface Page {
  /** The site path, without the base: `/en/news/a/`. */
  page: string;
  /** The file, relative to dist: `en/news/a/index.html`. */
  file: string;
  html: string;
}

/**
 * Whether an HTML file is a page of the site. The newsletter's e-mail
 * versions are not: they are documents for mail tools, with inline styles
 * and absolute addresses by design (tested on their own).
 */
export function isSitePage(file: string): boolean {
  return file.endsWith('.html') && !/(^|\/)newsletter\/\d{4}-\d{2}\/email\.html$/.test(file);
}

/** Every HTML page of a built site. */
export function readPages(dist: string): Page[] {
  return listFiles(dist)
    .filter(isSitePage)
    .map((file) => ({ page: sitePathOf(file), file, html: readFileSync(join(dist, file), 'utf8') }));
}

/** Attribute value, or undefined. */
export function attr(el: HtmlElement, name: string): string | undefined {
  return el.attribs[name];
}

/** A short description of an element for a failure message: `<a href="/x/">`. */
export function describe(el: HtmlElement, ...names: string[]): string {
  const shown = names.filter((n) => el.attribs[n] !== undefined).map((n) => ` ${n}="${shorten(el.attribs[n]!)}"`);
  return `<${el.name}${shown.join('')}>`;
}

/** A value for a message: whitespace collapsed, cut to `max` characters. */
export function shorten(value: string, max = 120): string {
  const v = value.replace(/\s+/g, ' ').trim();
  return v.length > max ? `${v.slice(0, max - 1)}…` : v;
}
