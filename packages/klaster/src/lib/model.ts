/**
 * The site model: facts and texts joined into entries, and every lookup the
 * pages need (members of a cluster, products of a maker, news of a project)
 * built once, in one pass over each collection. Pages only read from it, so
 * no page scans a whole collection and a build stays linear in content size.
 *
 * Plain TypeScript: the Astro side (src/data/site.ts) feeds it the
 * collections; tests feed it checked fixture content.
 */
import { derivedFrom, fallbackRomanisation, localeCodes, intlTag, usesCommaBelow, type Locale } from './locales.ts';
import { bulgarianToLatin, serbianLatin, serbianToLatin, transliterateDeep } from './transliterate.ts';
import type { CollectionName } from './content/fields.ts';
import type { Facts, Text } from './content/schemas.ts';
import { deepCommaBelow } from './romanian.ts';

export interface TextRecord<C extends CollectionName, B = unknown> {
  locale: Locale;
  data: Partial<Text<C>>;
  /** Whatever renders the body (an Astro collection entry); opaque here. */
  body: B;
  hasBody: boolean;
  /** The body is another locale's, to be transliterated when rendered, by this language's system. */
  transliterate?: 'serbian' | 'bulgarian';
  /** Phrases the transliteration leaves as written (the text's `keepAsWritten`). */
  keepAsWritten?: readonly string[];
}

export interface Entry<C extends CollectionName = CollectionName, B = unknown> {
  collection: C;
  id: string;
  facts: Facts<C>;
  source: Locale;
  texts: Partial<Record<Locale, TextRecord<C, B>>>;
}

