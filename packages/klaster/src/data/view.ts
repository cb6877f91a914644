/**
 * What every page template needs for one locale: translations, links with
 * the base path, localized entries. Shaping only; data comes from the model.
 */
import { translator } from '../lib/i18n.ts';
import { langTag, localeCodes, textAttributes, type Locale } from '../lib/locales.ts';
import { displayName, localize, type Entry, type Localized } from '../lib/model.ts';
import { entryPath, withBase } from '../lib/urls.ts';
import { taxonomyKey, type TaxonomyName } from '../lib/taxonomies.ts';
import type { CollectionName } from '../lib/content/fields.ts';
import type { Body } from './site.ts';
import type { ImageMetadata } from 'astro';

export interface Img {
  file: string;
  src: ImageMetadata;
}

/** An image of the facts (typed loosely by the shared schema) as Astro gives it. */
export const img = (ref: unknown) => ref as Img;

type PagedCollection = keyof typeof entryPath;

export function view(locale: Locale, base: string, site: URL) {
  const t = translator(locale);
  const href = (path: string) => withBase(path, base);
  return {
    locale,
    lang: langTag(locale),
    t,
    href,
    abs: (path: string) => new URL(withBase(path, base), site).href,
    label: (name: TaxonomyName, value: string) => t(taxonomyKey(name, value)),
    loc: <C extends CollectionName>(entry: Entry<C, Body>) => localize(entry, locale),
    /** `lang` and `dir` for a text field of a localized entry where it is shown in another locale (a fallback). */
    textAttributes<C extends CollectionName>(l: Localized<C, Body>, field: string) {
      const shownIn = l.entry.texts[locale] && !l.fallbackFields.includes(field) ? locale : l.entry.source;
      return textAttributes(shownIn, locale);
    },
    /** A product's images with their descriptions in this locale. */
    productImages(entry: Entry<'products', Body>) {
      const alt = localize(entry, locale).text.imageAlt ?? {};
      return entry.facts.images.map((ref) => ({ ...img(ref), alt: alt[img(ref).file] ?? '' }));
    },
    /** For the layout: the locales without a translation, and the canonical page. */
    pageMeta<C extends PagedCollection>(entry: Entry<C, Body>) {
      return {
        untranslated: localeCodes.filter((l) => !entry.texts[l]),
        canonicalPath: entry.texts[locale] ? undefined : entryPath[entry.collection as PagedCollection](entry.source, entry.id),
      };
    },
    /** A link to an entry's page: its address, its name, and the language the name is in. */
    link<C extends PagedCollection>(entry: Entry<C, Body>) {
      const l = localize(entry, locale);
      const own = entry.texts[locale]?.data as { name?: string; title?: string } | undefined;
      const nameLocale = own && (own.name ?? own.title) ? locale : entry.source;
      return {
        href: href(entryPath[entry.collection as PagedCollection](locale, entry.id)),
        name: displayName(l.text),
        summary: (l.text as { summary?: string }).summary,
        // A romanised fallback name is still that language's, in Latin script.
        lang: nameLocale === locale ? undefined : l.romanised ? `${langTag(nameLocale)}-Latn` : langTag(nameLocale),
        /** The name's direction where it is in another locale: an English name in an Arabic page is set left to right. */
        dir: textAttributes(nameLocale, locale).dir,
        loc: l,
      };
    },
  };
}

export type View = ReturnType<typeof view>;
