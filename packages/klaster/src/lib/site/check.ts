/**
 * The site configuration against the content: links to pages that exist,
 * featured entries that exist, sections that are off with nothing in them.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CollectionName } from '../content/fields.ts';
import { problem, type Problem } from '../content/problems.ts';
import { packageDir } from '../package-dir.ts';
import { sectionCollections } from './sections.ts';
import type { NavItem, SectionName, SiteConfig } from './schema.ts';

/** Ids the content has, per collection. */
export type ContentIds = Record<CollectionName, ReadonlySet<string>>;

/** First path segments under /<locale>/ that Klaster's own pages use: no free page may take them. */
export function reservedPageIds(): Set<string> {
  const routes = join(packageDir(), 'src', 'routes', '[locale]');
  return new Set(readdirSync(routes).map((name) => name.replace(/\.(astro|ts)$/, '')).filter((name) => !name.startsWith('[')));
}

function knownPages(options: Iterable<string>): string {
  const list = [...options].sort();
  return list.length ? `; the pages are: ${list.join(', ')}` : '; there are no pages yet: create content/pages/<id>/ (klaster new pages <id>)';
}

export function checkSiteAgainstContent(config: SiteConfig, ids: ContentIds, file: string): Problem[] {
  const problems: Problem[] = [];
  const link = (item: NavItem, key: string) => {
    if ('page' in item && !ids.pages.has(item.page)) {
      problems.push(problem(file, `${key}.page`, `found "${item.page}", but content/pages/${item.page}/ does not exist${knownPages(ids.pages)}`));
    }
    if ('section' in item && !config.sections[item.section]) {
      problems.push(problem(file, `${key}.section`, `links to the ${item.section} section, which sections.${item.section} switches off; remove the link or switch the section on`));
    }
  };
  config.nav?.forEach((item, i) => link(item, `nav[${i}]`));
  config.footer.links.forEach((item, i) => link(item, `footer.links[${i}]`));

  const featured: [keyof SiteConfig['home'], CollectionName, SectionName][] = [
    ['products', 'products', 'catalogue'],
    ['members', 'organisations', 'members'],
    ['projects', 'projects', 'projects'],
    ['news', 'news', 'news'],
  ];
  for (const [key, collection, section] of featured) {
    const value = config.home[key];
    if (!Array.isArray(value)) continue;
    if (value.length && !config.sections[section]) {
      problems.push(problem(file, `home.${key}`, `features ${collection}, but sections.${section} is off; remove the list or switch the section on`));
    }
    value.forEach((id, i) => {
      if (!ids[collection].has(id)) problems.push(problem(file, `home.${key}[${i}]`, `found "${id}", but there is no such entry in content/${collection}/`));
    });
  }

  for (const [section, collection] of Object.entries(sectionCollections) as [SectionName, CollectionName][]) {
    if (!config.sections[section] && ids[collection].size > 0) {
      problems.push(
        problem(file, `sections.${section}`, `is false, but content/${collection}/ has ${ids[collection].size} entries that would not be published; switch the section on or remove the entries`),
      );
    }
  }
  const reserved = reservedPageIds();
  for (const id of ids.pages) {
    if (reserved.has(id)) problems.push(problem(`pages/${id}`, undefined, `the id "${id}" is the address of one of Klaster's own pages (/<locale>/${id}/); rename the folder`));
  }
  return problems;
}
