/**
 * The sections a site can switch off (`sections:` in site.yaml): the routes
 * each one owns and the collection whose entries it publishes. A section
 * that is off has no pages, no links, and its collection must be empty.
 */
import type { CollectionName } from '../content/fields.ts';
import type { SectionName } from './schema.ts';

export const sectionRoutes: Record<SectionName, readonly string[]> = {
  clusters: ['/[locale]/clusters'],
  members: ['/[locale]/members'],
  catalogue: ['/[locale]/catalogue', '/[locale]/products', '/[locale]/clusters/[id]/catalogue', '/[locale]/shortlist', '/[locale]/01', '/01'],
  projects: ['/[locale]/projects'],
  news: ['/[locale]/news', '/[locale]/clusters/[id]/news'],
  events: ['/[locale]/events'],
  newsletter: ['/[locale]/newsletter', '/klaster/eu-emblem.png'],
  search: ['/[locale]/search'],
};

export const sectionCollections: Partial<Record<SectionName, CollectionName>> = {
  clusters: 'clusters',
  members: 'organisations',
  catalogue: 'products',
  projects: 'projects',
  news: 'news',
  events: 'events',
  newsletter: 'newsletters',
};

/** Whether a route (an injected pattern such as `/[locale]/projects/[id]`) belongs to a section that is on. */
export function routeEnabled(pattern: string, sections: Record<SectionName, boolean>): boolean {
  return Object.entries(sectionRoutes).every(
    ([section, prefixes]) => sections[section as SectionName] || !prefixes.some((p) => pattern === p || pattern.startsWith(`${p}/`)),
  );
}
