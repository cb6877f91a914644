/**
 * The one place where the site's locales are configured. Adding a locale is
 * a line here plus an `i18n/<code>.json` file of UI strings.
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
}

export const locales = [
  { code: 'en', lang: 'en', intl: 'en-GB', label: 'English', dir: 'ltr' },
  { code: 'bg', lang: 'bg', intl: 'bg', label: 'Български', dir: 'ltr' },
  { code: 'sr', lang: 'sr-Cyrl', intl: 'sr-Cyrl', label: 'Српски', dir: 'ltr' },
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
