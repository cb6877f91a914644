/**
 * The one place where the site's locales are configured. Adding a locale is
 * a line here plus an `i18n/<code>.json` file of UI strings.
 *
 * A locale may be derived from another by transliteration (Serbian Latin
 * from Serbian Cyrillic): editors write the source once, and its texts and
 * UI strings are transliterated at build time unless an editor wrote the
 * derived locale's file by hand, which then wins.
 */
export interface LocaleConfig {
  /** The code used in URLs and file names (`index.<code>.md`). */
  code: string;
  /** BCP 47 tag written into `<html lang>`. */
  lang: string;
  /** The tag Intl formats dates, numbers and sorting with. */
  intl: string;
  /** The language's own name, shown in the language switcher. */
  label: string;
  dir: 'ltr' | 'rtl';
  /** Texts and UI strings come from this locale, transliterated. */
  derivedFrom?: string;
}

export const locales = [
  { code: 'en', lang: 'en', intl: 'en-GB', label: 'English', dir: 'ltr' },
  { code: 'bg', lang: 'bg', intl: 'bg', label: 'Български', dir: 'ltr' },
  { code: 'sr', lang: 'sr-Cyrl', intl: 'sr-Cyrl', label: 'Српски', dir: 'ltr' },
  { code: 'sr-latn', lang: 'sr-Latn', intl: 'sr-Latn', label: 'Srpski', dir: 'ltr', derivedFrom: 'sr' },
  { code: 'ro', lang: 'ro', intl: 'ro', label: 'Română', dir: 'ltr' },
] as const satisfies readonly LocaleConfig[];

export type Locale = (typeof locales)[number]['code'];

export const defaultLocale: Locale = 'en';

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

/** The locale a derived locale is transliterated from, if any. */
export function derivedFrom(code: Locale): Locale | undefined {
  return localeConfig(code).derivedFrom as Locale | undefined;
}

/** Locales whose UI strings and texts editors write themselves. */
export const writtenLocales: readonly Locale[] = localeCodes.filter((l) => !derivedFrom(l));
