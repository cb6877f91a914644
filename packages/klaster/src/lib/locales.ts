/**
 * The site's locales: those site.yaml lists (`locales`, `defaultLocale`),
 * from the languages Klaster ships (locale-catalogue.ts) or defined by the
 * site; without a list, English, Bulgarian, Serbian (Cyrillic and Latin) and
 * Romanian. Every other module takes them from here.
 *
 * A locale may be derived from another by transliteration (Serbian Latin
 * from Serbian Cyrillic): editors write the source once, and its texts and
 * UI strings are transliterated at build time unless an editor wrote the
 * derived locale's file by hand, which then wins.
 */
import type { LocaleDefinition } from './locale-catalogue.ts';
import { readLocaleSetting } from './site/locale-setting.ts';

export type LocaleConfig = LocaleDefinition;

/** A locale code of the site, such as `en` or `sr-latn`. */
export type Locale = string;

const setting = readLocaleSetting();

export const locales: readonly LocaleConfig[] = setting.locales;

export const defaultLocale: Locale = setting.defaultLocale;

export const localeCodes: readonly Locale[] = locales.map((l) => l.code);

const byCode = new Map<string, LocaleConfig>(locales.map((l) => [l.code, l]));

export function isLocale(value: string): value is Locale {
  return byCode.has(value);
}

export function localeConfig(code: Locale): LocaleConfig {
  const config = byCode.get(code);
  if (!config) throw new Error(`Unknown locale "${code}"`);
  return config;
}

/** The BCP 47 tag of a locale, for `lang` attributes and Intl. */
export function langTag(code: Locale): string {
  return localeConfig(code).lang;
}

/** The Intl tag of a locale: English is formatted the European way (en-GB). */
export function intlTag(code: Locale): string {
  return localeConfig(code).intl;
}

/** The writing direction of a locale. */
export function direction(code: Locale): 'ltr' | 'rtl' {
  return localeConfig(code).dir;
}

/** The locale a derived locale is transliterated from, if any. */
export function derivedFrom(code: Locale): Locale | undefined {
  return localeConfig(code).derivedFrom;
}

/** Whether a locale's texts take comma-below ș ț for cedilla ş ţ (Romanian). */
export function usesCommaBelow(code: Locale): boolean {
  return !!byCode.get(code)?.commaBelow;
}

/** Which romanisation suits ids suggested for texts of a locale (`slugify`'s hint). */
export function slugHint(code: string | undefined): 'sr' | 'bg' | undefined {
  const script = code ? byCode.get(code)?.slugScript : undefined;
  return script === 'serbian' ? 'sr' : script === 'bulgarian' ? 'bg' : undefined;
}

/**
 * The romanisation of a source locale's texts shown on a derived (Latin)
 * page when the derived locale's own source has none: a Bulgarian text on a
 * Serbian Latin page. Undefined when the page is not derived, the text comes
 * from the derived locale's own source (transliterated already) or the
 * source language has no romanisation configured (then it is shown as
 * written, marked with its lang).
 */
export function fallbackRomanisation(page: Locale, source: Locale): 'serbian' | 'bulgarian' | undefined {
  const from = derivedFrom(page);
  if (!from || from === source) return undefined;
  return byCode.get(source)?.slugScript;
}

/** Locales whose UI strings and texts editors write themselves. */
export const writtenLocales: readonly Locale[] = localeCodes.filter((l) => !derivedFrom(l));

/**
 * The `lang` and `dir` of a text in one locale shown on a page of another
 * (a fallback): the text's own, so that screen readers pronounce it in its
 * language and the browser's bidi algorithm lays it out in its own direction
 * (an English name inside an Arabic page). Nothing when they are the same.
 */
export function textAttributesOf(text: Pick<LocaleConfig, 'code' | 'lang' | 'dir'>, page: Pick<LocaleConfig, 'code'>): { lang?: string; dir?: 'ltr' | 'rtl' } {
  return text.code === page.code ? {} : { lang: text.lang, dir: text.dir };
}

/** textAttributesOf for two of the site's locales. */
export function textAttributes(textLocale: Locale, pageLocale: Locale): { lang?: string; dir?: 'ltr' | 'rtl' } {
  return textAttributesOf(localeConfig(textLocale), localeConfig(pageLocale));
}

/**
 * The locales whose pages this build writes: every locale, or those a
 * sharded build was given (`klaster build --shard 1/2` or `--locales en,bg`
 * set KLASTER_BUILD_LOCALES; src/lib/shards.ts). Only the pages' paths
 * follow it: a page still links every locale's translation, and the shards
 * are merged into one site (`klaster merge`).
 */
export const builtLocales: readonly Locale[] = builtLocalesFrom(process.env.KLASTER_BUILD_LOCALES, localeCodes);

/** The locales of KLASTER_BUILD_LOCALES (comma-separated), in the site's order; every locale when unset. */
export function builtLocalesFrom(value: string | undefined, codes: readonly Locale[]): readonly Locale[] {
  if (!value?.trim()) return codes;
  const asked = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = asked.filter((code) => !codes.includes(code));
  if (unknown.length)
    throw new Error(`KLASTER_BUILD_LOCALES names ${unknown.map((c) => `"${c}"`).join(', ')}, not a locale of the site (${codes.join(', ')}).`);
  return codes.filter((code) => asked.includes(code));
}
