/**
 * Structured-data gate: every `<script type="application/ld+json">` parses
 * as JSON and each schema.org object in it carries the properties its
 * @type needs (what search engines need for a rich result).
 */
import { findAll, parseHtml, textOf, type Failure, type Page } from './html.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Properties each type needs; an inner array means "one of these". */
export const REQUIRED: Record<string, (string | string[])[]> = {
  Organization: ['name', 'url'],
  Product: ['name', 'image', ['manufacturer', 'brand']],
  Event: ['name', 'startDate', 'location'],
  NewsArticle: ['headline', 'datePublished'],
  BreadcrumbList: ['itemListElement'],
  Project: ['name'],
};

/** What a typed object inside another (a manufacturer, a location...) needs. */
export const REQUIRED_NESTED: Record<string, (string | string[])[]> = {
  Organization: ['name'],
  Person: ['name'],
  Brand: ['name'],
  Place: [['name', 'address']],
  ListItem: ['position'],
};

/** Properties that must be absolute URLs where present (or lists of them). */
const URL_PROPERTIES = ['url', 'image', 'logo', 'item', 'mainEntityOfPage'];
/** Properties that must be ISO 8601 dates where present. */
const DATE_PROPERTIES = ['startDate', 'endDate', 'datePublished', 'dateModified', 'foundingDate', 'dissolutionDate'];

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

const present = (v: Json | undefined): boolean =>
  v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '') && !(Array.isArray(v) && v.length === 0);

function isAbsoluteUrl(v: Json): boolean {
  if (typeof v !== 'string') return isObject(v); // an ImageObject or a WebPage object is fine
  try {
    const url = new URL(v);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const isIsoDate = (v: Json): boolean =>
  typeof v === 'string' && /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/.test(v) && !Number.isNaN(Date.parse(v.length === 4 ? `${v}-01-01` : v));

const typesOf = (o: JsonObject): string[] => {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
};

/** What is wrong with one schema.org object (and the objects nested in it). */
export function checkObject(o: JsonObject, where: string, nested = false): string[] {
  const problems: string[] = [];
  const types = typesOf(o);
  const label = `${where}${types.length ? ` ${types.join('/')}` : ''}`;
  if (!types.length) problems.push(`${where}: no @type`);
  for (const type of types) {
    for (const need of (nested ? REQUIRED_NESTED : REQUIRED)[type] ?? []) {
      const options = Array.isArray(need) ? need : [need];
      if (!options.some((p) => present(o[p]))) problems.push(`${label}: missing ${options.join(' or ')}`);
    }
  }
  for (const p of URL_PROPERTIES) {
    const v = o[p];
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) {
      if (!isAbsoluteUrl(item)) problems.push(`${label}: ${p} is not an absolute URL: ${JSON.stringify(item)}`);
    }
  }
  for (const p of DATE_PROPERTIES) {
    if (o[p] !== undefined && !isIsoDate(o[p]!)) problems.push(`${label}: ${p} is not an ISO 8601 date: ${JSON.stringify(o[p])}`);
  }
  if (types.includes('BreadcrumbList') && present(o.itemListElement)) {
    const items = o.itemListElement;
    if (!Array.isArray(items)) problems.push(`${label}: itemListElement is not a list`);
    else {
      items.forEach((item, i) => {
        if (!isObject(item)) return problems.push(`${label}: item ${i + 1} is not an object`);
        if (item.position !== i + 1) problems.push(`${label}: item ${i + 1} has position ${JSON.stringify(item.position)}, expected ${i + 1}`);
        if (!present(item.name)) problems.push(`${label}: item ${i + 1} has no name`);
        // The last crumb (the page itself) may leave out item; every other one needs it.
        if (!present(item.item) && i < items.length - 1) problems.push(`${label}: item ${i + 1} has no item (URL)`);
      });
    }
  }
  // Nested objects with a @type of their own (manufacturer, location...).
  for (const [key, value] of Object.entries(o)) {
    if (key.startsWith('@') || key === 'itemListElement') continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      if (isObject(v) && v['@type'] !== undefined) problems.push(...checkObject(v, `${label}.${key}`, true));
    }
  }
  return problems;
}

/** The problems of one JSON-LD block's text. */
export function checkBlock(text: string, where = 'JSON-LD'): string[] {
  let data: Json;
  try {
    data = JSON.parse(text) as Json;
  } catch (e) {
    return [`${where}: does not parse as JSON (${(e as Error).message})`];
  }
  const roots = Array.isArray(data) ? data : isObject(data) && Array.isArray(data['@graph']) ? data['@graph'] : [data];
  const problems: string[] = [];
  if (!roots.length) problems.push(`${where}: empty`);
  const context = isObject(data) ? data['@context'] : undefined;
  roots.forEach((root, i) => {
    const at = roots.length > 1 ? `${where}[${i}]` : where;
    if (!isObject(root)) return problems.push(`${at}: not an object`);
    const ctx = root['@context'] ?? context;
    if (typeof ctx !== 'string' || !/^https?:\/\/schema\.org\/?$/.test(ctx)) problems.push(`${at}: @context is not https://schema.org (${JSON.stringify(ctx)})`);
    problems.push(...checkObject(root, at));
  });
  return problems;
}

/** The JSON-LD problems of one page. */
export function checkJsonLdPage(page: Pick<Page, 'page' | 'html'>): Failure[] {
  const blocks = findAll(parseHtml(page.html), (e) => e.name === 'script' && (e.attribs.type ?? '').trim().toLowerCase() === 'application/ld+json');
  return blocks.flatMap((block, i) =>
    checkBlock(textOf(block), blocks.length > 1 ? `JSON-LD block ${i + 1}` : 'JSON-LD').map((reason) => ({ page: page.page, reason })),
  );
}

export function checkJsonLd(pages: Pick<Page, 'page' | 'html'>[]): Failure[] {
  return pages.flatMap(checkJsonLdPage);
}