export interface Localized<C extends CollectionName, B = unknown> {
  entry: Entry<C, B>;
  locale: Locale;
  /** The text fields, each in `locale` where translated, else in the source locale. */
  text: Text<C>;
  /** The locale has its own text file. */
  translated: boolean;
  /** Fields shown in the source locale because `locale` lacks them. */
  fallbackFields: string[];
  /** The body to render and the locale it is written in. */
  body: TextRecord<C, B> | undefined;
  /** Anything on the page is shown in the source locale. */
  fallback: boolean;
  /** The source locale's fallback text is romanised (a Bulgarian text on a Serbian Latin page). */
  romanised: boolean;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** Joins the source text and a translation, field by field. */
export function localize<C extends CollectionName, B>(entry: Entry<C, B>, locale: Locale): Localized<C, B> {
  const source = entry.texts[entry.source];
  const own = entry.texts[locale];
  const base = (source?.data ?? {}) as Record<string, unknown>;
  const mine = (own?.data ?? {}) as Record<string, unknown>;
  const text: Record<string, unknown> = { ...base };
  const fallbackFields: string[] = [];
  for (const [key, value] of Object.entries(base)) {
    const translated = mine[key];
    if (translated === undefined) {
      if (locale !== entry.source) fallbackFields.push(key);
      continue;
    }
    if (isPlainObject(value) && isPlainObject(translated)) {
      text[key] = { ...value, ...translated };
      if (Object.keys(value).some((k) => translated[k] === undefined)) fallbackFields.push(key);
    } else text[key] = translated;
  }
  for (const [key, value] of Object.entries(mine)) if (!(key in base)) text[key] = value;
  let body = own?.hasBody ? own : source;
  const bodyFallback = locale !== entry.source && !!source?.hasBody && !own?.hasBody;
  if (bodyFallback) fallbackFields.push('body');
  // On a derived Latin page (Serbian Latin), another Cyrillic language's text
  // is romanised by its own system, the same in every list, map and JSON-LD.
  const romanised = fallbackRomanisation(locale, entry.source);
  if (romanised) {
    const fn = romanised === 'bulgarian' ? bulgarianToLatin : serbianToLatin;
    for (const key of fallbackFields) if (key !== 'body') text[key] = transliterateDeep(text[key], fn);
    if (bodyFallback && body) body = { ...body, transliterate: romanised };
  }
  return {
    entry,
    locale,
    romanised: !!romanised && fallbackFields.length > 0,
    text: text as Text<C>,
    translated: !!own,
    fallbackFields,
    body,
    fallback: locale !== entry.source && (!own || fallbackFields.length > 0),
  };
}

export interface ModelInput<B> {
  facts: { [C in CollectionName]: { id: string; data: Facts<C> }[] };
  texts: { [C in CollectionName]: { id: string; locale: Locale; data: Partial<Text<C>>; body: B; hasBody: boolean }[] };
}

type Index = Map<string, string[]>;

function push(index: Index, key: string, value: string) {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

export interface SiteModel<B = unknown> {
  entries: { [C in CollectionName]: Map<string, Entry<C, B>> };
  get<C extends CollectionName>(collection: C, id: string): Entry<C, B>;
  /** All entries of a collection in id order. */
  all<C extends CollectionName>(collection: C): Entry<C, B>[];
  /** Entries sorted by their name or title in a locale's collation. */
  sorted<C extends CollectionName>(collection: C, locale: Locale): Entry<C, B>[];
  sortIds<C extends CollectionName>(collection: C, ids: readonly string[], locale: Locale): Entry<C, B>[];
  membersOf(clusterId: string): string[];
  productsOf(organisationId: string): string[];
  productsOfCluster(clusterId: string): string[];
  productsInCategory(category: string): string[];
  projectsOfCluster(clusterId: string): string[];
  projectsOfOrganisation(organisationId: string): string[];
  /** Every news item, newest first (ties by id). */
  newsNewestFirst(): string[];
  /** News that name a project or cluster among their related entries, newest first. */
  newsOf(kind: 'projects' | 'clusters', id: string): string[];
  /** A cluster's news: news that name the cluster, or a project of the cluster (see projectsOfCluster), newest first. */
  newsOfCluster(clusterId: string): string[];
  eventsOf(kind: 'projects' | 'clusters', id: string): string[];
  clustersOfProduct(productId: string): string[];
}

/** The name shown for an entry: name or title. */
export function displayName(text: object): string {
  const t = text as { name?: string; title?: string };
  return t.name ?? t.title ?? '';
}

const collators = new Map<Locale, Intl.Collator>();
export function collator(locale: Locale): Intl.Collator {
  let c = collators.get(locale);
  if (!c) {
    c = new Intl.Collator(intlTag(locale), { sensitivity: 'base', numeric: true });
    collators.set(locale, c);
  }
  return c;
}

/**
 * Texts of derived locales (Serbian Latin): the source locale's text,
 * transliterated except for its `keepAsWritten` phrases, under whatever an
 * editor wrote by hand for the locale. The body keeps the phrases too
 * (src/data/body.ts reads them from the record).
 */
function deriveTexts<B>(entry: Entry<CollectionName, B>) {
  for (const locale of localeCodes) {
    const from = derivedFrom(locale);
    const source = from && entry.texts[from];
    if (!source) continue;
    const own = entry.texts[locale];
    entry.texts[locale] = {
      locale,
      data: { ...serbianLatin(source.keepAsWritten).deep(source.data), ...(own?.data ?? {}) } as never,
      body: own?.hasBody ? own.body : source.body,
      hasBody: own?.hasBody || source.hasBody,
      transliterate: own?.hasBody ? undefined : 'serbian',
      keepAsWritten: source.keepAsWritten,
    };
  }
}

/**
 * A news item dated after the build date is scheduled: the site leaves it
 * out (its page, lists, feeds, sitemap, search) until a build on or after
 * its date.
 */
export function isScheduled(facts: { date: string }, today: string): boolean {
  return facts.date > today;
}

export interface ModelOptions {
  /** The build date (YYYY-MM-DD): news dated after it are scheduled and left out. Without it, every news item is in. */
  today?: string;
}

export function buildModel<B>(input: ModelInput<B>, options: ModelOptions = {}): SiteModel<B> {
  const names = Object.keys(input.facts) as CollectionName[];
  const entries = Object.fromEntries(names.map((c) => [c, new Map()])) as SiteModel<B>['entries'];
  for (const c of names) {
    const map = entries[c] as Map<string, Entry<CollectionName, B>>;
    for (const { id, data } of [...input.facts[c]].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      if (c === 'news' && options.today && isScheduled(data as Facts<'news'>, options.today)) continue;
      const source = ((data as { sourceLocale?: Locale }).sourceLocale ?? localeCodes[0]) as Locale;
      map.set(id, { collection: c, id, facts: data as never, source, texts: {} });
    }
    for (const t of input.texts[c]) {
      const entry = map.get(t.id);
      if (!entry) continue;
      // keepAsWritten is an instruction to the transliteration, not a text
      // field: kept beside the text, so no page shows it or counts it as untranslated.
      const { keepAsWritten, ...fields } = t.data as Partial<Text<CollectionName>> & { keepAsWritten?: string[] };
      const data = usesCommaBelow(t.locale) ? deepCommaBelow(fields) : fields;
      entry.texts[t.locale] = { locale: t.locale, data: data as never, body: t.body, hasBody: t.hasBody, keepAsWritten };
    }
    for (const entry of map.values()) deriveTexts(entry);
  }

  const members: Index = new Map();
  const productsByMaker: Index = new Map();
  const productsByCluster: Index = new Map();
  const productsByCategory: Index = new Map();
  const projectsByCluster: Index = new Map();
  const projectsByOrganisation: Index = new Map();
  const news: Index = new Map();
  const newsByCluster: Index = new Map();
  const events: Index = new Map();
  const clustersByProject: Index = new Map();

  for (const org of entries.organisations.values()) {
    for (const cluster of org.facts.clusters) push(members, cluster, org.id);
  }
  for (const product of entries.products.values()) {
    push(productsByMaker, product.facts.maker, product.id);
    push(productsByCategory, product.facts.category, product.id);
    const maker = entries.organisations.get(product.facts.maker);
    for (const cluster of maker?.facts.clusters ?? []) push(productsByCluster, cluster, product.id);
  }
  for (const project of entries.projects.values()) {
    const clusters = new Set(project.facts.clusters);
    for (const p of project.facts.partners) {
      if (p.cluster) clusters.add(p.cluster);
      if (p.organisation) push(projectsByOrganisation, p.organisation, project.id);
    }
    for (const cluster of clusters) {
      push(projectsByCluster, cluster, project.id);
      push(clustersByProject, project.id, cluster);
    }
  }
  // Sorted once, newest first; every news index is filled in this order, so it is sorted too.
  const newsNewestFirst = [...entries.news.values()]
    .sort((a, b) => (a.facts.date < b.facts.date ? 1 : a.facts.date > b.facts.date ? -1 : a.id < b.id ? -1 : 1))
    .map((n) => n.id);
  for (const id of newsNewestFirst) {
    const item = entries.news.get(id)!;
    const clusters = new Set(item.facts.clusters);
    for (const p of item.facts.projects) {
      push(news, `projects/${p}`, item.id);
      for (const c of clustersByProject.get(p) ?? []) clusters.add(c);
    }
    for (const c of item.facts.clusters) push(news, `clusters/${c}`, item.id);
    for (const c of clusters) push(newsByCluster, c, item.id);
  }
  for (const item of entries.events.values()) {
    for (const p of item.facts.projects) push(events, `projects/${p}`, item.id);
    for (const c of item.facts.clusters) push(events, `clusters/${c}`, item.id);
  }

  const sortedCache = new Map<string, Entry<CollectionName, B>[]>();
  const sortIds = <C extends CollectionName>(c: C, ids: readonly string[], locale: Locale) => {
    const coll = collator(locale);
    return ids
      .map((id) => entries[c].get(id) as Entry<C, B>)
      .map((e) => ({ e, name: displayName(localize(e, locale).text) }))
      .sort((a, b) => coll.compare(a.name, b.name) || (a.e.id < b.e.id ? -1 : 1))
      .map((x) => x.e);
  };

  return {
    entries,
    get(c, id) {
      const e = entries[c].get(id);
      if (!e) throw new Error(`No ${c} entry "${id}"`);
      return e as never;
    },
    all: (c) => [...entries[c].values()] as never,
    sorted(c, locale) {
      const key = `${c}/${locale}`;
      let list = sortedCache.get(key);
      if (!list) {
        list = sortIds(c, [...entries[c].keys()], locale) as Entry<CollectionName, B>[];
        sortedCache.set(key, list);
      }
      return list as never;
    },
    sortIds,
    membersOf: (id) => members.get(id) ?? [],
    productsOf: (id) => productsByMaker.get(id) ?? [],
    productsOfCluster: (id) => productsByCluster.get(id) ?? [],
    productsInCategory: (cat) => productsByCategory.get(cat) ?? [],
    projectsOfCluster: (id) => projectsByCluster.get(id) ?? [],
    projectsOfOrganisation: (id) => projectsByOrganisation.get(id) ?? [],
    newsNewestFirst: () => newsNewestFirst,
    newsOf: (kind, id) => news.get(`${kind}/${id}`) ?? [],
    newsOfCluster: (id) => newsByCluster.get(id) ?? [],
    eventsOf: (kind, id) => events.get(`${kind}/${id}`) ?? [],
    clustersOfProduct(id) {
      const product = entries.products.get(id);
      return product ? (entries.organisations.get(product.facts.maker)?.facts.clusters ?? []) : [];
    },
  };
}
