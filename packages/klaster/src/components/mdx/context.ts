/**
 * What an MDX component knows of the text it stands in: the entry, its file
 * (for error messages), the page's locale, and the project it speaks of when
 * the editor names none. Body.astro makes it and passes it to every component.
 */
import type { TextRecord } from '../../lib/model.ts';
import type { CollectionName } from '../../lib/content/fields.ts';
import { direction, langTag, type Locale } from '../../lib/locales.ts';
import { contextProject, type MdxComponentName } from '../../lib/mdx-components.ts';
import type { Body, Site } from '../../data/site.ts';

export interface MdxContext {
  collection: CollectionName;
  id: string;
  /** The text's file below the content folder, e.g. projects/cloth/index.en.mdx. */
  file: string;
  /** The page's locale: components show their data in it. */
  locale: Locale;
  /** The page's language where the text around is in another one (a fallback body). */
  lang?: string;
  /** The page's direction there: the components' UI strings stay right to left inside an English body on an Arabic page. */
  dir?: 'ltr' | 'rtl';
}

export function mdxContext(record: TextRecord<CollectionName, Body>, pageLocale: Locale): MdxContext {
  const body = record.body;
  const slash = body.id.lastIndexOf('/');
  const id = body.id.slice(0, slash);
  const collection = body.collection.replace(/Text$/, '') as CollectionName;
  const name = body.filePath?.replace(/^.*[\\/]/, '') ?? `index.${body.id.slice(slash + 1)}.mdx`;
  return {
    collection,
    id,
    file: `${collection}/${id}/${name}`,
    locale: pageLocale,
    lang: record.locale !== pageLocale ? langTag(pageLocale) : undefined,
    dir: record.locale !== pageLocale ? direction(pageLocale) : undefined,
  };
}

/** A build error that names the text and the component, for what the content check cannot see. */
export function mdxError(context: MdxContext, component: MdxComponentName, message: string): Error {
  return new Error(`${context.file}: <${component}>: ${message} (content folder; see "Components in project pages" in docs/editors-guide.md)`);
}

/** The project a component shows: the one it names, else the text's own. */
export function mdxProject(model: Site, context: MdxContext, component: MdxComponentName, named: unknown) {
  if (named !== undefined && typeof named !== 'string') throw mdxError(context, component, 'project must be the id of a project, written project="project-id"');
  const id = named ?? contextProject(context.collection, context.id, model.entries[context.collection].get(context.id)?.facts);
  if (!id) throw mdxError(context, component, `this text belongs to no single project; name one: <${component} project="project-id" />`);
  const project = model.entries.projects.get(id);
  if (!project) throw mdxError(context, component, `there is no project "${id}"; the projects are ${[...model.entries.projects.keys()].join(', ')}`);
  return project;
}
